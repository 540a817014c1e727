/** Drives the Sở's own (compiled) report through its lifecycle over HTTP, each step by the Sở's own people. */
import { send, type Client } from './lifecycle';

/** The Sở Nội vụ's demo users who act on its report (password "demo"). */
export const SO_USERS = [
  'snv.cchc',
  'snv.cchc.cv',
  'snv.vp.truong',
  'snv.vp.cv',
  'snv.tcbc.truong',
  'snv.tcbc.cv',
  'snv.pgd',
  'snv.gd',
  'snv.vanthu',
];
/** Who drafts and who accepts first (the unit's head) the parts of each of the Sở's units. */
export const SO_DRAFTER_OF: Record<string, string> = { VP: 'snv.vp.cv', CCHC: 'snv.cchc.cv', TCBC: 'snv.tcbc.cv' };
export const SO_HEAD_OF: Record<string, string> = { VP: 'snv.vp.truong', CCHC: 'snv.cchc', TCBC: 'snv.tcbc.truong' };

/**
 * From draft to awaiting signature under POLICY_SO_PGD: the Phòng CCHC hands out the parts, each unit's
 * drafter writes and submits its parts, its head accepts them, the Phòng CCHC accepts, compiles, presents.
 */
export async function driveSoToAwaitingSignature(
  c: Client,
  report: { id: string; version: number; sections: { id: string; unit: { code: string } }[] },
): Promise<number> {
  let v = await send(c, 'snv.cchc', report.id, report.version, 'open_collection');
  for (const s of report.sections) {
    const drafter = SO_DRAFTER_OF[s.unit.code];
    v = await send(c, drafter, report.id, v, 'start_drafting', { sectionId: s.id });
    v = await send(c, drafter, report.id, v, 'submit_section', { sectionId: s.id });
    v = await send(c, SO_HEAD_OF[s.unit.code], report.id, v, 'head_accept_section', { sectionId: s.id });
    v = await send(c, 'snv.cchc', report.id, v, 'accept_section', { sectionId: s.id });
  }
  v = await send(c, 'snv.cchc', report.id, v, 'start_compiling');
  return send(c, 'snv.cchc', report.id, v, 'send_for_signature');
}

import { DRAFTER_OF, send, type Client } from './lifecycle';

/**
 * From a fresh report (draft) to dispatched, each part drafted by its unit's drafter, who types the
 * part's figures (`figures[part code]`, values as typed) before submitting it (shared by the aggregation tests).
 */
export async function driveToDispatchedWithFigures(
  c: Client,
  report: { id: string; version: number; sections: { id: string; code: string; unit: { code: string } }[] },
  figures: Record<string, Record<string, string[]>>,
): Promise<number> {
  let v = await send(c, 'vhxh.truong', report.id, report.version, 'open_collection');
  for (const s of report.sections) {
    const d = DRAFTER_OF[s.unit.code];
    v = await send(c, d, report.id, v, 'start_drafting', { sectionId: s.id });
    if (figures[s.code]) {
      const res = await fetch(`${c.base}/api/reports/${report.id}/sections/${s.id}/content`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${c.tokens[d]}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ baseRevisionId: null, content: { blocks: [] }, figures: { values: figures[s.code] } }),
      });
      if (res.status !== 200) throw new Error(`figures of ${s.code}: ${res.status} ${await res.text()}`);
    }
    v = await send(c, d, report.id, v, 'submit_section', { sectionId: s.id });
    v = await send(c, 'vhxh.truong', report.id, v, 'accept_section', { sectionId: s.id });
  }
  v = await send(c, 'vhxh.truong', report.id, v, 'start_compiling');
  v = await send(c, 'vhxh.truong', report.id, v, 'send_for_signature');
  v = await send(c, 'pct.vhxh', report.id, v, 'sign');
  v = await send(c, 'vanthu', report.id, v, 'issue');
  return send(c, 'vanthu', report.id, v, 'dispatch');
}

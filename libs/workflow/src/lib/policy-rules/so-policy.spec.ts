/**
 * A Sở's own report under POLICY_SO_PGD (issue 12 §5: the compiled report): its units draft, its heads
 * accept, its Phòng CCHC compiles, its Phó Giám đốc signs "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", its văn thư
 * issues; a commune's people act on nothing; every sentence names the Sở's units.
 */
import { CCHC_QUARTERLY } from '@trinhky/domain';
import { allowedEvents, decide } from '../answers';
import { deriveSignatureBlock, signingOrganisationFor, signingOrganisationOfHead } from '../authority';
import type { Decision, ReportRecord, WorkflowActor } from '../contract';
import { inScope, inboxScope } from '../inbox-scope';
import { POLICY_SO_PGD, POLICY_VHXH_PCT } from '../policies';
import { reportContext, reportState, sectionState } from '../snapshots';
import { CAST, NOW, newReport, send } from '../../testing/fixtures';
import { SO_CAST, SO_DRAFTER, SO_HEAD, SO_SECTIONS } from '../../testing/so-fixtures';
import { mayCompileRequest } from './compile';
import { delegationProblems } from './delegation';
import { mayEditPart } from './editing';
import { mayOpenReport } from './opening';
import { partUnit, policyUnitProblems, unitName, withUnitNames } from './units';

const SO_UNITS = [
  { code: 'VP', name: 'Văn phòng Sở' },
  { code: 'CCHC', name: 'Phòng Cải cách hành chính – Văn thư lưu trữ' },
  { code: 'TCBC', name: 'Phòng Tổ chức – Biên chế' },
];
const POLICY = withUnitNames(POLICY_SO_PGD, SO_UNITS);
const refusal = (d: Decision) => (d.ok ? null : { code: d.code, reason: d.reason });
const COMMUNE = Object.values(CAST).filter((c) => c.kind !== 'system') as WorkflowActor[];

describe('a Sở’s units in its policy', () => {
  it('assigns the template’s parts to the Sở’s units', () => {
    const units = Object.fromEntries(CCHC_QUARTERLY.parts.map((p) => [p.code, partUnit(POLICY, p)]));
    expect(units).toEqual({
      opening: 'CCHC',
      I: 'CCHC',
      'II.1': 'VP',
      'II.2': 'CCHC',
      'II.3': 'TCBC',
      'II.4': 'TCBC',
      'II.5': 'VP',
      'II.6': 'VP',
      III: 'CCHC',
      IV: 'CCHC',
      V: 'CCHC',
    });
    // A commune's policy keeps the template's own units.
    expect(CCHC_QUARTERLY.parts.map((p) => partUnit(POLICY_VHXH_PCT, p))).toEqual(CCHC_QUARTERLY.parts.map((p) => p.unit));
  });

  it('says which units an organisation lacks before the policy can run there', () => {
    expect(policyUnitProblems(POLICY, CCHC_QUARTERLY.parts, ['VP', 'CCHC', 'TCBC'])).toEqual([]);
    const commune = policyUnitProblems(POLICY, CCHC_QUARTERLY.parts, ['VP', 'KT', 'VHXH', 'HCC']);
    expect(commune.map((p) => p.field)).toEqual([
      'compilingUnit',
      'part:opening',
      'part:I',
      'part:II.2',
      'part:II.3',
      'part:II.4',
      'part:III',
      'part:IV',
      'part:V',
    ]);
    expect(commune[4].reason).toBe(
      'Phần II.3 Cải cách tổ chức bộ máy hành chính nhà nước được giao cho đơn vị TCBC, cơ quan chưa có đơn vị này: thêm đơn vị trong Quản trị → Đơn vị, hoặc giao cho đơn vị khác.',
    );
    expect(policyUnitProblems(POLICY_VHXH_PCT, CCHC_QUARTERLY.parts, ['VP', 'KT', 'VHXH', 'HCC'])).toEqual([]);
    expect(unitName(POLICY, 'TCBC')).toBe('Phòng Tổ chức – Biên chế');
    expect(unitName(POLICY_VHXH_PCT, 'VHXH')).toBe('Phòng Văn hóa - Xã hội');
  });

  it('refuses a commune’s compiler and names the Sở’s compiling unit (not the commune’s)', () => {
    expect(mayOpenReport(POLICY, SO_CAST.cchcHead)).toEqual({ ok: true });
    const reason =
      'Chỉ lãnh đạo hoặc chuyên viên tổng hợp của Phòng Cải cách hành chính – Văn thư lưu trữ (đơn vị chủ trì) mới được mở báo cáo CCHC.';
    expect(mayOpenReport(POLICY, CAST.compiler)).toEqual({ ok: false, reason });
    const facts = { issuerId: 'snv', hasAnnex: true, submitted: 2, compiledReportId: null };
    expect(mayCompileRequest(POLICY, { organisationId: 'snv', roles: ['viewer'], unit: null }, facts)).toEqual({
      ok: false,
      code: 'forbidden',
      reason,
    });
    expect(mayCompileRequest(POLICY, { organisationId: 'snv', roles: SO_CAST.cchcDrafter.roles, unit: 'CCHC' }, facts)).toEqual({
      ok: true,
    });
  });
});

describe('the Sở’s report through its lifecycle', () => {
  /** Draft → collecting → each part drafted, accepted by its head, then by the compiler → compiling → awaiting signature. */
  function toAwaitingSignature(): ReportRecord {
    let r = send(newReport(POLICY, SO_SECTIONS), SO_CAST.cchcHead, { type: 'open_collection' });
    for (const s of SO_SECTIONS) {
      r = send(r, SO_DRAFTER[s.unit], { type: 'start_drafting', sectionId: s.id });
      r = send(r, SO_DRAFTER[s.unit], { type: 'submit_section', sectionId: s.id });
      r = send(r, SO_HEAD[s.unit], { type: 'head_accept_section', sectionId: s.id });
      r = send(r, SO_CAST.cchcHead, { type: 'accept_section', sectionId: s.id });
    }
    r = send(r, SO_CAST.cchcHead, { type: 'start_compiling' });
    return send(r, SO_CAST.cchcHead, { type: 'send_for_signature' });
  }

  it('is signed by the Phó Giám đốc in charge: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", no "TM." line; issued and dispatched by its văn thư', () => {
    let r = toAwaitingSignature();
    expect(reportState(r.snapshot)).toBe('awaiting_signature');
    const d = decide(r, SO_CAST.deputy, { type: 'sign' }, NOW);
    expect(d.ok && d.effects).toContainEqual({
      type: 'record_signature',
      signerId: 's-pgd',
      lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
      name: 'Nguyễn Quốc Bảo',
    });
    expect(d.ok && d.summary).toBe('Ký báo cáo (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC — Nguyễn Quốc Bảo).');
    r = send(r, SO_CAST.deputy, { type: 'sign' });
    expect(reportContext(r.snapshot).signature?.lines).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    r = send(r, SO_CAST.clerk, { type: 'issue' });
    r = send(r, SO_CAST.clerk, { type: 'dispatch' });
    expect(reportState(r.snapshot)).toBe('submitted');
  });

  /**
   * Units are judged here, organisations by the API (another organisation's report is 404, a superior's
   * 403, before the workflow is asked: apps/api so-report.int.spec.ts). A commune's unit whose code the
   * Sở also uses ("VP") is the API's to refuse; every other commune person gets nothing from the workflow itself.
   */
  const SO_CODES = new Set(SO_SECTIONS.map((s) => s.unit));
  it('offers a commune’s people nothing at any step, and refuses them with the Sở’s words', () => {
    let r = newReport(POLICY, SO_SECTIONS);
    const nothingForCommune = (x: ReportRecord) => {
      for (const who of COMMUNE.filter((c) => !c.unit || !SO_CODES.has(c.unit)))
        expect([who.userId, allowedEvents(x, who, NOW)]).toEqual([who.userId, []]);
    };
    nothingForCommune(r);
    expect(refusal(decide(r, CAST.headVHXH, { type: 'open_collection' }, NOW))).toEqual({
      code: 'forbidden',
      reason:
        'Chỉ lãnh đạo hoặc chuyên viên tổng hợp của Phòng Cải cách hành chính – Văn thư lưu trữ (đơn vị chủ trì) mới được giao soạn và thu thập báo cáo.',
    });
    r = send(r, SO_CAST.cchcHead, { type: 'open_collection' });
    nothingForCommune(r);
    expect(refusal(decide(r, CAST.drafterKT, { type: 'start_drafting', sectionId: 'II.1' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ chuyên viên của Văn phòng Sở hoặc người được giao mới được bắt đầu soạn phần II.1.',
    });
    r = send(r, SO_CAST.vpDrafter, { type: 'start_drafting', sectionId: 'II.1' });
    const d = decide(r, SO_CAST.vpDrafter, { type: 'submit_section', sectionId: 'II.1' }, NOW);
    expect(d.ok && d.summary).toBe('Nộp phần II.1 (Văn phòng Sở).');
    r = send(r, SO_CAST.vpDrafter, { type: 'submit_section', sectionId: 'II.1' });
    expect(refusal(decide(r, SO_CAST.tcbcHead, { type: 'head_accept_section', sectionId: 'II.1' }, NOW))?.reason).toBe(
      'Chỉ trưởng đơn vị Văn phòng Sở mới được chấp nhận (trưởng phòng) phần II.1.',
    );
    const awaiting = toAwaitingSignature();
    nothingForCommune(awaiting);
    expect(refusal(decide(awaiting, CAST.pctVhxh, { type: 'sign' }, NOW))).toEqual({
      code: 'forbidden',
      reason: 'Chỉ Phó Giám đốc phụ trách lĩnh vực cải cách hành chính mới được ký báo cáo này.',
    });
    // The Sở's Giám đốc is not the signer this policy names (as a commune's Chủ tịch under VHXH_PCT).
    expect(refusal(decide(awaiting, SO_CAST.director, { type: 'sign' }, NOW))?.code).toBe('forbidden');
  });

  it('lets exactly the people the machine accepts edit a part (mayEditPart agrees under SO_PGD)', () => {
    const people = Object.values(SO_CAST) as WorkflowActor[];
    const check = (r: ReportRecord) => {
      for (const who of [...people, ...COMMUNE]) {
        const submit = new Set(
          allowedEvents(r, who, NOW)
            .filter((e) => e.type === 'submit_section')
            .map((e) => e.sectionId),
        );
        for (const s of r.sections) {
          const editable = mayEditPart(
            who,
            { unit: s.unit, assigneeId: s.assigneeId, state: sectionState(s.snapshot) },
            reportState(r.snapshot),
          ).ok;
          expect([who.userId, s.id, editable]).toEqual([who.userId, s.id, submit.has(s.id)]);
        }
      }
    };
    let r = send(newReport(POLICY, SO_SECTIONS), SO_CAST.cchcHead, { type: 'open_collection' });
    check(r);
    r = send(r, SO_CAST.tcbcDrafter, { type: 'start_drafting', sectionId: 'II.3' });
    r = send(r, SO_CAST.cchcDrafter, { type: 'start_drafting', sectionId: 'I' });
    check(r);
  });

  it('is in the Phó Giám đốc’s inbox scope while it waits for signature', () => {
    expect(inScope(inboxScope(SO_CAST.deputy, ['cancel']), toAwaitingSignature())).toBe(true);
  });
});

describe('signature blocks and delegations of a Sở (head regime)', () => {
  const sign = (signer: WorkflowActor, delegation?: Parameters<typeof deriveSignatureBlock>[0]['delegation']) =>
    deriveSignatureBlock({ organisation: signingOrganisationFor(POLICY), signer, delegation, reportKind: 'CCHC', at: NOW });

  it('derives GIÁM ĐỐC for the head, KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC for a deputy, and never a TM. line', () => {
    expect(sign(SO_CAST.director)).toEqual({ ok: true, lines: ['GIÁM ĐỐC'], name: 'Đoàn Thị Mỹ' });
    expect(sign(SO_CAST.deputy)).toEqual({ ok: true, lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Quốc Bảo' });
    const tuq = { kind: 'TUQ' as const, fromPosition: 'GIAM_DOC' as const, validFrom: '2025-09-01', validTo: '2025-12-31' };
    expect(sign(SO_CAST.vpHead, tuq)).toEqual({ ok: true, lines: ['TUQ. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'], name: 'Phạm Thu Hà' });
    expect(sign(SO_CAST.vpHead)).toEqual({
      ok: false,
      reason: 'Chánh Văn phòng không có thẩm quyền ký văn bản của cơ quan khi không được ủy quyền.',
    });
    expect(sign(SO_CAST.deputy, { kind: 'TM', fromPosition: 'GIAM_DOC' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('TM.'),
    });
    // The admin's preview of a delegation from the Giám đốc speaks for the same body.
    expect(signingOrganisationOfHead('GIAM_DOC')).toEqual(signingOrganisationFor(POLICY));
    // A commune's policy keeps its committee.
    expect(signingOrganisationFor(POLICY_VHXH_PCT).collectiveTitle).toBe('ỦY BAN NHÂN DÂN');
  });

  it('lets only the Giám đốc delegate, KT. only to a Phó Giám đốc', () => {
    const day = { day: '2025-10-01' };
    expect(delegationProblems({ kind: 'KT', fromPosition: 'GIAM_DOC' }, SO_CAST.deputy, day)).toEqual([]);
    expect(delegationProblems({ kind: 'KT', fromPosition: 'GIAM_DOC' }, CAST.pctVhxh, day)).toEqual([
      { field: 'userId', reason: 'Chỉ Phó Giám đốc mới được ký thay (KT.) Giám đốc.' },
    ]);
    expect(delegationProblems({ kind: 'Q', fromPosition: 'PHO_GIAM_DOC' }, SO_CAST.vpHead, day)[0]).toEqual({
      field: 'fromPosition',
      reason: 'Chỉ Giám đốc mới giao ủy quyền được (không phải Phó Giám đốc); người được ủy quyền cũng không được ủy quyền lại.',
    });
    expect(
      delegationProblems({ kind: 'TUQ', fromPosition: 'GIAM_DOC', validFrom: '2025-09-01', validTo: '2025-12-31' }, SO_CAST.director, day),
    ).toEqual([{ field: 'userId', reason: 'Giám đốc ký với thẩm quyền của mình, không cần ủy quyền.' }]);
  });
});

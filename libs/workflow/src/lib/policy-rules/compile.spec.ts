import { POLICY_VHXH_PCT } from '../policies';
import { AGGREGATED_REPORT_STATES, countsInAggregate, mayCompileRequest } from './compile';

describe('the compiled report of a request', () => {
  it('counts the reports sent to the superior: dispatched or received, not merely issued, never refused back to collecting', () => {
    expect([...AGGREGATED_REPORT_STATES].sort()).toEqual(['acknowledged', 'submitted']);
    expect(countsInAggregate('issued')).toBe(false);
    expect(countsInAggregate('collecting')).toBe(false);
    expect(countsInAggregate(null)).toBe(false);
  });

  const facts = { issuerId: 'so', hasAnnex: true, submitted: 2, compiledReportId: null };
  const compiler = { organisationId: 'so', roles: ['compiler'], unit: 'VHXH' as const };

  it('is opened by the issuer’s compilers of the kind, once, when someone submitted and the template has an annex', () => {
    expect(mayCompileRequest(POLICY_VHXH_PCT, compiler, facts)).toEqual({ ok: true });
    expect(mayCompileRequest(POLICY_VHXH_PCT, { ...compiler, organisationId: 'xa' }, facts)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(mayCompileRequest(POLICY_VHXH_PCT, { ...compiler, roles: ['viewer'] }, facts)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(mayCompileRequest(POLICY_VHXH_PCT, { ...compiler, unit: 'KT' }, facts)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(mayCompileRequest(POLICY_VHXH_PCT, compiler, { ...facts, hasAnnex: false })).toMatchObject({ code: 'invalid' });
    expect(mayCompileRequest(POLICY_VHXH_PCT, compiler, { ...facts, submitted: 0 })).toMatchObject({ code: 'invalid' });
    expect(mayCompileRequest(POLICY_VHXH_PCT, compiler, { ...facts, compiledReportId: 'r1' })).toEqual({
      ok: false,
      code: 'conflict',
      reason: 'Báo cáo tổng hợp đã được lập từ văn bản này.',
      reportId: 'r1',
    });
  });
});

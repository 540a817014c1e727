import { mayAnswerArrival, mayRetryDelivery, receiptRecordedBy } from './receipt';
import { receiptRecorderProblem } from '../guards';

const SNV = 'snv-id';
const clerk = { organisationId: SNV, roles: ['clerk'] };

describe('receipt between agencies', () => {
  it('the receiving agency’s văn thư receives or refuses (with a reason) an entry that has arrived', () => {
    expect(mayAnswerArrival(clerk, { organisationId: SNV, status: 'arrived' }, 'receive')).toEqual({ ok: true });
    expect(mayAnswerArrival(clerk, { organisationId: SNV, status: 'arrived' }, 'refuse', 'Sai mẫu')).toEqual({ ok: true });
  });

  it('a refusal without a reason, an answer twice, another role, another agency: each refused with its code', () => {
    const arrived = { organisationId: SNV, status: 'arrived' as const };
    expect(mayAnswerArrival(clerk, arrived, 'refuse', '  ')).toMatchObject({ ok: false, code: 'invalid' });
    expect(mayAnswerArrival(clerk, { ...arrived, status: 'received' }, 'receive')).toMatchObject({ ok: false, code: 'conflict' });
    expect(mayAnswerArrival(clerk, { ...arrived, status: 'refused' }, 'refuse', 'x')).toMatchObject({ ok: false, code: 'conflict' });
    expect(mayAnswerArrival({ organisationId: SNV, roles: ['viewer'] }, arrived, 'receive')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(mayAnswerArrival({ organisationId: 'commune', roles: ['clerk'] }, arrived, 'receive')).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('the machine’s guard: in the system only the receiver’s văn thư (the sender’s is told why, 422); outside it the sender’s', () => {
    const receiver = { organisationId: SNV, name: 'Sở Nội vụ' };
    expect(receiptRecorderProblem({ ...clerk }, receiver)).toBeNull();
    expect(receiptRecorderProblem({ organisationId: 'commune', roles: ['clerk'] }, receiver)).toMatchObject({ code: 'invalid' });
    expect(receiptRecorderProblem({ organisationId: 'commune', roles: ['clerk'] }, null)).toBeNull();
    expect(receiptRecorderProblem({ organisationId: 'commune', roles: ['compiler'] }, null)).toMatchObject({ code: 'forbidden' });
    expect(receiptRecordedBy(receiver)).toBe('receiver');
    expect(receiptRecordedBy(null)).toBe('sender');
  });

  it('a pending delivery is tried again on request by the sender’s văn thư only; another agency does not see it', () => {
    const commune = 'commune-id';
    expect(mayRetryDelivery({ organisationId: commune, roles: ['clerk', 'viewer'] }, { organisationId: commune })).toEqual({ ok: true });
    expect(mayRetryDelivery({ organisationId: commune, roles: ['compiler'] }, { organisationId: commune })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(mayRetryDelivery(clerk, { organisationId: commune })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

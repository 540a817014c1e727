import { agencyCodeProblem } from './agency-code.component';

describe('agencyCodeProblem', () => {
  it('accepts the QĐ 20/2020 form and an empty value (clears), refuses anything else with the reason', () => {
    expect(agencyCodeProblem('000.00.31.H41')).toBeNull();
    expect(agencyCodeProblem('  ')).toBeNull();
    expect(agencyCodeProblem('H41')).toContain('000.00.31.H41');
    expect(agencyCodeProblem('000.00.31.h41')).toContain('Quyết định 20/2020');
  });
});

import { workflow } from './workflow';

describe('workflow', () => {
  it('should work', () => {
    expect(workflow()).toEqual('workflow');
  });
});

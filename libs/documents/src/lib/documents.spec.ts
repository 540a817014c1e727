import { documents } from './documents';

describe('documents', () => {
  it('should work', () => {
    expect(documents()).toEqual('documents');
  });
});

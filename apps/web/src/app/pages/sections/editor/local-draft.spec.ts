import { clearDraft, draftKey, readDraft, retryable, writeDraft } from './local-draft';

describe('local drafts', () => {
  const key = draftKey('r1', 's1');
  afterEach(() => localStorage.clear());

  it('keeps what was typed per report and section until it is cleared', () => {
    const content = { blocks: [{ type: 'paragraph' as const, runs: [{ text: 'Đoạn chưa lưu' }] }] };
    writeDraft(key, { baseRevisionId: 'rev-1', content, savedAt: '2026-11-26T08:00:00.000Z' });
    expect(readDraft(key)).toEqual({ baseRevisionId: 'rev-1', content, savedAt: '2026-11-26T08:00:00.000Z' });
    expect(readDraft(draftKey('r1', 's2'))).toBeNull();
    clearDraft(key);
    expect(readDraft(key)).toBeNull();
  });

  it('ignores a damaged entry instead of throwing', () => {
    localStorage.setItem(key, '{not json');
    expect(readDraft(key)).toBeNull();
    localStorage.setItem(key, JSON.stringify({ content: { blocks: 'x' } }));
    expect(readDraft(key)).toBeNull();
  });

  it('retries network failures and server errors, not refusals', () => {
    expect([null, 0, 500, 503, 408, 429].map(retryable)).toEqual([true, true, true, true, true, true]);
    expect([400, 403, 404, 409, 422].map(retryable)).toEqual([false, false, false, false, false]);
  });
});

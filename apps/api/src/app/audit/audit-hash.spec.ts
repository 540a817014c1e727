import { auditEntryHash, genesisHash, verifyChain, type HashedAuditFields } from './audit-hash';

function chain(reportId: string, n: number): (HashedAuditFields & { id: string; hash: string })[] {
  const out: (HashedAuditFields & { id: string; hash: string })[] = [];
  let prev = genesisHash(reportId);
  for (let i = 1; i <= n; i++) {
    const e: HashedAuditFields = {
      reportId,
      seq: i,
      at: new Date(Date.UTC(2026, 0, i)),
      actorId: 'u1',
      actorName: 'Đặng Văn Tùng',
      actorPosition: 'CHUYEN_VIEN',
      event: 'submit_section',
      fromState: 'drafting',
      toState: 'submitted',
      sectionId: null,
      comment: i === 2 ? 'Bổ sung số liệu' : null,
      summary: `Bước ${i}`,
      contentHash: null,
      prevHash: prev,
    };
    const hash = auditEntryHash(e);
    out.push({ ...e, id: `e${i}`, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    expect(verifyChain('r1', chain('r1', 5))).toEqual({ ok: true, entries: 5 });
  });

  it('names the edited entry when a field is changed', () => {
    const c = chain('r1', 5);
    c[2] = { ...c[2], comment: 'sửa lén' };
    expect(verifyChain('r1', c)).toMatchObject({ ok: false, firstBrokenEntryId: 'e3' });
  });

  it('names the entry after a deleted one', () => {
    const c = chain('r1', 5);
    c.splice(1, 1);
    expect(verifyChain('r1', c)).toMatchObject({ ok: false, firstBrokenEntryId: 'e3' });
  });

  it('detects a chain moved to another report', () => {
    expect(verifyChain('r2', chain('r1', 3))).toMatchObject({ ok: false, firstBrokenEntryId: 'e1' });
  });

  it('detects an entry whose hash was recomputed after editing (the next link breaks)', () => {
    const c = chain('r1', 4);
    const edited = { ...c[1], summary: 'khác' };
    c[1] = { ...edited, hash: auditEntryHash(edited) };
    expect(verifyChain('r1', c)).toMatchObject({ ok: false, firstBrokenEntryId: 'e3' });
  });
});

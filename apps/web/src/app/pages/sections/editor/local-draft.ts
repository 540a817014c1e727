import type { SaveConflict, SectionDetail } from '@trinhky/contracts';
import type { SectionContent } from '@trinhky/domain';

/** What the editor keeps on this device until the server has it: nothing typed is lost to a failed save. */
export interface LocalDraft {
  /** The revision the draft was typed on top of. */
  baseRevisionId: string | null;
  content: SectionContent;
  savedAt: string;
}

const PREFIX = 'tk.draft.';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

export function draftKey(reportId: string, sectionId: string): string {
  return `${PREFIX}${reportId}.${sectionId}`;
}

export function readDraft(key: string): LocalDraft | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    if (!d.content || !Array.isArray(d.content.blocks)) return null;
    return { baseRevisionId: d.baseRevisionId ?? null, content: d.content, savedAt: d.savedAt ?? '' };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: LocalDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    /* quota exceeded: the autosave still runs */
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Network failures and server errors are worth retrying; a 4xx answer will not change by itself. */
export function retryable(status: number | null): boolean {
  return status === null || status === 0 || status >= 500 || status === 408 || status === 429;
}

/**
 * What the editor says when a save failed and will be retried: the server's own words when it said
 * why (503: the database is unavailable), and always that the text is kept on this device.
 */
export function retryMessage(serverSays: string | null, retryMs: number): string {
  const why = serverSays ? `Chưa lưu được lên máy chủ: ${serverSays}` : 'Chưa lưu được lên máy chủ (mất kết nối hoặc máy chủ bận).';
  return `${why} Nội dung vẫn được giữ trên máy này và sẽ tự lưu lại sau ${Math.round(retryMs / 1000)} giây; bạn cũng có thể bấm "Lưu ngay".`;
}

/** A draft kept on this device, typed on an older revision than the current one: shown as a conflict with the saved content. */
export function draftConflict(section: SectionDetail, saved: SectionContent): SaveConflict {
  const current = section.revisions.find((r) => r.id === section.currentRevisionId);
  return {
    statusCode: 409,
    message: 'Trên máy này còn nội dung chưa lưu, soạn trên một phiên bản cũ hơn phiên bản hiện tại của phần này.',
    current: {
      revisionId: section.currentRevisionId ?? '',
      content: saved,
      author: current?.author ?? null,
      createdAt: current?.createdAt ?? '',
    },
  };
}

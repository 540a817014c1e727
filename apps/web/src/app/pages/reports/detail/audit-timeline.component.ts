import { Component, computed, input } from '@angular/core';
import { POSITION_TITLES, type PositionCode } from '@trinhky/domain';
import { formatDateTime } from '../../../core/format';
import { eventName, reportStateLabel, sectionStateLabel } from '../../../core/labels';
import type { AuditEntry, ChainCheck, SectionSummary } from '@trinhky/contracts';

/** "Nhật ký": the report's audit entries, newest first, with the hash-chain check. */
@Component({
  selector: 'tk-audit-timeline',
  template: `
    @if (verify(); as v) {
      @if (v.ok) {
        <p class="tk-info" data-testid="audit-verify">
          Chuỗi nhật ký toàn vẹn: {{ v.entries }} bản ghi đã được kiểm tra, không có bản ghi nào bị sửa.
        </p>
      } @else {
        <p class="tk-error" role="alert" data-testid="audit-verify">
          Phát hiện nhật ký bị sửa đổi! Bản ghi hỏng đầu tiên: {{ v.firstBrokenEntryId ?? 'không rõ' }}.
        </p>
      }
    }
    @if (entries(); as list) {
      <ol class="timeline" aria-label="Nhật ký xử lý báo cáo" reversed>
        @for (e of view(); track e.id) {
          <li data-testid="audit-entry" [attr.data-event]="e.event">
            <div class="when">{{ formatDateTime(e.at) }}</div>
            <div class="what">
              <strong>{{ e.summary || eventName(e.event) }}</strong>
              @if (e.stateText) {
                <span class="tk-muted"> — {{ e.stateText }}</span>
              }
            </div>
            <div class="who">
              {{ e.actor.name }}
              @if (e.positionTitle) {
                , {{ e.positionTitle }}
              }
            </div>
            @if (e.sectionText) {
              <div class="tk-muted">Phần: {{ e.sectionText }}</div>
            }
            @if (e.comment) {
              <blockquote>{{ e.comment }}</blockquote>
            }
            <div class="hash tk-muted" [attr.title]="'SHA-256: ' + e.hash">#{{ e.seq }} · mã băm {{ e.hash.slice(0, 12) }}…</div>
          </li>
        } @empty {
          <li class="tk-muted">Chưa có bản ghi nào.</li>
        }
      </ol>
    } @else {
      <p class="tk-muted" role="status">Đang tải nhật ký…</p>
    }
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 12px 0;
      padding: 0 0 0 16px;
      border-left: 3px solid #c9d3df;
    }
    li {
      position: relative;
      padding: 8px 12px 12px;
      margin-bottom: 4px;
      background: #fff;
      border: 1px solid #e1e6ec;
      border-radius: 6px;
    }
    li::before {
      content: '';
      position: absolute;
      left: -24px;
      top: 14px;
      width: 11px;
      height: 11px;
      border-radius: 50%;
      background: #0b5cad;
    }
    .when {
      font-size: 0.85rem;
      color: #5b6470;
    }
    .who {
      font-size: 0.9rem;
    }
    .hash {
      font-size: 0.75rem;
      font-family: monospace;
    }
    blockquote {
      margin: 6px 0;
      padding: 4px 10px;
      border-left: 3px solid #f0a202;
      background: #fff8e6;
    }
  `,
})
export class AuditTimelineComponent {
  readonly entries = input<AuditEntry[] | null>(null);
  readonly verify = input<ChainCheck | null>(null);
  readonly sections = input<SectionSummary[]>([]);

  protected readonly formatDateTime = formatDateTime;
  protected readonly eventName = eventName;

  protected readonly view = computed(() => {
    const titles = new Map(this.sections().map((s) => [s.id, `${s.label} ${s.title}`.trim()]));
    return [...(this.entries() ?? [])]
      .sort((a, b) => b.seq - a.seq)
      .map((e) => {
        const label = e.sectionId ? sectionStateLabel : reportStateLabel;
        const stateText = e.fromState && e.toState && e.fromState !== e.toState ? `${label(e.fromState)} → ${label(e.toState)}` : '';
        const position = e.actor.position ?? '';
        const positionTitle = POSITION_TITLES[position as PositionCode] ?? position;
        return { ...e, stateText, positionTitle, sectionText: e.sectionId ? (titles.get(e.sectionId) ?? '') : '' };
      });
  });
}

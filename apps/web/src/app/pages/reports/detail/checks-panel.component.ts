import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ResponseOf } from '@trinhky/contracts';
import { ApiService } from '../../../core/api.service';
import { apiMessage } from '../../../core/errors';

type Check = ResponseOf<'reportChecks'>[number];

export interface CheckGroup {
  sectionId: string;
  part: string;
  title: string;
  checks: Check[];
}

/** Findings grouped by part, in the order the API lists them (document order). */
export function groupChecks(checks: Check[]): CheckGroup[] {
  const out: CheckGroup[] = [];
  for (const c of checks) {
    let g = out.find((x) => x.sectionId === c.sectionId);
    if (!g) out.push((g = { sectionId: c.sectionId, part: c.part, title: c.partTitle, checks: [] }));
    g.checks.push(c);
  }
  return out;
}

/** Every finding of the report's figures (compiler, signer, anyone who reads it), with links to the figures. */
@Component({
  selector: 'tk-checks-panel',
  imports: [RouterLink],
  template: `
    @if (refusal()) {
      <p class="tk-error" role="alert" data-testid="sign-refusal">{{ refusal() }}</p>
    }
    @if (error()) {
      <p class="tk-error" role="alert">{{ error() }}</p>
    } @else if (checks(); as list) {
      <p class="summary" data-testid="checks-summary" [attr.data-count]="list.length">
        @if (list.length) {
          {{ errors() }} lỗi và {{ list.length - errors() }} cảnh báo về số liệu ({{ unexplained() }} chưa được xử lý hoặc giải trình).
        } @else {
          Số liệu của báo cáo không có phát hiện nào: các tỷ lệ, tổng và thành phần đều khớp.
        }
      </p>
      @for (g of groups(); track g.sectionId) {
        <section class="part" [attr.data-part]="g.part" data-testid="checks-part">
          <h3>{{ g.title }}</h3>
          <ul>
            @for (c of g.checks; track c.key) {
              <li [class]="c.severity" data-testid="check" [attr.data-severity]="c.severity">
                <span class="sev">{{ c.severity === 'error' ? 'Lỗi' : 'Cảnh báo' }}</span>
                <a [routerLink]="['/bao-cao', reportId(), 'phan', c.sectionId]" [fragment]="'chi-tieu-' + c.codes.join(',').split(',')[0]">
                  {{ c.codes.length ? 'Chỉ tiêu ' + c.codes.join(', ') : 'Số liệu' }}</a>: {{ c.message }}
                @if (c.severity === 'warning') {
                  <div class="explanation">Giải trình: {{ c.explanation || '(chưa giải trình)' }}</div>
                }
              </li>
            }
          </ul>
        </section>
      }
    } @else {
      <p class="tk-muted" role="status">Đang kiểm tra số liệu…</p>
    }
  `,
  styles: `
    h3 {
      font-size: 1rem;
      margin: 12px 0 4px;
    }
    ul {
      margin: 0;
      padding-left: 18px;
    }
    li {
      margin: 3px 0;
    }
    .sev {
      font-weight: 600;
      margin-right: 6px;
    }
    .error .sev {
      color: #b3261e;
    }
    .warning .sev {
      color: #a35c00;
    }
    .explanation {
      font-style: italic;
      font-size: 0.9rem;
    }
  `,
})
export class ChecksPanelComponent {
  private readonly api = inject(ApiService);
  readonly reportId = input.required<string>();
  /** The report's data version: the list is reloaded when it changes. */
  readonly version = input(0);
  /** The sign action's refusal (422), shown above the list. */
  readonly refusal = input<string | null>(null);

  protected readonly checks = signal<Check[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly groups = computed(() => groupChecks(this.checks() ?? []));
  protected readonly errors = computed(() => (this.checks() ?? []).filter((c) => c.severity === 'error').length);
  protected readonly unexplained = computed(
    () => (this.checks() ?? []).filter((c) => c.severity === 'error' || !c.explanation?.trim()).length,
  );

  constructor() {
    effect(() => {
      const [id] = [this.reportId(), this.version(), this.refusal()];
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.checks.set(await this.api.reportChecks(id));
      this.error.set(null);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không tải được kết quả kiểm tra số liệu.'));
    }
  }
}

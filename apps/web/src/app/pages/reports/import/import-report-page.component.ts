import { HttpEventType, type HttpEvent } from '@angular/common/http';
import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TEMPLATES, fillTemplateText, periodError } from '@trinhky/domain';
import { lastValueFrom, tap, filter, map, type Observable } from 'rxjs';
import { ApiService } from '../../../core/api.service';
import { apiMessage } from '../../../core/errors';
import { todayIso } from '../../../core/format';
import type { ImportPreview, ImportPreviewRequest } from '@trinhky/contracts';
import { defaultForm, periodName, periodOf, validateCreateForm, type CreateForm } from '../create/create-report-form';
import { PeriodFieldsComponent, type PeriodFieldChange } from '../create/period-fields.component';
import { importSourceOf, percentOf } from './import-source';

/**
 * Nhập báo cáo có sẵn: choose last period's report (.docx or .txt), see what was understood — the
 * template parts found, and every line that could not be placed, with its line number — then open a
 * report for a period with those parts filled in.
 */
@Component({
  selector: 'tk-import-report-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatProgressBarModule, PeriodFieldsComponent],
  templateUrl: './import-report-page.component.html',
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 12px;
    }
    .found {
      color: #1d6b35;
    }
    .missing {
      color: #8f1d15;
    }
    .unplaced li {
      margin-bottom: 4px;
    }
    .unplaced code {
      font-size: 0.85rem;
    }
    .pick {
      display: inline-block;
      padding: 6px 16px;
      border: 1px solid #74777f;
      border-radius: 18px;
      color: #005cbb;
      cursor: pointer;
      font-weight: 500;
    }
    .pick.disabled {
      opacity: 0.5;
      pointer-events: none;
    }
    input:focus-visible + .pick {
      outline: 2px solid #005cbb;
      outline-offset: 2px;
    }
  `,
})
export class ImportReportPageComponent {
  private readonly api = inject(ApiService);
  private readonly router = inject(Router);

  /** The template's parts, titled for the period being chosen ("PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I NĂM 2027"). */
  protected readonly parts = computed(() => {
    const period = periodOf(this.form());
    return TEMPLATES['CCHC_QUY'].parts.map((p) => ({
      ...p,
      title: periodError(period) ? p.title.replace(/\{[^}]+\}/g, 'KỲ TIẾP THEO') : fillTemplateText(p.title, period),
    }));
  });
  protected readonly fileName = signal<string | null>(null);
  private source: ImportPreviewRequest | null = null;
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly form = signal<CreateForm>(defaultForm(todayIso()));
  protected readonly errors = computed(() => validateCreateForm(this.form()));
  protected readonly label = computed(() => periodName(this.form()));
  /** 'reading' | 'opening' while a request runs; its upload progress in percent. */
  protected readonly busy = signal<'reading' | 'opening' | null>(null);
  protected readonly progress = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly submitted = signal(false);

  protected change(c: PeriodFieldChange): void {
    this.form.update((f) => ({ ...f, [c.key]: c.value }));
  }

  protected stat(name: string): number {
    const v = this.preview()?.result.stats[name];
    return typeof v === 'number' ? v : 0;
  }

  async choose(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    this.preview.set(null);
    this.error.set(null);
    if (!file) return;
    this.fileName.set(file.name);
    try {
      this.source = await importSourceOf(file);
    } catch (e) {
      this.error.set((e as Error).message);
      return;
    }
    await this.run('reading', this.api.importPreview(this.source), (p) => this.preview.set(p), 'Không đọc được báo cáo.');
  }

  async open(): Promise<void> {
    this.submitted.set(true);
    if (!this.source || this.errors().length) return;
    const f = this.form();
    await this.run(
      'opening',
      this.api.importReport({ ...this.source, period: periodOf(f), deadline: f.deadline, ...(f.basis ? { basis: f.basis } : {}) }),
      (created) => void this.router.navigate(['/bao-cao', created.report.id]),
      'Không mở được báo cáo từ bản nhập.',
    );
  }

  /** Sends a request with upload progress; on failure says what happened (nothing is created). */
  private async run<T>(
    what: 'reading' | 'opening',
    events: Observable<HttpEvent<T>>,
    done: (body: T) => void,
    fallback: string,
  ): Promise<void> {
    this.busy.set(what);
    this.progress.set(0);
    try {
      const body = await lastValueFrom(
        events.pipe(
          tap((e) => {
            if (e.type === HttpEventType.UploadProgress) this.progress.set(percentOf(e.loaded, e.total));
          }),
          filter((e) => e.type === HttpEventType.Response),
          map((e) => (e as { body: T }).body),
        ),
      );
      done(body);
    } catch (err) {
      this.error.set(apiMessage(err, fallback));
    } finally {
      this.busy.set(null);
      this.progress.set(null);
    }
  }
}

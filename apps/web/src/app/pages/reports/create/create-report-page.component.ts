import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { OrganisationUnits } from '@trinhky/contracts';
import { TEMPLATES, dataCutOff, periodError } from '@trinhky/domain';
import { ApiService } from '../../../core/api.service';
import { OrganisationApi } from '../../../core/organisation-api.service';
import { apiMessage } from '../../../core/errors';
import { formatDate, todayIso } from '../../../core/format';
import { PeriodFieldsComponent, type PeriodFieldChange } from './period-fields.component';
import { defaultForm, periodName, periodOf, plannedRows, toCreateRequest, validateCreateForm, type CreateForm } from './create-report-form';

/** Opens a report for a period from a template (compiler), with section deadlines. */
@Component({
  selector: 'tk-create-report-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, PeriodFieldsComponent],
  templateUrl: './create-report-page.component.html',
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 12px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    input[type='date'].cell {
      font: inherit;
      padding: 4px;
    }
  `,
})
export class CreateReportPageComponent {
  private readonly api = inject(ApiService);
  private readonly router = inject(Router);
  private readonly organisation = inject(OrganisationApi);
  /** Who drafts what in the caller's organisation (a Sở's own units); the template's units until it loads. */
  protected readonly assignments = signal<OrganisationUnits | null>(null);
  protected readonly assignment = computed(() => this.assignments()?.templates.find((t) => t.templateCode === this.form().templateCode));

  protected readonly templates = Object.values(TEMPLATES).map((t) => ({ code: t.code, name: t.name }));
  protected readonly form = signal<CreateForm>(defaultForm(todayIso()));
  protected readonly rows = computed(() => plannedRows(this.form(), this.assignment()));
  protected readonly errors = computed(() => validateCreateForm(this.form()));
  protected readonly label = computed(() => periodName(this.form()));
  protected readonly cutOff = computed(() => (periodError(periodOf(this.form())) ? null : dataCutOff(periodOf(this.form()))));
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly formatDate = formatDate;

  constructor() {
    this.organisation.units().then(
      (u) => this.assignments.set(u),
      () => undefined, // the template's units stay shown; opening answers with the API's reason anyway
    );
  }

  protected set<K extends keyof CreateForm>(key: K, value: CreateForm[K]): void {
    this.form.update((f) => ({ ...f, [key]: value }));
  }

  protected change(c: PeriodFieldChange): void {
    this.form.update((f) => ({ ...f, [c.key]: c.value }));
  }

  protected setSectionDeadline(code: string, value: string): void {
    this.form.update((f) => ({ ...f, sectionDeadlines: { ...f.sectionDeadlines, [code]: value } }));
  }

  async submit(): Promise<void> {
    this.submitted.set(true);
    if (this.errors().length) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const report = await this.api.createReport(toCreateRequest(this.form()));
      await this.router.navigate(['/bao-cao', report.id]);
    } catch (err) {
      this.error.set(apiMessage(err, 'Không mở được báo cáo.'));
    } finally {
      this.busy.set(false);
    }
  }
}

import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { RequestPage, RequestView } from '@trinhky/contracts';
import { ProvinceApi } from '../../core/province-api.service';
import { AuthService } from '../../core/auth.service';
import { apiMessage } from '../../core/errors';
import { formatDate, todayIso } from '../../core/format';
import { PagerComponent } from '../../shared/pager.component';

const PAGE = 50;

interface RequestForm {
  numberText: string;
  issuedOn: string;
  subject: string;
  year: number;
  index: number;
  deadline: string;
  cutoffFrom: string;
  cutoffTo: string;
  organisationIds: Set<string>;
}

/**
 * Yêu cầu báo cáo: the superior's letters asking its communes for a report (with the form to issue
 * one, addressed to organisations it follows) and, for a commune, the letters addressed to it.
 */
@Component({
  selector: 'tk-requests-page',
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    PagerComponent,
  ],
  templateUrl: './requests-page.component.html',
  styles: `
    .form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 0 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .targets {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
  `,
})
export class RequestsPageComponent {
  private readonly api = inject(ProvinceApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly formatDate = formatDate;

  protected readonly requests = signal<RequestPage | null>(null);
  protected readonly offset = signal(0);
  /** The organisations the caller's organisation follows (from the board's totals): a superior issues requests to them. */
  protected readonly followed = signal<{ id: string; name: string }[]>([]);
  protected readonly creating = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly mine = computed(() => this.auth.user()?.organisation.id ?? '');
  protected form: RequestForm = emptyForm();

  constructor() {
    void this.load();
  }

  protected toggle(id: string, on: boolean): void {
    if (on) this.form.organisationIds.add(id);
    else this.form.organisationIds.delete(id);
  }

  protected done(r: RequestView): number {
    return r.targets.filter((t) => t.status === 'submitted' || t.status === 'submitted_late').length;
  }

  protected async submit(): Promise<void> {
    this.busy.set(true);
    try {
      const f = this.form;
      const created = await this.api.createRequest({
        numberText: f.numberText,
        issuedOn: f.issuedOn,
        subject: f.subject,
        templateCode: 'CCHC_QUY',
        period: { kind: 'quarter', year: Number(f.year), index: Number(f.index) },
        deadline: f.deadline,
        ...(f.cutoffFrom ? { cutoffFrom: f.cutoffFrom } : {}),
        ...(f.cutoffTo ? { cutoffTo: f.cutoffTo } : {}),
        organisationIds: [...f.organisationIds],
      });
      this.error.set(null);
      this.form = emptyForm();
      this.creating.set(false);
      await this.router.navigate(['/yeu-cau-bao-cao', created.id]);
    } catch (e) {
      this.error.set(apiMessage(e));
    } finally {
      this.busy.set(false);
    }
  }

  protected goTo(offset: number): void {
    this.offset.set(offset);
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [list, totals] = await Promise.all([
        this.api.requests({ limit: PAGE, offset: this.offset() }),
        this.api.provinceTotals().catch(() => null),
      ]);
      this.requests.set(list);
      this.followed.set((totals?.byOrganisation ?? []).map((o) => o.organisation).filter((o) => o.id !== this.mine()));
    } catch (e) {
      this.error.set(apiMessage(e));
    }
  }
}

function emptyForm(): RequestForm {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const index = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return {
    numberText: '',
    issuedOn: today,
    subject: `về việc báo cáo công tác cải cách hành chính quý ${['I', 'II', 'III', 'IV'][index - 1]} năm ${year}`,
    year,
    index,
    deadline: '',
    cutoffFrom: '',
    cutoffTo: '',
    organisationIds: new Set(),
  };
}

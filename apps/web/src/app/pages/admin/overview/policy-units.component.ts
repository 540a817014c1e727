import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { AdminUnit, RoutingPolicyView } from '@trinhky/contracts';
import { apiMessage } from '../../../core/errors';
import { OrganisationApi } from '../../../core/organisation-api.service';

/** The form's state: compiling unit and part code → unit code. */
export interface PolicyUnitsForm {
  compilingUnit: string;
  parts: Record<string, string>;
}

export function policyUnitsForm(r: RoutingPolicyView): PolicyUnitsForm {
  return { compilingUnit: r.compilingUnit.code, parts: Object.fromEntries(r.parts.map((p) => [p.code, p.unit.code])) };
}

/** Units the form names that the organisation does not have (the API refuses the same, naming the part). */
export function policyUnitsProblems(f: PolicyUnitsForm, units: readonly { code: string }[]): string[] {
  const has = new Set(units.map((u) => u.code));
  const out: string[] = [];
  if (!has.has(f.compilingUnit)) out.push(`Đơn vị chủ trì ${f.compilingUnit} không có trong cơ quan: chọn một đơn vị của cơ quan.`);
  for (const [code, unit] of Object.entries(f.parts)) if (!has.has(unit)) out.push(`Phần ${code}: đơn vị ${unit} không có trong cơ quan.`);
  return out;
}

/**
 * Quản trị → Quy trình → Phân công soạn thảo: which of the organisation's own units compiles a kind's
 * reports and drafts each of its parts (a Sở's units for a Sở). Applies to reports opened from now on.
 */
@Component({
  selector: 'tk-policy-units',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule],
  template: `
    <h4>Phân công soạn thảo</h4>
    @for (p of routing().problems; track p) {
      <p class="tk-error" role="alert" data-testid="policy-unit-problem">{{ p }}</p>
    }
    <div class="tk-table-wrap">
      <table class="tk-table" [attr.aria-label]="'Phân công soạn thảo ' + routing().reportKind" data-testid="policy-units">
        <thead>
          <tr>
            <th scope="col">Phần</th>
            <th scope="col">Đơn vị soạn</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="policy-compiling-unit">
            <th scope="row">Đơn vị chủ trì tổng hợp</th>
            <td>
              <mat-select
                aria-label="Đơn vị chủ trì tổng hợp"
                [ngModel]="form().compilingUnit"
                (ngModelChange)="setCompiling($event)"
                [ngModelOptions]="{ standalone: true }"
              >
                @for (u of units(); track u.code) {
                  <mat-option [value]="u.code">{{ u.name }} ({{ u.code }})</mat-option>
                }
              </mat-select>
            </td>
          </tr>
          @for (p of routing().parts; track p.code) {
            <tr data-testid="policy-part" [attr.data-part]="p.code">
              <th scope="row">{{ p.title }}</th>
              <td>
                <mat-select
                  [attr.aria-label]="'Đơn vị soạn phần ' + p.code"
                  [ngModel]="form().parts[p.code]"
                  (ngModelChange)="setPart(p.code, $event)"
                  [ngModelOptions]="{ standalone: true }"
                >
                  @for (u of units(); track u.code) {
                    <mat-option [value]="u.code">{{ u.name }} ({{ u.code }})</mat-option>
                  }
                </mat-select>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    <button mat-stroked-button type="button" data-testid="policy-units-save" [disabled]="busy() || !changed()" (click)="save()">
      Lưu phân công
    </button>
    @for (e of errors(); track e) {
      <p class="tk-error" role="alert">{{ e }}</p>
    }
    @if (notice()) {
      <p class="tk-info" role="status">{{ notice() }}</p>
    }
  `,
})
export class PolicyUnitsComponent {
  private readonly api = inject(OrganisationApi);
  readonly routing = input.required<RoutingPolicyView>();
  readonly units = input.required<AdminUnit[]>();
  readonly saved = output<void>();
  protected readonly form = signal<PolicyUnitsForm>({ compilingUnit: '', parts: {} });
  protected readonly busy = signal(false);
  protected readonly errors = signal<string[]>([]);
  protected readonly notice = signal<string | null>(null);
  protected readonly changed = computed(() => JSON.stringify(this.form()) !== JSON.stringify(policyUnitsForm(this.routing())));

  constructor() {
    // A fresh view from the API (after any save or reload) resets the form to what is stored.
    effect(() => this.form.set(policyUnitsForm(this.routing())));
  }

  protected setCompiling(code: string): void {
    this.form.update((f) => ({ ...f, compilingUnit: code }));
  }

  protected setPart(part: string, code: string): void {
    this.form.update((f) => ({ ...f, parts: { ...f.parts, [part]: code } }));
  }

  async save(): Promise<void> {
    this.notice.set(null);
    this.errors.set(policyUnitsProblems(this.form(), this.units()));
    if (this.errors().length) return;
    this.busy.set(true);
    try {
      const r = await this.api.setPolicyUnits(this.routing().reportKind, this.form());
      this.notice.set(
        `Đã lưu phân công soạn thảo báo cáo ${r.reportKind}: ${r.compilingUnit.name} chủ trì. Áp dụng cho báo cáo mở từ nay.`,
      );
      this.saved.emit();
    } catch (err) {
      this.errors.set([apiMessage(err, 'Không lưu được phân công soạn thảo.')]);
    } finally {
      this.busy.set(false);
    }
  }
}

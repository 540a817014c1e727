import { Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { PERIOD_KINDS, type CreateForm } from './create-report-form';

export type PeriodFieldChange = { [K in keyof CreateForm]: { key: K; value: CreateForm[K] } }[keyof CreateForm];

/** The reporting period (kind, quarter or half, year) and the submission deadline of a report to open. */
@Component({
  selector: 'tk-period-fields',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  host: { style: 'display: contents' },
  template: `
    @if (kinds()) {
      <mat-form-field>
        <mat-label>Loại kỳ</mat-label>
        <mat-select name="kind" [value]="form().kind" (valueChange)="changed.emit({ key: 'kind', value: $event })">
          @for (k of periodKinds; track k.kind) {
            <mat-option [value]="k.kind">{{ k.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
    @if (form().kind === 'quarter' || form().kind === 'half') {
      <mat-form-field>
        <mat-label>{{ form().kind === 'quarter' ? 'Quý' : 'Kỳ (1 = đầu năm, 2 = cuối năm)' }}</mat-label>
        <mat-select name="index" [value]="form().index" (valueChange)="changed.emit({ key: 'index', value: $event })">
          @for (i of form().kind === 'quarter' ? [1, 2, 3, 4] : [1, 2]; track i) {
            <mat-option [value]="i">{{ i }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
    <mat-form-field>
      <mat-label>Năm</mat-label>
      <input
        matInput
        type="number"
        name="year"
        min="2000"
        max="2100"
        [ngModel]="form().year"
        (ngModelChange)="changed.emit({ key: 'year', value: +$event })"
      />
    </mat-form-field>
    <mat-form-field>
      <mat-label>Hạn nộp báo cáo</mat-label>
      <input
        matInput
        type="date"
        name="deadline"
        [ngModel]="form().deadline"
        (ngModelChange)="changed.emit({ key: 'deadline', value: $event })"
        required
      />
    </mat-form-field>
  `,
})
export class PeriodFieldsComponent {
  readonly form = input.required<CreateForm>();
  /** Offer the kind of period (quarter, half, nine months, year); the import opens quarterly reports only. */
  readonly kinds = input(true);
  readonly changed = output<PeriodFieldChange>();
  protected readonly periodKinds = PERIOD_KINDS;
}

import { Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { AllowedEventDto, ReportDetail, SectionSummary } from '@trinhky/contracts';
import { DeadlineComponent } from '../../../shared/deadline.component';
import { StateBadgeComponent } from '../../../shared/state-badge.component';

interface Row {
  section: SectionSummary;
  events: AllowedEventDto[];
}

/** The report's sections: department, assignee, state, deadline and my actions on each. */
@Component({
  selector: 'tk-sections-table',
  imports: [RouterLink, MatButtonModule, DeadlineComponent, StateBadgeComponent],
  template: `
    <div class="tk-table-wrap">
      <table class="tk-table" aria-label="Các phần của báo cáo">
        <thead>
          <tr>
            <th scope="col">Phần</th>
            <th scope="col">Đơn vị soạn</th>
            <th scope="col">Người được giao</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Hạn</th>
            <th scope="col">Thao tác</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.section.id) {
            <tr [attr.data-section-code]="row.section.code" data-testid="section-row">
              <th scope="row" class="title">
                <a [routerLink]="['/bao-cao', report().id, 'phan', row.section.id]">{{ row.section.label }} {{ row.section.title }}</a>
                @if (row.section.state === 'returned' && row.section.lastComment) {
                  <div class="comment">Ý kiến trả lại: {{ row.section.lastComment }}</div>
                }
              </th>
              <td>{{ row.section.unit.name }}</td>
              <td>{{ row.section.assignee?.fullName ?? 'Chưa giao' }}</td>
              <td><tk-state-badge [state]="row.section.state" kind="section" /></td>
              <td>
                <tk-deadline [date]="row.section.deadline" [overdue]="row.section.overdue" [done]="row.section.state === 'accepted'" />
              </td>
              <td>
                <div class="tk-actions">
                  @for (e of row.events; track e.type) {
                    <button
                      mat-stroked-button
                      type="button"
                      [attr.data-event]="e.type"
                      [attr.aria-label]="e.label + ': ' + row.section.label + ' ' + row.section.title"
                      [disabled]="busy()"
                      (click)="action.emit(e)"
                    >
                      {{ e.label }}
                    </button>
                  }
                </div>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .title {
      font-weight: 500;
      text-align: left;
      min-width: 220px;
    }
    .comment {
      margin-top: 4px;
      font-weight: 400;
      font-size: 0.88rem;
      color: #8f1d15;
    }
  `,
})
export class SectionsTableComponent {
  readonly report = input.required<ReportDetail>();
  readonly busy = input(false);
  readonly action = output<AllowedEventDto>();

  protected readonly rows = computed<Row[]>(() => {
    const r = this.report();
    return r.sections.map((section) => ({ section, events: r.allowedEvents.filter((e) => e.sectionId === section.id) }));
  });
}

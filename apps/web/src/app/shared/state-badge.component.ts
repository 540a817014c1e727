import { Component, computed, input } from '@angular/core';
import { reportStateLabel, sectionStateLabel, stateTone } from '../core/labels';

/** A coloured badge with the Vietnamese state name. */
@Component({
  selector: 'tk-state-badge',
  template: `<span class="tk-badge tk-badge--{{ tone() }}" [attr.data-state]="state()">{{ label() }}</span>`,
})
export class StateBadgeComponent {
  readonly state = input.required<string>();
  readonly kind = input<'report' | 'section'>('report');
  protected readonly label = computed(() => (this.kind() === 'section' ? sectionStateLabel(this.state()) : reportStateLabel(this.state())));
  protected readonly tone = computed(() => stateTone(this.state()));
}

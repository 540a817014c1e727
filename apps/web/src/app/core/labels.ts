/** Vietnamese names of states and events for badges and the log (the names come from libs/workflow). */
import { AUDIT_EVENT_LABELS, REPORT_STATE_LABELS, SECTION_STATE_LABELS, STATE_TONES } from '@trinhky/workflow';
import type { ReportState, SectionState, StateTone } from '@trinhky/workflow';

export { REPORT_STATE_LABELS, SECTION_STATE_LABELS };

export { REPORT_STATES } from '@trinhky/workflow';

export function reportStateLabel(state: string): string {
  return REPORT_STATE_LABELS[state as ReportState] ?? state;
}

export function sectionStateLabel(state: string): string {
  return SECTION_STATE_LABELS[state as SectionState] ?? state;
}

export function eventName(event: string): string {
  return (AUDIT_EVENT_LABELS as Record<string, string>)[event] ?? event;
}

/** Colour family of a state badge (see styles.scss `.tk-badge--*`); unknown states are neutral. */
export function stateTone(state: string): StateTone {
  return STATE_TONES[state as ReportState | SectionState] ?? 'neutral';
}

/** Who holds a report in each state ("Đang xử lý"): the units, the signer, the clerk or the recipient. */
import type { UnitCode } from '@trinhky/domain';
import { policySignerTitle } from '../authority';
import type { ReportState, RoutingPolicy, SectionState } from '../contract';

export type ReportHolder =
  | { kind: 'units'; units: UnitCode[] }
  | { kind: 'signer'; title: string }
  | { kind: 'clerk' }
  | { kind: 'recipients' }
  | { kind: 'nobody' };

/**
 * The holder of a report in `state`: the compiling unit while it is set up, compiled or revised;
 * while collecting, the units whose parts are not accepted yet (the compiling unit once all are);
 * the format-check unit; the signer the policy names; the clerk until it is sent; then the recipient.
 */
export function reportHolder(
  policy: RoutingPolicy,
  state: ReportState | string,
  sections: readonly { state: SectionState | string; unit: UnitCode | string }[],
): ReportHolder {
  const compiling: ReportHolder = { kind: 'units', units: [policy.compilingUnit] };
  switch (state as ReportState) {
    case 'draft':
    case 'compiling':
    case 'returned':
      return compiling;
    case 'collecting': {
      const units = [...new Set(sections.filter((s) => s.state !== 'accepted').map((s) => s.unit as UnitCode))];
      return units.length ? { kind: 'units', units } : compiling;
    }
    case 'format_check':
      return { kind: 'units', units: [policy.formatCheck?.unit ?? policy.compilingUnit] };
    case 'awaiting_signature':
      return { kind: 'signer', title: policySignerTitle(policy) };
    case 'signed':
    case 'issued':
      return { kind: 'clerk' };
    case 'submitted':
      return { kind: 'recipients' };
    default:
      return { kind: 'nobody' };
  }
}

export interface HolderNames {
  /** The organisation's name of a unit (an admin may rename units). */
  unit: (code: UnitCode) => string;
  /** The signer's own name when known (else the title the policy gives). */
  signer?: string;
  recipients: readonly string[];
}

/** The holder in words: "Phòng Kinh tế, Văn phòng HĐND và UBND", "Văn thư", "Sở Nội vụ", "—". */
export function holderText(holder: ReportHolder, names: HolderNames): string {
  switch (holder.kind) {
    case 'units':
      return holder.units.map(names.unit).join(', ');
    case 'signer':
      return names.signer ?? holder.title;
    case 'clerk':
      return 'Văn thư';
    case 'recipients':
      return names.recipients.join(', ') || 'Cơ quan nhận';
    case 'nobody':
      return '—';
  }
}

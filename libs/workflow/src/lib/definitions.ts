/**
 * Machine-definition versions. Each report stores the version it was created with
 * (`ReportRecord.definitionVersion`); its snapshot is always restored with that version's machine,
 * so changing the current definition never strands reports in flight (the Frappe lesson in STYLE.md).
 * A new version is added here, never edited in place once reports use it.
 */
import type { ReportState } from './contract';

export interface DefinitionSpec {
  version: number;
  description: string;
  /** Report state names this version uses where they differ from the contract's (old name as stored). */
  reportStateNames: Partial<Record<ReportState, string>>;
  /** Does this version have the department-head step (i.e. does it honour `policy.headAcceptance`)? */
  headReview: boolean;
}

export const DEFINITIONS: Readonly<Record<number, DefinitionSpec>> = {
  1: {
    version: 1,
    description: 'Bản đầu: bước chờ ký tên là "presented"; chưa có bước trưởng phòng duyệt từng phần (chính sách có yêu cầu cũng bỏ qua).',
    reportStateNames: { awaiting_signature: 'presented' },
    headReview: false,
  },
  2: {
    version: 2,
    description:
      'Đổi tên bước "presented" thành "awaiting_signature"; thêm bước trưởng phòng duyệt phần (head_review) khi chính sách yêu cầu.',
    reportStateNames: {},
    headReview: true,
  },
};

export const CURRENT_DEFINITION_VERSION = 2;

export function getDefinition(version: number): DefinitionSpec | undefined {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, version) ? DEFINITIONS[version] : undefined;
}

/** The name a contract state has in a definition's machine. */
export function storedStateName(spec: DefinitionSpec, state: ReportState): string {
  return spec.reportStateNames[state] ?? state;
}

/** The contract name of a state stored by a definition's machine. */
export function contractStateName(spec: DefinitionSpec, stored: string): ReportState {
  const entry = Object.entries(spec.reportStateNames).find(([, name]) => name === stored);
  return (entry ? entry[0] : stored) as ReportState;
}

/**
 * The rulebook: who may do what. Each guard is a named, pure predicate over (policy, context, event),
 * registered by name in the machines' `setup({ guards })`, and paired with the refusal a user reads
 * when it fails. `forbidden` = this person may not; `invalid` = not possible as things stand.
 */
import { isNamedSigner, policySignerTitle, signingAuthority } from './authority';
import type { ReceivingAgency, RoutingPolicy, WorkflowActor } from './contract';
import { EVENT_VERBS } from './labels';
import { unitName } from './policy-rules/units';
import type { GuardInput, MachineEvent, ReportContext, SectionContext } from './types';

export interface Refusal {
  code: 'forbidden' | 'invalid';
  reason: string;
}

export const COMMENT_REQUIRED_REASON = 'Cần nhập lý do/ý kiến khi trả lại.';

/** What the "who may" predicates read of a person: enough for the web's current user too. */
export type ActorFacts = Pick<WorkflowActor, 'userId' | 'unit' | 'kind'> & { roles: readonly string[] };

const isUser = (a: Pick<ActorFacts, 'kind'>) => a.kind !== 'system';

/** Compiler: a compiler or the head of the compiling unit. */
export function isCompilerActor(policy: RoutingPolicy, a: Omit<ActorFacts, 'userId'>): boolean {
  return isUser(a) && a.unit === policy.compilingUnit && (a.roles.includes('compiler') || a.roles.includes('head'));
}

/** Who writes a part: a drafter of the part's unit, or the person it is assigned to. */
export function isPartDrafter(a: ActorFacts, part: { unit: string; assigneeId: string | null }): boolean {
  return isUser(a) && ((a.roles.includes('drafter') && a.unit === part.unit) || a.userId === part.assigneeId);
}

export function isFormatCheckerActor(policy: RoutingPolicy, a: WorkflowActor): boolean {
  return isUser(a) && policy.formatCheck !== null && a.unit === policy.formatCheck.unit && a.roles.includes('format_checker');
}

export function isClerkActor(a: WorkflowActor): boolean {
  return isUser(a) && a.roles.includes('clerk');
}

/** Why this person may not record the receiving agency's answer (null: they may). */
export function receiptRecorderProblem(
  actor: Pick<WorkflowActor, 'kind' | 'organisationId'> & { roles: readonly string[] },
  receiver: ReceivingAgency | null,
): Refusal | null {
  if (receiver && actor.organisationId !== receiver.organisationId)
    return {
      code: 'invalid',
      reason: `${receiver.name} nhận báo cáo qua hệ thống: văn thư của cơ quan đó tiếp nhận hoặc từ chối trong Sổ văn bản đến; không ghi nhận thay.`,
    };
  if (!isUser(actor) || !actor.roles.includes('clerk'))
    return {
      code: 'forbidden',
      reason: receiver
        ? `Chỉ văn thư của ${receiver.name} mới được tiếp nhận hoặc từ chối văn bản đến.`
        : 'Chỉ văn thư mới được ghi nhận kết quả tiếp nhận của cơ quan nhận.',
    };
  return null;
}

function signing(input: GuardInput<unknown>) {
  const e = input.event;
  return signingAuthority(input.policy, e.actor, e.reportKind, new Date(e.at), e.organisation);
}

function hasText(s: string | undefined): boolean {
  return typeof s === 'string' && s.trim().length > 0;
}

const verb = (e: MachineEvent) => EVENT_VERBS[e.type];

interface GuardSpec<C> {
  check: (input: GuardInput<C>) => boolean;
  refusal: (input: GuardInput<C>) => Refusal;
}

export const REPORT_GUARDS = {
  isCompiler: {
    check: ({ policy, event }) => isCompilerActor(policy, event.actor),
    refusal: ({ policy, event }) => ({
      code: 'forbidden',
      reason: `Chỉ lãnh đạo hoặc chuyên viên tổng hợp của ${unitName(policy, policy.compilingUnit)} (đơn vị chủ trì) mới được ${verb(event)} báo cáo.`,
    }),
  },
  isFormatChecker: {
    check: ({ policy, event }) => isFormatCheckerActor(policy, event.actor),
    refusal: ({ policy, event }) => ({
      code: 'forbidden',
      reason: `Chỉ người kiểm tra thể thức của ${policy.formatCheck ? unitName(policy, policy.formatCheck.unit) : 'Văn phòng'} mới được ${verb(event)} ở bước này.`,
    }),
  },
  /** The signer the policy names, in person or through a valid delegation. */
  isSigner: {
    check: (input) => signing(input).ok,
    refusal: (input) => {
      const s = signing(input);
      return { code: 'forbidden', reason: s.ok ? '' : s.reason };
    },
  },
  /** Revoking: whoever signed, or the signer the policy names. */
  isSignerOrOriginalSigner: {
    check: ({ policy, context, event }) =>
      isUser(event.actor) && (context.signature?.signerId === event.actor.userId || isNamedSigner(policy, event.actor)),
    refusal: ({ policy }) => ({
      code: 'forbidden',
      reason: `Chỉ người đã ký hoặc ${policySignerTitle(policy)} mới được thu hồi chữ ký.`,
    }),
  },
  isClerk: {
    check: ({ event }) => isClerkActor(event.actor),
    refusal: ({ event }) => ({ code: 'forbidden', reason: `Chỉ văn thư mới được ${verb(event)} báo cáo.` }),
  },
  /**
   * Receipt or refusal of a dispatched report: the receiving agency's văn thư when that agency is in
   * the system (Nghị định 30, Điều 20–24: the receiving văn thư registers or returns it), else the
   * sender's văn thư records the answer received outside the system.
   */
  isReceiptRecorder: {
    check: ({ event }) => receiptRecorderProblem(event.actor, event.receiver ?? null) === null,
    refusal: ({ event }) => receiptRecorderProblem(event.actor, event.receiver ?? null) ?? { code: 'forbidden', reason: '' },
  },
  isSystem: {
    check: ({ event }) => event.actor.kind === 'system',
    refusal: ({ event }) => ({ code: 'forbidden', reason: `Chỉ hệ thống nhắc việc mới được gửi thông báo ${verb(event)}.` }),
  },
  /** Separation of duties: the person who presented the report does not approve or sign it, unless the policy allows. */
  notPresenter: {
    check: ({ policy, context, event }) => policy.allowSelfApproval || context.presentedBy !== event.actor.userId,
    refusal: ({ event }) => ({
      code: 'forbidden',
      reason: `Quy trình không cho phép người đã trình báo cáo tự ${verb(event)}; cần một người khác.`,
    }),
  },
  hasComment: {
    check: ({ event }) => hasText(event.comment),
    refusal: ({ event }) => ({
      code: 'invalid',
      reason:
        event.type === 'cancel'
          ? 'Cần nhập lý do khi hủy báo cáo.'
          : event.type === 'refuse'
            ? 'Cần nhập lý do cơ quan nhận từ chối báo cáo.'
            : COMMENT_REQUIRED_REASON,
    }),
  },
  /** Signing: every finding of every part's figures answered (no error, each warning explained). */
  figuresAnswered: {
    check: ({ event }) => event.sections.every((s) => (s.findings ?? []).every((f) => f.severity === 'warning' && f.explained)),
    refusal: ({ event }) => {
      const open = event.sections.flatMap((s) =>
        (s.findings ?? [])
          .filter((f) => f.severity === 'error' || !f.explained)
          .map((f) => `phần ${f.part ?? s.id}: ${f.code ? `${f.code} ` : ''}${f.message}`),
      );
      return {
        code: 'invalid',
        reason: `Chưa ký được: còn ${open.length} phát hiện về số liệu chưa được xử lý hoặc giải trình: ${open.slice(0, 10).join('; ')}${open.length > 10 ? '; …' : ''}.`,
      };
    },
  },
  allSectionsAccepted: {
    check: ({ event }) => event.sections.every((s) => s.state === 'accepted'),
    refusal: ({ event }) => {
      const open = event.sections.filter((s) => s.state !== 'accepted').map((s) => s.id);
      return {
        code: 'invalid',
        reason: `Còn ${open.length} phần chưa được chấp nhận (${open.join(', ')}); chỉ tổng hợp khi mọi phần đã được chấp nhận.`,
      };
    },
  },
} satisfies Record<string, GuardSpec<ReportContext>>;

export const SECTION_GUARDS = {
  /** A drafter of the section's unit, or the person the section is assigned to. */
  isSectionDrafter: {
    check: ({ context, event }) => isPartDrafter(event.actor, context),
    refusal: ({ policy, context, event }) => ({
      code: 'forbidden',
      reason: `Chỉ chuyên viên của ${unitName(policy, context.unit)} hoặc người được giao mới được ${verb(event)} phần ${context.id}.`,
    }),
  },
  isSectionHead: {
    check: ({ context, event }) => isUser(event.actor) && event.actor.roles.includes('head') && event.actor.unit === context.unit,
    refusal: ({ policy, context, event }) => ({
      code: 'forbidden',
      reason: `Chỉ trưởng đơn vị ${unitName(policy, context.unit)} mới được ${verb(event)} phần ${context.id}.`,
    }),
  },
  isCompiler: {
    check: ({ policy, event }) => isCompilerActor(policy, event.actor),
    refusal: ({ policy, event }) => ({
      code: 'forbidden',
      reason: `Chỉ lãnh đạo hoặc chuyên viên tổng hợp của ${unitName(policy, policy.compilingUnit)} (đơn vị chủ trì) mới được ${verb(event)} phần báo cáo.`,
    }),
  },
  /** Separation of duties: whoever submitted a section does not accept it, unless the policy allows. */
  notSubmitter: {
    check: ({ policy, context, event }) => policy.allowSelfApproval || context.submittedBy !== event.actor.userId,
    refusal: ({ context, event }) => ({
      code: 'forbidden',
      reason: `Quy trình không cho phép người đã nộp phần ${context.id} tự ${verb(event)}; cần một người khác.`,
    }),
  },
  hasComment: {
    check: ({ event }) => hasText(event.comment),
    refusal: () => ({ code: 'invalid', reason: COMMENT_REQUIRED_REASON }),
  },
  /** Submitting: the part's figures hold no error and every warning is explained. */
  figuresAnswered: {
    check: ({ context, event }) =>
      (event.sections.find((s) => s.id === context.id)?.findings ?? []).every((f) => f.severity === 'warning' && f.explained),
    refusal: ({ context, event }) => {
      const open = (event.sections.find((s) => s.id === context.id)?.findings ?? []).filter((f) => f.severity === 'error' || !f.explained);
      const errors = open.filter((f) => f.severity === 'error').length;
      return {
        code: 'invalid',
        reason: `Chưa nộp được phần ${open[0]?.part ?? context.id}: số liệu có ${errors} lỗi và ${open.length - errors} cảnh báo chưa giải trình: ${open
          .slice(0, 10)
          .map((f) => (f.code ? `${f.code}: ${f.message}` : f.message))
          .join('; ')}.`,
      };
    },
  },
} satisfies Record<string, GuardSpec<SectionContext>>;

export type ReportGuardName = keyof typeof REPORT_GUARDS;
export type SectionGuardName = keyof typeof SECTION_GUARDS;

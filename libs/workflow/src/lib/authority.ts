/**
 * Signing authority (DOMAIN.md "Signing authority"): the signature block follows from who signs and
 * in what capacity; drafters never type it. Pure functions, no clock: the caller passes `at`.
 */
import { POSITION_TITLES, todayInVietnam, type PositionCode } from '@trinhky/domain';
import type { Delegation, RoutingPolicy, SignatureDerivation, WorkflowActor } from './contract';
import { FIELD_NAMES } from './labels';
import { delegationProblemOn } from './policy-rules/delegation';
import { type Leadership, LEADERSHIPS, deputyTitle, headTitle, leadershipOf, leadershipOfHead } from './policy-rules/leadership';
import { holdsSignerPosition } from './policy-rules/signer';

/** The body on whose behalf the report is signed and the title of its head. */
export interface SigningOrganisation {
  /**
   * "ỦY BAN NHÂN DÂN" — the collective body ("TM. ỦY BAN NHÂN DÂN"); null for an organisation under its
   * head (a Sở: no "TM." line).
   */
  collectiveTitle: string | null;
  /** "CHỦ TỊCH", "GIÁM ĐỐC" — the head whose authority is exercised ("KT. CHỦ TỊCH", "TUQ. GIÁM ĐỐC"). */
  headTitle: string;
  /** The head's and the deputies' positions; absent: the Chủ tịch and the Phó Chủ tịch. */
  headPosition?: PositionCode;
  deputyPosition?: PositionCode;
}

export const DEFAULT_SIGNING_ORGANISATION: SigningOrganisation = {
  collectiveTitle: 'ỦY BAN NHÂN DÂN',
  headTitle: 'CHỦ TỊCH',
};

/** The signing body of a leadership: a committee's collective title (default "ỦY BAN NHÂN DÂN"), or a head without one. */
export function signingOrganisationOf(l: Leadership, collectiveTitle?: string | null): SigningOrganisation {
  if (l.kind === 'committee') return { ...DEFAULT_SIGNING_ORGANISATION, ...(collectiveTitle ? { collectiveTitle } : {}) };
  return { collectiveTitle: null, headTitle: upperVi(headTitle(l)), headPosition: l.head, deputyPosition: l.deputy };
}

/**
 * The signing body of a report under `policy`: a committee's (the organisation's, given, or the default),
 * or — for a policy of a Sở ('director') — the Giám đốc's, whatever was given.
 */
export function signingOrganisationFor(policy: Pick<RoutingPolicy, 'leadership'>, organisation?: SigningOrganisation): SigningOrganisation {
  const l = leadershipOf(policy);
  if (l.kind === 'committee' && organisation) return organisation;
  return signingOrganisationOf(l, organisation?.collectiveTitle);
}

/** The signing body a delegation from `fromPosition` speaks for (the admin's preview of the block it gives). */
export function signingOrganisationOfHead(fromPosition: string, collectiveTitle?: string | null): SigningOrganisation {
  return signingOrganisationOf(leadershipOfHead(fromPosition) ?? LEADERSHIPS.committee, collectiveTitle);
}

export interface SignatureBlockInput {
  organisation: SigningOrganisation;
  signer: WorkflowActor;
  delegation?: Delegation;
  reportKind: string;
  at: Date;
}

/** Upper case with Vietnamese rules ("Phó Chủ tịch" → "PHÓ CHỦ TỊCH"). */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/**
 * Why a delegation cannot be used to sign a report of `reportKind` on `at` (Vietnam date), or null
 * when it can: the one rule of `delegationProblems`, judged on the day of signing.
 */
export function delegationProblem(signer: WorkflowActor, delegation: Delegation, reportKind: string, at: Date): string | null {
  return delegationProblemOn(delegation, signer, { day: todayInVietnam(at), mode: 'on', reportKind })?.reason ?? null;
}

/** Derives the signature block lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the name. */
export function deriveSignatureBlock(input: SignatureBlockInput): SignatureDerivation {
  const { organisation, signer, delegation, reportKind, at } = input;
  const collective = organisation.collectiveTitle ? `TM. ${upperVi(organisation.collectiveTitle)}` : null;
  /** The lines under the collective body's "TM." line, when there is one. */
  const under = (...lines: string[]): string[] => (collective ? [collective, ...lines] : lines);
  const head = upperVi(organisation.headTitle);
  const ownTitle = upperVi(POSITION_TITLES[signer.position] ?? signer.position);
  const name = signer.fullName;
  if (signer.kind === 'system') return { ok: false, reason: 'Hệ thống không thể ký văn bản.' };
  if (delegation) {
    const problem = delegationProblem(signer, delegation, reportKind, at);
    if (problem) return { ok: false, reason: problem };
    switch (delegation.kind) {
      case 'Q':
        return { ok: true, lines: under(`Q. ${head}`), name };
      case 'KT':
        return { ok: true, lines: under(`KT. ${head}`, ownTitle), name };
      case 'TM':
        return collective
          ? { ok: true, lines: [collective, ownTitle], name }
          : {
              ok: false,
              reason: `Cơ quan làm việc theo chế độ thủ trưởng: không có tập thể để ký thay mặt (TM.); ${head} ký hoặc giao ký thay (KT.).`,
            };
      case 'TUQ':
        return { ok: true, lines: [`TUQ. ${head}`, ownTitle], name };
      case 'TL':
        return { ok: true, lines: [`TL. ${head}`, ownTitle], name };
    }
  }
  if (signer.position === (organisation.headPosition ?? 'CHU_TICH')) return { ok: true, lines: under(head), name };
  if (signer.position === (organisation.deputyPosition ?? 'PHO_CHU_TICH')) return { ok: true, lines: under(`KT. ${head}`, ownTitle), name };
  return {
    ok: false,
    reason: `${POSITION_TITLES[signer.position] ?? signer.position} không có thẩm quyền ký văn bản của ${organisation.collectiveTitle ? organisation.collectiveTitle.toLocaleLowerCase('vi') : 'cơ quan'} khi không được ủy quyền.`,
  };
}

export type SigningAuthority = { ok: true; delegation?: Delegation; lines: string[]; name: string } | { ok: false; reason: string };

/** The signer the policy names, as a sentence subject: "Phó Chủ tịch phụ trách lĩnh vực văn hóa - xã hội", "Giám đốc". */
export function policySignerTitle(policy: RoutingPolicy): string {
  const l = leadershipOf(policy);
  return policy.signer.by === 'chair' ? headTitle(l) : `${deputyTitle(l)} phụ trách lĩnh vực ${FIELD_NAMES[policy.signer.field]}`;
}

/** Is the actor the signer the policy names, in person (no delegation)? */
export function isNamedSigner(policy: RoutingPolicy, actor: WorkflowActor): boolean {
  return actor.kind !== 'system' && holdsSignerPosition(policy, actor);
}

/**
 * May `actor` sign a report under `policy` at `at`, and with which block? The named signer signs in
 * person; when the policy honours delegations, a valid delegation from the head (Chủ tịch, Giám đốc)
 * also qualifies. `organisation`: the signing body (`signingOrganisationFor(policy, …)`).
 */
export function signingAuthority(
  policy: RoutingPolicy,
  actor: WorkflowActor,
  reportKind: string,
  at: Date,
  organisation: SigningOrganisation = signingOrganisationFor(policy),
): SigningAuthority {
  const base = `Chỉ ${policySignerTitle(policy)} mới được ký báo cáo này.`;
  if (isNamedSigner(policy, actor)) {
    const d = deriveSignatureBlock({ organisation, signer: actor, reportKind, at });
    return d.ok ? { ok: true, lines: d.lines, name: d.name } : { ok: false, reason: `${base} ${d.reason}` };
  }
  if (actor.kind === 'system' || actor.delegations.length === 0) return { ok: false, reason: base };
  if (!policy.allowDelegation) return { ok: false, reason: `${base} Quy trình này không áp dụng ký theo ủy quyền.` };
  const problems: string[] = [];
  for (const delegation of actor.delegations) {
    const d = deriveSignatureBlock({ organisation, signer: actor, delegation, reportKind, at });
    if (d.ok) return { ok: true, delegation, lines: d.lines, name: d.name };
    problems.push(d.reason);
  }
  return { ok: false, reason: `${base} ${problems.join(' ')}` };
}

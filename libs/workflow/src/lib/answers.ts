/**
 * The three answers the API and the UI share: may this actor send this event now (and if not, why);
 * what is the next snapshot (with the effects to run); which events may this actor send now.
 * Pure and synchronous: no I/O, no clock (the caller passes `now`).
 */
import { type SigningOrganisation, signingOrganisationFor } from './authority';
import type {
  AllowedEvent,
  Decision,
  ReportRecord,
  SectionChange,
  WorkflowActor,
  WorkflowEffect,
  WorkflowEvent,
  WorkflowEventType,
} from './contract';
import { contractStateName } from './definitions';
import { REPORT_GUARDS, type Refusal, SECTION_GUARDS } from './guards';
import { EVENT_LABELS, EVENT_VERBS, REPORT_STATE_LABELS, SECTION_STATE_LABELS } from './labels';
import { reportNotices, sectionNotice, type SectionView, summarise } from './notify';
import { type Prepared, firstFailing, prepare, refuse } from './prepared';
import { SECTION_EVENTS, type StructuralEffect, findRule, isSectionEvent } from './rules';
import { persist } from './snapshots';
import type { MachineEvent, ReportContext, SectionContext } from './types';
import { pureTransition } from './xstate-transition';

/** `ReportRecord` may carry the signing organisation; by default a commune People's Committee (or, under a Sở's policy, its Giám đốc). */
export type ReportWithOrganisation = ReportRecord & { organisation?: SigningOrganisation };

type Ok = Extract<Decision, { ok: true }>;

/** Accepted, without the outcome: what `allowedEvents` needs (the same checks; nothing persisted or summarised). */
const ACCEPTED = { accepted: true } as const;

function evaluate(report: ReportWithOrganisation, actor: WorkflowActor, event: WorkflowEvent, now: Date): Ok | Refusal;
function evaluate(
  report: ReportWithOrganisation,
  actor: WorkflowActor,
  event: WorkflowEvent,
  now: Date,
  prepared: Prepared,
  checkOnly: true,
): typeof ACCEPTED | Refusal;
function evaluate(
  report: ReportWithOrganisation,
  actor: WorkflowActor,
  event: WorkflowEvent,
  now: Date,
  prepared?: Prepared,
  checkOnly = false,
): Ok | typeof ACCEPTED | Refusal {
  if (!Object.prototype.hasOwnProperty.call(EVENT_LABELS, event.type)) return refuse('invalid', 'Thao tác không hợp lệ.');
  const p = prepared ?? prepare(report);
  if ('code' in p) return p;
  const { m, from, reportSnap, sectionSnap, rRules, sRules } = p;
  const { policy } = report;
  const views: SectionView[] = p.views.slice();
  const mev: MachineEvent = {
    type: event.type,
    actor,
    at: now.toISOString(),
    reportKind: report.kind,
    organisation: signingOrganisationFor(policy, report.organisation),
    sections: p.facts.slice(),
    ...(report.receiver ? { receiver: report.receiver } : {}),
    ...(event.sectionId !== undefined ? { sectionId: event.sectionId } : {}),
    ...(event.comment !== undefined ? { comment: event.comment } : {}),
    ...(event.payload !== undefined ? { payload: event.payload } : {}),
  };
  const verb = EVENT_VERBS[event.type];
  const rRule = findRule(rRules, from, event.type);
  const changes: SectionChange[] = [];
  const effects: WorkflowEffect[] = [];
  let sectionView: SectionView | null = null;

  // Section events and system events may name a section.
  if (isSectionEvent(event.type) || event.sectionId !== undefined) {
    if (!event.sectionId) return refuse('invalid', 'Cần chọn phần báo cáo.');
    const idx = report.sections.findIndex((s) => s.id === event.sectionId);
    if (idx < 0) return refuse('invalid', `Không tìm thấy phần "${event.sectionId}" trong báo cáo.`);
    sectionView = views[idx];
  }
  if (!rRule) {
    const target = isSectionEvent(event.type) ? `${verb} phần báo cáo` : verb;
    return refuse('invalid', `Báo cáo đang ở bước '${REPORT_STATE_LABELS[from]}', không thể ${target}.`);
  }

  if (isSectionEvent(event.type) && sectionView) {
    const idx = views.indexOf(sectionView);
    const sSnap = sectionSnap(idx);
    const sRule = findRule(sRules, sectionView.state, event.type);
    if (!sRule) {
      return refuse('invalid', `Phần ${sectionView.id} đang ở bước '${SECTION_STATE_LABELS[sectionView.state]}', không thể ${verb}.`);
    }
    const refusal = firstFailing(sRule.guards, SECTION_GUARDS, { policy, context: sSnap.context, event: mev });
    if (refusal) return refusal;
    if (m.section.getTransitionData(sSnap, mev).length === 0)
      throw new Error(`workflow: section table allows ${event.type} in ${sectionView.state} but the machine does not`);
    const [next] = pureTransition(m.section, sSnap, mev);
    const to = String(next.value) as SectionView['state'];
    if (!checkOnly) changes.push({ id: sectionView.id, from: sectionView.state, to, snapshot: persist<SectionContext>(next) });
    const after: SectionView = { ...sectionView, state: to };
    views[idx] = after;
    mev.sections[idx] = { ...mev.sections[idx], state: to };
    if (!checkOnly) {
      const notice = sectionNotice(policy, after, to === 'returned' ? event.comment?.trim() : null);
      if (notice) effects.push(notice);
      if (to === 'accepted' && views.every((v) => v.state === 'accepted')) {
        effects.push(...reportNotices(policy, 'collecting', views));
      }
    }
  }

  const refusal = firstFailing(rRule.guards, REPORT_GUARDS, { policy, context: reportSnap.context, event: mev });
  if (refusal) return refusal;
  if (m.report.getTransitionData(reportSnap, mev).length === 0)
    throw new Error(`workflow: report table allows ${event.type} in ${from} but the machine does not`);
  // Accepted: the guards passed and the machine takes the event. What follows only builds the outcome.
  if (checkOnly) return ACCEPTED;
  const [nextReport, actions] = pureTransition(m.report, reportSnap, mev);
  const reportTo = contractStateName(m.spec, String(nextReport.value));
  const ctx = nextReport.context;

  for (const a of actions) {
    if (a.type !== 'effect') continue;
    const effect = (a.params as { effect: StructuralEffect }).effect;
    if (effect === 'record_signature') {
      if (!ctx.signature) throw new Error('workflow: sign without a recorded signature');
      effects.push({ type: 'record_signature', signerId: ctx.signature.signerId, lines: ctx.signature.lines, name: ctx.signature.name });
    } else {
      effects.push({ type: effect });
    }
  }
  if (event.type === 'reminder' || event.type === 'overdue') {
    const prefix = event.type === 'reminder' ? 'Nhắc hạn: ' : 'Quá hạn: ';
    const targets = sectionView ? [sectionNotice(policy, sectionView)].filter((n) => n !== null) : reportNotices(policy, from, views);
    effects.push(...targets.map((n) => ({ ...n, message: prefix + n.message })));
  } else if (from !== reportTo) {
    if (reportTo === 'collecting' && event.type === 'open_collection') effects.push(...reportNotices(policy, 'collecting', views));
    else if (reportTo !== 'collecting') effects.push(...reportNotices(policy, reportTo, views, ctx.lastComment));
    if (reportTo === 'signed')
      effects.push(...reportNotices(policy, 'compiling', views).map((n) => ({ ...n, message: 'Báo cáo đã được ký.' })));
  }

  const extra =
    event.type === 'sign' && ctx.signature
      ? `(${ctx.signature.lines.join(' / ')} — ${ctx.signature.name})`
      : event.type === 'refuse'
        ? `(mở lần sửa thứ ${ctx.revision})`
        : undefined;
  return {
    ok: true,
    reportFrom: from,
    reportTo,
    reportSnapshot: persist<ReportContext>(nextReport),
    sections: changes,
    effects: dedupe(effects),
    summary: summarise(event, sectionView, reportTo, extra, policy),
  };
}

function dedupe(effects: WorkflowEffect[]): WorkflowEffect[] {
  const seen = new Set<string>();
  return effects.filter((e) => {
    const k = JSON.stringify(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Only the first question — may `actor` send `event` now, and if not why — without computing the
 * alternatives (cheaper than `decide` when only a yes/no is needed, e.g. for a guard on a route).
 */
export function may(report: ReportRecord, actor: WorkflowActor, event: WorkflowEvent, now: Date): { ok: true } | ({ ok: false } & Refusal) {
  const r = evaluate(report, actor, event, now);
  return 'ok' in r ? { ok: true } : { ok: false, ...r };
}

/** May `actor` send `event` now? If so, the next snapshots and the effects to run; if not, why. */
export function decide(report: ReportRecord, actor: WorkflowActor, event: WorkflowEvent, now: Date): Decision {
  const r = evaluate(report, actor, event, now);
  if ('ok' in r) return r;
  return { ok: false, code: r.code, reason: r.reason, allowed: allowedEvents(report, actor, now) };
}

const REPORT_EVENTS = (Object.keys(EVENT_LABELS) as WorkflowEventType[]).filter((t) => !isSectionEvent(t));

/**
 * The events `actor` may send now, with their button labels. Candidates come from the transition
 * tables (an event with no rule in the current state is never offered); each candidate is then put
 * through the same evaluation as `decide`, so every event listed here is accepted by `decide`
 * (with a comment when `commentRequired`), and every other event is refused.
 */
export function allowedEvents(report: ReportRecord, actor: WorkflowActor, now: Date): AllowedEvent[] {
  const p = prepare(report);
  if ('code' in p) return [];
  const { from, rRules, sRules } = p;
  const out: AllowedEvent[] = [];
  const tryEvent = (type: WorkflowEventType, guards: readonly string[], sectionId?: string) => {
    const needsComment = guards.includes('hasComment');
    const event: WorkflowEvent = { type, ...(sectionId ? { sectionId } : {}), ...(needsComment ? { comment: '…' } : {}) };
    if ('accepted' in evaluate(report, actor, event, now, p, true)) {
      out.push({ type, ...(sectionId ? { sectionId } : {}), commentRequired: needsComment, label: EVENT_LABELS[type] });
    }
  };
  for (const type of REPORT_EVENTS) {
    const rule = findRule(rRules, from, type);
    if (rule) tryEvent(type, rule.guards);
  }
  report.sections.forEach((s, i) => {
    const state = p.views[i].state;
    for (const type of SECTION_EVENTS) {
      const rRule = findRule(rRules, from, type);
      const sRule = findRule(sRules, state, type);
      if (rRule && sRule) tryEvent(type, [...rRule.guards, ...sRule.guards], s.id);
    }
  });
  return out;
}

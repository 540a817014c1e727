import { Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { EventInput } from '@trinhky/contracts';
import { todayInVietnam } from '@trinhky/domain';
import { decide, factsOf, offeredEvents, reportFieldChanges, type AllowedEvent, type WorkflowActor } from '@trinhky/workflow';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { sha256 } from '../audit/audit-hash';
import { AuditKey } from '../audit/audit-key';
import { auditEntryAfter } from '../audit/audit.service';
import { ConflictWithState, ForbiddenWithReason, UnprocessableError, isUuid } from '../common/http-errors';
import type { ReportEntity, SectionEntity, UserEntity } from '../database/entities';
import { activeActorFromRow } from '../organisation/people.service';
import { registerNumberText } from '../register/register-sql';
import { applyPartFields, applyReportFields } from './report-fields';
import { type DecidedTransition, type EventContext, ReportStore, type ReportTx } from './report-store';
import { toRecord } from './report-views';
import { withFigureFindings } from './report-checks';
import { DELIVER_TOPIC } from '../exchange/delivery.service';
import { receiverOf } from '../exchange/receiver';

/** A workflow event as the contract parses it (libs/contracts `eventRequest`). */
export type EventRequest = EventInput;

export interface EventResult {
  state: string;
  version: number;
  allowedEvents: AllowedEvent[];
  number?: string | null;
}

/**
 * One transition, end to end (docs/architecture.md): **access** (the report is the user's
 * organisation's; the user still active), **decide** (libs/workflow's `decide`, a pure function of
 * the report, its parts, the actor and the event), **persist** (one write through the ReportStore
 * port: state, snapshot, version, part fields, register number, audit entry and outbox rows, in
 * the transaction that holds the report's row lock) and **publish** (the caller's `onCommitted`;
 * the outbox and the NOTIFY are delivered after the commit). A refusal throws before anything is written.
 */
@Injectable()
export class TransitionsService {
  private readonly log = new Logger('Transitions');

  constructor(
    private readonly store: ReportStore,
    private readonly auditKey: AuditKey,
  ) {}

  /** A user's event (POST /reports/:id/events): two round trips, see PgReportStore. */
  async send(principal: Principal, reportId: string, req: EventRequest, onCommitted?: () => void): Promise<EventResult> {
    if (!isUuid(reportId)) throw new NotFoundException('Không tìm thấy báo cáo.');
    const result = await this.store.locked(reportId, principal.userId, async (tx, report, context) => {
      // Access: the report must be the user's organisation's (a superior agency only follows it).
      // A revoked account hears 401 before anything about the report (the guard leaves the user to this route).
      if (!report || report.organisationId !== principal.organisationId) await stillActive(tx, principal);
      if (!report) throw new NotFoundException('Không tìm thấy báo cáo.');
      if (report.organisationId !== principal.organisationId) {
        if (await tx.supervises(report.organisationId, principal.organisationId)) {
          throw new ForbiddenWithReason(
            'Cơ quan cấp trên chỉ theo dõi báo cáo của cấp dưới; các thao tác do chính cơ quan lập báo cáo thực hiện.',
          );
        }
        throw new NotFoundException('Không tìm thấy báo cáo.');
      }
      // The guard does not re-read the user on this route (@ChecksUserInTransaction): this does, under the lock.
      const { user, actor } = activeActorFromRow(context.user, principal.organisationId);
      return this.apply(tx, report, user, actor, req, context);
    });
    onCommitted?.();
    return result;
  }

  /** An event of the scheduler (or any caller) inside `em`'s transaction, which has locked the report row. */
  async applyLocked(
    em: EntityManager,
    report: ReportEntity,
    user: UserEntity | null,
    actor: WorkflowActor,
    req: EventRequest,
  ): Promise<EventResult> {
    const tx = await this.store.within(em);
    return this.apply(tx, report, user, actor, req, await tx.read(report.id, null));
  }

  /** Decide, then persist. Mutates `report` (its new state and version) for a caller that goes on with it. */
  private async apply(
    tx: ReportTx,
    report: ReportEntity,
    user: UserEntity | null,
    actor: WorkflowActor,
    req: EventRequest,
    context: EventContext,
  ): Promise<EventResult> {
    const { sections } = context;
    if (report.version !== req.expectedVersion) {
      throw new ConflictWithState('Báo cáo vừa được người khác cập nhật. Hãy tải lại để xem trạng thái mới.', {
        state: report.state,
        version: report.version,
      });
    }
    const now = new Date();
    // Figures (issue 11): the parts' findings travel in the record, so the workflow refuses a submit or a signature over them.
    const record = await withFigureFindings(tx, report, sections, toRecord(report, sections), req.type, req.sectionId);
    // Receipt (issue 12): the workflow needs to know whether the receiving agency is in the system (its văn thư answers).
    if (req.type === 'acknowledge' || req.type === 'refuse') record.receiver = await receiverOf((s, v) => tx.query(s, v), report.id);
    const decision = decide(record, actor, { type: req.type, sectionId: req.sectionId, comment: req.comment, payload: req.payload }, now);
    if (!decision.ok) {
      if (decision.code === 'forbidden') throw new ForbiddenWithReason(decision.reason, { allowedEvents: decision.allowed });
      throw new UnprocessableError(decision.reason, { allowedEvents: decision.allowed, state: report.state });
    }

    // The decision, applied to the rows.
    const changed = new Map(decision.sections.map((c) => [c.id, c]));
    const changedSections: SectionEntity[] = [];
    for (const s of sections) {
      const c = changed.get(s.id);
      if (!c) continue;
      s.state = c.to;
      s.snapshot = c.snapshot;
      applyPartFields(s, c, req.comment);
      changedSections.push(s);
    }
    const fromState = report.state;
    report.state = decision.reportTo;
    report.snapshot = decision.reportSnapshot;
    report.version += 1;
    report.updatedAt = now;
    const effects: Pick<DecidedTransition, 'outbox' | 'issue'> = { outbox: [], issue: null };
    for (const e of decision.effects) {
      applyReportFields(report, sections, reportFieldChanges(e), now);
      if (e.type === 'assign_number') {
        const issuedOn = todayInVietnam(now);
        report.issuedAt = issuedOn;
        // Numbered by the write statement itself: the register counter's row lock is held only from it to the commit.
        effects.issue = {
          organisationId: report.organisationId,
          year: Number(issuedOn.slice(0, 4)),
          docType: 'BC',
          suffix: await tx.numberSuffix(report.organisationId),
          issuedOn,
          subject: report.subject.join(' '),
          signerName: report.signature?.name ?? '',
          recipients: report.recipients.join('; '),
          archiveUnit: `VT, ${(report.policy as { compilingUnit?: string }).compilingUnit ?? ''}`,
          reportId: report.id,
        };
        effects.outbox.push({ topic: 'pdf.freeze', payload: { reportId: report.id, kind: 'issued', revision: report.revision } });
      } else if (e.type === 'freeze_signed_version') {
        effects.outbox.push({ topic: 'pdf.freeze', payload: { reportId: report.id, kind: 'signed', revision: report.revision } });
      } else if (e.type === 'new_revision') {
        effects.issue = null;
      } else if (e.type === 'deliver') {
        effects.outbox.push({ topic: DELIVER_TOPIC, payload: { reportId: report.id, revision: report.revision } });
      } else if (e.type === 'notify') {
        effects.outbox.push({ topic: 'notify', payload: { reportId: report.id, to: e.to, message: e.message } });
      }
    }
    const section = req.sectionId ? sections.find((s) => s.id === req.sectionId) : undefined;
    const audit = auditEntryAfter(
      context.head,
      {
        organisationId: report.organisationId,
        reportId: report.id,
        actorId: user?.id ?? null,
        actorName: actor.fullName,
        actorPosition: user?.position ?? 'HE_THONG',
        event: req.type,
        fromState: section ? (changed.get(section.id)?.from ?? section.state) : fromState,
        toState: section ? section.state : report.state,
        sectionId: section?.id ?? null,
        comment: req.comment ?? null,
        summary: decision.summary,
        contentHash: section ? section.currentContentHash : versionHash(sections),
      },
      now,
      this.auditKey,
    );
    const pushed = {
      organisationId: report.organisationId,
      type: 'report.changed' as const,
      reportId: report.id,
      state: report.state,
      version: report.version,
    };
    const t: DecidedTransition = {
      report,
      sections: changedSections,
      audit,
      ...effects,
      dispatchedAt: report.state === 'submitted' ? now : null,
      pushed,
    };
    // Computed before the write, so that nothing but the commit follows it (an issue holds the counter's lock until then);
    // from the rows' facts (`offeredEvents`, what `allowedEvents` answers without restoring the snapshots again).
    const facts = user ? factsOf({ ...toRecord(report, sections), receiver: record.receiver ?? null }) : null;
    const allowed = facts ? offeredEvents(facts, actor, now) : [];

    const issued = await tx.write(t);
    if (issued && t.issue) {
      if (issued.numberText !== registerNumberText(issued.number, t.issue)) {
        // Committed already; the register test pins the format. Say so loudly rather than fail the request.
        this.log.error(`register number text ${issued.numberText} differs from the domain's formatRegisterNumber(${issued.number})`);
      }
      report.number = issued.number;
      report.numberText = issued.numberText;
    }
    return { state: report.state, version: report.version, number: report.numberText, allowedEvents: allowed };
  }
}

/** Hash of the report's current content: its sections' current revision hashes, in order. */
export function versionHash(sections: SectionEntity[]): string {
  return sha256(sections.map((s) => `${s.code}:${s.currentContentHash ?? '-'}`).join('\n'));
}

/** 401 unless the token's user still exists, is active and belongs to the token's organisation (the refusal paths of `send`). */
async function stillActive(tx: ReportTx, principal: Principal): Promise<void> {
  const [u] = await tx.query('SELECT active, organisation_id FROM users WHERE id = $1', [principal.userId]);
  if (!u || u['active'] !== true || u['organisation_id'] !== principal.organisationId)
    throw new UnauthorizedException('Tài khoản không còn hiệu lực. Vui lòng đăng nhập lại.');
}

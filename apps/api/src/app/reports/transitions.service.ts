import { BadRequestException, Injectable } from '@nestjs/common';
import { todayInVietnam } from '@trinhky/domain';
import {
  allowedEvents,
  decide,
  type AllowedEvent,
  type Decision,
  type WorkflowActor,
  type WorkflowEffect,
  type WorkflowEvent,
  type WorkflowEventType,
} from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { AuditService } from '../audit/audit.service';
import { sha256 } from '../audit/audit-hash';
import { ConflictWithState, ForbiddenWithReason, UnprocessableError, isUuid } from '../common/http-errors';
import { ReportEntity, SectionEntity, type UserEntity } from '../database/entities';
import { pushInTransaction } from '../notifications/push';
import { PeopleService } from '../organisation/people.service';
import { RegisterService } from '../register/register.service';
import { ReportsService } from './reports.service';
import { toRecord } from './report-views';

export interface EventRequest {
  type: WorkflowEventType;
  sectionId?: string;
  comment?: string;
  payload?: Record<string, unknown>;
  expectedVersion: number;
}

export interface EventResult {
  state: string;
  version: number;
  allowedEvents: AllowedEvent[];
  number?: string | null;
}

/** Validates the body of POST /reports/:id/events; 400 with a readable reason. */
export function parseEventRequest(body: unknown): EventRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b['type'] !== 'string' || !b['type']) throw new BadRequestException('Thiếu loại thao tác (type).');
  if (!Number.isInteger(b['expectedVersion'])) throw new BadRequestException('Thiếu phiên bản hiện tại của báo cáo (expectedVersion).');
  if (b['sectionId'] !== undefined && b['sectionId'] !== null && !isUuid(b['sectionId'])) throw new BadRequestException('Mã phần báo cáo (sectionId) không hợp lệ.');
  if (b['comment'] !== undefined && b['comment'] !== null && typeof b['comment'] !== 'string') throw new BadRequestException('Ý kiến (comment) phải là chữ.');
  if (typeof b['comment'] === 'string' && b['comment'].length > 4000) throw new BadRequestException('Ý kiến dài quá 4.000 ký tự.');
  if (b['payload'] !== undefined && (typeof b['payload'] !== 'object' || b['payload'] === null || Array.isArray(b['payload']))) {
    throw new BadRequestException('Dữ liệu kèm theo (payload) phải là một đối tượng.');
  }
  return {
    type: b['type'] as WorkflowEventType,
    sectionId: (b['sectionId'] as string | undefined) ?? undefined,
    comment: typeof b['comment'] === 'string' && b['comment'].trim() ? b['comment'].trim() : undefined,
    payload: b['payload'] as Record<string, unknown> | undefined,
    expectedVersion: b['expectedVersion'] as number,
  };
}

/**
 * One transition, end to end (DESIGN.md): lock the report row, check the version, let the
 * workflow decide, then in the same transaction update state + snapshot + version, apply the
 * effects that belong in the transaction (numbering, signature), append the audit entry and
 * enqueue the rest in the outbox. A refusal throws before anything is written.
 */
@Injectable()
export class TransitionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly register: RegisterService,
  ) {}

  async send(principal: Principal, reportId: string, req: EventRequest, onCommitted?: () => void): Promise<EventResult> {
    const result = await this.ds.transaction(async (em) => {
      const report = await this.reports.load(principal, reportId, em, true);
      const { user, actor } = await this.people.activeActor(principal.userId, principal.organisationId, em);
      return this.applyLocked(em, report, user, actor, req);
    });
    onCommitted?.();
    return result;
  }

  /** Applies an event to a report whose row the caller has locked in `em`. Used by users and the scheduler. */
  async applyLocked(em: EntityManager, report: ReportEntity, user: UserEntity | null, actor: WorkflowActor, req: EventRequest): Promise<EventResult> {
    const sections = await this.reports.sections(report.id, em);
    const now = new Date();
    if (report.version !== req.expectedVersion) {
      throw new ConflictWithState('Báo cáo vừa được người khác cập nhật. Hãy tải lại để xem trạng thái mới.', { state: report.state, version: report.version });
    }
    const record = toRecord(report, sections);
    const event: WorkflowEvent = { type: req.type, sectionId: req.sectionId, comment: req.comment, payload: req.payload };
    const decision: Decision = decide(record, actor, event, now);
    if (!decision.ok) {
      const allowed = decision.allowed;
      if (decision.code === 'forbidden') throw new ForbiddenWithReason(decision.reason, { allowedEvents: allowed });
      throw new UnprocessableError(decision.reason, { allowedEvents: allowed, state: report.state });
    }

    const changed = new Map(decision.sections.map((c) => [c.id, c]));
    for (const s of sections) {
      const c = changed.get(s.id);
      if (!c) continue;
      s.state = c.to;
      s.snapshot = c.snapshot;
      if (c.to === 'accepted') s.acceptedRevisionId = s.currentRevisionId;
      if (c.to === 'returned') s.lastComment = req.comment ?? null;
      if (c.to !== 'accepted' && c.from === 'accepted') s.acceptedRevisionId = null;
      await em.getRepository(SectionEntity).update({ id: s.id }, { state: s.state, snapshot: s.snapshot as object, acceptedRevisionId: s.acceptedRevisionId, lastComment: s.lastComment });
    }

    const fromState = report.state;
    report.state = decision.reportTo;
    report.snapshot = decision.reportSnapshot;
    report.version += 1;
    await this.applyEffects(em, report, sections, decision.effects, now);
    report.updatedAt = now;
    await em.getRepository(ReportEntity).update(
      { id: report.id },
      {
        state: report.state,
        snapshot: report.snapshot as object,
        version: report.version,
        revision: report.revision,
        number: report.number,
        numberText: report.numberText,
        issuedAt: report.issuedAt,
        signerId: report.signerId,
        signature: report.signature,
        signedHash: report.signedHash,
        updatedAt: now,
      },
    );

    const section = req.sectionId ? sections.find((s) => s.id === req.sectionId) : undefined;
    await this.audit.append(
      em,
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
    );
    await pushInTransaction(em, { organisationId: report.organisationId, type: 'report.changed', reportId: report.id, state: report.state, version: report.version });
    const notices = decision.effects.flatMap((e) => (e.type === 'notify' ? [{ reportId: report.id, to: e.to, message: e.message }] : []));
    await this.enqueue(em, report.organisationId, 'notify', ...notices);
    return { state: report.state, version: report.version, number: report.numberText, allowedEvents: user ? allowedEvents(toRecord(report, sections), actor, now) : [] };
  }

  private async applyEffects(em: EntityManager, report: ReportEntity, sections: SectionEntity[], effects: WorkflowEffect[], now: Date): Promise<void> {
    for (const e of effects) {
      switch (e.type) {
        case 'record_signature':
          report.signerId = e.signerId;
          report.signature = { lines: e.lines, name: e.name, signedAt: now.toISOString() };
          report.signedHash = acceptedVersionHash(sections);
          break;
        case 'revoke_signature':
          report.signerId = null;
          report.signature = null;
          report.signedHash = null;
          break;
        case 'assign_number': {
          const org = await this.people.organisation(report.organisationId, em);
          const issuedOn = todayInVietnam(now);
          const entry = await this.register.issue(em, {
            organisationId: report.organisationId,
            year: Number(issuedOn.slice(0, 4)),
            docType: 'BC',
            suffix: org.numberSuffix,
            issuedOn,
            subject: report.subject.join(' '),
            signerName: report.signature?.name ?? '',
            recipients: report.recipients.join('; '),
            archiveUnit: `VT, ${(report.policy as { compilingUnit?: string }).compilingUnit ?? ''}`,
            reportId: report.id,
          });
          report.number = entry.number;
          report.numberText = entry.numberText;
          report.issuedAt = issuedOn;
          await this.enqueue(em, report.organisationId, 'pdf.freeze', { reportId: report.id, kind: 'issued', revision: report.revision });
          break;
        }
        case 'freeze_signed_version':
          await this.enqueue(em, report.organisationId, 'pdf.freeze', { reportId: report.id, kind: 'signed', revision: report.revision });
          break;
        case 'new_revision':
          report.revision += 1;
          report.number = null;
          report.numberText = null;
          report.issuedAt = null;
          report.signerId = null;
          report.signature = null;
          report.signedHash = null;
          break;
        case 'notify':
          break;
      }
    }
    if (report.state === 'submitted') await this.register.markDispatched(em, report.id, now);
  }

  /** Writes outbox rows (one INSERT for all of them) in the caller's transaction. */
  async enqueue(em: EntityManager, organisationId: string, topic: string, ...payloads: Record<string, unknown>[]): Promise<void> {
    if (!payloads.length) return;
    await em.query('INSERT INTO outbox (organisation_id, topic, payload) SELECT $1, $2, p FROM unnest($3::jsonb[]) AS p', [organisationId, topic, payloads.map((p) => JSON.stringify(p))]);
  }
}

/** Hash of the report's current content: its sections' current revision hashes, in order. */
export function versionHash(sections: SectionEntity[]): string {
  return sha256(sections.map((s) => `${s.code}:${s.currentContentHash ?? '-'}`).join('\n'));
}

/** The signed version: a hash over the accepted revisions, in order. */
export function acceptedVersionHash(sections: SectionEntity[]): string {
  return sha256(sections.map((s) => `${s.code}:${s.acceptedRevisionId ?? '-'}:${s.acceptedRevisionId ? s.currentContentHash : '-'}`).join('\n'));
}

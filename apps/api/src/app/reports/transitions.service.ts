import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { todayInVietnam } from '@trinhky/domain';
import {
  allowedEvents,
  decide,
  reportFieldChanges,
  type AllowedEvent,
  type Decision,
  type WorkflowActor,
  type WorkflowEffect,
  type WorkflowEvent,
} from '@trinhky/workflow';
import type { EventInput as EventRequest } from '@trinhky/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { sha256 } from '../audit/audit-hash';
import { AuditKey } from '../audit/audit-key';
import { type ChainHead, auditEntryAfter, auditHeadJson, auditInsertSql } from '../audit/audit.service';
import { ConflictWithState, ForbiddenWithReason, UnprocessableError, isUuid } from '../common/http-errors';
import type { AuditEntryEntity, ReportEntity, SectionEntity, UserEntity } from '../database/entities';
import { CHANNEL, type PushedEvent } from '../notifications/push';
import { type ActorRow, PeopleService, activeActorFromRow, actorJson } from '../organisation/people.service';
import { type RegisterInput, registerIssueCtes, registerNumberText } from '../register/register-sql';
import { RegisterService } from '../register/register.service';
import { type PgSession, REPORT_COLUMNS, SECTIONS_JSON, executeSql, preparedOn, queryPrepared, reportFromRow, sectionFromRow, sqlLiteral } from './report-rows';
import { applyPartFields, applyReportFields } from './report-fields';
import { toRecord } from './report-views';
import { withFigureFindings } from './report-checks';


/** What a transition writes besides the report, its sections and the audit entry. */
interface PendingWrites {
  outbox: OutboxRow[];
  /** An outgoing register number to issue (the `assign_number` effect). */
  issue: RegisterInput | null;
}

/** The transaction `send` drives on its connection; the write commits it. */
interface ManualTx {
  session: PgSession;
  committed: boolean;
}

/** Round trip 1 of an event (after BEGIN): the report row, locked. */
const LOCK_REPORT = `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1 FOR UPDATE`;
/** Round trip 2: the user and their delegations, the sections, the audit chain's head (after the lock). */
const READ_FOR_EVENT = `SELECT ${actorJson('$2')} AS "user", ${SECTIONS_JSON} AS sections, ${auditHeadJson('$1')} AS head`;

/** An outbox row to write with the transition. */
interface OutboxRow {
  topic: string;
  payload: Record<string, unknown>;
}

export interface EventResult {
  state: string;
  version: number;
  allowedEvents: AllowedEvent[];
  number?: string | null;
}


/**
 * One transition, end to end (DESIGN.md): lock the report row, check the version, let the
 * workflow decide, then in the same transaction update state + snapshot + version, apply the
 * effects that belong in the transaction (numbering, signature), append the audit entry and
 * enqueue the rest in the outbox. A refusal throws before anything is written.
 */
@Injectable()
export class TransitionsService {
  private readonly log = new Logger('Transitions');

  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
    private readonly register: RegisterService,
    private readonly auditKey: AuditKey,
  ) {}

  /**
   * One transaction in three round trips once the connection has prepared the statements:
   * `BEGIN; EXECUTE lock(id)`, then the read, then `EXECUTE write(…); COMMIT`. The transaction is
   * driven here on the query runner's connection (TypeORM is told one is active, so nothing it runs
   * meanwhile opens its own); any failure before the commit rolls it back.
   */
  async send(principal: Principal, reportId: string, req: EventRequest, onCommitted?: () => void): Promise<EventResult> {
    if (!isUuid(reportId)) throw new NotFoundException('Không tìm thấy báo cáo.');
    const runner = this.ds.createQueryRunner();
    const session = (await runner.connect()) as PgSession;
    const state = runner as unknown as { isTransactionActive: boolean };
    const tx: ManualTx = { session, committed: false };
    let result: EventResult;
    try {
      state.isTransactionActive = true;
      // Round trip 1: BEGIN and the report row's lock. Everything else is read after the lock, by a new
      // statement (so with a snapshot that sees whatever the previous holder of the lock committed).
      const lock = executeSql(session, LOCK_REPORT, [reportId]);
      let locked: Record<string, unknown>[];
      if (lock) {
        const results = (await session.query(`BEGIN;\n${lock}`)) as { rows: Record<string, unknown>[] }[];
        locked = results[1].rows;
      } else {
        await session.query('BEGIN');
        locked = await preparedOn(session, LOCK_REPORT, [reportId]);
      }
      const report = locked.length ? reportFromRow(locked[0]) : null;
      if (!report) throw new NotFoundException('Không tìm thấy báo cáo.');
      if (report.organisationId !== principal.organisationId) {
        const superior = await session.query({ name: 'tk_supervises', text: 'SELECT 1 FROM organisations WHERE id = $1 AND parent_id = $2', values: [report.organisationId, principal.organisationId] });
        if (superior.rows.length) {
          throw new ForbiddenWithReason('Cơ quan cấp trên chỉ theo dõi báo cáo của cấp dưới; các thao tác do chính cơ quan lập báo cáo thực hiện.');
        }
        throw new NotFoundException('Không tìm thấy báo cáo.');
      }
      // Round trip 2: the user and their delegations, the sections, the audit chain's head.
      const [row] = (await preparedOn(session, READ_FOR_EVENT, [report.id, principal.userId])) as { user: ActorRow | null; sections: Record<string, unknown>[]; head: ChainHead | null }[];
      const { user, actor } = activeActorFromRow(row.user, principal.organisationId);
      // Round trip 3 (in `write`): every write, and the commit.
      result = await this.applyLocked(runner.manager, report, user, actor, req, { sections: row.sections.map(sectionFromRow), head: row.head, tx });
      if (!tx.committed) throw new Error('transition not committed');
    } catch (e) {
      if (!tx.committed) await session.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      state.isTransactionActive = false;
      await runner.release();
    }
    onCommitted?.();
    return result;
  }

  /**
   * Applies an event to a report whose row the caller has locked in `em`. Used by users and the
   * scheduler. `loaded`: the report's sections and audit chain head, read after the lock was taken;
   * `tx`: the transaction `send` drives, which the write commits.
   */
  async applyLocked(
    em: EntityManager,
    report: ReportEntity,
    user: UserEntity | null,
    actor: WorkflowActor,
    req: EventRequest,
    loaded?: { sections: SectionEntity[]; head: ChainHead | null; tx?: ManualTx },
  ): Promise<EventResult> {
    let { sections, head } = loaded ?? { sections: [] as SectionEntity[], head: null as ChainHead | null };
    if (!loaded) {
      const rows = await queryPrepared<{ sections: Record<string, unknown>[]; head: ChainHead | null }>(em, `SELECT ${SECTIONS_JSON} AS sections, ${auditHeadJson('$1')} AS head`, [report.id]);
      sections = rows[0].sections.map(sectionFromRow);
      head = rows[0].head;
    }
    const now = new Date();
    if (report.version !== req.expectedVersion) {
      throw new ConflictWithState('Báo cáo vừa được người khác cập nhật. Hãy tải lại để xem trạng thái mới.', { state: report.state, version: report.version });
    }
    const record = await withFigureFindings(em, report, sections, toRecord(report, sections), req.type, req.sectionId);
    const event: WorkflowEvent = { type: req.type, sectionId: req.sectionId, comment: req.comment, payload: req.payload };
    const decision: Decision = decide(record, actor, event, now);
    if (!decision.ok) {
      const allowed = decision.allowed;
      if (decision.code === 'forbidden') throw new ForbiddenWithReason(decision.reason, { allowedEvents: allowed });
      throw new UnprocessableError(decision.reason, { allowedEvents: allowed, state: report.state });
    }

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
    const w: PendingWrites = { outbox: [], issue: null };
    await this.applyEffects(em, report, sections, decision.effects, now, w);
    report.updatedAt = now;

    const section = req.sectionId ? sections.find((s) => s.id === req.sectionId) : undefined;
    const entry = auditEntryAfter(
      head,
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
    for (const e of decision.effects) if (e.type === 'notify') w.outbox.push({ topic: 'notify', payload: { reportId: report.id, to: e.to, message: e.message } });
    const pushed: PushedEvent = { organisationId: report.organisationId, type: 'report.changed', reportId: report.id, state: report.state, version: report.version };
    // Computed before the write, so that nothing but the commit follows it: an issue holds the
    // register counter's row lock from the write statement to the commit.
    const allowed = user ? allowedEvents(toRecord(report, sections), actor, now) : [];
    await this.write(em, report, changedSections, entry, w, pushed, loaded?.tx ?? null);
    return { state: report.state, version: report.version, number: report.numberText, allowedEvents: allowed };
  }

  /**
   * Round trip 3: every write of a transition in one statement (data-modifying CTEs, each run exactly
   * once): the changed sections, the report (state, snapshot, version…), the audit entry, the outbox
   * rows (in order) and the NOTIFY that every API instance relays (sent only if the transaction commits).
   */
  private async write(em: EntityManager, report: ReportEntity, sections: SectionEntity[], entry: AuditEntryEntity, w: PendingWrites, pushed: PushedEvent, tx: ManualTx | null): Promise<void> {
    const { outbox, issue } = w;
    const inline = issue !== null && tx !== null;
    const params: unknown[] = [];
    // With `tx` the write and the COMMIT travel in one simple-protocol message. An issue is sent with
    // its values inlined as escaped literals (issues are rare: no prepared plan needed), so the
    // register counter's row lock, taken by the write, is released by the commit without a round trip
    // to Node in between (concurrent issuers queue on that lock).
    const p = inline
      ? sqlLiteral
      : (v: unknown): string => {
          params.push(v);
          return `$${params.length}`;
        };
    const ctes: string[] = [];
    if (issue) ctes.push(...registerIssueCtes(issue, p));
    if (sections.length) {
      ctes.push(`s AS (UPDATE sections AS t SET state = c.state, snapshot = c.snapshot, accepted_revision_id = c.accepted_revision_id, last_comment = c.last_comment
        FROM unnest(${p(sections.map((s) => s.id))}::uuid[], ${p(sections.map((s) => s.state))}::text[], ${p(sections.map((s) => JSON.stringify(s.snapshot)))}::jsonb[],
                    ${p(sections.map((s) => s.acceptedRevisionId))}::uuid[], ${p(sections.map((s) => s.lastComment))}::text[]) AS c(id, state, snapshot, accepted_revision_id, last_comment)
        WHERE t.id = c.id AND t.report_id = ${p(report.id)})`);
    }
    ctes.push(`r AS (UPDATE reports SET state = ${p(report.state)}, snapshot = ${p(JSON.stringify(report.snapshot))}::jsonb, version = ${p(report.version)}, revision = ${p(report.revision)},
        number = ${issue ? '(SELECT number FROM e)' : p(report.number)}, number_text = ${issue ? '(SELECT number_text FROM e)' : p(report.numberText)}, issued_at = ${p(report.issuedAt)}::date, signer_id = ${p(report.signerId)}::uuid,
        signature = ${p(report.signature === null ? null : JSON.stringify(report.signature))}::jsonb, signed_hash = ${p(report.signedHash)}, updated_at = ${p(report.updatedAt)}
        WHERE id = ${p(report.id)})`);
    ctes.push(`a AS (${auditInsertSql(entry, p)})`);
    if (outbox.length) {
      ctes.push(`o AS (INSERT INTO outbox (organisation_id, topic, payload)
        SELECT ${p(report.organisationId)}::uuid, x.topic, x.payload FROM unnest(${p(outbox.map((o) => o.topic))}::text[], ${p(outbox.map((o) => JSON.stringify(o.payload)))}::jsonb[]) WITH ORDINALITY AS x(topic, payload, n)
        ORDER BY x.n)`);
    }
    if (inline) {
      const sql = `WITH ${ctes.join(',\n')}\nSELECT pg_notify(${p(CHANNEL)}, ${p(JSON.stringify(pushed))}), (SELECT number FROM e) AS number, (SELECT number_text FROM e) AS number_text;\nCOMMIT`;
      const [written] = (await tx.session.query(sql)) as { rows: Record<string, unknown>[] }[];
      tx.committed = true;
      this.numbered(report, issue, Number(written.rows[0]['number']), String(written.rows[0]['number_text']));
      return;
    }
    const text = `WITH ${ctes.join(',\n')}\nSELECT pg_notify(${p(CHANNEL)}, ${p(JSON.stringify(pushed))})${issue ? ', (SELECT number FROM e) AS number, (SELECT number_text FROM e) AS number_text' : ''}`;
    let rows: Record<string, unknown>[];
    if (!tx) {
      rows = await queryPrepared<Record<string, unknown>>(em, text, params);
    } else {
      const exec = executeSql(tx.session, text, params);
      if (exec) {
        rows = ((await tx.session.query(`${exec};\nCOMMIT`)) as { rows: Record<string, unknown>[] }[])[0].rows;
      } else {
        rows = await preparedOn(tx.session, text, params); // prepares it on this connection for next time
        await tx.session.query('COMMIT');
      }
      tx.committed = true;
    }
    if (issue) this.numbered(report, issue, Number(rows[0]['number']), String(rows[0]['number_text']));
  }

  private numbered(report: ReportEntity, issue: RegisterInput, number: number, numberText: string): void {
    if (numberText !== registerNumberText(number, issue)) {
      // Possibly committed already; the register test pins the format. Say so loudly rather than fail the request.
      this.log.error(`register number text ${numberText} differs from the domain's formatRegisterNumber(${number})`);
    }
    report.number = number;
    report.numberText = numberText;
  }

  private async applyEffects(em: EntityManager, report: ReportEntity, sections: SectionEntity[], effects: WorkflowEffect[], now: Date, w: PendingWrites): Promise<void> {
    const { outbox } = w;
    for (const e of effects) {
      applyReportFields(report, sections, reportFieldChanges(e), now);
      switch (e.type) {
        case 'assign_number': {
          const org = await this.people.organisation(report.organisationId, em);
          const issuedOn = todayInVietnam(now);
          // Numbered by the write statement itself (see `write`): the register counter's row lock is
          // then held only from that statement to the commit, not across further round trips.
          w.issue = {
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
          };
          report.issuedAt = issuedOn;
          outbox.push({ topic: 'pdf.freeze', payload: { reportId: report.id, kind: 'issued', revision: report.revision } });
          break;
        }
        case 'freeze_signed_version':
          outbox.push({ topic: 'pdf.freeze', payload: { reportId: report.id, kind: 'signed', revision: report.revision } });
          break;
        case 'new_revision':
          w.issue = null;
          break;
        default:
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

import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  TEMPLATES,
  addWorkingDays,
  dataCutOff,
  fillTemplateText,
  isCalendarDate,
  periodError,
  periodKey,
  periodLabel,
  planSections,
  type Period,
} from '@trinhky/domain';
import { CURRENT_DEFINITION_VERSION, allowedEvents, createReportWorkflow, type RoutingPolicy } from '@trinhky/workflow';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OrganisationEntity, ReportEntity, RoutingPolicyEntity, SectionEntity, UserEntity } from '../database/entities';
import type { Principal } from '../auth/auth.guard';
import { PeopleService } from '../organisation/people.service';
import { AuditService } from '../audit/audit.service';
import { unitNamesFrom, type UnitNames } from '../organisation/unit-names';
import { toRecord, toSectionDto, toSummary, type ReportDetailDto, type ReportSummaryDto } from './report-views';
import { defaultPolicyFor } from './policies';
import { reminderAt } from '../deadlines/deadline-schedule';
import { REPORT_COLUMNS, SECTIONS_JSON, queryPrepared, reportFromRow, sectionFromRow } from './report-rows';

export interface ReportFilters {
  state?: string;
  period?: string;
  unit?: string;
  kind?: string;
  overdue?: boolean;
  q?: string;
  /** One organisation among the caller's own and those it supervises. */
  organisation?: string;
}

/** Reading and opening reports. Transitions live in TransitionsService. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Loads a report of the caller's organisation; 404 otherwise (existence is not revealed across
   * organisations). Reading (`lock` false) also reaches the reports of the organisations the caller's
   * organisation supervises (a province's communes); locking, i.e. changing, never does.
   */
  async load(principal: Principal, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<ReportEntity> {
    // Raw SQL: this runs on every event (with the row lock), where the query builder cost more than the query.
    const rows = await queryPrepared<Record<string, unknown>>(em, `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    const report = rows.length ? reportFromRow(rows[0]) : null;
    if (!report) throw new NotFoundException('Không tìm thấy báo cáo.');
    if (report.organisationId !== principal.organisationId && (lock || !(await this.supervises(principal.organisationId, report.organisationId, em)))) {
      throw new NotFoundException('Không tìm thấy báo cáo.');
    }
    return report;
  }

  /** Whether `parentId` is the superior organisation of `childId` (a province of its commune). */
  async supervises(parentId: string, childId: string, em: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await em.query('SELECT 1 FROM organisations WHERE id = $1 AND parent_id = $2', [childId, parentId]);
    return rows.length > 0;
  }

  async sections(reportId: string, em: EntityManager = this.ds.manager): Promise<SectionEntity[]> {
    const rows: { sections: Record<string, unknown>[] }[] = await em.query(`SELECT ${SECTIONS_JSON} AS sections`, [reportId]);
    return rows[0].sections.map(sectionFromRow);
  }

  async list(principal: Principal, f: ReportFilters): Promise<ReportSummaryDto[]> {
    // The caller's organisation and the ones it supervises (a province user follows its communes).
    const qb = this.ds
      .getRepository(ReportEntity)
      .createQueryBuilder('r')
      .where('(r.organisation_id = :org OR r.organisation_id IN (SELECT o.id FROM organisations o WHERE o.parent_id = :org))', { org: principal.organisationId });
    if (f.organisation) qb.andWhere('r.organisation_id = :only', { only: f.organisation });
    if (f.state) qb.andWhere('r.state IN (:...states)', { states: f.state.split(',') });
    if (f.period) qb.andWhere('r.period_key = :period', { period: f.period });
    if (f.kind) qb.andWhere('r.kind = :kind', { kind: f.kind });
    if (f.overdue) qb.andWhere('(r.overdue OR EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.overdue))');
    if (f.unit) qb.andWhere('EXISTS (SELECT 1 FROM sections s WHERE s.report_id = r.id AND s.unit_code = :unit)', { unit: f.unit });
    if (f.q) qb.andWhere('(r.title ILIKE :q OR r.number_text ILIKE :q)', { q: `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%` });
    const reports = await qb.orderBy('r.updated_at', 'DESC').limit(500).getMany();
    if (!reports.length) return [];
    const sections = await this.ds.getRepository(SectionEntity).find({
      where: { reportId: In(reports.map((r) => r.id)) },
      select: { reportId: true, state: true, unitCode: true },
    });
    const byReport = new Map<string, SectionEntity[]>();
    for (const s of sections) byReport.set(s.reportId, [...(byReport.get(s.reportId) ?? []), s]);
    const orgIds = [...new Set(reports.map((r) => r.organisationId))];
    const orgs = new Map((await this.ds.getRepository(OrganisationEntity).find({ where: { id: In(orgIds) }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
    const units = await this.unitNames(orgIds);
    return reports.map((r) => ({ ...toSummary(r, byReport.get(r.id) ?? [], undefined, units(r.organisationId)), organisation: { id: r.organisationId, name: orgs.get(r.organisationId) ?? '' } }));
  }

  /** Unit names per organisation as Quản trị keeps them (units table). */
  private async unitNames(orgIds: string[]): Promise<(orgId: string) => UnitNames> {
    const rows: { organisation_id: string; code: string; name: string }[] = orgIds.length
      ? await this.ds.query('SELECT organisation_id, code, name FROM units WHERE organisation_id = ANY($1::uuid[])', [orgIds])
      : [];
    return (orgId) => unitNamesFrom(rows.filter((u) => u.organisation_id === orgId));
  }

  async detail(principal: Principal, id: string): Promise<ReportDetailDto> {
    const report = await this.load(principal, id);
    const [sections, { actor }] = await Promise.all([this.sections(id), this.people.activeActor(principal.userId, principal.organisationId)]);
    // A superior organisation follows a commune's report; it never acts on it.
    const own = report.organisationId === principal.organisationId;
    const org = await this.ds.getRepository(OrganisationEntity).findOne({ where: { id: report.organisationId }, select: { id: true, name: true } });
    const detail = await this.detailOf(report, sections, own ? allowedEvents(toRecord(report, sections), actor, new Date()) : []);
    return { ...detail, organisation: { id: report.organisationId, name: org?.name ?? '' } };
  }

  async detailOf(report: ReportEntity, sections: SectionEntity[], allowed: ReportDetailDto['allowedEvents']): Promise<ReportDetailDto> {
    const userIds = [...new Set(sections.map((s) => s.assigneeId).filter((x): x is string => !!x))];
    const users = new Map((userIds.length ? await this.ds.getRepository(UserEntity).find({ where: { id: In(userIds) } }) : []).map((u) => [u.id, u]));
    const unitName = (await this.unitNames([report.organisationId]))(report.organisationId);
    const policy = report.policy as unknown as RoutingPolicy;
    return {
      ...toSummary(report, sections, undefined, unitName),
      subject: report.subject,
      recipients: report.recipients,
      distribution: report.distribution,
      basis: report.basis,
      revision: report.revision,
      policy: { code: policy.code, name: policy.name },
      signature: report.signature,
      sections: sections.map((s) => toSectionDto(s, users, unitName)),
      allowedEvents: allowed,
    };
  }

  /** Opens a report for a period from a template: creates its sections, assigned to departments. */
  async create(principal: Principal, body: unknown): Promise<ReportDetailDto> {
    const b = (body ?? {}) as Record<string, unknown>;
    const template = TEMPLATES[String(b['templateCode'] ?? 'CCHC_QUY')];
    if (!template) throw new BadRequestException('Mẫu báo cáo không tồn tại.');
    const period = b['period'] as Period;
    const perr = periodError(period);
    if (perr) throw new BadRequestException(perr);
    const deadline = String(b['deadline'] ?? '');
    if (!isCalendarDate(deadline)) throw new BadRequestException('Hạn nộp báo cáo phải là ngày hợp lệ (yyyy-mm-dd).');
    const basis = b['basis'] === undefined || b['basis'] === null ? null : String(b['basis']).slice(0, 4000);
    const assignees = (b['assignees'] ?? {}) as Record<string, string>;
    if (typeof assignees !== 'object') throw new BadRequestException('Danh sách phân công không hợp lệ.');

    const user = await this.people.activeUser(principal.userId, principal.organisationId);
    const isCompiler = (user.roles.includes('compiler') || user.roles.includes('head')) && user.unitCode === template.compilingUnit;
    if (!isCompiler && !user.roles.includes('admin')) {
      throw new ForbiddenException(`Chỉ đơn vị chủ trì (${template.compilingUnit}) mới được mở báo cáo này.`);
    }
    const org = await this.people.organisation(principal.organisationId);
    const cut = dataCutOff(period);
    if (deadline < cut.to) throw new BadRequestException(`Hạn nộp phải sau ngày chốt số liệu (${cut.to}).`);

    return this.ds.transaction(async (em) => {
      const policyRow = await em.getRepository(RoutingPolicyEntity).findOne({ where: { organisationId: org.id, reportKind: template.kind } });
      const policy = (policyRow?.policy as unknown as RoutingPolicy) ?? defaultPolicyFor(template.kind);
      const drafters = await em.getRepository(UserEntity).find({ where: { organisationId: org.id, active: true } });
      const planned = planSections(template, period);
      for (const [code, uid] of Object.entries(assignees)) {
        const part = planned.find((p) => p.code === code);
        const who = drafters.find((u) => u.id === uid);
        if (!part) throw new BadRequestException(`Phần "${code}" không có trong mẫu báo cáo.`);
        if (!who || who.unitCode !== part.unit) throw new BadRequestException(`Người được phân công phần ${code} phải thuộc ${part.unit}.`);
      }
      const report = em.getRepository(ReportEntity).create({
        organisationId: org.id,
        templateCode: template.code,
        kind: template.kind,
        periodKind: period.kind,
        periodYear: period.year,
        periodIndex: period.index ?? null,
        periodKey: periodKey(period),
        title: `Báo cáo CCHC ${periodLabel(period)}`,
        subject: template.subject.map((s) => fillTemplateText(s, period)),
        recipients: template.recipients,
        distribution: template.distribution,
        basis,
        state: 'draft',
        snapshot: {},
        version: 1,
        definitionVersion: CURRENT_DEFINITION_VERSION,
        policy: policy as unknown as Record<string, unknown>,
        revision: 1,
        deadline,
        cutoffFrom: cut.from,
        cutoffTo: cut.to,
        number: null,
        numberText: null,
        issuedAt: null,
        signerId: null,
        signature: null,
        signedHash: null,
        createdBy: user.id,
        nextReminderAt: reminderAt(deadline),
      });
      await em.getRepository(ReportEntity).save(report);
      const sections = planned.map((p) =>
        em.getRepository(SectionEntity).create({
          reportId: report.id,
          organisationId: org.id,
          code: p.code,
          label: p.label,
          title: p.title,
          level: p.level,
          parentCode: p.parent ?? null,
          sortOrder: p.order,
          unitCode: p.unit,
          assigneeId: assignees[p.code] ?? drafters.find((u) => u.unitCode === p.unit && u.roles.includes('drafter'))?.id ?? null,
          state: 'assigned',
          snapshot: {},
          deadline: addWorkingDays(deadline, -p.dueDaysBeforeDeadline),
          currentRevisionId: null,
          currentContentHash: null,
          acceptedRevisionId: null,
          lastComment: null,
          nextReminderAt: reminderAt(addWorkingDays(deadline, -p.dueDaysBeforeDeadline)),
        }),
      );
      await em.getRepository(SectionEntity).save(sections);
      const wf = createReportWorkflow(
        policy,
        sections.map((s) => ({ id: s.id, unit: s.unitCode as never, assigneeId: s.assigneeId })),
        CURRENT_DEFINITION_VERSION,
      );
      report.snapshot = wf.reportSnapshot;
      report.state = wf.state;
      for (const s of sections) s.snapshot = wf.sections.find((x) => x.id === s.id)?.snapshot ?? {};
      await em.getRepository(ReportEntity).save(report);
      await em.getRepository(SectionEntity).save(sections);
      await this.audit.append(em, {
        organisationId: org.id,
        reportId: report.id,
        actorId: user.id,
        actorName: user.fullName,
        actorPosition: user.position,
        event: 'create',
        fromState: null,
        toState: report.state,
        summary: `Mở báo cáo ${periodLabel(period)} từ mẫu "${template.name}", phân công ${sections.length} phần`,
      });
      const actor = await this.people.actor(user, em);
      return this.detailOf(report, sections, allowedEvents(toRecord(report, sections), actor, new Date()));
    });
  }
}

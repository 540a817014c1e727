import { Injectable, NotFoundException } from '@nestjs/common';
import { allowedEvents, type RoutingPolicy } from '@trinhky/workflow';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OrganisationEntity, ReportEntity, SectionEntity, UserEntity } from '../database/entities';
import type { Principal } from '../auth/auth.guard';
import { PeopleService } from '../organisation/people.service';
import { unitNamesFrom, type UnitNames } from '../organisation/unit-names';
import { receiverOf } from '../exchange/receiver';
import { toRecord, toSectionDto, toSummary, type ReportDetailDto, type ReportSummaryDto } from './report-views';
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

/** Reading reports. Opening them: ReportCreationService; transitions: TransitionsService. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
  ) {}

  /**
   * Loads a report of the caller's organisation; 404 otherwise (existence is not revealed across
   * organisations). Reading (`lock` false) also reaches the reports of the organisations the caller's
   * organisation supervises (a province's communes); locking, i.e. changing, never does.
   */
  async load(principal: Principal, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<ReportEntity> {
    // Raw SQL: this runs on every event (with the row lock), where the query builder cost more than the query.
    const rows = await queryPrepared<Record<string, unknown>>(
      em,
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    const report = rows.length ? reportFromRow(rows[0]) : null;
    if (!report) throw new NotFoundException('Không tìm thấy báo cáo.');
    if (
      report.organisationId !== principal.organisationId &&
      (lock || !(await this.supervises(principal.organisationId, report.organisationId, em)))
    ) {
      throw new NotFoundException('Không tìm thấy báo cáo.');
    }
    return report;
  }

  /** Whether `parentId` follows `childId`: above it at any depth, or its receiver (followed_organisations, migration 1764800000000). */
  async supervises(parentId: string, childId: string, em: EntityManager = this.ds.manager): Promise<boolean> {
    const rows: unknown[] = await em.query('SELECT 1 FROM followed_organisations($2) f WHERE f.id = $1', [childId, parentId]);
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
      .where('(r.organisation_id = :org OR r.organisation_id IN (SELECT f.id FROM followed_organisations(:org) f))', {
        org: principal.organisationId,
      });
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
    const orgs = new Map(
      (await this.ds.getRepository(OrganisationEntity).find({ where: { id: In(orgIds) }, select: { id: true, name: true } })).map((o) => [
        o.id,
        o.name,
      ]),
    );
    const units = await this.unitNames(orgIds);
    return reports.map((r) => ({
      ...toSummary(r, byReport.get(r.id) ?? [], undefined, units(r.organisationId)),
      organisation: { id: r.organisationId, name: orgs.get(r.organisationId) ?? '' },
    }));
  }

  /** Unit names per organisation as Quản trị keeps them (units table). */
  private async unitNames(orgIds: string[], em: EntityManager = this.ds.manager): Promise<(orgId: string) => UnitNames> {
    const rows: { organisation_id: string; code: string; name: string }[] = orgIds.length
      ? await em.query('SELECT organisation_id, code, name FROM units WHERE organisation_id = ANY($1::uuid[])', [orgIds])
      : [];
    return (orgId) => unitNamesFrom(rows.filter((u) => u.organisation_id === orgId));
  }

  async detail(principal: Principal, id: string): Promise<ReportDetailDto> {
    const report = await this.load(principal, id);
    const [sections, { actor }] = await Promise.all([
      this.sections(id),
      this.people.activeActor(principal.userId, principal.organisationId),
    ]);
    // A superior organisation follows a commune's report; it never acts on it.
    const own = report.organisationId === principal.organisationId;
    // Receipt (issue 12): the receiving agency in the system records it, so the sender's clerk is not offered it.
    const record = own ? { ...toRecord(report, sections), receiver: await receiverOf((q, v) => this.ds.query(q, v), id) } : null;
    return this.detailOf(report, sections, record ? allowedEvents(record, actor, new Date()) : []);
  }

  /**
   * The detail view of a loaded report. `em`: the caller's transaction when there is one — a handler
   * inside a transaction must never take a second pool connection (ten concurrent ones would wedge a pool of ten).
   */
  async detailOf(
    report: ReportEntity,
    sections: SectionEntity[],
    allowed: ReportDetailDto['allowedEvents'],
    em: EntityManager = this.ds.manager,
  ): Promise<ReportDetailDto> {
    const userIds = [...new Set(sections.map((s) => s.assigneeId).filter((x): x is string => !!x))];
    const users = new Map(
      (userIds.length ? await em.getRepository(UserEntity).find({ where: { id: In(userIds) } }) : []).map((u) => [u.id, u]),
    );
    const [unitNames, org] = await Promise.all([
      this.unitNames([report.organisationId], em),
      em.getRepository(OrganisationEntity).findOne({ where: { id: report.organisationId }, select: { id: true, name: true } }),
    ]);
    const unitName = unitNames(report.organisationId);
    const policy = report.policy as unknown as RoutingPolicy;
    return {
      ...toSummary(report, sections, undefined, unitName),
      // Always: the contract's detail names the report's organisation (a new report's answer too).
      organisation: { id: report.organisationId, name: org?.name ?? '' },
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
}

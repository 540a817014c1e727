import { Injectable, NotFoundException } from '@nestjs/common';
import { factsOf, offeredEvents, type RoutingPolicy } from '@trinhky/workflow';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OrganisationEntity, ReportEntity, SectionEntity, UserEntity } from '../database/entities';
import type { Principal } from '../auth/auth.guard';
import { activeActorFromRow } from '../organisation/people.service';
import { unitNamesFrom, type UnitNames } from '../organisation/unit-names';
import { toRecord, toSectionDto, toSummary, type ReportDetailDto, type ReportSummaryDto } from './report-views';
import { REPORT_COLUMNS, SECTIONS_JSON, queryPrepared, reportFromRow, sectionFromRow } from './report-rows';
import { readDetail } from './report-detail-read';
import { OVERDUE_SQL, countSource, countSql, listWhere, readableOrganisations, type ListFilters } from './report-list-sql';

export type ReportFilters = ListFilters;
/** A page of `GET /api/reports` (contract `reportPage`). */
export interface ReportListPage {
  items: ReportSummaryDto[];
  total: number;
  limit: number;
  offset: number;
}

/** The columns a summary needs (not the snapshot, the signature or the policy's text beyond what the holder reads). */
const LIST_COLUMNS = `r.id, r.organisation_id, r.template_code, r.kind, r.period_kind, r.period_year, r.period_index, r.period_key, r.title,
  r.recipients, r.state, r.version, r.policy, r.deadline::text AS deadline, r.cutoff_from::text AS cutoff_from, r.cutoff_to::text AS cutoff_to,
  r.number_text, r.issued_at::text AS issued_at, r.updated_at`;

/** Reading reports. Opening them: ReportCreationService; transitions: TransitionsService. */
@Injectable()
export class ReportsService {
  constructor(private readonly ds: DataSource) {}

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

  /**
   * One page of the reports the caller reads (its organisation's and those it follows), newest change
   * first (id as tie-break), and `total`: every report matching the filters (never a silent cap).
   * The page's ids first (index order, nothing computed for the rows skipped), then their columns;
   * `overdue` is the report's or one of its parts' (as the filter and the board count it).
   */
  async list(principal: Principal, f: ReportFilters & { limit: number; offset: number }): Promise<ReportListPage> {
    const orgs = await readableOrganisations(this.ds, principal.organisationId);
    const w = listWhere(orgs, f);
    const counts = countSource(orgs, f);
    const n = w.params.length;
    const [rows, [count]] = await Promise.all([
      this.ds.query(
        `WITH pg AS (SELECT r.id FROM reports r WHERE ${w.sql} ORDER BY r.updated_at DESC, r.id DESC LIMIT $${n + 1} OFFSET $${n + 2})
         SELECT ${LIST_COLUMNS}, ${OVERDUE_SQL} AS any_overdue, o.name AS org_name
           FROM pg JOIN reports r ON r.id = pg.id JOIN organisations o ON o.id = r.organisation_id
          ORDER BY r.updated_at DESC, r.id DESC`,
        [...w.params, f.limit, f.offset],
      ) as Promise<Record<string, unknown>[]>,
      this.ds.query(countSql(counts.sql), counts.params) as Promise<{ n: number }[]>,
    ]);
    const page = { total: count.n, limit: f.limit, offset: f.offset };
    if (!rows.length) return { items: [], ...page };
    const reports = rows.map((r) => ({ ...reportFromRow(r), overdue: r['any_overdue'] as boolean }) as ReportEntity);
    const sections: { report_id: string; state: string; unit_code: string }[] = await this.ds.query(
      'SELECT report_id, state, unit_code FROM sections WHERE report_id = ANY($1::uuid[])',
      [reports.map((r) => r.id)],
    );
    const byReport = new Map<string, { state: string; unitCode: string }[]>();
    for (const s of sections) byReport.set(s.report_id, [...(byReport.get(s.report_id) ?? []), { state: s.state, unitCode: s.unit_code }]);
    const units = await this.unitNames([...new Set(reports.map((r) => r.organisationId))]);
    return {
      items: reports.map((r, i) => ({
        ...toSummary(r, byReport.get(r.id) ?? [], undefined, units(r.organisationId)),
        organisation: { id: r.organisationId, name: rows[i]['org_name'] as string },
      })),
      ...page,
    };
  }

  /** Unit names per organisation as Quản trị keeps them (units table). */
  private async unitNames(orgIds: string[], em: EntityManager = this.ds.manager): Promise<(orgId: string) => UnitNames> {
    const rows: { organisation_id: string; code: string; name: string }[] = orgIds.length
      ? await em.query('SELECT organisation_id, code, name FROM units WHERE organisation_id = ANY($1::uuid[])', [orgIds])
      : [];
    return (orgId) => unitNamesFrom(rows.filter((u) => u.organisation_id === orgId));
  }

  /** `GET /api/reports/:id`: one statement (report-detail-read.ts); 404 unless the caller's organisation reads it. */
  async detail(principal: Principal, id: string): Promise<ReportDetailDto> {
    const read = await readDetail(this.ds, id, principal.userId, principal.organisationId);
    if (!read?.readable) throw new NotFoundException('Không tìm thấy báo cáo.');
    const { report, sections } = read;
    const { actor } = activeActorFromRow(read.user, principal.organisationId);
    // A superior organisation follows a commune's report; it never acts on it.
    // Receipt (issue 12): the receiving agency in the system records it, so the sender's clerk is not offered it.
    const own = report.organisationId === principal.organisationId;
    // From the rows' facts (`offeredEvents`: what `allowedEvents` answers, property-tested, without restoring the snapshots).
    const facts = own ? factsOf({ ...toRecord(report, sections), receiver: read.receiver }) : null;
    const allowed = facts ? offeredEvents(facts, actor, new Date()) : [];
    return detailView(report, sections, allowed, {
      assignees: read.assignees,
      unitName: unitNamesFrom(read.units),
      organisationName: read.organisationName,
    });
  }

  /**
   * The detail view of a loaded report. `em`: the caller's transaction when there is one — a handler
   * inside a transaction must never take a second pool connection (a pool's worth of concurrent ones would wedge the pool).
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
    return detailView(report, sections, allowed, {
      assignees: users,
      unitName: unitNames(report.organisationId),
      organisationName: org?.name ?? '',
    });
  }
}

/** The detail view from a report, its parts and the names it shows. */
function detailView(
  report: ReportEntity,
  sections: SectionEntity[],
  allowed: ReportDetailDto['allowedEvents'],
  names: { assignees: Map<string, { id: string; fullName: string }>; unitName: UnitNames; organisationName: string },
): ReportDetailDto {
  const policy = report.policy as unknown as RoutingPolicy;
  return {
    ...toSummary(report, sections, undefined, names.unitName),
    // Always: the contract's detail names the report's organisation (a new report's answer too).
    organisation: { id: report.organisationId, name: names.organisationName },
    subject: report.subject,
    recipients: report.recipients,
    distribution: report.distribution,
    basis: report.basis,
    revision: report.revision,
    policy: { code: policy.code, name: policy.name },
    signature: report.signature,
    sections: sections.map((s) => toSectionDto(s, names.assignees, names.unitName)),
    allowedEvents: allowed,
  };
}

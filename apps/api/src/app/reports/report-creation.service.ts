import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import {
  TEMPLATES,
  catalogueFor,
  dataCutOff,
  fillTemplateText,
  periodError,
  periodKey,
  periodLabel,
  planSections,
  reportTitle,
  type Period,
} from '@trinhky/domain';
import { CURRENT_DEFINITION_VERSION, allowedEvents, createReportWorkflow, mayOpenReport, partUnit, unitName } from '@trinhky/workflow';
import type { CreateReportInput } from '@trinhky/contracts';
import { DataSource } from 'typeorm';
import { ReportEntity, SectionEntity, UserEntity } from '../database/entities';
import { UnprocessableError } from '../common/http-errors';
import type { Principal } from '../auth/auth.guard';
import { PeopleService } from '../organisation/people.service';
import { AuditService } from '../audit/audit.service';
import { toRecord, type ReportDetailDto } from './report-views';
import { organisationPolicy, unitProblems } from '../organisation/organisation-policy';
import { reminderAt } from '../deadlines/deadline-schedule';
import { ReportsService } from './reports.service';
import { sectionDeadlines } from './section-deadlines';

/**
 * Opening reports. Everything inside the transaction, the returned detail view included, runs on
 * the transaction's EntityManager: a second pool connection taken while this one is held would let
 * a pool's worth of concurrent openings wedge the API.
 */
@Injectable()
export class ReportCreationService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
  ) {}

  /** Opens a report for a period from a template: creates its sections, assigned to departments. */
  async create(principal: Principal, body: CreateReportInput): Promise<ReportDetailDto> {
    const template = TEMPLATES[body.templateCode];
    if (!template) throw new BadRequestException('Mẫu báo cáo không tồn tại.');
    const period = body.period as Period;
    const perr = periodError(period);
    if (perr) throw new BadRequestException(perr);
    const { deadline } = body;
    const basis = body.basis ?? null;
    const assignees = body.assignees ?? {};

    const user = await this.people.activeUser(principal.userId, principal.organisationId);
    const org = await this.people.organisation(principal.organisationId);
    const cut = dataCutOff(period);
    if (deadline < cut.to) throw new BadRequestException(`Hạn nộp phải sau ngày chốt số liệu (${cut.to}).`);
    const partDeadline = sectionDeadlines(planSections(template, period), body.sectionDeadlines ?? {}, deadline, cut.from);

    return this.ds.transaction(async (em) => {
      // The organisation's policy of the kind, with its own units' names (the report keeps both).
      const { policy, units } = await organisationPolicy(em, org.id, template.kind);
      const may = mayOpenReport(policy, { roles: user.roles, unit: user.unitCode });
      if (!may.ok) throw new ForbiddenException(may.reason);
      // Each part goes to one of the organisation's own units (a Sở's, under its policy): all must exist.
      const missing = unitProblems(policy, template, units);
      if (missing.length) throw new UnprocessableError(`Chưa mở được báo cáo: ${missing.join(' ')}`);
      const drafters = await em.getRepository(UserEntity).find({ where: { organisationId: org.id, active: true } });
      const planned = planSections(template, period).map((p) => ({ ...p, unit: partUnit(policy, p) }));
      for (const [code, uid] of Object.entries(assignees)) {
        const part = planned.find((p) => p.code === code);
        const who = drafters.find((u) => u.id === uid);
        if (!part) throw new BadRequestException(`Phần "${code}" không có trong mẫu báo cáo.`);
        if (!who || who.unitCode !== part.unit)
          throw new BadRequestException(`Người được phân công phần ${code} phải thuộc ${unitName(policy, part.unit)}.`);
      }
      const report = em.getRepository(ReportEntity).create({
        organisationId: org.id,
        templateCode: template.code,
        kind: template.kind,
        periodKind: period.kind,
        periodYear: period.year,
        periodIndex: period.index ?? null,
        periodKey: periodKey(period),
        title: reportTitle(template, period),
        subject: template.subject.map((s) => fillTemplateText(s, period)),
        recipients: template.recipients,
        // "Lưu: VT, <the compiling unit>." — the organisation's own compiling unit (a Sở's CCHC).
        distribution: template.distribution.map((l) => (l.startsWith('- Lưu:') ? `- Lưu: VT, ${policy.compilingUnit}.` : l)),
        basis,
        state: 'draft',
        snapshot: {},
        version: 1,
        definitionVersion: CURRENT_DEFINITION_VERSION,
        figuresCatalogueVersion: catalogueFor(template.code)?.version ?? null,
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
          deadline: partDeadline(p),
          currentRevisionId: null,
          currentContentHash: null,
          acceptedRevisionId: null,
          lastComment: null,
          nextReminderAt: reminderAt(partDeadline(p)),
        }),
      );
      await em.getRepository(SectionEntity).save(sections);
      const wf = createReportWorkflow(
        policy,
        sections.map((s) => ({ id: s.id, unit: s.unitCode, assigneeId: s.assigneeId })),
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
      // On the transaction's own connection: never a second one from the pool while this one is held.
      return this.reports.detailOf(report, sections, allowedEvents(toRecord(report, sections), actor, new Date()), em);
    });
  }
}

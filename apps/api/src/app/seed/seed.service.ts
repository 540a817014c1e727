import { Injectable, Logger } from '@nestjs/common';
import { todayInVietnam, type Period } from '@trinhky/domain';
import { POLICY_SO_PGD, POLICY_VHXH_PCT } from '@trinhky/workflow';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { OrganisationEntity, RoutingPolicyEntity, UnitEntity, UserEntity } from '../database/entities';
import { ReportCreationService } from '../reports/report-creation.service';
import { TransitionsService } from '../reports/transitions.service';
import { sealPng, signaturePng } from './demo-images';
import { DEMO_BASIS, DEMO_ORGANISATION, DEMO_PROVINCE, DEMO_PROVINCE_USER, DEMO_UNITS, DEMO_USERS } from './demo-data';
import { DEMO_COMMUNES, DEMO_PROVINCE_ROOT, DEMO_PROVINCE_ROOT_USER, DEMO_SO_UNITS, DEMO_SO_USERS, demoBasis } from './demo-province';

/** One hash of the documented demo password per process: every demo user shares it anyway. */
let demoHash: Promise<string> | undefined;
const demoPasswordHash = (): Promise<string> => (demoHash ??= hashPassword('demo'));

/** Seeds the demo commune on an empty database (first start), with one CCHC report in progress. */
@Injectable()
export class SeedService {
  private readonly log = new Logger('Seed');

  constructor(
    private readonly ds: DataSource,
    private readonly creation: ReportCreationService,
    private readonly transitions: TransitionsService,
  ) {}

  async seedIfEmpty(now = new Date()): Promise<boolean> {
    const count = await this.ds.getRepository(OrganisationEntity).count();
    if (count > 0) return false;
    await this.seed(now);
    return true;
  }

  /** Creates the demo organisation; returns its id. Also used by tests. */
  async seedOrganisation(org = DEMO_ORGANISATION, usernamePrefix = '', parentId: string | null = null): Promise<string> {
    const hash = await demoPasswordHash();
    return this.ds.transaction(async (em) => {
      const o = await em
        .getRepository(OrganisationEntity)
        .save(em.getRepository(OrganisationEntity).create({ ...org, parentId, sealImage: sealPng() }));
      await em.getRepository(UnitEntity).save(DEMO_UNITS.map((u) => em.getRepository(UnitEntity).create({ ...u, organisationId: o.id })));
      await em.getRepository(UserEntity).save(
        DEMO_USERS.map((u, i) =>
          em.getRepository(UserEntity).create({
            organisationId: o.id,
            unitCode: u.unit,
            username: usernamePrefix + u.username,
            fullName: u.fullName,
            passwordHash: hash,
            position: u.position,
            roles: u.roles,
            fields: u.fields ?? [],
            signatureImage: u.roles.includes('signer') ? signaturePng(i) : null,
            active: true,
          }),
        ),
      );
      await em
        .getRepository(RoutingPolicyEntity)
        .save(
          em
            .getRepository(RoutingPolicyEntity)
            .create({ organisationId: o.id, reportKind: 'CCHC', policy: POLICY_VHXH_PCT as unknown as Record<string, unknown> }),
        );
      return o.id;
    });
  }

  /** The province's Sở Nội vụ (or, with arguments, another superior) with one user who follows its communes; returns its id. */
  async seedProvince(
    org = DEMO_PROVINCE,
    u = DEMO_PROVINCE_USER,
    parentId: string | null = null,
    more: (typeof DEMO_PROVINCE_USER)[] = [],
  ): Promise<string> {
    const hash = await demoPasswordHash();
    return this.ds.transaction(async (em) => {
      const o = await em
        .getRepository(OrganisationEntity)
        .save(em.getRepository(OrganisationEntity).create({ ...org, parentId, sealImage: null }));
      for (const x of more)
        await em.getRepository(UserEntity).save(
          em.getRepository(UserEntity).create({
            organisationId: o.id,
            unitCode: null,
            username: x.username,
            fullName: x.fullName,
            passwordHash: hash,
            position: x.position,
            roles: x.roles,
            fields: [],
            signatureImage: null,
            active: true,
          }),
        );
      await em.getRepository(UserEntity).save(
        em.getRepository(UserEntity).create({
          organisationId: o.id,
          unitCode: null,
          username: u.username,
          fullName: u.fullName,
          passwordHash: hash,
          position: u.position,
          roles: u.roles,
          fields: [],
          signatureImage: null,
          active: true,
        }),
      );
      return o.id;
    });
  }

  /**
   * The Sở's own units, its people for every step of its own report's lifecycle (drafters and heads of
   * its units, compilers, the Giám đốc and the Phó Giám đốc who signs, the văn thư, the admin), its seal
   * and its CCHC routing policy (POLICY_SO_PGD: its parts on its units, "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").
   */
  async seedProvinceStaff(provinceId: string, users = DEMO_SO_USERS): Promise<void> {
    const hash = await demoPasswordHash();
    await this.ds.transaction(async (em) => {
      await em.getRepository(OrganisationEntity).update({ id: provinceId }, { sealImage: sealPng() });
      await em
        .getRepository(UnitEntity)
        .save(DEMO_SO_UNITS.map((u) => em.getRepository(UnitEntity).create({ ...u, organisationId: provinceId })));
      await em.getRepository(UserEntity).save(
        users.map((u, i) =>
          em.getRepository(UserEntity).create({
            organisationId: provinceId,
            unitCode: u.unit,
            username: u.username,
            fullName: u.fullName,
            passwordHash: hash,
            position: u.position,
            roles: u.roles,
            fields: u.fields ?? [],
            signatureImage: u.roles.includes('signer') ? signaturePng(i + 7) : null,
            active: true,
          }),
        ),
      );
      await em.getRepository(RoutingPolicyEntity).save(
        em.getRepository(RoutingPolicyEntity).create({
          organisationId: provinceId,
          reportKind: 'CCHC',
          policy: POLICY_SO_PGD as unknown as Record<string, unknown>,
        }),
      );
    });
  }

  private async seed(now: Date): Promise<void> {
    const rootId = await this.seedProvince(DEMO_PROVINCE_ROOT, DEMO_PROVINCE_ROOT_USER);
    const provinceId = await this.seedProvince(DEMO_PROVINCE, DEMO_PROVINCE_USER, rootId);
    await this.seedProvinceStaff(provinceId);
    const today = todayInVietnam(now);
    const year = Number(today.slice(0, 4));
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const period: Period = { kind: 'quarter', year, index: quarter };
    const deadline = `${year}-${String(quarter * 3).padStart(2, '0')}-18`;
    for (const c of DEMO_COMMUNES) {
      const orgId = await this.seedOrganisation(c.org, c.prefix, provinceId);
      // Configured, not implied: the commune's CCHC reports go to the Sở Nội vụ (GET/PUT /api/province/receivers).
      await this.ds.query(`INSERT INTO report_receivers (organisation_id, report_kind, receiver_id) VALUES ($1, 'CCHC', $2)`, [
        orgId,
        provinceId,
      ]);
      const compiler = await this.ds.getRepository(UserEntity).findOneByOrFail({ username: `${c.prefix}vhxh.truong` });
      const principal = { userId: compiler.id, organisationId: orgId };
      const basis = c.prefix ? demoBasis(c.org.place) : DEMO_BASIS;
      const report = await this.creation.create(principal, { templateCode: 'CCHC_QUY', period, deadline, basis });
      if (c.reportState === 'collecting')
        await this.transitions.send(principal, report.id, { type: 'open_collection', expectedVersion: report.version });
    }
    this.log.log(
      `Đã tạo dữ liệu mẫu: ${DEMO_PROVINCE_ROOT.name}, ${DEMO_PROVINCE.name} (${DEMO_SO_UNITS.length} đơn vị, ${DEMO_SO_USERS.length + 1} người dùng) và ${DEMO_COMMUNES.length} xã (${DEMO_USERS.length} người dùng mỗi xã, mỗi xã 1 báo cáo quý này).`,
    );
  }
}

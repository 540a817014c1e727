import { Injectable } from '@nestjs/common';
import { POSITION_TITLES, ROLE_NAMES, reportKinds } from '@trinhky/domain';
import { DELEGATION_KINDS, FIELD_NAMES } from '@trinhky/workflow';
import type { Principal } from '../auth/auth.guard';
import { PeopleService } from '../organisation/people.service';
import type { AdminLogPage } from '@trinhky/contracts';
import { AdminAccess } from './admin-access';
import { AdminDelegationsService, type AdminDelegationView } from './admin-delegations.service';
import { AdminPeopleService, type AdminUnitView, type AdminUserView } from './admin-people.service';
import { AdminPoliciesService, availablePolicies, type PolicyView, type RoutingPolicyView } from './admin-policies.service';

const DELEGATION_KIND_NAMES: Record<string, string> = {
  KT: 'KT. — ký thay Chủ tịch (Phó Chủ tịch)',
  TM: 'TM. — thay mặt Ủy ban (Phó Chủ tịch)',
  TL: 'TL. — thừa lệnh Chủ tịch',
  TUQ: 'TUQ. — thừa ủy quyền Chủ tịch (có thời hạn)',
  Q: 'Q. — quyền Chủ tịch (Phó Chủ tịch)',
};

export interface AdminOrganisationView {
  organisation: { id: string; name: string; issuerName: string; place: string; collectiveTitle: string; agencyCode: string | null };
  units: AdminUnitView[];
  users: AdminUserView[];
  delegations: AdminDelegationView[];
  routingPolicies: RoutingPolicyView[];
  availablePolicies: PolicyView[];
  vocabulary: {
    positions: { code: string; title: string }[];
    roles: { code: string; name: string }[];
    fields: { code: string; name: string }[];
    delegationKinds: { code: string; name: string }[];
    reportKinds: { code: string; name: string }[];
  };
  today: string;
}

/** Everything the Quản trị screen shows, in one answer. */
@Injectable()
export class AdminOrganisationService {
  constructor(
    private readonly access: AdminAccess,
    private readonly people: PeopleService,
    private readonly adminPeople: AdminPeopleService,
    private readonly delegations: AdminDelegationsService,
    private readonly policies: AdminPoliciesService,
  ) {}

  async overview(p: Principal, now = new Date()): Promise<AdminOrganisationView> {
    const admin = await this.access.admin(p);
    const orgId = admin.organisationId;
    const [org, units, users, delegations, routingPolicies] = await Promise.all([
      this.people.organisation(orgId),
      this.adminPeople.units(orgId),
      this.adminPeople.users(orgId),
      this.delegations.list(orgId, now),
      this.policies.list(orgId),
    ]);
    return {
      organisation: {
        id: org.id,
        name: org.name,
        issuerName: org.issuerName,
        place: org.place,
        collectiveTitle: org.collectiveTitle,
        agencyCode: org.agencyCode ?? null,
      },
      units,
      users,
      delegations,
      routingPolicies,
      availablePolicies: availablePolicies(),
      vocabulary: {
        positions: Object.entries(POSITION_TITLES).map(([code, title]) => ({ code, title })),
        roles: Object.entries(ROLE_NAMES).map(([code, name]) => ({ code, name })),
        fields: Object.entries(FIELD_NAMES).map(([code, name]) => ({ code, name })),
        delegationKinds: DELEGATION_KINDS.map((code) => ({ code, name: DELEGATION_KIND_NAMES[code] })),
        reportKinds: reportKinds(),
      },
      today: new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10),
    };
  }

  async log(p: Principal, q: { limit: number; offset: number }): Promise<AdminLogPage> {
    const admin = await this.access.admin(p);
    const page = await this.access.recent(admin.organisationId, q.limit, q.offset);
    return { ...page, limit: q.limit, offset: q.offset };
  }
}

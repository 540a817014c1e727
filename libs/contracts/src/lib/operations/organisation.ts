import { z } from 'zod';
import { policyUnitsRequest, routingPolicyView } from '../admin';
import { type Operation } from '../operation';
import { organisationUnits } from '../organisation';
import { text } from '../primitives';

/** An organisation's own units: read by its users, assigned to the parts of a kind's reports in Quản trị. */
export const ORGANISATION_OPERATIONS = {
  organisationUnits: {
    method: 'get',
    path: '/organisation/units',
    tag: 'auth',
    summary: 'Đơn vị của cơ quan và đơn vị soạn từng phần theo quy trình',
    status: 200,
    response: organisationUnits,
  },
  setPolicyUnits: {
    method: 'put',
    path: '/admin/routing-policies/{reportKind}/units',
    tag: 'admin',
    summary: 'Phân công soạn thảo: đơn vị chủ trì và đơn vị soạn từng phần của một loại báo cáo',
    params: z.object({ reportKind: text(40, 1) }),
    body: policyUnitsRequest,
    status: 200,
    response: routingPolicyView,
    errors: [403, 404],
  },
} satisfies Record<string, Operation>;

import { Body, Controller, Param, Put, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { AdminPoliciesService, type RoutingPolicyView } from './admin-policies.service';
import { AdminGuard } from './admin.guard';

/** setPolicyUnits (libs/contracts operations/organisation.ts): Quản trị → Quy trình → Phân công soạn thảo. */
@Controller('admin')
@UseGuards(AdminGuard)
export class AdminUnitsController {
  constructor(private readonly policies: AdminPoliciesService) {}

  @Put('routing-policies/:reportKind/units')
  assign(
    @CurrentPrincipal() p: Principal,
    @Param('reportKind') reportKind: string,
    @Body(contract('setPolicyUnits')) body: Input<'setPolicyUnits'>,
  ): Promise<RoutingPolicyView> {
    return this.policies.assign(p, reportKind, body);
  }
}

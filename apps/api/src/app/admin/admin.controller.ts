import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { contract, type Input } from '../common/contract.pipe';
import { UuidPipe } from '../common/uuid.pipe';
import type { AdminLogPage } from '@trinhky/contracts';
import { AdminDelegationsService, type AdminDelegationView } from './admin-delegations.service';
import { AdminOrganisationService, type AdminOrganisationView } from './admin-organisation.service';
import { AdminPeopleService, type AdminUnitView, type AdminUserView } from './admin-people.service';
import { AdminPoliciesService, type RoutingPolicyView } from './admin-policies.service';
import { AdminGuard } from './admin.guard';

/**
 * Quản trị: units, users, delegations and routing policies of the caller's organisation. Admin role
 * only (403 with the reason, before any body is read); bodies are the contract's (400 naming the
 * field); ids of another organisation answer 404.
 */
@Controller('admin')
@UseGuards(AdminGuard)
export class AdminController {
  constructor(
    private readonly overview: AdminOrganisationService,
    private readonly people: AdminPeopleService,
    private readonly delegations: AdminDelegationsService,
    private readonly policies: AdminPoliciesService,
  ) {}

  @Get('organisation')
  organisation(@CurrentPrincipal() p: Principal): Promise<AdminOrganisationView> {
    return this.overview.overview(p);
  }

  @Get('log')
  log(@CurrentPrincipal() p: Principal, @Query(contract('adminLog', 'query')) q: Input<'adminLog', 'query'>): Promise<AdminLogPage> {
    return this.overview.log(p, q);
  }

  @Post('units')
  createUnit(@CurrentPrincipal() p: Principal, @Body(contract('createUnit')) body: Input<'createUnit'>): Promise<AdminUnitView> {
    return this.people.createUnit(p, body);
  }

  @Patch('units/:id')
  updateUnit(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe('đơn vị')) id: string,
    @Body(contract('updateUnit')) body: Input<'updateUnit'>,
  ): Promise<AdminUnitView> {
    return this.people.updateUnit(p, id, body);
  }

  @Post('users')
  createUser(@CurrentPrincipal() p: Principal, @Body(contract('createUser')) body: Input<'createUser'>): Promise<AdminUserView> {
    return this.people.createUser(p, body);
  }

  @Patch('users/:id')
  updateUser(
    @CurrentPrincipal() p: Principal,
    @Param('id', new UuidPipe('người dùng')) id: string,
    @Body(contract('updateUser')) body: Input<'updateUser'>,
  ): Promise<AdminUserView> {
    return this.people.updateUser(p, id, body);
  }

  @Post('delegations')
  createDelegation(
    @CurrentPrincipal() p: Principal,
    @Body(contract('createDelegation')) body: Input<'createDelegation'>,
  ): Promise<AdminDelegationView> {
    return this.delegations.create(p, body);
  }

  @Post('delegations/:id/end')
  @HttpCode(200)
  endDelegation(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe('ủy quyền')) id: string): Promise<AdminDelegationView> {
    return this.delegations.end(p, id);
  }

  @Put('routing-policies/:reportKind')
  choosePolicy(
    @CurrentPrincipal() p: Principal,
    @Param('reportKind') reportKind: string,
    @Body(contract('setRoutingPolicy')) body: Input<'setRoutingPolicy'>,
  ): Promise<RoutingPolicyView> {
    return this.policies.choose(p, reportKind, body);
  }
}

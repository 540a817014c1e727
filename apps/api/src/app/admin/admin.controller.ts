import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/auth.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { NOT_ADMIN, type AdminLogView } from './admin-access';
import { AdminDelegationsService, type AdminDelegationView } from './admin-delegations.service';
import { AdminOrganisationService, type AdminOrganisationView } from './admin-organisation.service';
import { AdminPeopleService, type AdminUnitView, type AdminUserView } from './admin-people.service';
import { AdminPoliciesService, type RoutingPolicyView } from './admin-policies.service';

const str = { type: 'string' } as const;
const USER_PROPS = {
  fullName: str,
  password: { type: 'string', minLength: 8 },
  position: { type: 'string', example: 'CHUYEN_VIEN' },
  unitCode: { type: 'string', nullable: true, example: 'VHXH' },
  roles: { type: 'array', items: str, example: ['drafter'] },
  fields: { type: 'array', items: str, example: [] },
  active: { type: 'boolean' },
};

/**
 * Quản trị: units, users, delegations and routing policies of the caller's organisation. Admin role
 * only (403 with the reason otherwise); ids of another organisation answer 404.
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: NOT_ADMIN })
@Controller('admin')
export class AdminController {
  constructor(
    private readonly overview: AdminOrganisationService,
    private readonly people: AdminPeopleService,
    private readonly delegations: AdminDelegationsService,
    private readonly policies: AdminPoliciesService,
  ) {}

  @Get('organisation')
  @ApiOperation({ summary: 'Cơ quan, đơn vị, người dùng, ủy quyền (hiệu lực, khối chữ ký) và quy trình theo loại báo cáo' })
  organisation(@CurrentPrincipal() p: Principal): Promise<AdminOrganisationView> {
    return this.overview.overview(p);
  }

  @Get('log')
  @ApiOperation({ summary: 'Nhật ký quản trị (chỉ ghi thêm), mới nhất trước' })
  log(@CurrentPrincipal() p: Principal, @Query('limit') limit?: string): Promise<AdminLogView[]> {
    return this.overview.log(p, limit ? Number(limit) : undefined);
  }

  @Post('units')
  @ApiOperation({ summary: 'Thêm đơn vị (409 khi mã đã có)' })
  @ApiBody({ schema: { type: 'object', properties: { code: { type: 'string', example: 'TP' }, name: { type: 'string', example: 'Phòng Tư pháp' } }, required: ['code', 'name'] } })
  createUnit(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<AdminUnitView> {
    return this.people.createUnit(p, body);
  }

  @Patch('units/:id')
  @ApiOperation({ summary: 'Đổi tên đơn vị (mã không đổi được)' })
  @ApiBody({ schema: { type: 'object', properties: { name: str }, required: ['name'] } })
  updateUnit(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe('đơn vị')) id: string, @Body() body: unknown): Promise<AdminUnitView> {
    return this.people.updateUnit(p, id, body);
  }

  @Post('users')
  @ApiOperation({ summary: 'Thêm người dùng (mật khẩu băm scrypt; 409 khi tên đăng nhập đã có)' })
  @ApiBody({ schema: { type: 'object', properties: { username: { type: 'string', example: 'tp.cv' }, ...USER_PROPS }, required: ['username', 'fullName', 'password', 'position', 'roles'] } })
  createUser(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<AdminUserView> {
    return this.people.createUser(p, body);
  }

  @Patch('users/:id')
  @ApiOperation({ summary: 'Sửa người dùng: họ tên, chức vụ, đơn vị, vai trò, lĩnh vực, hoạt động, đặt lại mật khẩu' })
  @ApiBody({ schema: { type: 'object', properties: USER_PROPS } })
  updateUser(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe('người dùng')) id: string, @Body() body: unknown): Promise<AdminUserView> {
    return this.people.updateUser(p, id, body);
  }

  @Post('delegations')
  @ApiOperation({ summary: 'Giao ủy quyền KT./TM./TL./TUQ./Q. từ Chủ tịch (TUQ. bắt buộc có từ ngày, đến ngày)' })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        userId: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: ['KT', 'TM', 'TL', 'TUQ', 'Q'] },
        fromPosition: { type: 'string', example: 'CHU_TICH' },
        validFrom: { type: 'string', format: 'date', nullable: true },
        validTo: { type: 'string', format: 'date', nullable: true },
        reportKinds: { type: 'array', items: str, nullable: true, example: ['CCHC'] },
      },
      required: ['userId', 'kind'],
    },
  })
  createDelegation(@CurrentPrincipal() p: Principal, @Body() body: unknown): Promise<AdminDelegationView> {
    return this.delegations.create(p, body);
  }

  @Post('delegations/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc ủy quyền từ hôm nay (còn hiệu lực đến hết hôm qua; lịch sử được giữ)' })
  endDelegation(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe('ủy quyền')) id: string): Promise<AdminDelegationView> {
    return this.delegations.end(p, id);
  }

  @Put('routing-policies/:reportKind')
  @ApiOperation({ summary: 'Chọn quy trình cho một loại báo cáo (báo cáo mở từ nay dùng quy trình mới; báo cáo đang xử lý giữ quy trình cũ)' })
  @ApiBody({ schema: { type: 'object', properties: { policyCode: { type: 'string', enum: ['VHXH_PCT', 'CHAIR_SIGNS', 'FULL'] } }, required: ['policyCode'] } })
  choosePolicy(@CurrentPrincipal() p: Principal, @Param('reportKind') reportKind: string, @Body() body: unknown): Promise<RoutingPolicyView> {
    return this.policies.choose(p, reportKind, body);
  }
}

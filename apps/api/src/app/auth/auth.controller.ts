import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';
import { PeopleService, type UserDto } from '../organisation/people.service';
import { CurrentPrincipal, Public, type Principal } from './auth.guard';
import { verifyPassword } from './password';
import { signToken } from './token';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly people: PeopleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu' })
  @ApiBody({ schema: { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } }, required: ['username', 'password'] } })
  async login(@Body() body: unknown): Promise<{ accessToken: string; user: UserDto }> {
    const { username, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || !username.trim() || typeof password !== 'string' || !password) {
      throw new BadRequestException('Vui lòng nhập tên đăng nhập và mật khẩu.');
    }
    if (username.length > 100 || password.length > 200) throw new BadRequestException('Tên đăng nhập hoặc mật khẩu quá dài.');
    const user = await this.people.findByUsername(username);
    const ok = user && user.active ? await verifyPassword(password, user.passwordHash) : false;
    if (!user || !ok) throw new UnauthorizedException('Tên đăng nhập hoặc mật khẩu không đúng.');
    const accessToken = signToken({ sub: user.id, org: user.organisationId }, this.config.authSecret, this.config.tokenTtl);
    return { accessToken, user: await this.people.toDto(user) };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người dùng hiện tại' })
  async me(@CurrentPrincipal() p: Principal): Promise<UserDto> {
    return this.people.toDto(await this.people.activeUser(p.userId, p.organisationId));
  }
}

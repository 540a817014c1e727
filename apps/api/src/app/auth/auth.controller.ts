import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Logger,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { contract, type Input } from '../common/contract.pipe';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AdminAccess } from '../admin/admin-access';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';
import { UserEntity } from '../database/entities';
import { PeopleService, type UserDto } from '../organisation/people.service';
import { CurrentCaller, Public } from './auth.guard';
import type { CurrentUser } from './current-user';
import { LoginLocked, LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { signToken } from './token';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';
/** Checked when the username is unknown or inactive, so the answer takes as long as for a wrong password. */
let dummyHash: Promise<string> | null = null;

@Controller()
export class AuthController {
  private readonly log = new Logger('Auth');

  constructor(
    private readonly people: PeopleService,
    private readonly throttle: LoginThrottle,
    private readonly access: AdminAccess,
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body(contract('login')) body: Input<'login'>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ accessToken: string; user: UserDto }> {
    const { username, password } = body;
    if (!username.trim())
      throw new BadRequestException({ statusCode: 400, message: 'Vui lòng nhập tên đăng nhập và mật khẩu.', field: 'username' });
    const name = username.trim().toLowerCase();
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const user = await this.people.findByUsername(name);
    const attempt = await this.throttle.attempt(name, ip).catch(async (e: unknown) => {
      if (e instanceof LoginLocked) {
        res.setHeader('Retry-After', String(e.retryAfterSeconds));
        await this.record(
          user,
          name,
          ip,
          'auth.login_refused',
          `Từ chối đăng nhập ${name}: đang tạm khóa (${e.scope === 'account' ? 'tài khoản' : 'địa chỉ'})`,
          { scope: e.scope },
        );
      }
      throw e;
    });
    const ok =
      user && user.active
        ? await verifyPassword(password, user.passwordHash)
        : await verifyPassword(password, await (dummyHash ??= hashPassword('-'))).then(() => false);
    if (!user || !ok) {
      const locked = await this.throttle.failed(attempt);
      await this.record(
        user,
        name,
        ip,
        'auth.login_failed',
        `Đăng nhập không thành công: ${name} (${!user ? 'không có tài khoản' : user.active ? 'sai mật khẩu' : 'tài khoản đã ngừng'})`,
      );
      if (!locked) throw new UnauthorizedException(WRONG);
      const max = locked.scope === 'account' ? this.throttle.config.maxPerAccount : this.throttle.config.maxPerAddress;
      const what = locked.scope === 'account' ? `tài khoản ${name}` : `từ địa chỉ ${ip}`;
      await this.record(
        user,
        name,
        ip,
        'auth.locked',
        `Tạm khóa đăng nhập ${what} sau ${max} lần sai; mở lại sau ${locked.retryAfterSeconds} giây`,
        { scope: locked.scope, lockSeconds: locked.retryAfterSeconds },
      );
      res.setHeader('Retry-After', String(locked.retryAfterSeconds));
      throw locked;
    }
    await this.throttle.succeeded(attempt);
    await this.record(user, name, ip, 'auth.login', `Đăng nhập: ${user.fullName} (${name})`);
    const accessToken = await signToken({ sub: user.id, org: user.organisationId }, this.config.authSecret, this.config.tokenTtl);
    return { accessToken, user: await this.people.toDto(user) };
  }

  @Get('me')
  me(@CurrentCaller() c: CurrentUser): Promise<UserDto> {
    const user = Object.assign(new UserEntity(), {
      id: c.userId,
      organisationId: c.organisationId,
      username: c.username,
      fullName: c.fullName,
      position: c.position,
      unitCode: c.unitCode,
      roles: c.roles,
      fields: c.fields,
      active: true,
    });
    return this.people.toDto(user);
  }

  /** An admin-log entry of the user's organisation (no password, ever); an unknown username has no organisation: server log only. */
  private async record(
    user: UserEntity | null,
    name: string,
    ip: string,
    action: string,
    summary: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    if (!user) {
      this.log.warn(`${action} ${JSON.stringify({ username: name, ip, ...details })}`);
      return;
    }
    await this.access.log(this.ds.manager, user, { action, targetId: user.id, summary, details: { ip, ...details } });
  }
}

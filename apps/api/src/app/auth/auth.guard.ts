import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';
import { type CurrentUser, CurrentUsers } from './current-user';
import { verifyToken } from './token';

export const IS_PUBLIC = 'isPublic';
export const TOKEN_IN_QUERY = 'tokenInQuery';
/** Marks a route that needs no login (login itself, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
/** Also accepts the token as `?access_token=` (EventSource cannot send headers); nowhere else, so tokens stay out of URLs. */
export const TokenInQuery = (): MethodDecorator => SetMetadata(TOKEN_IN_QUERY, true);
export const USER_CHECKED_IN_TRANSACTION = 'userCheckedInTransaction';
/**
 * For a hot route whose handler re-reads the user (exists, active, organisation) inside its own
 * transaction and refuses with 401 (ACCOUNT_REVOKED) — today only POST /api/reports/:id/events —:
 * the guard then checks the token only and saves a round trip. The principal has no CurrentCaller.
 */
export const ChecksUserInTransaction = (): MethodDecorator => SetMetadata(USER_CHECKED_IN_TRANSACTION, true);

export const NOT_LOGGED_IN = 'Bạn cần đăng nhập để thực hiện thao tác này.';
export const BAD_TOKEN = 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.';
export const ACCOUNT_REVOKED = 'Tài khoản không còn hiệu lực. Vui lòng đăng nhập lại.';

/** Who is calling: the token's user and organisation (every handler needs no more than this to scope a query). */
export interface Principal {
  userId: string;
  organisationId: string;
}

type AuthedRequest = Request & { principal?: CurrentUser | Principal };

/**
 * Every route requires a valid bearer token unless marked @Public(), and the token's user must,
 * at this request, exist, be active and still belong to the token's organisation (one prepared
 * primary-key read): a deactivated, moved or deleted user is refused (401) on their next request,
 * whatever the endpoint. The user's current state is put on the request (`CurrentCaller`).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: CurrentUsers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const inQuery = this.reflector.get<boolean>(TOKEN_IN_QUERY, ctx.getHandler()) && typeof req.query['access_token'] === 'string';
    const token = header.startsWith('Bearer ') ? header.slice(7) : inQuery ? (req.query['access_token'] as string) : '';
    if (!token) throw new UnauthorizedException(NOT_LOGGED_IN);
    const claims = await verifyToken(token, this.config.authSecret);
    if (!claims) throw new UnauthorizedException(BAD_TOKEN);
    if (this.reflector.get<boolean>(USER_CHECKED_IN_TRANSACTION, ctx.getHandler())) {
      req.principal = { userId: claims.sub, organisationId: claims.org };
      return true;
    }
    const user = await this.users.current(claims.sub, claims.org);
    if (!user) throw new UnauthorizedException(ACCOUNT_REVOKED);
    req.principal = user;
    return true;
  }
}

function principalOf(ctx: ExecutionContext): Principal {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw new UnauthorizedException(NOT_LOGGED_IN);
  return req.principal;
}

/** The authenticated caller, set by AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => principalOf(ctx));

/** The authenticated caller's current state (roles, unit, position…), read by AuthGuard at this request. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): CurrentUser => {
  const p = principalOf(ctx);
  if (!('roles' in p)) throw new Error('CurrentCaller on a @ChecksUserInTransaction() route');
  return p as CurrentUser;
});

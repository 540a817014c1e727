import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AppConfig } from '../config';
import { APP_CONFIG } from '../common/tokens';
import { type TokenClaims, verifyToken } from './token';

export const IS_PUBLIC = 'isPublic';
/** Marks a route that needs no login (login itself, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export interface Principal {
  userId: string;
  organisationId: string;
}

type AuthedRequest = Request & { principal?: Principal };

/** Every route requires a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const query = typeof req.query['access_token'] === 'string' ? (req.query['access_token'] as string) : '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : query;
    if (!token) throw new UnauthorizedException('Bạn cần đăng nhập để thực hiện thao tác này.');
    const claims: TokenClaims | null = verifyToken(token, this.config.authSecret);
    if (!claims) throw new UnauthorizedException('Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
    req.principal = { userId: claims.sub, organisationId: claims.org };
    return true;
  }
}

/** The authenticated caller, set by AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.principal) throw new UnauthorizedException('Bạn cần đăng nhập để thực hiện thao tác này.');
  return req.principal;
});

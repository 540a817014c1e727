import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ForbiddenWithReason } from '../common/http-errors';
import type { CurrentUser } from '../auth/current-user';
import { NOT_ADMIN } from './admin-access';

/**
 * Quản trị is for admins: a caller without the role gets the 403 with the reason before any body is
 * validated (guards run before pipes), so a non-admin learns nothing from a 400. The services check
 * the role again on the user they load.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const principal = ctx.switchToHttp().getRequest<Request & { principal?: Partial<CurrentUser> }>().principal;
    if (!principal?.roles?.includes('admin')) throw new ForbiddenWithReason(NOT_ADMIN);
    return true;
  }
}

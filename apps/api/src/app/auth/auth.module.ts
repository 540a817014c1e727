import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminModule } from '../admin/admin.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { CurrentUsers } from './current-user';
import { LoginThrottle } from './login-throttle';

/** Login, the token check on every route (the global AuthGuard) and the caller's current state. */
@Module({
  imports: [OrganisationModule, AdminModule],
  controllers: [AuthController],
  providers: [CurrentUsers, LoginThrottle, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [CurrentUsers],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { AdminAccess } from './admin-access';
import { AdminDelegationsService } from './admin-delegations.service';
import { AdminOrganisationService } from './admin-organisation.service';
import { AdminPeopleService } from './admin-people.service';
import { AdminPoliciesService } from './admin-policies.service';
import { AdminController } from './admin.controller';
import { AdminUnitsController } from './admin-units.controller';

/** Quản trị; exports the admin check and the append-only admin log (logins and receivers write to it). */
@Module({
  imports: [OrganisationModule],
  controllers: [AdminController, AdminUnitsController],
  providers: [AdminAccess, AdminPeopleService, AdminDelegationsService, AdminPoliciesService, AdminOrganisationService],
  exports: [AdminAccess],
})
export class AdminModule {}

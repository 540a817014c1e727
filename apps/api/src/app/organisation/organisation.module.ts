import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { PeopleService } from './people.service';

/** People and units of an organisation, as the workflow sees them. */
@Module({ controllers: [OrganisationController], providers: [PeopleService], exports: [PeopleService] })
export class OrganisationModule {}

import { Module } from '@nestjs/common';
import { PeopleService } from './people.service';

/** People and units of an organisation, as the workflow sees them. */
@Module({ providers: [PeopleService], exports: [PeopleService] })
export class OrganisationModule {}

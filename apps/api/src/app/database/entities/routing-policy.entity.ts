import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The routing policy an organisation uses for a report kind (the policy itself is data). */
@Entity('routing_policies')
export class RoutingPolicyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column({ name: 'report_kind' }) reportKind!: string;
  @Column({ type: 'jsonb' }) policy!: Record<string, unknown>;
}

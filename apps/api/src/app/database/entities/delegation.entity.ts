import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('delegations')
export class DelegationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column({ type: 'uuid', name: 'user_id' }) userId!: string;
  @Column() kind!: string;
  @Column({ name: 'from_position' }) fromPosition!: string;
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom!: string | null;
  @Column({ type: 'date', name: 'valid_to', nullable: true }) validTo!: string | null;
  @Column({ type: 'text', array: true, name: 'report_kinds', nullable: true }) reportKinds!: string[] | null;
}

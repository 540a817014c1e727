import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column() code!: string;
  @Column() name!: string;
  /** Where the organisation lists it (Văn phòng first); ties by code. */
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
}

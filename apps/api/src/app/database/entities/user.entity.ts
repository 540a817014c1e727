import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column({ type: 'text', name: 'unit_code', nullable: true }) unitCode!: string | null;
  @Column() username!: string;
  @Column({ name: 'full_name' }) fullName!: string;
  @Column({ name: 'password_hash' }) passwordHash!: string;
  @Column() position!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) fields!: string[];
  @Column({ name: 'signature_image', type: 'text', nullable: true }) signatureImage!: string | null;
  @Column({ default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

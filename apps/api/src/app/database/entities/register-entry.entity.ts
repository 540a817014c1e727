import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Outgoing register (sổ đăng ký văn bản đi), ND 30 columns. Unique per organisation + year + register + number. */
@Entity('register_entries')
export class RegisterEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ name: 'register_code' }) registerCode!: string;
  @Column({ type: 'int' }) number!: number;
  @Column({ name: 'number_text' }) numberText!: string;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn!: string;
  @Column({ name: 'doc_type' }) docType!: string;
  @Column() subject!: string;
  @Column({ name: 'signer_name' }) signerName!: string;
  @Column({ type: 'text' }) recipients!: string;
  @Column({ name: 'archive_unit' }) archiveUnit!: string;
  @Column({ type: 'int', default: 1 }) copies!: number;
  @Column({ type: 'uuid', name: 'report_id' }) reportId!: string;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
}

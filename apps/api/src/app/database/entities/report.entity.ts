import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('reports')
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column({ name: 'template_code' }) templateCode!: string;
  @Column() kind!: string;
  @Column({ name: 'period_kind' }) periodKind!: string;
  @Column({ name: 'period_year', type: 'int' }) periodYear!: number;
  @Column({ name: 'period_index', type: 'int', nullable: true }) periodIndex!: number | null;
  @Column({ name: 'period_key' }) periodKey!: string;
  @Column() title!: string;
  @Column({ type: 'jsonb' }) subject!: string[];
  @Column({ type: 'jsonb' }) recipients!: string[];
  @Column({ type: 'jsonb' }) distribution!: string[];
  @Column({ type: 'text', nullable: true }) basis!: string | null;
  @Column() state!: string;
  @Column({ type: 'jsonb' }) snapshot!: unknown;
  @Column({ type: 'int' }) version!: number;
  @Column({ name: 'definition_version', type: 'int' }) definitionVersion!: number;
  /** Indicator catalogue version the report was opened with (null: its template has no figures). */
  @Column({ name: 'figures_catalogue_version', type: 'int', nullable: true }) figuresCatalogueVersion!: number | null;
  @Column({ type: 'jsonb' }) policy!: Record<string, unknown>;
  @Column({ type: 'int', default: 1 }) revision!: number;
  @Column({ type: 'date' }) deadline!: string;
  @Column({ name: 'cutoff_from', type: 'date' }) cutoffFrom!: string;
  @Column({ name: 'cutoff_to', type: 'date' }) cutoffTo!: string;
  @Column({ type: 'int', nullable: true }) number!: number | null;
  @Column({ name: 'number_text', type: 'text', nullable: true }) numberText!: string | null;
  @Column({ name: 'issued_at', type: 'date', nullable: true }) issuedAt!: string | null;
  @Column({ name: 'signer_id', type: 'uuid', nullable: true }) signerId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) signature!: { lines: string[]; name: string; signedAt: string } | null;
  @Column({ name: 'signed_hash', type: 'text', nullable: true }) signedHash!: string | null;
  @Column({ type: 'boolean', default: false }) overdue!: boolean;
  @Column({ name: 'next_reminder_at', type: 'timestamptz', nullable: true }) nextReminderAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

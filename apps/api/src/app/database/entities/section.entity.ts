import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sections')
export class SectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'report_id' }) reportId!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column() code!: string;
  @Column() label!: string;
  @Column() title!: string;
  @Column() level!: string;
  @Column({ name: 'parent_code', type: 'text', nullable: true }) parentCode!: string | null;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder!: number;
  @Column({ name: 'unit_code' }) unitCode!: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column() state!: string;
  @Column({ type: 'jsonb' }) snapshot!: unknown;
  @Column({ type: 'date' }) deadline!: string;
  @Column({ name: 'current_revision_id', type: 'uuid', nullable: true }) currentRevisionId!: string | null;
  @Column({ name: 'current_content_hash', type: 'text', nullable: true }) currentContentHash!: string | null;
  @Column({ name: 'accepted_revision_id', type: 'uuid', nullable: true }) acceptedRevisionId!: string | null;
  @Column({ name: 'last_comment', type: 'text', nullable: true }) lastComment!: string | null;
  @Column({ type: 'boolean', default: false }) overdue!: boolean;
  @Column({ name: 'next_reminder_at', type: 'timestamptz', nullable: true }) nextReminderAt!: Date | null;
}

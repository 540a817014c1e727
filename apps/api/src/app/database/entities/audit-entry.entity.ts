import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only, hash-chained per report. The database refuses UPDATE and DELETE. */
@Entity('audit_entries')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column({ type: 'uuid', name: 'report_id' }) reportId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'uuid', name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_name' }) actorName!: string;
  @Column({ name: 'actor_position' }) actorPosition!: string;
  @Column() event!: string;
  @Column({ name: 'from_state', type: 'text', nullable: true }) fromState!: string | null;
  @Column({ name: 'to_state', type: 'text', nullable: true }) toState!: string | null;
  @Column({ type: 'uuid', name: 'section_id', nullable: true }) sectionId!: string | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column() summary!: string;
  @Column({ name: 'content_hash', type: 'text', nullable: true }) contentHash!: string | null;
  @Column({ name: 'prev_hash' }) prevHash!: string;
  @Column() hash!: string;
  /** `<key fingerprint>.<HMAC(key, hash)>`; null only for entries from before the key, until sealed at start-up. */
  @Column({ type: 'text', nullable: true }) mac!: string | null;
  /** When an entry from before the key was sealed after the fact (null: sealed when written). */
  @Column({ name: 'sealed_late', type: 'timestamptz', nullable: true }) sealedLate!: Date | null;
}

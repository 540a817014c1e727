import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Organisation-level anchor: the head (seq, hash) of every report's chain at a moment, itself chained. */
@Entity('audit_anchors')
export class AuditAnchorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'organisation_id' }) organisationId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'jsonb' }) heads!: { reportId: string; seq: number; hash: string }[];
  @Column({ name: 'prev_hash' }) prevHash!: string;
  @Column() hash!: string;
  /** `<key fingerprint>.<HMAC(key, hash)>`; null for anchors from before the key. */
  @Column({ type: 'text', nullable: true }) mac!: string | null;
  /** Reports whose chain this anchor refused to seal (their previous head is carried over), and why. */
  @Column({ type: 'jsonb' }) unsealed!: { reportId: string; reason: string; firstBrokenEntryId?: string }[];
  /** Anchors of subordinate organisations witnessed since the previous anchor (superior side). */
  @Column({ type: 'jsonb' }) witnessed!: { organisationId: string; seq: number; hash: string }[];
}

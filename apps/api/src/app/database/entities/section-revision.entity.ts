import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Immutable: the database refuses UPDATE and DELETE. */
@Entity('section_revisions')
export class SectionRevisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'section_id' }) sectionId!: string;
  @Column({ type: 'uuid', name: 'report_id' }) reportId!: string;
  @Column({ type: 'int' }) number!: number;
  @Column({ type: 'uuid', name: 'base_revision_id', nullable: true }) baseRevisionId!: string | null;
  @Column({ type: 'jsonb' }) content!: unknown;
  /** The part's figures (PartFigures), hashed with the content. */
  @Column({ type: 'jsonb', nullable: true }) figures!: unknown;
  @Column({ name: 'content_hash' }) contentHash!: string;
  @Column({ type: 'uuid', name: 'author_id' }) authorId!: string;
  @Column({ name: 'author_name' }) authorName!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

import type { DocumentSlots } from '@trinhky/documents';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A frozen PDF (the signed version, the issued version) with its SHA-256; served unchanged afterwards. */
@Entity('rendered_pdfs')
export class RenderedPdfEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'report_id' }) reportId!: string;
  @Column() kind!: string;
  @Column({ type: 'int' }) revision!: number;
  /** What was frozen: `frozenKey(report)` (documents/pdf.service.ts). */
  @Column({ name: 'content_key', type: 'text', default: '' }) contentKey!: string;
  @Column() sha256!: string;
  @Column({ type: 'bytea' }) bytes!: Buffer;
  /** Where the layout reserved room (number, date, signature): the slots `issue` writes into. */
  @Column({ type: 'jsonb', nullable: true }) layout!: DocumentSlots | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

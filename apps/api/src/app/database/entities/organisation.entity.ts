import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid', name: 'parent_id', nullable: true }) parentId!: string | null;
  /** Full name: "Ủy ban nhân dân xã An Bình". */
  @Column() name!: string;
  /** Issuing body lines for the header: "ỦY BAN NHÂN DÂN" / "XÃ AN BÌNH". */
  @Column({ name: 'issuer_parent' }) issuerParent!: string;
  @Column({ name: 'issuer_name' }) issuerName!: string;
  /** Place for the date line: "An Bình". */
  @Column() place!: string;
  /** Suffix of document numbers: "UBND" (→ "07/BC-UBND"). */
  @Column({ name: 'number_suffix' }) numberSuffix!: string;
  /** Collective body title used in "TM. …": "ỦY BAN NHÂN DÂN". */
  @Column({ name: 'collective_title' }) collectiveTitle!: string;
  @Column({ name: 'seal_image', type: 'text', nullable: true }) sealImage!: string | null;
  /** Electronic-document code (mã định danh) edXML envelopes name the organisation by: "000.00.31.H41". */
  @Column({ name: 'agency_code', type: 'text', nullable: true }) agencyCode!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

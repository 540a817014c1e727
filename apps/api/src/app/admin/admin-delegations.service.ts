import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { ParsedBodyOf } from '@trinhky/contracts';
import { POSITION_TITLES, todayInVietnam, type PositionCode } from '@trinhky/domain';
import {
  dayWithinDelegation,
  deriveSignatureBlock,
  delegationProblem,
  signingOrganisationOfHead,
  type Delegation,
} from '@trinhky/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/auth.guard';
import { DelegationEntity, OrganisationEntity, UserEntity } from '../database/entities';
import { toActor } from '../organisation/people.service';
import { AdminAccess } from './admin-access';
import { checkGrant, fieldRefusal } from './admin-refusals';

export interface AdminDelegationView {
  id: string;
  user: { id: string; username: string; fullName: string; positionTitle: string };
  kind: Delegation['kind'];
  fromPosition: string;
  fromPositionTitle: string;
  validFrom: string | null;
  validTo: string | null;
  reportKinds: string[] | null;
  createdAt: string;
  endedAt: string | null;
  /** Usable to sign today (Vietnam date), as libs/workflow judges it. */
  validNow: boolean;
  /** Why it is not usable today (null when it is). */
  reasonNotValid: string | null;
  /** The block libs/workflow derives for the delegate within the delegation's validity (null with the reason when none). */
  signatureBlock: { lines: string[]; name: string } | null;
  signatureBlockProblem: string | null;
}

interface DelegationRow {
  id: string;
  user_id: string;
  kind: Delegation['kind'];
  from_position: string;
  valid_from: string | null;
  valid_to: string | null;
  report_kinds: string[] | null;
  created_at: Date;
  ended_at: Date | null;
}

const SELECT = `SELECT d.id, d.user_id, d.kind, d.from_position, to_char(d.valid_from, 'YYYY-MM-DD') AS valid_from,
                       to_char(d.valid_to, 'YYYY-MM-DD') AS valid_to, d.report_kinds, d.created_at, d.ended_at
                  FROM delegations d`;

/** A Vietnam noon on an ISO day, so `todayInVietnam(at)` is that day. */
const vnNoon = (iso: string): Date => new Date(`${iso}T12:00:00+07:00`);
const yesterday = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Delegations (KT./TM./TL./TUQ./Q.) of the caller's organisation. */
@Injectable()
export class AdminDelegationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AdminAccess,
  ) {}

  async list(organisationId: string, now = new Date(), em: EntityManager = this.ds.manager): Promise<AdminDelegationView[]> {
    const rows: DelegationRow[] = await em.query(
      `${SELECT} WHERE d.organisation_id = $1 ORDER BY d.ended_at NULLS FIRST, d.valid_to DESC NULLS FIRST, d.created_at DESC`,
      [organisationId],
    );
    return this.views(organisationId, rows, now, em);
  }

  async create(p: Principal, body: ParsedBodyOf<'createDelegation'>, now = new Date()): Promise<AdminDelegationView> {
    const admin = await this.access.admin(p);
    const today = todayInVietnam(now);
    const input = {
      ...body,
      fromPosition: body.fromPosition ?? 'CHU_TICH',
      validFrom: body.validFrom ?? null,
      validTo: body.validTo ?? null,
      reportKinds: body.reportKinds?.length ? [...new Set(body.reportKinds)] : null,
    };
    return this.ds.transaction(async (em) => {
      const delegate = await em.getRepository(UserEntity).findOne({ where: { id: input.userId, organisationId: admin.organisationId } });
      if (!delegate) throw fieldRefusal('userId', 'Người được ủy quyền không thuộc cơ quan của bạn.');
      checkGrant(input, delegate, today);
      // The same kind for the same person over overlapping days would make the block ambiguous.
      const overlap: { id: string }[] = await em.query(
        `SELECT id FROM delegations
          WHERE user_id = $1 AND kind = $2 AND ended_at IS NULL
            AND coalesce(valid_to, 'infinity'::date) >= coalesce($3::date, '-infinity'::date)
            AND coalesce(valid_from, '-infinity'::date) <= coalesce($4::date, 'infinity'::date)
            AND coalesce(valid_to, 'infinity'::date) >= $5::date`,
        [delegate.id, input.kind, input.validFrom, input.validTo, today],
      );
      if (overlap.length)
        throw new ConflictException(`${delegate.fullName} đã có ủy quyền ${input.kind}. trùng thời gian; hãy kết thúc ủy quyền cũ trước.`);
      const saved = await em.getRepository(DelegationEntity).save(
        em.getRepository(DelegationEntity).create({
          organisationId: admin.organisationId,
          userId: delegate.id,
          kind: input.kind,
          fromPosition: input.fromPosition,
          validFrom: input.validFrom,
          validTo: input.validTo,
          reportKinds: input.reportKinds,
        }),
      );
      const [view] = await this.byIds(admin.organisationId, [saved.id], now, em);
      await this.access.log(em, admin, {
        action: 'delegation.create',
        targetId: saved.id,
        summary: `Giao ${input.kind}. cho ${delegate.fullName}${period(input.validFrom, input.validTo)}${view.signatureBlock ? `; khối chữ ký: ${view.signatureBlock.lines.join(' / ')}` : ''}`,
        details: { ...input },
      });
      return view;
    });
  }

  /** Ends a delegation from today on: valid until yesterday, `ended_at` recorded; the row stays. */
  async end(p: Principal, id: string, now = new Date()): Promise<AdminDelegationView> {
    const admin = await this.access.admin(p);
    const today = todayInVietnam(now);
    return this.ds.transaction(async (em) => {
      const rows: DelegationRow[] = await em.query(`${SELECT} WHERE d.id = $1 AND d.organisation_id = $2 FOR UPDATE`, [
        id,
        admin.organisationId,
      ]);
      const row = rows[0];
      if (!row) throw new NotFoundException('Không tìm thấy ủy quyền.');
      if (row.ended_at) throw new ConflictException('Ủy quyền này đã được kết thúc trước đó.');
      if (row.valid_to && row.valid_to < today)
        throw new ConflictException(`Ủy quyền này đã hết hạn ngày ${vi(row.valid_to)}; không cần kết thúc.`);
      const lastDay = yesterday(today);
      await em.query(`UPDATE delegations SET valid_to = $2::date, ended_at = $3, ended_by = $4 WHERE id = $1`, [
        id,
        lastDay,
        now,
        admin.id,
      ]);
      const [view] = await this.byIds(admin.organisationId, [id], now, em);
      await this.access.log(em, admin, {
        action: 'delegation.end',
        targetId: id,
        summary: `Kết thúc ${row.kind}. của ${view.user.fullName} từ ngày ${vi(today)}${row.valid_to ? ` (hạn cũ ${vi(row.valid_to)})` : ''}`,
        details: { before: { validTo: row.valid_to }, after: { validTo: lastDay } },
      });
      return view;
    });
  }

  private async byIds(organisationId: string, ids: string[], now: Date, em: EntityManager): Promise<AdminDelegationView[]> {
    const rows: DelegationRow[] = await em.query(`${SELECT} WHERE d.organisation_id = $1 AND d.id = ANY($2::uuid[])`, [
      organisationId,
      ids,
    ]);
    return this.views(organisationId, rows, now, em);
  }

  private async views(organisationId: string, rows: DelegationRow[], now: Date, em: EntityManager): Promise<AdminDelegationView[]> {
    if (!rows.length) return [];
    const org = await em.getRepository(OrganisationEntity).findOneByOrFail({ id: organisationId });
    const users = await em.getRepository(UserEntity).find({ where: { organisationId } });
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows.map((r) => view(r, byId.get(r.user_id) as UserEntity, org, now));
  }
}

function view(r: DelegationRow, user: UserEntity, org: OrganisationEntity, now: Date): AdminDelegationView {
  const delegation: Delegation = {
    kind: r.kind,
    fromPosition: r.from_position as PositionCode,
    validFrom: r.valid_from ?? undefined,
    validTo: r.valid_to ?? undefined,
    reportKinds: r.report_kinds ?? undefined,
  };
  const actor = toActor(user, []);
  const reportKind = r.report_kinds?.[0] ?? 'CCHC';
  const reasonNotValid =
    r.ended_at && r.valid_to && r.valid_from && r.valid_to < r.valid_from
      ? 'Ủy quyền đã được kết thúc trước khi có hiệu lực.'
      : delegationProblem(actor, delegation, reportKind, now);
  // The block as it prints while the delegation holds: derived on a day inside its validity.
  const day = dayWithinDelegation(delegation, todayInVietnam(now));
  const block = deriveSignatureBlock({
    // The body the delegation's giver heads: a committee ("TM. ỦY BAN NHÂN DÂN") or a Sở's Giám đốc.
    organisation: signingOrganisationOfHead(r.from_position, org.collectiveTitle),
    signer: actor,
    delegation,
    reportKind,
    at: vnNoon(day),
  });
  return {
    id: r.id,
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      positionTitle: POSITION_TITLES[user.position as PositionCode] ?? user.position,
    },
    kind: r.kind,
    fromPosition: r.from_position,
    fromPositionTitle: POSITION_TITLES[r.from_position as PositionCode] ?? r.from_position,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    reportKinds: r.report_kinds,
    createdAt: new Date(r.created_at).toISOString(),
    endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
    validNow: reasonNotValid === null && user.active,
    reasonNotValid: reasonNotValid ?? (user.active ? null : 'Tài khoản người được ủy quyền đang bị khóa.'),
    signatureBlock: block.ok ? { lines: block.lines, name: block.name } : null,
    signatureBlockProblem: block.ok ? null : block.reason,
  };
}

const vi = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function period(from: string | null, to: string | null): string {
  if (from && to) return ` từ ${vi(from)} đến ${vi(to)}`;
  if (from) return ` từ ${vi(from)}`;
  if (to) return ` đến ${vi(to)}`;
  return ' (không thời hạn)';
}

import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnchorService } from './anchor.service';
import { checkAgainstReport, loadReportChain } from './audit-check';
import { verifyChain } from './audit-hash';
import { AuditKey } from './audit-key';

/**
 * Entries written before the audit key existed have no MAC, and a migration cannot compute one (the
 * key is not in the database). At start-up, once, each such chain is verified as it was (hashes,
 * agreement with its report) and then sealed after the fact (`sealed_late` records when); a chain
 * that does not verify is left unsealed and logged, so verification keeps reporting it. Then every
 * organisation whose newest anchor is unkeyed gets a keyed anchor, so an unkeyed anchor appended
 * later is recognised as forged.
 */
@Injectable()
export class AuditSealService implements OnApplicationBootstrap {
  private readonly log = new Logger('Audit');

  constructor(
    private readonly ds: DataSource,
    private readonly key: AuditKey,
    private readonly anchors: AnchorService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sealLegacy();
  }

  /** Returns how many entries were sealed after the fact. */
  async sealLegacy(): Promise<number> {
    let sealed = 0;
    const reports: { report_id: string }[] = await this.ds.query(`SELECT DISTINCT report_id FROM audit_entries WHERE mac IS NULL`);
    for (const { report_id } of reports) {
      sealed += await this.ds.transaction(async (em) => {
        await em.query(`SELECT 1 FROM reports WHERE id = $1 FOR UPDATE`, [report_id]); // no transition meanwhile
        const loaded = await loadReportChain((sql, params) => em.query(sql, params), report_id);
        const check = loaded ? verifyChain(report_id, loaded.entries) : { ok: false, reason: 'báo cáo đã bị xóa' };
        const agrees = loaded && check.ok ? checkAgainstReport(loaded.report, loaded.entries) : check;
        if (!loaded || !agrees.ok) {
          this.log.error(`audit chain of report ${report_id} not sealed after the fact: ${agrees.reason}`);
          return 0;
        }
        const todo = loaded.entries.filter((e) => e.mac === null);
        await em.query(
          `UPDATE audit_entries AS a SET mac = x.mac, sealed_late = now() FROM unnest($1::uuid[], $2::text[]) AS x(id, mac) WHERE a.id = x.id AND a.mac IS NULL`,
          [todo.map((e) => e.id), todo.map((e) => this.key.seal('entry', e.hash))],
        );
        return todo.length;
      });
    }
    const orgs: { organisation_id: string }[] = await this.ds.query(
      `SELECT DISTINCT ON (organisation_id) organisation_id, mac FROM audit_anchors ORDER BY organisation_id, seq DESC`,
    );
    for (const o of orgs.filter((x) => (x as { mac?: string | null }).mac === null)) await this.anchors.anchor(o.organisation_id);
    if (sealed) this.log.log(`sealed ${sealed} audit entries written before the audit key (sealed_late)`);
    return sealed;
  }
}

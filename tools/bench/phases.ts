/**
 * The transitions bench in phases, so that each kind of work is charged its own CPU: the plain
 * transitions (open, parts, compile, send for signature; dispatch, acknowledge), the signer's
 * preview (GET …/pdf: one render on the workers, kept), `sign` (the preview-hash check; its frozen
 * PDF, signed on delivery) and `issue` (number; the issued PDF, an incremental signed update). Each
 * phase waits for the outbox to drain, so a delivery's CPU falls into the phase that caused it.
 */
import type { Client as Pg } from 'pg';
import { driveToAwaitingSignature, previewSha256, send, type Client } from '../../apps/api/src/testing/lifecycle';
import { cpuMsOf, delta, pgCpuMs, threadsOf } from './proc-cpu';

export interface PhaseCost {
  name: string;
  /** Transitions (or previews) in the phase. */
  count: number;
  seconds: number;
  apiMs: number;
  /** Of which the API's main (event-loop) thread. */
  mainMs: number;
  /** Of which the two busiest other threads (the PDF render workers when a phase renders). */
  workersMs: number;
  clientMs: number;
  pgMs: number;
  /** The phase's work (deliveries excluded) in CLOCK_MONOTONIC µs, the clock of a V8 `.cpuprofile` (tools/bench/cpu-profile.mjs). */
  window: [number, number];
}

const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

export class PhaseMeter {
  readonly phases: PhaseCost[] = [];

  constructor(
    private readonly apiPid: number,
    private readonly db: string,
    private readonly pg: Pg,
  ) {}

  /** Runs `work` (which returns how many operations it did), then waits for the outbox, and charges the phase. */
  async phase(name: string, work: () => Promise<number>): Promise<PhaseCost> {
    const pid = this.apiPid;
    const api0 = cpuMsOf(pid);
    const main0 = cpuMsOf(`${pid}/task/${pid}`);
    const threads0 = threadsOf(pid);
    const pg0 = pgCpuMs(this.db);
    const client0 = process.cpuUsage();
    const t0 = performance.now();
    const w0 = monotonicUs();
    const count = await work();
    const w1 = monotonicUs();
    const seconds = (performance.now() - t0) / 1000;
    await this.drained();
    const others = [...threadsOf(pid)]
      .filter(([tid]) => tid !== pid)
      .map(([tid, ms]) => ms - (threads0.get(tid) ?? 0))
      .sort((a, b) => b - a);
    const cu = process.cpuUsage(client0);
    const cost: PhaseCost = {
      name,
      count,
      seconds,
      apiMs: cpuMsOf(pid) - api0,
      mainMs: cpuMsOf(`${pid}/task/${pid}`) - main0,
      workersMs: (others[0] ?? 0) + (others[1] ?? 0),
      clientMs: (cu.user + cu.system) / 1000,
      pgMs: delta(pg0, pgCpuMs(this.db)),
      window: [w0, w1],
    };
    this.phases.push(cost);
    return cost;
  }

  /** Until every outbox row is delivered (the frozen PDFs of sign and issue, the edXML delivery). */
  private async drained(): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const { rows } = await this.pg.query(`SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL AND attempts < 5`);
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('outbox not drained after 60 s');
  }

  /** One line per phase: CPU ms per operation. */
  static line(p: PhaseCost): string {
    const per = (ms: number): string => (ms / Math.max(1, p.count)).toFixed(2);
    return (
      `  ${p.name.padEnd(18)} n=${String(p.count).padStart(5)} ${p.seconds.toFixed(2).padStart(6)} s  per op: api_ms=${per(p.apiMs)} ` +
      `(main ${per(p.mainMs)}, render/helper threads ${per(p.workersMs)}) pg_ms=${per(p.pgMs)} client_ms=${per(p.clientMs)}` +
      ` window_us=${p.window[0]}-${p.window[1]}`
    );
  }
}

/**
 * Every report through its whole lifecycle (40 transitions and one preview each), phase after phase,
 * from `clients` concurrent clients; `plainOnly` (BENCH_PLAIN_ONLY=1) stops after the first phase.
 */
export async function driveInPhases(
  c: Client,
  reports: { id: string; version: number }[],
  clients: number,
  meter: PhaseMeter,
  plainOnly = false,
): Promise<void> {
  const versions = new Map(reports.map((r) => [r.id, r.version]));
  const hashes = new Map<string, string>();
  const v = (id: string): number => versions.get(id) as number;
  /** `step` over every report; returns how many operations were done. */
  const eachReport = async (perReport: number, step: (id: string) => Promise<void>): Promise<number> => {
    const queue = reports.map((r) => r.id);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) await step(id);
      }),
    );
    return reports.length * perReport;
  };
  // 36 plain transitions per report (open, 11 parts × start/submit/accept, compile, send for signature).
  await meter.phase('plain (to signer)', () =>
    eachReport(36, async (id) => void versions.set(id, await driveToAwaitingSignature(c, id, v(id)))),
  );
  if (plainOnly) return;
  // The signer reads the preview (rendered once on the render workers, then kept): not a transition.
  await meter.phase('preview (GET pdf)', () => eachReport(1, async (id) => void hashes.set(id, await previewSha256(c, 'pct.vhxh', id))));
  await meter.phase('sign', () =>
    eachReport(1, async (id) => void versions.set(id, await send(c, 'pct.vhxh', id, v(id), 'sign', { documentSha256: hashes.get(id) }))),
  );
  await meter.phase('issue', () => eachReport(1, async (id) => void versions.set(id, await send(c, 'vanthu', id, v(id), 'issue'))));
  await meter.phase('plain (dispatch…)', () =>
    eachReport(
      2,
      async (id) => void versions.set(id, await send(c, 'vanthu', id, await send(c, 'vanthu', id, v(id), 'dispatch'), 'acknowledge')),
    ),
  );
}

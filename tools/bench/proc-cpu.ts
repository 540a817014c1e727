/**
 * CPU time from Linux /proc, for benchmarks that share the machine: of a process or thread, of the
 * PostgreSQL processes serving one database, and of the whole machine. Zero where /proc is absent.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** User + system CPU time of a process (or of one of its threads: `pid/task/tid`) in ms (Linux /proc; 0 elsewhere). */
export function cpuMsOf(pid: number | string | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/**
 * CPU ms of the PostgreSQL processes serving `db`: its backends plus the server's shared helpers
 * (WAL writer, checkpointer, background writer, autovacuum) — other databases' backends excluded.
 * Keyed by pid, so a delta can be taken over a window.
 */
export function pgCpuMs(db: string): Map<number, number> {
  const out = new Map<number, number>();
  let postmaster = 0;
  const procs: { pid: number; ppid: number; cmd: string }[] = [];
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
        procs.push({ pid: Number(d), ppid: Number(f[1]), cmd });
        if (cmd.startsWith(`postgres: `) && cmd.includes(` ${db} `)) postmaster = Number(f[1]);
      } catch {
        /* gone */
      }
    }
  } catch {
    return out;
  }
  for (const p of procs) {
    if (p.ppid !== postmaster || !postmaster) continue;
    if (p.cmd.includes(` ${db} `) || /walwriter|checkpointer|background writer|autovacuum/.test(p.cmd)) out.set(p.pid, cpuMsOf(p.pid));
  }
  return out;
}

export const delta = (a: Map<number, number>, b: Map<number, number>): number =>
  [...b].reduce((sum, [pid, ms]) => sum + ms - (a.get(pid) ?? 0), 0);

/** Busy CPU ms of the whole machine (all cores; /proc/stat, USER_HZ = 100). */
export function machineBusyMs(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) * 10; // user nice system irq softirq steal
  } catch {
    return 0;
  }
}

export function threadsOf(pid: number | undefined): Map<number, number> {
  try {
    return new Map(readdirSync(`/proc/${pid}/task`).map((tid) => [Number(tid), cpuMsOf(`${pid}/task/${tid}`)]));
  } catch {
    return new Map();
  }
}

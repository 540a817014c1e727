import { rmSync } from 'node:fs';

/** Stops the app started by the global setup: SIGTERM, wait, SIGKILL as the last resort. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__TK_E2E_SERVER__;
  if (!server) return;
  const { child, dataDir } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), 15_000)));
    const timedOut = await Promise.race([exited.then(() => false), timeout]);
    clearTimeout(timer);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  globalThis.__TK_E2E_SERVER__ = undefined;
  try {
    rmSync(dataDir, { recursive: true, force: true });
  } catch {
    /* the database may have left files owned by another user */
  }
}

/**
 * Verifies the audit chains straight from the database and names the first broken entry.
 *   npm run audit:verify                 every report of every organisation, plus the anchors
 *   npm run audit:verify -- --report ID  one report
 * Uses DATABASE_URL, or the embedded database of DATA_DIR (./.data): the running server's port is
 * read from postmaster.pid; if none runs, the embedded server is started for the check.
 * The audit key comes from AUDIT_KEY or DATA_DIR/audit-key, as for the server (never created here:
 * without the key the check stops with exit code 2).
 * Exit code 0 when every chain is intact, 1 otherwise.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

// The checks use the workflow library (`@trinhky/workflow`): resolve the monorepo's paths first.
const root = resolve(__dirname, '..');
const base = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: root, paths: base.compilerOptions.paths });
require('./audit/verify-main');

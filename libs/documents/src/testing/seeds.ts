import * as fs from 'node:fs';
import * as path from 'node:path';

/** The seeds live beside the workspace: `<workspaceRoot>/../shared/seeds`. */
export function seedsDir(): string {
  let dir = __dirname;
  while (dir !== path.dirname(dir) && !fs.existsSync(path.join(dir, 'nx.json'))) dir = path.dirname(dir);
  // A worktree (/work/wt/<name>) sits one level deeper than the main checkout (/work/main).
  const near = path.resolve(dir, '..', 'shared', 'seeds');
  const far = path.resolve(dir, '..', '..', 'shared', 'seeds');
  return fs.existsSync(near) || !fs.existsSync(far) ? near : far;
}

export function seedFile(prefix: string): string {
  const dir = seedsDir();
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found in ${dir}`);
  return path.join(dir, name);
}

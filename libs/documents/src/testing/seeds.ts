import * as fs from 'node:fs';
import * as path from 'node:path';

/** The seeds live beside the workspace: `<workspaceRoot>/../shared/seeds`. */
export function seedsDir(): string {
  let dir = __dirname;
  while (dir !== path.dirname(dir) && !fs.existsSync(path.join(dir, 'nx.json'))) dir = path.dirname(dir);
  return path.resolve(dir, '..', 'shared', 'seeds');
}

export function seedFile(prefix: string): string {
  const dir = seedsDir();
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found in ${dir}`);
  return path.join(dir, name);
}

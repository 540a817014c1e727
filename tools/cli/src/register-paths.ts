/**
 * Resolves the workspace path aliases (`@trinhky/*` from tsconfig.base.json) when the CLI runs
 * from TypeScript sources with `node -r @swc-node/register` (which does not read the root
 * tsconfig.base.json). Import this module first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module = require('node:module');

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

interface ModuleWithResolve {
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
}

function loadAliases(): Record<string, string> {
  const base = JSON.parse(fs.readFileSync(path.join(WORKSPACE_ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions?: { paths?: Record<string, string[]> };
  };
  const out: Record<string, string> = {};
  for (const [alias, targets] of Object.entries(base.compilerOptions?.paths ?? {})) {
    if (targets[0]) out[alias] = path.join(WORKSPACE_ROOT, targets[0]);
  }
  return out;
}

const aliases = loadAliases();
const mod = Module as unknown as ModuleWithResolve;
const original = mod._resolveFilename;
mod._resolveFilename = function (request, parent, isMain, options) {
  const target = aliases[request];
  return original.call(this, target ?? request, parent, isMain, options);
};

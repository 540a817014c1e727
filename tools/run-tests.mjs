#!/usr/bin/env node
// npm test: lint (module boundaries included) → Prettier check → proof that the boundary rules bite → type check →
// build (the browser tests run the built app) → every Jest project (unit, API integration against
// the database, documents, web, browser tests). Ends with one line "N passed, N failed".
// --db-only: only the database suites (CI's second pass with DATABASE_URL).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const dbOnly = process.argv.includes('--db-only');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args) {
  const t = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  const ok = r.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(name, cmd, args) {
  if (step(name, cmd, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

function jest(name, args) {
  mkdirSync('test-output', { recursive: true });
  const out = `test-output/jest-${name}.json`;
  const ok = step(`jest ${name}`, 'npx', ['jest', '--ci', '--json', `--outputFile=${out}`, ...args]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    // A suite that failed to run (syntax error, setup failure) has no failed tests: count it.
    const broken = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'));
    failed += broken.length;
    for (const s of r.testResults.filter((x) => x.status === 'failed')) failures.push(s.name);
    if (!ok && r.numFailedTests === 0 && broken.length === 0) {
      failed++;
      failures.push(`jest ${name} exited non-zero`);
    }
  } else if (!ok) {
    failed++;
    failures.push(`jest ${name} did not run`);
  }
}

if (dbOnly) {
  // Each suite opens its own database on the server, so the suites run side by side as in npm test.
  // The suites that start their own embedded server (and never read DATABASE_URL) ran in npm test already.
  const ownServer = ['testing/start\\.int', 'database/embedded-postgres\\.int', 'database/restart\\.int'];
  jest('db', ['--selectProjects', 'api', '--maxWorkers=2', '--testPathIgnorePatterns', ...ownServer]);
} else {
  check('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--outputStyle=static']);
  check('format', 'npm', ['run', '--silent', 'format:check']);
  const b = spawnSync('node', ['tools/check-boundaries.mjs'], { encoding: 'utf8', env });
  process.stdout.write(b.stdout + b.stderr);
  const m = /boundaries: (\d+) passed, (\d+) failed/.exec(b.stdout);
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  } else failed++;
  check('type check', 'node', ['tools/typecheck.mjs']);
  check('build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);
  jest('all', ['--maxWorkers=2']);
}

if (failures.length) console.log(`\nFailed: \n- ${failures.join('\n- ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

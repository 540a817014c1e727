// The order of the one Jest run (npm test): longest suites first, so that with two workers no long
// browser suite starts last and runs alone at the end. Jest does this by itself only with the durations of
// a previous run in its cache (never on a fresh CI machine); without them it sorts by file size, which
// puts short browser suites (1–3 KB files of 20–60 s each) at the tail among millisecond unit tests.
// Estimate per suite: Jest's cached duration if any, else the measured figure below, else the file size
// weighted by project (a browser suite costs far more per byte than an API suite, which costs far more
// than a unit test). Failed suites still go first.
const Sequencer = require('@jest/test-sequencer').default;
const { relative, resolve } = require('node:path');

const WORKSPACE = resolve(__dirname, '../..');

// Seconds, from CI runs (docs/notes/ci15.md); only the suites whose size misleads matter here.
const MEASURED = {
  'apps/web-e2e/src/lifecycle.e2e.ts': 158,
  'apps/web-e2e/src/exchange.e2e.ts': 141,
  'apps/web-e2e/src/figures.e2e.ts': 87,
  'apps/api/src/app/audit/audit-tamper.int.spec.ts': 75,
  'apps/api/src/app/notifications/inbox-scope.int.spec.ts': 72,
  'apps/api/src/testing/start.int.spec.ts': 50,
  'apps/api/src/testing/fuzz.int.spec.ts': 37,
};

// Seconds per KB of test file, by where the file lives.
const WEIGHT = [
  [/^apps\/web-e2e\//, 8],
  [/^apps\/api\/.*\.int\.spec\.ts$/, 2],
  [/^apps\/api\//, 0.3],
  [/^libs\/documents\//, 1],
  [/./, 0.1],
];

class LongestFirst extends Sequencer {
  sort(tests) {
    const estimate = (test) => {
      const cached = this.time(test);
      if (cached != null) return cached / 1000;
      const rel = relative(WORKSPACE, test.path);
      if (MEASURED[rel] != null) return MEASURED[rel];
      const kb = (test.context.hasteFS.getSize(test.path) ?? 0) / 1024;
      return kb * WEIGHT.find(([re]) => re.test(rel))[1];
    };
    for (const test of tests) test.estimate = estimate(test);
    return [...tests].sort((a, b) => {
      const fa = this.hasFailed(a);
      const fb = this.hasFailed(b);
      if (fa !== fb) return fa ? -1 : 1;
      return b.estimate - a.estimate;
    });
  }
}

module.exports = LongestFirst;

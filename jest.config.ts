import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// One Jest run over every project (npm test). Global options such as the timeout live here:
// in a multi-project run Jest ignores the projects' own `testTimeout`.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  testTimeout: 120_000,
  // Longest suites first, also on a fresh machine without Jest's cache of durations.
  testSequencer: '<rootDir>/tools/jest/sequencer.cjs',
});

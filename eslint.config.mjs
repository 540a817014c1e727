import nx from '@nx/eslint-plugin';

const frameworks = ['@nestjs/*', '@angular/*', 'typeorm', '@nestjs/typeorm', 'pg', 'express', 'rxjs'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-output', '**/.nx', '**/.angular', '**/.data', 'node_modules'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Apps use shared libs only, never another app.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The web client never imports API code; the API never imports web code.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            // Libraries never depend on apps.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // domain is the bottom: plain TypeScript.
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [...frameworks, 'pdfmake', 'xstate'],
            },
            // workflow: XState and domain only.
            {
              sourceTag: 'type:workflow',
              onlyDependOnLibsWithTags: ['type:domain', 'type:workflow'],
              bannedExternalImports: [...frameworks, 'pdfmake'],
            },
            // contracts: the wire schemas (zod) over domain, no framework.
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: [...frameworks, 'pdfmake', 'xstate'],
            },
            // documents: pdfmake and domain, no framework.
            { sourceTag: 'type:documents', onlyDependOnLibsWithTags: ['type:domain', 'type:documents'], bannedExternalImports: frameworks },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The pure libraries may not reach around the import rules with `import x = require(...)`.
    files: ['libs/domain/**/*.ts', 'libs/workflow/**/*.ts', 'libs/contracts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-require-imports': 'error',
    },
  },
  {
    // A file past 250 lines is doing two jobs (issue 10): split it. Tests and migrations aside.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.e2e.ts', '**/migrations/**', '**/*.d.ts'],
    rules: {
      'max-lines': ['error', { max: 250, skipBlankLines: false, skipComments: false }],
    },
  },
];

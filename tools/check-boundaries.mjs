#!/usr/bin/env node
// Proves the module-boundary rules bite: lints deliberate violations placed inside each project
// and fails unless every one is reported by @nx/enforce-module-boundaries (and a clean import is not).
import { ESLint } from 'eslint';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
const cases = [
  {
    name: 'a lib imports an app',
    file: 'libs/domain/src/__boundary_probe__.ts',
    code: "import { createApp } from '../../../apps/api/src/app/app.factory';\nexport const x = createApp;\n",
    expectError: true,
  },
  {
    name: 'a lib imports an app (workflow → api)',
    file: 'libs/workflow/src/__boundary_probe__.ts',
    code: "import '../../../apps/api/src/main';\nexport const x = 1;\n",
    expectError: true,
  },
  {
    name: 'web imports api code',
    file: 'apps/web/src/__boundary_probe__.ts',
    code: "import { createApp } from '../../api/src/app/app.factory';\nexport const x = createApp;\n",
    expectError: true,
  },
  {
    name: 'workflow imports Nest',
    file: 'libs/workflow/src/__boundary_probe__.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    expectError: true,
  },
  {
    name: 'workflow imports TypeORM',
    file: 'libs/workflow/src/__boundary_probe__.ts',
    code: "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n",
    expectError: true,
  },
  {
    name: 'workflow imports pdfmake',
    file: 'libs/workflow/src/__boundary_probe__.ts',
    code: "import * as pdfmake from 'pdfmake';\nexport const x = pdfmake;\n",
    expectError: true,
  },
  {
    name: 'workflow requires pdfmake (import = require)',
    file: 'libs/workflow/src/__boundary_probe__.ts',
    code: "import pdfmake = require('pdfmake');\nexport const x = pdfmake;\n",
    expectError: true,
    rule: '@typescript-eslint/no-require-imports',
  },
  {
    name: 'domain imports Angular',
    file: 'libs/domain/src/__boundary_probe__.ts',
    code: "import { Component } from '@angular/core';\nexport const x = Component;\n",
    expectError: true,
  },
  {
    name: 'domain imports Nest',
    file: 'libs/domain/src/__boundary_probe__.ts',
    code: "import { Module } from '@nestjs/common';\nexport const x = Module;\n",
    expectError: true,
  },
  {
    name: 'domain imports pdfmake',
    file: 'libs/domain/src/__boundary_probe__.ts',
    code: "import * as pdfmake from 'pdfmake';\nexport const x = pdfmake;\n",
    expectError: true,
  },
  {
    name: 'domain requires typeorm (import = require)',
    file: 'libs/domain/src/__boundary_probe__.ts',
    code: "import typeorm = require('typeorm');\nexport const x = typeorm;\n",
    expectError: true,
    rule: '@typescript-eslint/no-require-imports',
  },
  {
    name: 'domain imports TypeORM',
    file: 'libs/domain/src/__boundary_probe__.ts',
    code: "import { Entity } from 'typeorm';\nexport const x = Entity;\n",
    expectError: true,
  },
  {
    name: 'documents imports Nest',
    file: 'libs/documents/src/__boundary_probe__.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    expectError: true,
  },
  {
    name: 'domain imports workflow (upward)',
    file: 'libs/domain/src/__boundary_probe__.ts',
    code: "import { decide } from '@trinhky/workflow';\nexport const x = decide;\n",
    expectError: true,
  },
  {
    name: 'contracts imports Nest',
    file: 'libs/contracts/src/__boundary_probe__.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    expectError: true,
  },
  {
    name: 'contracts imports workflow (only zod and domain)',
    file: 'libs/contracts/src/__boundary_probe__.ts',
    code: "import { decide } from '@trinhky/workflow';\nexport const x = decide;\n",
    expectError: true,
  },
  {
    name: 'contracts imports TypeORM',
    file: 'libs/contracts/src/__boundary_probe__.ts',
    code: "import { Entity } from 'typeorm';\nexport const x = Entity;\n",
    expectError: true,
  },
  {
    name: 'control: web imports contracts',
    file: 'apps/web/src/__boundary_probe__.ts',
    code: "import { OPERATIONS } from '@trinhky/contracts';\nexport const x = OPERATIONS;\n",
    expectError: false,
  },
  {
    name: 'control: workflow imports domain',
    file: 'libs/workflow/src/__boundary_probe__.ts',
    code: "import { periodLabel } from '@trinhky/domain';\nexport const x = periodLabel;\n",
    expectError: false,
  },
  {
    name: 'control: api imports workflow',
    file: 'apps/api/src/__boundary_probe__.ts',
    code: "import { decide } from '@trinhky/workflow';\nexport const x = decide;\n",
    expectError: false,
  },
];

const eslint = new ESLint({ cwd: process.cwd() });
let passed = 0;
let failed = 0;
for (const c of cases) {
  mkdirSync(dirname(c.file), { recursive: true });
  writeFileSync(c.file, c.code);
  try {
    const [result] = await eslint.lintFiles([c.file]);
    const hits = result.messages.filter((m) => m.ruleId === (c.rule ?? '@nx/enforce-module-boundaries'));
    const ok = c.expectError ? hits.length > 0 : hits.length === 0;
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? '✓' : '✗'} ${c.name}${hits.length ? ` — ${hits[0].message.split('\n')[0]}` : ''}`);
  } finally {
    rmSync(c.file, { force: true });
  }
}
console.log(`boundaries: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The "may import" column of ARCHITECTURE.md is enforced by eslint.config.js; this proves the rule bites.
// Probe files do not exist on disk, so type-aware rules are switched off; the import rule needs no types.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

const restrictedImports = async (filePath: string, code: string): Promise<number> => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').length;
};

describe('import boundaries', () => {
  it.each([
    ['shared/probe.ts', "import { x } from '../renderer/probe';"],
    ['shared/probe.ts', "import { x } from '../electron/probe';"],
    ['shared/probe.ts', "import { x } from '../simulator/probe';"],
    ['shared/probe.ts', "import fs from 'node:fs';"],
    ['shared/probe.ts', "import { app } from 'electron';"],
    ['shared/probe.ts', "import React from 'react';"],
    ['renderer/probe.ts', "import { x } from '../electron/probe';"],
    ['renderer/probe.ts', "import { x } from '../simulator/probe';"],
    ['renderer/probe.ts', "import path from 'node:path';"],
    ['renderer/probe.ts', "import { ipcRenderer } from 'electron';"],
    ['simulator/probe.ts', "import { x } from '../renderer/probe';"],
    ['simulator/probe.ts', "import { app } from 'electron';"],
    ['electron/probe.ts', "import { x } from '../renderer/probe';"],
    ['electron/probe.ts', "import { startSimulator } from '../simulator/standalone';"],
    ['electron/probe.ts', "import { createFaults } from '../simulator/faults';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const y = 1;\n`)).toBeGreaterThan(0);
  });

  it.each([
    ['renderer/probe.ts', "import { x } from '../shared/probe';"],
    ['renderer/platform/probe.ts', "import { x } from './electron';"],
    ['electron/probe.ts', "import fs from 'node:fs';"],
    ['electron/probe.ts', "import { startEmbeddedSimulator } from '../simulator/embedded';"],
    ['simulator/probe.ts', "import http from 'node:http';"],
    ['shared/probe.ts', "import { z } from 'zod';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const y = 1;\n`)).toBe(0);
  });
});

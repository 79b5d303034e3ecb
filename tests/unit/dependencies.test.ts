import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// electron-builder packs `dependencies` into the installer: each must be code the app runs, and
// everything the app runs must be there (bundlers would hide a runtime import filed as dev).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNTIME_FOLDERS = ['renderer', 'electron', 'shared', 'simulator'];
// electron-builder wants Electron itself among the devDependencies: the runtime brings it.
const PROVIDED_BY_ELECTRON = new Set(['electron']);

const isTestOnly = (file: string): boolean => /\.test\.tsx?$/.test(file) || /(^|\/)testing\//.test(file);

const sourceFiles = (folder: string): string[] =>
  fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((file) => `${folder}/${file.split(path.sep).join('/')}`)
    .filter((file) => /\.tsx?$/.test(file) && !isTestOnly(file));

/** 'react-dom/client' → 'react-dom', '@tanstack/react-virtual' → itself, relative and node: → null */
const packageOf = (specifier: string): string | null => {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
};

const runtimePackages = (): Set<string> => {
  const found = new Set<string>();
  for (const file of RUNTIME_FOLDERS.flatMap(sourceFiles)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const name = packageOf(fileName);
      if (name !== null) found.add(name);
    }
  }
  return found;
};

const PackageJsonSchema = z.object({
  dependencies: z.record(z.string(), z.string()),
  devDependencies: z.record(z.string(), z.string()),
});
const manifest = PackageJsonSchema.parse(
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')),
);

describe('package.json dependencies', () => {
  const used = runtimePackages();

  it('lists only packages the app imports at run time', () => {
    expect(Object.keys(manifest.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });

  it('lists every package the app imports at run time', () => {
    const missing = [...used].filter(
      (name) => !(name in manifest.dependencies) && !PROVIDED_BY_ELECTRON.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('keeps the test-only PDF reader out of the app', () => {
    expect(manifest.devDependencies).toHaveProperty('pdf-lib');
    expect(used.has('pdf-lib')).toBe(false);
  });
});

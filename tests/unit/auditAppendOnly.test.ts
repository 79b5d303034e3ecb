import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The audit log is append-only: only renderer/db/auditLog.ts writes it (appendAudit), and the v6
// migration that chained the rows written before (renderer/db/upgrades.ts). Every other source is scanned for a write.
const ROOTS = ['renderer', 'shared', 'electron', 'simulator'];
const ALLOWED = new Set(['renderer/db/auditLog.ts', 'renderer/db/upgrades.ts']);

/** A write at the end of a chain of calls on the table (arguments nested one deep), or the table reached by name. */
const WRITE =
  /auditLog(\s*\.\s*\w+\s*\((?:[^()]|\([^()]*\))*\))*\s*\.\s*(add|put|update|delete|clear|bulk\w*|modify)\s*\(/;
const BY_NAME = /table\s*(<[^>]*>)?\s*\(\s*['"`]auditLog['"`]\s*\)/;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

const writers = (files: readonly string[]): string[] =>
  files.filter((file) => {
    const text = readFileSync(file, 'utf8');
    return WRITE.test(text) || BY_NAME.test(text);
  });

describe('the audit log is append-only', () => {
  it('is written by the appender alone (and the migration that chained the rows before it)', () => {
    const files = ROOTS.flatMap((root) => sources(root));
    expect(files.length).toBeGreaterThan(100);
    const found = writers(files).map((file) => relative(process.cwd(), file));
    expect(found.filter((file) => !ALLOWED.has(file))).toEqual([]);
    expect(found.sort()).toEqual([...ALLOWED].sort());
  });

  it.each([
    'await db.auditLog.add({ at })',
    'db.auditLog.put(row)',
    'await db.auditLog\n  .where("kind")\n  .equals("sync")\n  .delete()',
    'db.auditLog.update(1, { kind: "x" })',
    'db.auditLog.clear()',
    'db.auditLog.bulkDelete([1, 2])',
    'db.auditLog.toCollection().modify((row) => row)',
    'db.auditLog.filter((row) => row.seq > 3).delete()',
    "tx.table('auditLog').toArray()",
  ])('would catch %s', (code) => {
    expect(WRITE.test(code) || BY_NAME.test(code)).toBe(true);
  });

  it.each([
    'db.auditLog.orderBy("id").toArray()',
    'await db.auditLog.count()',
    'db.transaction("rw", [db.outbox, db.auditLog], async () => { await db.outbox.update(1, {}); })',
    "db.transaction('rw', [db.auditLog], f)",
  ])('lets a read through: %s', (code) => {
    expect(WRITE.test(code) || BY_NAME.test(code)).toBe(false);
  });
});

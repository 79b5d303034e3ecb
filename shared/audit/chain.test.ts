import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, entryHash, linkEntry, verifyAuditChain, type ChainLink } from './chain';

interface Entry {
  at: string;
  kind: string;
  params: Record<string, unknown>;
}

const chain = (entries: readonly Entry[]): (Entry & ChainLink)[] => {
  const linked: (Entry & ChainLink)[] = [];
  for (const entry of entries) linked.push(linkEntry(entry, linked.at(-1) ?? null));
  return linked;
};

const entry = fc.record({
  at: fc
    .integer({ min: 0, max: 10_000 })
    .map((minute) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString()),
  kind: fc.constantFrom('sync', 'costCenterEdited', 'documentOpened', 'export'),
  params: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, 'x'], c: undefined, b: 'é' } })).toBe(
      '{"a":{"b":"é","d":[1,null,"x"]},"b":1}',
    );
  });
});

describe('the hash of an entry', () => {
  it('is SHA-256 over the previous hash, a line feed and the canonical entry without id and hashes', () => {
    const [first] = chain([{ at: '2026-01-01T00:00:00.000Z', kind: 'sync', params: { n: 1 } }]);
    // What an auditor recomputes by hand from the documented bytes.
    const bytes = new TextEncoder().encode(
      `${GENESIS_HASH}\n{"at":"2026-01-01T00:00:00.000Z","kind":"sync","params":{"n":1},"seq":1}`,
    );
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, hash: bytesToHex(sha256(bytes)) });
    expect(entryHash({ ...first, id: 99 }, GENESIS_HASH)).toBe(first?.hash);
  });
});

describe('verifyAuditChain', () => {
  it('passes an intact chain of any length', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 25 }), (entries) => {
        const linked = chain(entries);
        expect(verifyAuditChain(linked, linked.at(-1))).toEqual({
          ok: true,
          count: entries.length,
          head: linked.length === 0 ? null : { seq: linked.length, hash: linked.at(-1)?.hash },
        });
      }),
    );
  });

  it('detects any single deletion, naming the place, given the head recorded before', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 25 }), fc.nat(), (entries, pick) => {
        const linked = chain(entries);
        const index = pick % linked.length;
        const head = linked.at(-1);
        const cut = linked.filter((_, at) => at !== index);
        const verdict = verifyAuditChain(cut, head);
        expect(verdict.ok).toBe(false);
        if (verdict.ok) return;
        const place = index + 1;
        expect(verdict.problems).toEqual([
          index === linked.length - 1
            ? { code: 'tailMissing', from: place, to: place }
            : { code: 'missing', from: place, to: place },
        ]);
      }),
    );
  });

  it('detects any single alteration of any field, naming the entry', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 25 }),
        fc.nat(),
        fc.constantFrom('at', 'kind', 'params', 'seq', 'hash', 'prevHash'),
        (entries, pick, field) => {
          const linked = chain(entries);
          const index = pick % linked.length;
          const victim = linked[index];
          if (!victim) throw new Error('No entry picked');
          const altered = {
            ...victim,
            ...(field === 'at' ? { at: '1999-01-01T00:00:00.000Z' } : {}),
            ...(field === 'kind' ? { kind: `${victim.kind}!` } : {}),
            ...(field === 'params' ? { params: { ...victim.params, forged: 1 } } : {}),
            ...(field === 'seq' ? { seq: victim.seq + 1000 } : {}),
            ...(field === 'hash' ? { hash: GENESIS_HASH } : {}),
            ...(field === 'prevHash' ? { prevHash: victim.hash } : {}),
          };
          const tampered = linked.map((row, at) => (at === index ? altered : row));
          const verdict = verifyAuditChain(tampered, linked.at(-1));
          expect(verdict.ok).toBe(false);
          if (verdict.ok) return;
          expect(verdict.problems).toContainEqual({ code: 'altered', seq: altered.seq });
        },
      ),
    );
  });

  it('detects any swap of two entries as entries out of order', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 25 }), fc.nat(), fc.nat(), (entries, a, b) => {
        const linked = chain(entries);
        const first = a % linked.length;
        let second = b % linked.length;
        if (second === first) second = (first + 1) % linked.length;
        const swapped = [...linked];
        const [left, right] = [swapped[first], swapped[second]];
        if (!left || !right) throw new Error('No entries picked');
        swapped[first] = right;
        swapped[second] = left;
        const verdict = verifyAuditChain(swapped, linked.at(-1));
        expect(verdict.ok).toBe(false);
        if (verdict.ok) return;
        expect(verdict.problems.every((problem) => problem.code === 'outOfOrder')).toBe(true);
      }),
    );
  });

  it('names an entry replaced with a rehashed forgery by the broken link after it', () => {
    const linked = chain([
      { at: '2026-01-01T00:00:00.000Z', kind: 'sync', params: {} },
      { at: '2026-01-02T00:00:00.000Z', kind: 'sync', params: { amount: '10.00' } },
      { at: '2026-01-03T00:00:00.000Z', kind: 'sync', params: {} },
    ]);
    const forged = linkEntry(
      { at: '2026-01-02T00:00:00.000Z', kind: 'sync', params: { amount: '1.00' } },
      linked[0] ?? null,
    );
    const verdict = verifyAuditChain([linked[0], forged, linked[2]].flatMap((row) => (row ? [row] : [])));
    expect(verdict).toMatchObject({ ok: false, problems: [{ code: 'brokenLink', seq: 3 }] });
  });

  it('names a second entry in one place, and a head that is not the one recorded', () => {
    const linked = chain([
      { at: '2026-01-01T00:00:00.000Z', kind: 'sync', params: {} },
      { at: '2026-01-02T00:00:00.000Z', kind: 'sync', params: {} },
    ]);
    const [first, second] = linked;
    if (!first || !second) throw new Error('No chain');
    const fork = linkEntry({ at: '2026-01-05T00:00:00.000Z', kind: 'export', params: {} }, first);
    expect(verifyAuditChain([first, second, fork])).toMatchObject({
      ok: false,
      problems: [
        { code: 'outOfOrder', seq: 2, after: 2 },
        { code: 'duplicate', seq: 2 },
      ],
    });
    expect(verifyAuditChain([first, fork], second)).toMatchObject({
      ok: false,
      problems: [{ code: 'headMismatch', seq: 2 }],
    });
  });
});

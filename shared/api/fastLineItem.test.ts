import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLineItemFast } from './fastLineItem';
import { lineFixture } from '../testing/lineFixture';
import { LineItemSchema } from './schemas';
import { lineItemMemberValues, lineItemVectors } from './testing/lineItemVectors';

/** zod's answer in the fast path's shape: the item, or undefined when refused. */
const zodAnswer = (raw: unknown) => {
  const parsed = LineItemSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

describe('the fast path for line items', () => {
  it.each(lineItemVectors.map((entry) => [entry.name, entry] as const))(
    '%s: zod, the fast path and the contract agree',
    (_name, { raw, valid }) => {
      const zod = zodAnswer(raw);
      expect(zod !== undefined).toBe(valid);
      const fast = parseLineItemFast(raw);
      expect(fast).toStrictEqual(zod);
    },
  );

  it('answers what zod answers for generated items mixing accepted, refused and missing members', () => {
    const memberArbitrary = (values: { accepted: unknown[]; refused: unknown[] }) =>
      fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(...values.accepted) },
        { weight: 1, arbitrary: fc.constantFrom(...values.refused) },
        { weight: 1, arbitrary: fc.constant(Symbol.for('missing')) },
      );
    const item = fc.record(
      Object.fromEntries(
        Object.entries(lineItemMemberValues).map(([name, values]) => [name, memberArbitrary(values)]),
      ),
    );
    let accepted = 0;
    fc.assert(
      fc.property(item, (generated) => {
        const raw = Object.fromEntries(
          Object.entries(generated).filter(([, value]) => value !== Symbol.for('missing')),
        );
        const zod = zodAnswer(raw);
        if (zod !== undefined) accepted += 1;
        expect(parseLineItemFast(raw)).toStrictEqual(zod);
      }),
      { numRuns: 5_000, seed: 18 },
    );
    // Both answers occur often: the property is not only about refusals.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(4_500);
  });

  it('answers a new object without the members the contract does not know', () => {
    const raw = { ...lineFixture(3), extra: 1 };
    const fast = parseLineItemFast(raw);
    expect(fast).not.toBe(raw);
    expect(fast).not.toHaveProperty('extra');
  });
});

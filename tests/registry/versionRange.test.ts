/**
 * Affected versions read as vers ranges (src/registry/versionRange.ts): constraints in version
 * order, each version once, as the vers specification requires (property-based).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReversedRange, readVersionRange } from '../../src/registry/versionRange.ts';

const version = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
/** Two versions, the first strictly before the second (compared part by part, as numbers). */
const ordered = fc
  .tuple(version, version)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => {
    const numbers = (text: string) => text.split('.').map(Number);
    const [x, y] = [numbers(a), numbers(b)];
    for (let index = 0; index < Math.max(x.length, y.length); index++) {
      const order = (x[index] ?? 0) - (y[index] ?? 0);
      if (order !== 0) return order < 0 ? [a, b] : [b, a];
    }
    return x.length < y.length ? [a, b] : [b, a];
  });

describe('version ranges', () => {
  it('read "a to b" as >=a|<=b when a comes before b', () => {
    fc.assert(
      fc.property(ordered, ([low, high]) => {
        expect(readVersionRange(`${low} to ${high}`)?.vers).toBe(`vers:generic/>=${low}|<=${high}`);
      }),
    );
  });

  it('refuse "b to a", which ends before it starts', () => {
    fc.assert(
      fc.property(ordered, ([low, high]) => {
        expect(readVersionRange(`${high} to ${low}`)).toBeUndefined();
        expect(isReversedRange(`${high} to ${low}`)).toBe(true);
      }),
    );
  });

  it('read "a to a" as the single version a, written once', () => {
    fc.assert(
      fc.property(version, (only) => {
        expect(readVersionRange(`${only} to ${only}`)?.vers).toBe(`vers:generic/${only}`);
      }),
    );
  });
});

/**
 * CVSS vectors are read strictly per the CVSS 3.1 (§6) and 4.0 (§7) specifications: every base
 * metric, once, in order; other metrics at most once; only the values each metric allows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCvss } from '../../src/registry/cvss.ts';

const BASE = {
  '3.1': { AV: 'NALP', AC: 'LH', PR: 'NLH', UI: 'NR', S: 'UC', C: 'HLN', I: 'HLN', A: 'HLN' },
  '4.0': {
    AV: 'NALP',
    AC: 'LH',
    AT: 'NP',
    PR: 'NLH',
    UI: 'NPA',
    VC: 'HLN',
    VI: 'HLN',
    VA: 'HLN',
    SC: 'HLN',
    SI: 'HLN',
    SA: 'HLN',
  },
} as const;

/** A valid base vector of either version, as [version, metric names, metric parts]. */
const baseVector = fc.constantFrom('3.1', '4.0').chain((version) => {
  const metrics = Object.entries(BASE[version]);
  return fc
    .tuple(...metrics.map(([name, values]) => fc.constantFrom(...values).map((value) => `${name}:${value}`)))
    .map((parts) => ({ version, names: metrics.map(([name]) => name), parts }));
});

describe('CVSS vectors', () => {
  it('accepts every base vector written in order with allowed values', () => {
    fc.assert(
      fc.property(baseVector, ({ version, parts }) => {
        expect(scoreCvss(`CVSS:${version}/${parts.join('/')}`).ok).toBe(true);
      }),
    );
  });

  it('refuses a vector that repeats a metric, naming it', () => {
    fc.assert(
      fc.property(baseVector, fc.nat(), fc.nat(), ({ version, parts }, which, where) => {
        const repeated = parts[which % parts.length]!;
        const withRepeat = [...parts];
        withRepeat.splice(parts.length - (where % 2), 0, repeated);
        const result = scoreCvss(`CVSS:${version}/${withRepeat.join('/')}`);
        expect(result.ok ? '' : result.message).toContain(
          `the metric ${repeated.split(':')[0]!} is given more than once: give it once`,
        );
      }),
    );
  });

  it('refuses base metrics out of order, naming the one that must come next', () => {
    fc.assert(
      fc.property(baseVector, fc.nat(), ({ version, names, parts }, at) => {
        const index = at % (parts.length - 1);
        const swapped = [...parts];
        [swapped[index], swapped[index + 1]] = [swapped[index + 1]!, swapped[index]!];
        const result = scoreCvss(`CVSS:${version}/${swapped.join('/')}`);
        expect(result.ok ? '' : result.message).toContain(
          `the base metric ${names[index]} must come next: give all of ${names.join(', ')}, in that order`,
        );
      }),
    );
  });

  it('scores "…/A:H/AV:L" as an error, not from the last AV', () => {
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L')).toEqual({
      ok: false,
      message:
        '"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L" is not a valid CVSS 3.1 vector: the metric AV is given more than once: give it once, e.g. "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"',
    });
  });

  it('names a value the metric does not allow', () => {
    const result = scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N');
    expect(result.ok ? '' : result.message).toContain('UI:R is not allowed: UI takes N, P or A');
  });

  it('refuses an unknown metric, an empty part and a repeated optional metric', () => {
    const base = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    const message = (vector: string) => {
      const result = scoreCvss(vector);
      return result.ok ? '' : result.message.split(' vector: ')[1]!.split(', e.g.')[0];
    };
    expect(message(`${base}/XX:N`)).toBe('"XX" is not a CVSS 3.1 metric');
    expect(message(`${base}/`)).toBe('it has an empty part (two "/" together, or one at the end): remove it');
    expect(message(`${base}/E:P/RL:O/E:H`)).toBe('the metric E is given more than once: give it once');
  });
});

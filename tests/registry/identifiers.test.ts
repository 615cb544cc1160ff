/**
 * CVE ids, CPE 2.3 names and purls are checked against their specifications, with a message
 * naming the part that is wrong (property-based: generated from each grammar, then broken).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CVE_ID, cpeProblem, purlProblem } from '../../src/registry/schema/identifiers.ts';

const cpeWord = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
const cpeParts = fc.tuple(
  fc.constantFrom('a', 'o', 'h'),
  cpeWord,
  cpeWord,
  fc.constantFrom('*', '-', '1.0', '5.x', 'r\\!2'),
);
const cpeName = (parts: string[], rest = '*:*:*:*:*:*:*') => `cpe:2.3:${parts.join(':')}:${rest}`;

describe('CVE ids', () => {
  it('accept CVE-YYYY-NNNN+ and refuse a short year, a short number or extra leading zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1999, max: 2999 }), fc.integer({ min: 1, max: 99_999_999 }), (year, number) => {
        const padded = String(number).padStart(4, '0');
        expect(CVE_ID.test(`CVE-${year}-${padded}`)).toBe(true);
        expect(CVE_ID.test(`CVE-${year}-0${padded}`)).toBe(false);
        expect(CVE_ID.test(`CVE-${String(year).slice(2)}-${padded}`)).toBe(false);
        expect(CVE_ID.test(`CVE-${year}-${String(number % 1000)}`)).toBe(false);
      }),
    );
  });
});

describe('CPE 2.3 names', () => {
  it('accept a formatted string of 13 parts', () => {
    fc.assert(
      fc.property(cpeParts, (parts) => {
        expect(cpeProblem(cpeName(parts))).toBeUndefined();
      }),
    );
  });

  it('refuse any other number of parts, saying how many there are', () => {
    fc.assert(
      fc.property(
        cpeParts,
        fc.integer({ min: 0, max: 12 }).filter((count) => count !== 7),
        (parts, count) => {
          const name = cpeName(parts, Array(count).fill('*').join(':'));
          const total = name.split(':').length;
          expect(cpeProblem(name)).toBe(`it has ${total} parts separated by ":"; a CPE 2.3 name has 13`);
        },
      ),
    );
  });

  it('refuse an unquoted special character in a value, naming the component', () => {
    fc.assert(
      fc.property(cpeParts, fc.constantFrom(' ', '@', '/', '!', '#', '%'), (parts, special) => {
        const broken = [...parts];
        broken[2] = `${parts[2]}${special}x`;
        expect(cpeProblem(cpeName(broken))).toBe(
          `the product "${broken[2]}" is not allowed: use letters, digits, ".", "_" and "-", put "\\" before any other character, or "*" for any`,
        );
        broken[2] = `${parts[2]}\\${special === ' ' ? '!' : special}x`;
        expect(cpeProblem(cpeName(broken))).toBeUndefined();
      }),
    );
  });
});

describe('package URLs', () => {
  const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/);
  it('accept pkg:type/namespace/name with percent-encoded segments', () => {
    fc.assert(
      fc.property(fc.constantFrom('generic', 'npm', 'maven', 'c++'), segment, segment, (type, namespace, name) => {
        expect(purlProblem(`pkg:${type}/${namespace}/${name}`)).toBeUndefined();
        expect(purlProblem(`pkg:${type}/${namespace}/${name}%20x`)).toBeUndefined();
      }),
    );
  });

  it('refuse a type starting with a digit, a raw space, a bad escape, a missing name and a version', () => {
    fc.assert(
      fc.property(segment, segment, (namespace, name) => {
        expect(purlProblem(`pkg:1x/${namespace}/${name}`)).toBe(
          'the type "1x" is not allowed: use letters, digits, ".", "+" and "-", not starting with a digit, e.g. "generic"',
        );
        expect(purlProblem(`pkg:generic/${namespace}/${name} x`)).toBe(
          `"${name} x" is not allowed: write spaces and other special characters percent-encoded, e.g. "%20"`,
        );
        expect(purlProblem(`pkg:generic/${namespace}/${name}%zz`)).toBe(
          `"${name}%zz" is not allowed: write spaces and other special characters percent-encoded, e.g. "%20"`,
        );
        expect(purlProblem(`pkg:generic/${namespace}/`)).toBe('the name is missing after the type: "pkg:type/name"');
        expect(purlProblem(`pkg:generic/${namespace}/${name}@1.0`)).toBe(
          'leave out the version ("@…"), qualifiers ("?…") and subpath ("#…"): the release line is added as the version',
        );
      }),
    );
  });
});

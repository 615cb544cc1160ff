/**
 * OpenEoX Core records as built for the demo: each validates against the official Core schema
 * and passes the project's own copy of the conformance tests; the reference examples prove the
 * checks accept what they should, and the specification's failing examples that they refuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_DIR } from '../../support/builtSite.ts';
import { errorsOf, newAjv, readReference, REFERENCE_SCHEMAS } from '../csaf/referenceSchemas.ts';
import { conformanceFailures } from './conformance.ts';

interface EoxFile {
  releaseLines: { name: string; eox: Record<string, unknown> }[];
}

function coreValidator() {
  const ajv = newAjv();
  // meta.json builds on the 2020-12 format-assertion vocabulary, which ajv does not ship: a
  // stand-in meta-schema with that $id lets it load (SOURCES.md).
  ajv.addMetaSchema({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://json-schema.org/draft/2020-12/meta/format-assertion',
    $dynamicAnchor: 'meta',
    type: ['object', 'boolean'],
    properties: { format: { type: 'string' } },
  });
  ajv.addMetaSchema(readReference('openeox/schema/meta.json'));
  return ajv.compile(readReference('openeox/schema/eox-core.json'));
}

const products = readdirSync(path.join(DEMO_SITE_DIR, 'api', 'v1', 'products'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const eoxFile = (slug: string) =>
  JSON.parse(readFileSync(path.join(DEMO_SITE_DIR, 'api', 'v1', 'products', slug, 'eox.json'), 'utf8')) as EoxFile;
const records = products.flatMap((slug) =>
  eoxFile(slug).releaseLines.map((releaseLine) => ({ id: `${slug}/${releaseLine.name}`, eox: releaseLine.eox })),
);

describe('the demo OpenEoX records', () => {
  it('exist for every product, one per release line', () => {
    expect(products).toEqual([
      'directory-connector',
      'edge-gateway',
      'endpoint-agent',
      'identity-server',
      'insight-server',
      'mobile-sdk',
      'vault-backup',
    ]);
    expect(records).toHaveLength(20);
  });

  it('validate against the OpenEoX Core schema', () => {
    const validate = coreValidator();
    const invalid = records.flatMap((record) =>
      validate(record.eox) ? [] : [`${record.id}: ${errorsOf(validate).join('; ')}`],
    );
    expect(invalid).toEqual([]);
  });

  it('pass every conformance test, mandatory, recommended and informative', () => {
    expect(records.filter((record) => conformanceFailures(record.eox).length > 0)).toEqual([]);
  });

  it('say "tba" for what is not announced and give the last moment of each last day', () => {
    const [current, previous] = eoxFile('edge-gateway').releaseLines;
    expect(current?.eox).toEqual({
      $schema: 'https://docs.oasis-open.org/openeox/v1.0/schema/core.json',
      general_availability: '2026-01-20T00:00:00Z',
      end_of_sales: 'tba',
      end_of_security_support: 'tba',
      end_of_life: 'tba',
      last_updated: '2026-01-20T00:00:00Z',
    });
    expect(previous?.eox).toMatchObject({
      general_availability: '2023-10-02T00:00:00Z',
      end_of_sales: '2026-01-19T23:59:59Z',
      end_of_security_support: '2027-09-30T23:59:59Z',
      end_of_life: '2027-09-30T23:59:59Z',
    });
  });

  it('leave out an unannounced end of sales once end of life has a date (recommended test 7.2.1)', () => {
    const mobile1x = eoxFile('mobile-sdk').releaseLines.find((releaseLine) => releaseLine.name === '1.x');
    expect(mobile1x?.eox).not.toHaveProperty('end_of_sales');
    expect(mobile1x?.eox['end_of_life']).toBe('2025-01-31T23:59:59Z');
  });

  it('are refused by the schema when a date has no offset', () => {
    const validate = coreValidator();
    expect(validate({ ...records[0]?.eox, end_of_life: '2027-09-30T23:59:59' })).toBe(false);
  });
});

describe('the conformance checks', () => {
  const examples = readdirSync(path.join(REFERENCE_SCHEMAS, 'openeox', 'examples')).filter((name) =>
    name.endsWith('.json'),
  );
  const example = (name: string) => readReference(`openeox/examples/${name}`);
  const base = {
    $schema: 'https://docs.oasis-open.org/openeox/v1.0/schema/core.json',
    last_updated: '2025-11-19T16:00:00Z',
  };

  it('find no mandatory failure in any reference example, which the Core schema accepts too', () => {
    const validate = coreValidator();
    expect(examples).toHaveLength(7);
    for (const name of examples) {
      const mandatory = conformanceFailures(example(name)).filter((result) => result.test.startsWith('7.1.'));
      expect({ name, mandatory, valid: validate(example(name)) }).toEqual({ name, mandatory: [], valid: true });
    }
  });

  it('flag only the example with "tba" security support beside a dated end of life, as recommended test 7.2.1 says', () => {
    const flagged = examples.filter((name) => conformanceFailures(example(name)).length > 0);
    expect(flagged).toEqual(['oasis_openeox_tc-core-1_0-2025-minimal-eoss-tba.json']);
    expect(conformanceFailures(example('oasis_openeox_tc-core-1_0-2025-minimal-eoss-tba.json'))).toEqual([
      { test: '7.2.1', failures: ['/end_of_security_support'] },
    ]);
  });

  it('take time zones into account when ordering (the reference time-zone example)', () => {
    const timezones = example('oasis_openeox_tc-core-1_0-2025-timezones.json');
    expect(conformanceFailures(timezones)).toEqual([]);
    // The same wall-clock times in UTC would put end of sales after end of life.
    expect(
      conformanceFailures({
        ...timezones,
        end_of_life: '2025-11-25T10:00:00Z',
        end_of_sales: '2025-11-27T03:00:00Z',
        end_of_security_support: '2025-11-26T10:00:00Z',
      }).map((result) => result.test),
    ).toEqual(['7.1.1', '7.3.1']);
  });

  it('refuse an end of life before end of security support (7.1.1)', () => {
    expect(
      conformanceFailures({
        ...base,
        end_of_life: '2025-11-19T16:00:00Z',
        end_of_security_support: '2025-12-31T12:00:00Z',
      }),
    ).toEqual([{ test: '7.1.1', failures: ['/end_of_life'] }]);
  });

  it('refuse a space instead of "T", a lower-case "z", a missing offset and a leap second (7.1.2)', () => {
    for (const endOfLife of [
      '2025-12-31 12:00:00Z',
      '2025-12-31t12:00:00Z',
      '2025-12-31T12:00:00z',
      '2025-12-31T12:00:00',
      '2025-12-31T23:59:60Z',
    ]) {
      expect(conformanceFailures({ ...base, end_of_life: endOfLife, end_of_security_support: 'tba' })).toContainEqual({
        test: '7.1.2',
        failures: ['/end_of_life'],
      });
    }
  });

  it('refuse a general availability after another date (7.1.3)', () => {
    expect(
      conformanceFailures({
        ...base,
        end_of_life: 'tba',
        end_of_security_support: '2025-11-19T16:00:00Z',
        general_availability: '2026-01-21T17:00:00Z',
      }),
    ).toEqual([{ test: '7.1.3', failures: ['/general_availability'] }]);
  });

  it('flag "tba" beside a dated end of life (7.2.1) and "tba" availability beside a date (7.2.2)', () => {
    expect(
      conformanceFailures({ ...base, end_of_life: '2025-09-01T12:00:00Z', end_of_security_support: 'tba' }),
    ).toEqual([{ test: '7.2.1', failures: ['/end_of_security_support'] }]);
    expect(
      conformanceFailures({
        ...base,
        end_of_life: 'tba',
        end_of_security_support: '2025-06-17T14:00:00Z',
        general_availability: 'tba',
      }),
    ).toEqual([{ test: '7.2.2', failures: ['/general_availability'] }]);
  });

  it('flag an end of sales after end of security support (7.3.1)', () => {
    expect(
      conformanceFailures({
        ...base,
        end_of_life: '2026-12-31T12:00:00Z',
        end_of_sales: '2025-12-31T12:00:00Z',
        end_of_security_support: '2025-11-19T16:00:00Z',
      }),
    ).toEqual([{ test: '7.3.1', failures: ['/end_of_sales'] }]);
  });
});

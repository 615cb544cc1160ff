/**
 * The JSON API v1 as built for the demo: every response validates against the published schema
 * (api/v1/schema.json), carries schema_version and generated_at, and states support as explicit
 * pairs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_DIR } from '../../support/builtSite.ts';
import { errorsOf, newAjv } from '../csaf/referenceSchemas.ts';

const API = path.join(DEMO_SITE_DIR, 'api', 'v1');
const readJson = (relativePath: string) =>
  JSON.parse(readFileSync(path.join(API, relativePath), 'utf8')) as Record<string, unknown>;
const schema = readJson('schema.json');
const productSlugs = readdirSync(path.join(API, 'products'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

/** Every response the build wrote, with the schema definition it must follow. */
const responses: [file: string, definition: string][] = [
  ['index.json', 'index'],
  ['products.json', 'products'],
  ['incidents.json', 'incidents'],
  ['advisories.json', 'advisories'],
  ...productSlugs.flatMap((slug): [string, string][] => [
    [`products/${slug}.json`, 'product'],
    [`products/${slug}/eox.json`, 'eox'],
  ]),
];

function validatorFor(definition: string) {
  const ajv = newAjv();
  ajv.addSchema(schema);
  const validate = ajv.getSchema(`${String(schema['$id'])}#/$defs/${definition}`);
  if (!validate) throw new Error(`no definition ${definition}`);
  return validate;
}

describe('the API schema', () => {
  it('is a valid draft 2020-12 schema with an absolute $id', () => {
    const ajv = newAjv();
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema['$id']).toBe('https://trust.kestrel.example/api/v1/schema.json');
  });
});

describe('every API response', () => {
  it('is one of the 18 files the build wrote', () => {
    expect(responses).toHaveLength(4 + 2 * 7);
  });

  it('validates against its definition in the published schema', () => {
    const invalid = responses.flatMap(([file, definition]) => {
      const validate = validatorFor(definition);
      return validate(readJson(file)) ? [] : [`${file}: ${errorsOf(validate).join('; ')}`];
    });
    expect(invalid).toEqual([]);
  });

  it('has schema_version and generated_at, the build time', () => {
    for (const [file] of responses) {
      expect({ file, ...readJson(file) }).toMatchObject({
        file,
        schema_version: '1.0',
        generated_at: '2026-11-22T23:59:59Z',
      });
    }
  });

  it('is refused by the schema when it has a field the schema does not describe', () => {
    const validate = validatorFor('products');
    expect(validate({ ...readJson('products.json'), eol: false })).toBe(false);
  });
});

describe('a product response', () => {
  const releaseLines = (slug: string) =>
    (readJson(`products/${slug}.json`) as { product: { releaseLines: Record<string, unknown>[] } }).product
      .releaseLines;

  it('states an ended release line as explicit pairs', () => {
    expect(releaseLines('edge-gateway').find((line) => line['name'] === '4.x')).toMatchObject({
      isSupported: false,
      supportedUntil: '2025-06-30',
      isEol: true,
      eolFrom: '2025-07-01',
      currentPhase: null,
      noticeGiven: { announced: '2024-03-15', months: 15 },
      successor: { product: 'edge-gateway', releaseLine: '6.x' },
    });
  });

  it('links the CSAF document of an incident that concerns security, and null for the others', () => {
    const incidents = readJson('incidents.json')['incidents'] as { id: string; security: boolean; csaf: unknown }[];
    expect(incidents.filter((incident) => incident.csaf !== null)).toEqual([
      expect.objectContaining({
        id: 'INC-2025-0027',
        security: true,
        csaf: 'https://trust.kestrel.example/.well-known/csaf/white/2025/inc-2025-0027.json',
      }),
    ]);
  });

  it('gives null, not false, for an end of support that is to be announced', () => {
    expect(releaseLines('edge-gateway').find((line) => line['name'] === '6.x')).toMatchObject({
      isSupported: true,
      supportedUntil: null,
      isEol: false,
      eolFrom: null,
      currentPhase: { level: 'full', from: '2026-01-20', until: null },
      noticeGiven: null,
      successor: null,
    });
  });
});

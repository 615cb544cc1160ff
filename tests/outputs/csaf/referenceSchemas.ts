/**
 * The official schemas, copied into tests/fixtures/schemas/ (its README gives each file's source,
 * version and licence), compiled with ajv for draft 2020-12 plus ajv-formats.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT } from '../../support/builtSite.ts';

export const REFERENCE_SCHEMAS = path.join(ROOT, 'tests', 'fixtures', 'schemas');

export function readReference(relativePath: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(REFERENCE_SCHEMAS, relativePath), 'utf8')) as Record<string, unknown>;
}

export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats.default as (ajv: Ajv2020) => Ajv2020)(ajv);
  return ajv;
}

/** CSAF 2.0 schemas: the CVSS v2.0/v3.0 files are draft-04 without $id, so each is registered under its URL. */
export function csafSchemaValidator(
  schemaFile: 'provider_json_schema.json' | 'ROLIE_feed_json_schema.json',
): ValidateFunction {
  const ajv = newAjv();
  ajv.opts.validateSchema = false;
  for (const version of ['2.0', '3.0', '3.1']) {
    // Draft-04 names its id "id"; ajv for 2020-12 refuses that keyword, and the URL below replaces it.
    const cvss = Object.fromEntries(
      Object.entries(readReference(`csaf-2.0/cvss-v${version}.json`)).filter(
        ([key]) => key !== '$schema' && key !== 'id',
      ),
    );
    ajv.addSchema(cvss, `https://www.first.org/cvss/cvss-v${version}.json`);
  }
  ajv.addSchema(readReference('csaf-2.0/csaf_json_schema.json'));
  return ajv.compile(readReference(`csaf-2.0/${schemaFile}`));
}

/** "instancePath message" lines: what a failing assertion shows. */
export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

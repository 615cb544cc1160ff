/**
 * The JSON Schema (draft 2020-12) of every API v1 response, published at api/v1/schema.json.
 * Each response has a definition under `$defs` (index, products, product, incidents, advisories,
 * eox); the tests validate every built response against it, so the published contract cannot
 * drift from what the build writes. Unknown properties are refused: an addition is a deliberate
 * schema change (and a new minor schema_version).
 */
import type { Registry } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';
import { API_SCHEMA_VERSION } from './envelope.ts';

const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableDate = { anyOf: [date, { type: 'null' }] } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const url = { type: 'string', format: 'uri', pattern: '^https://' } as const;
const boolean = { type: 'boolean' } as const;

function object(properties: Record<string, unknown>, description?: string) {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    required: Object.keys(properties),
    properties,
    additionalProperties: false,
  };
}

const response = (description: string, properties: Record<string, unknown>) =>
  object(
    {
      schema_version: { const: API_SCHEMA_VERSION, description: 'Version of this schema the response follows.' },
      generated_at: { ...dateTime, description: 'The build time the data is as of (UTC).' },
      ...properties,
    },
    description,
  );

const identifiers = object({
  purl: { ...nullableString, description: 'Package URL without version.' },
  cpe: { ...nullableString, description: 'CPE 2.3 name, version part "*".' },
});

const productSummary = {
  slug: string,
  name: string,
  summary: string,
  category: string,
  status: { enum: ['supported', 'ending-soon', 'ended'] },
  identifiers,
  links: object({ html: url, api: url, eox: url }),
};

const phase = object({
  level: string,
  name: string,
  includesSecurityFixes: boolean,
  from: date,
  until: { ...nullableDate, description: 'Last day of the phase; null while to be announced.' },
});

const releaseLine = object({
  name: string,
  releasedOn: date,
  isReleased: boolean,
  isSupported: boolean,
  supportedUntil: { ...nullableDate, description: 'Last day of support; null while to be announced.' },
  isEol: boolean,
  eolFrom: { ...nullableDate, description: 'First day without support; null while to be announced.' },
  endOfSalesOn: nullableDate,
  endOfSecuritySupportOn: nullableDate,
  statusLabel: string,
  currentPhase: {
    anyOf: [
      object({ level: string, name: string, from: date, until: nullableDate }),
      { type: 'null', description: 'Before release and after the end of support.' },
    ],
  },
  phases: { type: 'array', minItems: 1, items: phase },
  noticeGiven: {
    anyOf: [
      object({ announced: date, months: { type: 'integer', minimum: 0 } }, 'The end-of-support notice.'),
      { type: 'null', description: 'No end-of-support date announced yet.' },
    ],
  },
  successor: { anyOf: [object({ product: string, releaseLine: string, url }), { type: 'null' }] },
});

const incident = object({
  id: string,
  title: string,
  kind: { enum: ['incident', 'maintenance'] },
  impact: { enum: ['none', 'minor', 'major', 'critical'] },
  security: boolean,
  csaf: {
    anyOf: [url, { type: 'null' }],
    description: 'The CSAF 2.0 security incident response document, when the incident concerns security.',
  },
  state: { enum: ['active', 'scheduled', 'resolved'] },
  startedAt: dateTime,
  resolvedAt: { anyOf: [dateTime, { type: 'null' }] },
  window: { anyOf: [object({ start: dateTime, end: dateTime }), { type: 'null' }] },
  affects: {
    type: 'array',
    items: object({ product: string, releaseLines: { anyOf: [{ type: 'array', items: string }, { type: 'null' }] } }),
  },
  updates: {
    type: 'array',
    minItems: 1,
    items: object({
      at: dateTime,
      status: {
        enum: ['investigating', 'identified', 'monitoring', 'resolved', 'scheduled', 'in-progress', 'completed'],
      },
      text: { ...string, description: 'Markdown.' },
    }),
  },
  hasPostIncidentReport: boolean,
  url,
});

const severity = { enum: ['none', 'low', 'medium', 'high', 'critical'] };

const advisory = object({
  id: string,
  title: string,
  summary: string,
  status: { enum: ['interim', 'final'] },
  cves: { type: 'array', items: { type: 'string', pattern: '^CVE-\\d{4}-\\d{4,}$' } },
  cvss: object({
    version: { enum: ['3.1', '4.0'] },
    vector: { type: 'string', pattern: '^CVSS:(3\\.1|4\\.0)/' },
    score: { type: 'number', minimum: 0, maximum: 10 },
    severity,
  }),
  affects: {
    type: 'array',
    minItems: 1,
    items: object({ product: string, releaseLine: string, affected: string, fixed: nullableString }),
  },
  remediations: {
    type: 'array',
    minItems: 1,
    items: object({
      kind: { enum: ['fix', 'workaround', 'mitigation', 'none'] },
      text: { ...string, description: 'Markdown.' },
      url: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
    }),
  },
  credits: { type: 'array', items: string },
  publishedOn: date,
  updatedOn: date,
  revisions: { type: 'array', minItems: 1, items: object({ date, summary: string }) },
  url,
  csaf: { ...url, description: 'The CSAF 2.0 document of this advisory.' },
});

const eoxTimestamp = { anyOf: [dateTime, { const: 'tba' }] };

export function apiSchema(registry: Registry) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: absoluteUrl(registry.vendor, paths.apiSchema()),
    title: `${registry.vendor.name} trust portal API v1`,
    description: 'Every response of the API; each is described by one of the definitions under $defs.',
    $defs: {
      index: response('api/v1/index.json: the endpoints.', {
        vendor: string,
        schema: url,
        documentation: url,
        endpoints: object({ products: url, product: string, eox: string, incidents: url, advisories: url }),
      }),
      products: response('api/v1/products.json: every product with its release lines in brief.', {
        products: {
          type: 'array',
          items: object({
            ...productSummary,
            releaseLines: {
              type: 'array',
              items: object({ name: string, isSupported: boolean, supportedUntil: nullableDate }),
            },
          }),
        },
      }),
      product: response('api/v1/products/<slug>.json: one product and its release lines.', {
        product: object({
          ...productSummary,
          supportOwner: string,
          docs: object({ updates: url, secureUse: url }),
          releaseLines: { type: 'array', minItems: 1, items: releaseLine },
        }),
      }),
      incidents: response('api/v1/incidents.json: incidents and maintenance, newest first.', {
        incidents: { type: 'array', items: incident },
      }),
      advisories: response('api/v1/advisories.json: security advisories, newest first.', {
        advisories: { type: 'array', items: advisory },
      }),
      eox: response('api/v1/products/<slug>/eox.json: an OpenEoX Core 1.0 record per release line.', {
        product: object({ slug: string, name: string, url }),
        releaseLines: {
          type: 'array',
          minItems: 1,
          items: object({
            name: string,
            identifiers: object({ purl: nullableString, cpe: nullableString }),
            eox: {
              type: 'object',
              description: 'An OpenEoX Core 1.0 record (https://docs.oasis-open.org/openeox/v1.0/schema/core.json).',
              required: ['$schema', 'end_of_life', 'end_of_security_support', 'last_updated'],
              properties: {
                $schema: { const: 'https://docs.oasis-open.org/openeox/v1.0/schema/core.json' },
                general_availability: eoxTimestamp,
                end_of_sales: eoxTimestamp,
                end_of_security_support: eoxTimestamp,
                end_of_life: eoxTimestamp,
                last_updated: dateTime,
              },
              additionalProperties: false,
            },
          }),
        },
      }),
    },
  };
}

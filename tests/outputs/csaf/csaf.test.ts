/**
 * The CSAF 2.0 provider as built for the demo: every document passes the schema and mandatory
 * tests of the BSI validator library; the provider metadata and ROLIE feed validate against the
 * official schemas; hashes, index.txt and changes.csv agree with the files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as mandatoryTests from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js';
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js';
import * as openpgp from 'openpgp';
import { afterEach, describe, expect, it } from 'vitest';
import { csafAdvisoryDocument } from '../../../src/outputs/csaf/advisoryDocument.ts';
import { csafFileName } from '../../../src/outputs/csaf/location.ts';
import { csafFiles, providerMetadata } from '../../../src/outputs/csaf/provider.ts';
import { readSigningKey, signDetached } from '../../../src/outputs/signing/openpgp.ts';
import { checkFixture } from '../../support/checkFixture.ts';
import { advisory, createContent, markdownFile, product, type Fixture } from '../../support/contentFixture.ts';
import { DEMO_SITE_DIR } from '../../support/builtSite.ts';
import { demoRegistry } from '../api/demoRegistry.ts';
import { csafSchemaValidator, errorsOf } from './referenceSchemas.ts';

const WHITE = path.join(DEMO_SITE_DIR, '.well-known', 'csaf', 'white');
const read = (...parts: string[]) => readFileSync(path.join(DEMO_SITE_DIR, '.well-known', 'csaf', ...parts), 'utf8');
const readJson = (...parts: string[]) => JSON.parse(read(...parts)) as Record<string, unknown>;

/** "2025/ksa-2025-0006.json" for every document in the year folders. */
function builtDocuments(): string[] {
  return readdirSync(WHITE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((year) =>
      readdirSync(path.join(WHITE, year.name))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `${year.name}/${name}`),
    )
    .sort();
}

describe('the CSAF documents', () => {
  it('are one per advisory and per security incident, in the folder of their initial release year', () => {
    expect(builtDocuments()).toEqual([
      '2025/inc-2025-0027.json',
      '2025/ksa-2025-0006.json',
      '2025/ksa-2025-0014.json',
      '2026/ksa-2026-0002.json',
      '2026/ksa-2026-0004.json',
      '2026/ksa-2026-0007.json',
      '2026/ksa-2026-0009.json',
      '2026/ksa-2026-0012.json',
    ]);
  });

  it('pass the CSAF 2.0 strict schema and every mandatory test with no errors', async () => {
    const failures: string[] = [];
    for (const document of builtDocuments()) {
      const result = await validateStrict(
        [csaf_2_0_strict, ...Object.values(mandatoryTests)],
        readJson('white', document),
      );
      for (const test of result.tests) {
        for (const error of test.errors)
          failures.push(`${document} ${test.name} ${error.instancePath} ${error.message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(builtDocuments()).toHaveLength(8);
  });

  it('are refused by the validator when a product status names a product that does not exist', async () => {
    const document = readJson('white', '2025', 'ksa-2025-0006.json') as {
      vulnerabilities: { product_status: { known_affected: string[] } }[];
    };
    document.vulnerabilities[0]?.product_status.known_affected.push('no-such-product');
    const result = await validateStrict([...Object.values(mandatoryTests)], document);
    expect(result.isValid).toBe(false);
  });

  it('carry the tracking data of the advisory: id, status, version and revision history', () => {
    const { tracking } = (
      readJson('white', '2025', 'ksa-2025-0006.json') as { document: { tracking: Record<string, unknown> } }
    ).document;
    expect(tracking).toMatchObject({
      id: 'KSA-2025-0006',
      status: 'final',
      version: '3',
      initial_release_date: '2025-04-08T00:00:00.000Z',
      current_release_date: '2025-04-24T00:00:00.000Z',
      revision_history: [
        {
          number: '1',
          date: '2025-04-08T00:00:00.000Z',
          summary: 'Initial publication. Fixed version 5.4.2 available for 5.x; a fix for 4.x is in preparation.',
        },
        { number: '2', date: '2025-04-15T00:00:00.000Z', summary: 'Added fixed version 4.9.7 for 4.x.' },
        expect.objectContaining({ number: '3', date: '2025-04-24T00:00:00.000Z' }),
      ],
    });
    // The engine without the build's date: a rebuild writes the same document (its revisions date it).
    expect(tracking['generator']).toEqual({ engine: { name: 'Trustline' } });
  });

  it('give each affected range as a vers range under its vendor and product, beside its fixed version', () => {
    const document = readJson('white', '2025', 'ksa-2025-0006.json') as {
      product_tree: { branches: unknown[]; full_product_names?: unknown[] };
      vulnerabilities: { cve: string; product_status: unknown; scores: unknown[] }[];
    };
    const anyVersion = {
      cpe: 'cpe:2.3:o:kestrel:edge_gateway_firmware:*:*:*:*:*:*:*:*',
      purl: 'pkg:generic/kestrel/edge-gateway',
    };
    const version = (number: string) => ({
      cpe: `cpe:2.3:o:kestrel:edge_gateway_firmware:${number}:*:*:*:*:*:*:*`,
      purl: `pkg:generic/kestrel/edge-gateway@${number}`,
    });
    expect(document.product_tree.full_product_names).toBeUndefined();
    expect(document.product_tree.branches).toEqual([
      {
        category: 'vendor',
        name: 'Kestrel Software',
        branches: [
          {
            category: 'product_name',
            name: 'Kestrel Edge Gateway',
            branches: [
              {
                category: 'product_version_range',
                name: 'vers:generic/>=5.0.0|<=5.4.1',
                product: {
                  name: 'Kestrel Edge Gateway 5.x (versions 5.0.0 to 5.4.1)',
                  product_id: 'edge-gateway-5.x-affected',
                  product_identification_helper: anyVersion,
                },
              },
              {
                category: 'product_version',
                name: '5.4.2',
                product: {
                  name: 'Kestrel Edge Gateway 5.4.2',
                  product_id: 'edge-gateway-5.x-fixed-5.4.2',
                  product_identification_helper: version('5.4.2'),
                },
              },
              {
                category: 'product_version_range',
                name: 'vers:generic/>=4.0.0|<=4.9.6',
                product: {
                  name: 'Kestrel Edge Gateway 4.x (versions 4.0.0 to 4.9.6)',
                  product_id: 'edge-gateway-4.x-affected',
                  product_identification_helper: anyVersion,
                },
              },
              {
                category: 'product_version',
                name: '4.9.7',
                product: {
                  name: 'Kestrel Edge Gateway 4.9.7',
                  product_id: 'edge-gateway-4.x-fixed-4.9.7',
                  product_identification_helper: version('4.9.7'),
                },
              },
            ],
          },
        ],
      },
    ]);
    expect(document.vulnerabilities[0]?.cve).toBe('CVE-2025-31874');
    expect(document.vulnerabilities[0]?.product_status).toEqual({
      fixed: ['edge-gateway-5.x-fixed-5.4.2', 'edge-gateway-4.x-fixed-4.9.7'],
      known_affected: ['edge-gateway-5.x-affected', 'edge-gateway-4.x-affected'],
    });
    expect(document.vulnerabilities[0]?.scores).toEqual([
      {
        cvss_v3: {
          baseScore: 9.8,
          baseSeverity: 'CRITICAL',
          vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          version: '3.1',
        },
        products: ['edge-gateway-5.x-affected', 'edge-gateway-4.x-affected'],
      },
    ]);
  });

  it('map remediations to vendor_fix, mitigation and none_available where a line has no fix yet', () => {
    const document = readJson('white', '2026', 'ksa-2026-0012.json') as {
      vulnerabilities: { remediations: { category: string; product_ids: string[]; details: string }[] }[];
    };
    expect(
      document.vulnerabilities[0]?.remediations.map(({ category, product_ids }) => ({ category, product_ids })),
    ).toEqual([
      { category: 'vendor_fix', product_ids: ['edge-gateway-6.x-affected'] },
      { category: 'mitigation', product_ids: ['edge-gateway-6.x-affected', 'edge-gateway-5.x-affected'] },
      { category: 'none_available', product_ids: ['edge-gateway-5.x-affected'] },
    ]);
    expect(document.vulnerabilities[0]?.remediations[2]?.details).toBe(
      'No fixed version has been published yet for Kestrel Edge Gateway 5.x.',
    );
  });

  it('carry a CVSS 4.0 vector in a note, since CSAF 2.0 scores hold CVSS 2 and 3 only', () => {
    const document = readJson('white', '2026', 'ksa-2026-0009.json') as {
      vulnerabilities: { notes: { category: string; title: string; text: string }[]; scores?: unknown }[];
    };
    const vulnerability = document.vulnerabilities[0];
    expect(vulnerability?.scores).toBeUndefined();
    expect(vulnerability?.notes.find((note) => note.title === 'CVSS v4.0')).toEqual({
      category: 'other',
      text: expect.stringMatching(/^CVSS:4\.0\/AV:.* \(base score \d+\.\d, (low|medium|high|critical)\)$/) as unknown,
      title: 'CVSS v4.0',
    });
  });

  it('are named by the CSAF 2.0 §5.1 rule', () => {
    expect(csafFileName('Example Company - 2019-YH3234')).toBe('example_company_-_2019-yh3234.json');
    expect(csafFileName('KSA-2025-0006')).toBe('ksa-2025-0006.json');
    expect(csafFileName('rhsa-2019:1862+a')).toBe('rhsa-2019_1862+a.json');
  });

  it('each have a .sha512 file holding the hash of their exact bytes and their name', () => {
    const mismatches = builtDocuments().filter((document) => {
      const bytes = readFileSync(path.join(WHITE, document));
      const expected = `${createHash('sha512').update(bytes).digest('hex')}  ${path.basename(document)}\n`;
      return readFileSync(path.join(WHITE, `${document}.sha512`), 'utf8') !== expected;
    });
    expect(mismatches).toEqual([]);
  });
});

describe('the directory distribution', () => {
  it('lists exactly the documents in index.txt', () => {
    expect(read('white', 'index.txt').split('\n').filter(Boolean).sort()).toEqual(builtDocuments());
  });

  it('lists exactly the documents in changes.csv, quoted, newest change first', () => {
    const rows = read('white', 'changes.csv').split('\n').filter(Boolean);
    expect(rows.map((row) => /^"([^"]+)","[^"]+"$/.exec(row)?.[1]).sort()).toEqual(builtDocuments());
    const dates = rows.map((row) => row.split(',')[1]);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(rows[0]).toBe('"2026/ksa-2026-0012.json","2026-11-20T00:00:00.000Z"');
  });

  it('has a plain listing in each folder that links every file in it', () => {
    const listing = read('white', '2025', 'index.html');
    for (const name of readdirSync(path.join(WHITE, '2025')).filter((file) => file !== 'index.html')) {
      expect(listing).toContain(`<a href="${name}">${name}</a>`);
    }
    expect(read('white', 'index.html')).toContain('<a href="2026/">2026/</a>');
    expect(listing).not.toMatch(/<script|<style|style=/);
  });
});

describe('provider-metadata.json', () => {
  it('validates against the CSAF 2.0 provider schema', () => {
    const validate = csafSchemaValidator('provider_json_schema.json');
    const valid = validate(readJson('provider-metadata.json'));
    expect(errorsOf(validate)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names a CSAF provider with the directory and the ROLIE feed, unsigned', () => {
    expect(readJson('provider-metadata.json')).toMatchObject({
      canonical_url: 'https://trust.kestrel.example/.well-known/csaf/provider-metadata.json',
      distributions: [
        {
          directory_url: 'https://trust.kestrel.example/.well-known/csaf/white/',
          rolie: {
            feeds: [
              {
                tlp_label: 'WHITE',
                url: 'https://trust.kestrel.example/.well-known/csaf/white/csaf-feed-tlp-white.json',
              },
            ],
          },
        },
      ],
      metadata_version: '2.0',
      publisher: { category: 'vendor', name: 'Kestrel Software', namespace: 'https://kestrel.example' },
      role: 'csaf_provider',
    });
  });

  it('is refused by the schema when the role is unknown', () => {
    const validate = csafSchemaValidator('provider_json_schema.json');
    expect(validate({ ...readJson('provider-metadata.json'), role: 'csaf_vendor' })).toBe(false);
  });

  it('names a trusted provider with its public key when the build signs, and still validates', () => {
    const metadata = providerMetadata(demoRegistry(), { fingerprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678' });
    const validate = csafSchemaValidator('provider_json_schema.json');
    expect(validate(metadata)).toBe(true);
    expect(metadata.role).toBe('csaf_trusted_provider');
    expect(metadata.public_openpgp_keys).toEqual([
      {
        fingerprint: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
        url: 'https://trust.kestrel.example/.well-known/csaf/openpgp/A1B2C3D4E5F60718293A4B5C6D7E8F9012345678.asc',
      },
    ]);
  });
});

describe('the security incident response', () => {
  it('tells the incident in notes, with each update and the post-incident report as revisions', () => {
    const { document } = readJson('white', '2025', 'inc-2025-0027.json') as {
      document: {
        category: string;
        notes: { category: string; title: string }[];
        references: { category: string; url: string }[];
        tracking: Record<string, unknown> & { revision_history: { number: string; date: string; summary: string }[] };
      };
    };
    expect(document.category).toBe('csaf_security_incident_response');
    expect(document.notes.map((note) => `${note.category}: ${note.title}`)).toEqual([
      'summary: Summary',
      'description: Description',
      'general: What customers should do',
      'details: Update 2025-08-12T09:20:00Z (investigating)',
      'details: Update 2025-08-12T13:05:00Z (identified)',
      'details: Update 2025-08-12T17:40:00Z (monitoring)',
      'details: Update 2025-08-13T15:30:00Z (monitoring)',
      'details: Update 2025-08-14T15:00:00Z (monitoring)',
      'details: Update 2025-08-15T16:00:00Z (resolved)',
      'details: Root cause',
      'general: Preventive measures',
    ]);
    expect(document.references).toContainEqual({
      category: 'external',
      summary: 'This incident (web page)',
      url: 'https://trust.kestrel.example/incidents/INC-2025-0027/',
    });
    const { revision_history: history, ...tracking } = document.tracking;
    expect(tracking).toMatchObject({
      id: 'INC-2025-0027',
      status: 'final',
      version: '7',
      initial_release_date: '2025-08-12T09:20:00Z',
      current_release_date: history.at(-1)?.date,
    });
    expect(history.map((revision) => `${revision.number} ${revision.summary}`)).toEqual([
      '1 Update: investigating',
      '2 Update: identified',
      '3 Update: monitoring',
      '4 Update: monitoring',
      '5 Update: monitoring',
      '6 Update: resolved',
      '7 Post-incident report',
    ]);
  });

  it('is linked from the incident page', () => {
    const page = readFileSync(path.join(DEMO_SITE_DIR, 'incidents', 'INC-2025-0027', 'index.html'), 'utf8');
    expect(page).toContain('<a href="/.well-known/csaf/white/2025/inc-2025-0027.json">');
  });
});

describe('affected versions written as free text', () => {
  it('are warned about by check, and name the whole release line in CSAF', () => {
    const fixture = createContent();
    fixture.write(
      'advisories/FSA-2026-0001.md',
      markdownFile({ ...advisory, affects: [{ ...advisory.affects[0], affected: 'builds before March 2026' }] }),
    );
    const { result, warnings } = checkFixture(fixture);
    fixture.cleanup();
    expect(warnings).toContain(
      'advisories/FSA-2026-0001.md:14 affects[0].affected: "builds before March 2026" is not a version range vulnerability tools can match, so the CSAF document names all of 1.x as affected: write "5.0.0 to 5.4.1", "< 5.4.2" or "<= 5.4.1", optionally followed by a note such as "(Windows)"',
    );
    const registry = result.registry!;
    const document = csafAdvisoryDocument(registry, registry.advisories[0]!);
    expect(document.product_tree).toEqual({
      full_product_names: [
        {
          name: 'Fixture Gateway 1.x (versions builds before March 2026)',
          product_id: 'gateway-1.x-affected',
          product_identification_helper: { purl: 'pkg:generic/fixture/gateway@1.x' },
        },
        {
          name: 'Fixture Gateway 1.4.3',
          product_id: 'gateway-1.x-fixed-1.4.3',
          product_identification_helper: { purl: 'pkg:generic/fixture/gateway@1.4.3' },
        },
      ],
    });
  });
});

describe('the ROLIE feed', () => {
  it('validates against the ROLIE feed schema', () => {
    const validate = csafSchemaValidator('ROLIE_feed_json_schema.json');
    const valid = validate(readJson('white', 'csaf-feed-tlp-white.json'));
    expect(errorsOf(validate)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has one entry per document, linking the document and its hash', () => {
    const feed = readJson('white', 'csaf-feed-tlp-white.json') as {
      feed: { entry: { id: string; link: { rel: string; href: string }[] }[] };
    };
    expect(feed.feed.entry).toHaveLength(builtDocuments().length);
    expect(feed.feed.entry.find((entry) => entry.id === 'KSA-2025-0006')?.link).toEqual([
      { rel: 'self', href: 'https://trust.kestrel.example/.well-known/csaf/white/2025/ksa-2025-0006.json' },
      { rel: 'hash', href: 'https://trust.kestrel.example/.well-known/csaf/white/2025/ksa-2025-0006.json.sha512' },
    ]);
  });
});

describe('a detached signature', () => {
  it('verifies over the exact bytes of the document', async () => {
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Kestrel CSAF signing' }],
      // Made before the build it signs: a key cannot sign a moment before it existed.
      date: new Date('2026-01-01T00:00:00Z'),
      format: 'armored',
    });
    const buildTime = new Date('2026-11-22T23:59:59Z');
    const key = await readSigningKey(privateKey, undefined, { buildTime, now: buildTime });
    const file = csafFiles(demoRegistry())[0];
    const bytes = new TextEncoder().encode(file?.text);
    const signature = await signDetached(bytes, key);
    const verification = await openpgp.verify({
      message: await openpgp.createMessage({ binary: bytes }),
      signature: await openpgp.readSignature({ armoredSignature: signature }),
      verificationKeys: await openpgp.readKey({ armoredKey: publicKey }),
      date: buildTime,
    });
    await expect(verification.signatures[0]?.verified).resolves.toBe(true);
  });
});

describe('npm run check', () => {
  let fixture: Fixture;
  afterEach(() => fixture.cleanup());

  it('refuses an advisory about a product that has neither purl nor CPE', () => {
    fixture = createContent();
    fixture.write('products/gateway.md', markdownFile(product({ identifiers: {} })));
    expect(checkFixture(fixture).errors).toEqual([
      'products/gateway.md:6 identifiers: give a purl, a cpe, or both: scanners and CSAF need one',
    ]);
  });

  it('refuses an advisory whose CVSS vector does not parse', () => {
    fixture = createContent();
    fixture.write('advisories/FSA-2026-0001.md', markdownFile({ ...advisory, cvss: { vector: 'CVSS:3.1/AV:N/AC:L' } }));
    expect(checkFixture(fixture).errors).toEqual([
      'advisories/FSA-2026-0001.md:9 cvss.vector: "CVSS:3.1/AV:N/AC:L" is not a valid CVSS 3.1 vector: the base metrics PR, UI, S, C, I, A are missing: give all of AV, AC, PR, UI, S, C, I, A, in that order, e.g. "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"',
    ]);
  });
});

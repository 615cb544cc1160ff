/**
 * security.txt (RFC 9116): the demo file as served, read field by field by an independent reader;
 * the expiry rule; the OpenPGP cleartext signature, verified with openpgp.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expiresAt, securityTxt } from '../../../src/outputs/securityTxt/securityTxt.ts';
import { readSigningKey, signCleartext } from '../../../src/outputs/signing/openpgp.ts';
import { signingKeyFromEnvironment } from '../../../src/outputs/signing/fromEnvironment.ts';
import { checkFixture } from '../../support/checkFixture.ts';
import { createContent, vendor, type Fixture } from '../../support/contentFixture.ts';
import { DEMO_SITE_DIR } from '../../support/builtSite.ts';
import { demoRegistry } from '../api/demoRegistry.ts';
import { readSecurityTxt } from './rfc9116.ts';

const BUILD_TIME = new Date('2026-11-22T23:59:59Z');
/** Keys are made before the build they sign: a key cannot sign a moment before it existed. */
const KEY_CREATED = new Date('2026-01-01T00:00:00Z');
const CANONICAL = 'https://trust.kestrel.example/.well-known/security.txt';
const demoFile = () => readFileSync(path.join(DEMO_SITE_DIR, '.well-known', 'security.txt'), 'utf8');

describe('the demo security.txt', () => {
  it('is accepted field by field by an RFC 9116 reader', () => {
    expect(readSecurityTxt(demoFile(), { now: BUILD_TIME, canonicalUrl: CANONICAL }).problems).toEqual([]);
  });

  it('lists the contacts, expiry, key, languages, policy, its own address and the CSAF provider', () => {
    expect(
      demoFile()
        .split('\n')
        .filter((line) => !line.startsWith('#')),
    ).toEqual([
      'Contact: mailto:security@kestrel.example',
      'Contact: https://kestrel.example/security/report',
      'Expires: 2027-05-21T23:59:59Z',
      'Encryption: https://kestrel.example/.well-known/pgp-key.asc',
      'Preferred-Languages: en',
      'Policy: https://trust.kestrel.example/policies/vulnerability-disclosure-policy/',
      `Canonical: ${CANONICAL}`,
      'CSAF: https://trust.kestrel.example/.well-known/csaf/provider-metadata.json',
      '',
    ]);
  });

  it('links to a policy page the build produced', () => {
    const policy = readSecurityTxt(demoFile(), { now: BUILD_TIME, canonicalUrl: CANONICAL }).fields.get('policy')?.[0];
    const file = path.join(DEMO_SITE_DIR, new URL(policy ?? '').pathname, 'index.html');
    expect(readFileSync(file, 'utf8')).toContain('<h1');
  });
});

describe('the RFC 9116 reader', () => {
  const read = (text: string) => readSecurityTxt(text, { now: BUILD_TIME, canonicalUrl: CANONICAL }).problems;
  const valid = `Contact: mailto:a@example.com\nExpires: 2027-01-01T00:00:00Z\nCanonical: ${CANONICAL}\n`;

  it('accepts a minimal file with CRLF line endings', () => {
    expect(read(valid.replace(/\n/g, '\r\n'))).toEqual([]);
  });
  it('reads field names without regard to case', () => {
    expect(read(valid.replace('Contact:', 'contact:').replace('Expires:', 'EXPIRES:'))).toEqual([]);
  });
  it('refuses a file without Contact', () => {
    expect(read(valid.replace(/^Contact.*\n/, ''))).toEqual(['Contact is required (§2.5.3)']);
  });
  it('refuses Expires twice', () => {
    expect(read(`${valid}Expires: 2027-02-01T00:00:00Z\n`)).toContain('Expires is required exactly once (§2.5.5)');
  });
  it('refuses an expired file and one more than a year ahead', () => {
    expect(read(valid.replace('2027-01-01', '2026-11-01'))).toEqual(['Expires 2026-11-01T00:00:00Z is in the past']);
    expect(read(valid.replace('2027-01-01', '2027-11-24'))).toEqual([
      'Expires 2027-11-24T00:00:00Z is more than a year ahead (§2.5.5)',
    ]);
  });
  it('refuses a line that is not "Field: value" and an http:// policy', () => {
    expect(read(`${valid}Policy http://example.com/\nPolicy: http://example.com/\n`)).toEqual([
      'line 4 is not "Field: value": "Policy http://example.com/"',
      'policy "http://example.com/" is not an https:// URI',
    ]);
  });
  it('refuses a Canonical that is not where the file is served', () => {
    expect(read(valid.replace(CANONICAL, 'https://elsewhere.example/.well-known/security.txt'))).toEqual([
      `Canonical does not list ${CANONICAL} (§2.5.2)`,
    ]);
  });
});

describe('Expires', () => {
  it('is the build time plus the configured days, in UTC', () => {
    expect(expiresAt('2026-11-22T23:59:59Z', 180)).toBe('2027-05-21T23:59:59Z');
  });
  it('is refused by the output function when the period is over a year', () => {
    expect(() => expiresAt('2026-11-22T23:59:59Z', 730)).toThrow(
      'security.txt cannot expire 730 days after the build: use a whole number from 1 to 365 (RFC 9116 §2.5.5)',
    );
  });
  it('is refused by the output function when the file would already be expired', () => {
    expect(() => expiresAt('2026-11-22T23:59:59Z', 0)).toThrow('cannot expire 0 days after the build');
  });
});

describe('the configured expiry period', () => {
  let fixture: Fixture;
  afterEach(() => fixture.cleanup());
  it('is refused by npm run check when it is two years', () => {
    fixture = createContent();
    fixture.write('vendor.yml', stringify({ ...vendor, securityTxt: { expiresAfterDays: 730 } }));
    expect(checkFixture(fixture).errors).toEqual([
      'vendor.yml:17 securityTxt.expiresAfterDays: RFC 9116 advises against more than a year: use at most 365 days',
    ]);
  });
});

describe('the signed security.txt', () => {
  it('is a cleartext-signed message that openpgp verifies with the public key and the reader accepts', async () => {
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Kestrel Software security', email: 'security@kestrel.example' }],
      date: KEY_CREATED,
      format: 'armored',
    });
    const key = await readSigningKey(privateKey, undefined, { buildTime: BUILD_TIME, now: BUILD_TIME });
    const signed = await signCleartext(securityTxt(demoRegistry()), key);

    expect(signed.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA')).toBe(true);
    const verification = await openpgp.verify({
      message: await openpgp.readCleartextMessage({ cleartextMessage: signed }),
      verificationKeys: await openpgp.readKey({ armoredKey: publicKey }),
      date: BUILD_TIME,
    });
    await expect(verification.signatures[0]?.verified).resolves.toBe(true);
    expect(verification.data).toBe(securityTxt(demoRegistry()));
    const reading = readSecurityTxt(signed, { now: BUILD_TIME, canonicalUrl: CANONICAL });
    expect({ signed: reading.signed, problems: reading.problems }).toEqual({ signed: true, problems: [] });
  });

  it('fails verification when the text was changed after signing', async () => {
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Test' }],
      date: KEY_CREATED,
      format: 'armored',
    });
    const key = await readSigningKey(privateKey, undefined, { buildTime: BUILD_TIME, now: BUILD_TIME });
    const tampered = (await signCleartext(securityTxt(demoRegistry()), key)).replace(
      'mailto:security@kestrel.example',
      'mailto:attacker@evil.example',
    );
    const verification = await openpgp.verify({
      message: await openpgp.readCleartextMessage({ cleartextMessage: tampered }),
      verificationKeys: await openpgp.readKey({ armoredKey: publicKey }),
      date: BUILD_TIME,
    });
    await expect(verification.signatures[0]?.verified).rejects.toThrow();
  });

  it('is skipped without a key', async () => {
    await expect(signingKeyFromEnvironment('2026-11-22T23:59:59Z', {})).resolves.toBeUndefined();
  });
});

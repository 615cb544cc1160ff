/**
 * A signed build, end to end: the real build with TRUSTLINE_SIGNING_KEY set, its signatures
 * verified by GnuPG (an implementation independent of the openpgp package that made them) with
 * the public key the site publishes; a key the build cannot use stops it before any work; and the
 * same build with the machine's clock moved by libfaketime (Debian's faketime), which moves it for
 * every process of the build, not only for this test's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { ROOT, runBuild, type BuildResult } from '../support/builtSite.ts';
import { BUILD_DATE, createContent, type Fixture } from '../support/contentFixture.ts';

const PASSPHRASE = 'correct horse battery staple';
const DOCUMENT = '.well-known/csaf/white/2026/fsa-2026-0001.json';

let work: string;
let content: Fixture;
let site: string;
let armoredKey: string;
let armoredPublicKey: string;
let expiredKey: string;
let fingerprint: string;
let unsigned: BuildResult;
let signed: BuildResult;

const build = (env: NodeJS.ProcessEnv) =>
  runBuild(['--content', content.dir, '--date', BUILD_DATE, '--out', site], env);
const withoutFaketime = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) => !name.startsWith('FAKETIME') && !(name === 'LD_PRELOAD' && value?.includes('faketime')),
    ),
  );

/** The signed build into `out`, with the machine's clock as libfaketime's `clock` says. */
function buildWithClock(clock: string[], out: string) {
  const result = spawnSync(
    'faketime',
    [
      ...clock,
      process.execPath,
      path.join(ROOT, 'scripts', 'build.ts'),
      '--content',
      content.dir,
      '--date',
      BUILD_DATE,
      '--out',
      out,
    ],
    // faketime reads a date in the local zone: these dates are UTC. Its clock is set from the real
    // one, so a libfaketime around this test (a whole run with its clock moved) is left out.
    { cwd: ROOT, env: { ...withoutFaketime(process.env), ...signingEnv(), TZ: 'UTC' }, encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Every file's bytes, signatures left out: openpgp salts each signature at random (its default),
 * and so the manifest's hashes, which follow from the files compared here.
 */
function withoutSignatures(dir: string): string[] {
  return listFiles(dir).map((file) => {
    const text = readFileSync(path.join(dir, file), 'latin1');
    if (file !== 'build-manifest.json') {
      return `${file} ${text.replace(/-----BEGIN PGP SIGNATURE-----[^]*?-----END PGP SIGNATURE-----/g, 'signature')}`;
    }
    const manifest = JSON.parse(text) as { files: { path: string; size: number }[] };
    return `${file} ${JSON.stringify({ ...manifest, files: manifest.files.map(({ path, size }) => ({ path, size })) })}`;
  });
}

const hasFaketime = spawnSync('faketime', ['-f', '+0d', 'true']).status === 0;
const signingEnv = (key = armoredKey, passphrase = PASSPHRASE) => ({
  TRUSTLINE_SIGNING_KEY: key,
  TRUSTLINE_SIGNING_PASSPHRASE: passphrase,
});
const siteFile = (file: string) => path.join(site, file);
const snapshot = (dir = site) =>
  listFiles(dir).map((file) => `${file} ${readFileSync(path.join(dir, file), 'base64')}`);

/** GnuPG in its own home folder, holding only what a test imports. */
function gpg(...args: string[]) {
  const result = spawnSync('gpg', ['--homedir', path.join(work, 'gnupg'), '--batch', '--status-fd', '1', ...args], {
    encoding: 'utf8',
  });
  return {
    status: result.status,
    status_lines: result.stdout.split('\n').filter((line) => line.startsWith('[GNUPG:]')),
  };
}
const validSignatureBy = (lines: string[]) =>
  lines.filter((line) => line.startsWith('[GNUPG:] VALIDSIG ')).map((line) => line.split(' ')[2]);
/** When each valid signature says it was made (GnuPG's VALIDSIG gives seconds since 1970). */
const validSignatureTime = (lines: string[]) =>
  lines
    .filter((line) => line.startsWith('[GNUPG:] VALIDSIG '))
    .map((line) => new Date(Number(line.split(' ')[4]) * 1000).toISOString());

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'trustline-signed-'));
  mkdirSync(path.join(work, 'gnupg'), { mode: 0o700 });
  site = path.join(work, 'site');
  content = createContent();
  const key = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'Fixture Software PSIRT', email: 'security@fixture.example' }],
    passphrase: PASSPHRASE,
    date: new Date('2026-01-01T00:00:00Z'),
    format: 'armored',
  });
  armoredKey = key.privateKey;
  expiredKey = (
    await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Fixture Software PSIRT', email: 'security@fixture.example' }],
      passphrase: PASSPHRASE,
      date: new Date('2026-01-01T00:00:00Z'),
      keyExpirationTime: 86_400,
      format: 'armored',
    })
  ).privateKey;
  armoredPublicKey = key.publicKey;
  fingerprint = (await openpgp.readKey({ armoredKey: key.publicKey })).getFingerprint().toUpperCase();
  unsigned = build({ TRUSTLINE_SIGNING_KEY: '' });
  signed = build(signingEnv());
}, 600_000);

afterAll(() => {
  content?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('a build without a key', () => {
  it('says so in one line', () => {
    expect(unsigned.status, unsigned.stderr).toBe(0);
    expect(unsigned.stdout.split('\n').filter((line) => line.includes('unsigned'))).toEqual([
      'security.txt and CSAF documents are unsigned: set TRUSTLINE_SIGNING_KEY (and TRUSTLINE_SIGNING_PASSPHRASE) to sign them',
    ]);
  });
});

describe('a build with a passphrase-protected key', () => {
  it('says which key signs', () => {
    expect(signed.status, signed.stderr).toBe(0);
    expect(signed.stdout).toContain(`security.txt and CSAF documents are signed with OpenPGP key ${fingerprint}\n`);
    expect(signed.stdout).not.toContain('unsigned');
  });

  it('publishes the public key where the provider metadata says, as a trusted provider', () => {
    const metadata = JSON.parse(readFileSync(siteFile('.well-known/csaf/provider-metadata.json'), 'utf8')) as {
      role: string;
      public_openpgp_keys: { fingerprint: string; url: string }[];
    };
    expect(metadata.role).toBe('csaf_trusted_provider');
    expect(metadata.public_openpgp_keys).toEqual([
      { fingerprint, url: `https://trust.fixture.example/.well-known/csaf/openpgp/${fingerprint}.asc` },
    ]);
    const imported = gpg('--import', siteFile(`.well-known/csaf/openpgp/${fingerprint}.asc`));
    expect(imported.status).toBe(0);
    expect(imported.status_lines).toContain(`[GNUPG:] IMPORT_OK 1 ${fingerprint}`);
    expect(listFiles(site).filter((file) => file.endsWith('.asc'))).toEqual([
      `.well-known/csaf/openpgp/${fingerprint}.asc`,
      `${DOCUMENT}.asc`,
    ]);
  });

  it('signs security.txt so that GnuPG verifies it with the published key', () => {
    const text = readFileSync(siteFile('.well-known/security.txt'), 'utf8');
    expect(text.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\n')).toBe(true);
    expect(text).toContain('\nContact: mailto:security@fixture.example\n');
    expect(text).not.toContain('\r');
    const verified = gpg('--verify', siteFile('.well-known/security.txt'));
    expect(verified.status).toBe(0);
    expect(validSignatureBy(verified.status_lines)).toEqual([fingerprint]);
  });

  it('signs each CSAF document so that GnuPG verifies its exact bytes', () => {
    const verified = gpg('--verify', siteFile(`${DOCUMENT}.asc`), siteFile(DOCUMENT));
    expect(verified.status).toBe(0);
    expect(validSignatureBy(verified.status_lines)).toEqual([fingerprint]);
  });

  it('gives signatures GnuPG rejects once a document is changed', () => {
    const tampered = path.join(work, 'tampered.json');
    writeFileSync(tampered, readFileSync(siteFile(DOCUMENT), 'utf8').replace('"final"', '"draft"'));
    const verified = gpg('--verify', siteFile(`${DOCUMENT}.asc`), tampered);
    expect(verified.status).toBe(1);
    expect(verified.status_lines.some((line) => line.startsWith('[GNUPG:] BADSIG '))).toBe(true);
  });
});

describe('a key the build cannot use', () => {
  it.each([
    [
      'a wrong passphrase',
      () => signingEnv(armoredKey, 'wrong'),
      'TRUSTLINE_SIGNING_PASSPHRASE does not unlock TRUSTLINE_SIGNING_KEY',
    ],
    [
      'no passphrase',
      () => signingEnv(armoredKey, ''),
      'TRUSTLINE_SIGNING_KEY is protected by a passphrase: set TRUSTLINE_SIGNING_PASSPHRASE as well',
    ],
    ['a public key', () => signingEnv(armoredPublicKey), 'TRUSTLINE_SIGNING_KEY is not an armored OpenPGP private key'],
    [
      'an expired key',
      () => signingEnv(expiredKey),
      "TRUSTLINE_SIGNING_KEY cannot sign now (Primary key is expired): extend the key's expiry or give another key",
    ],
  ])('stops the build with %s, naming the variable, and leaves the signed site as it was', (_case, env, message) => {
    const before = snapshot();
    const result = build(env());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`✖ build stopped: ${message}`);
    expect(result.stderr).toContain('; the previous site is unchanged\n');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot()).toEqual(before);
  });
});

// Without faketime the clock cannot be moved for the build's processes; CI installs it (.ci/run).
describe.skipIf(!hasFaketime && process.env['CI'] !== 'true')('a signed build whatever the machine clock says', () => {
  const twoYearsLater = () => path.join(work, 'two-years-later');
  const onTheDay = () => path.join(work, 'on-the-day');
  const built: Record<string, BuildResult> = {};

  beforeAll(() => {
    built['twoYearsLater'] = buildWithClock(['-f', '+730d'], twoYearsLater());
    built['onTheDay'] = buildWithClock(['2026-11-22 12:00:00'], onTheDay());
    gpg('--import', path.join(twoYearsLater(), `.well-known/csaf/openpgp/${fingerprint}.asc`));
  }, 600_000);

  it('gives the same files two years after the build date as the signed build above', () => {
    expect(built['twoYearsLater']?.status, built['twoYearsLater']?.stderr).toBe(0);
    expect(withoutSignatures(twoYearsLater())).toEqual(withoutSignatures(site));
  });

  it('dates the signatures of a build two years after the build date at its end, and GnuPG verifies them', () => {
    const document = gpg(
      '--verify',
      path.join(twoYearsLater(), `${DOCUMENT}.asc`),
      path.join(twoYearsLater(), DOCUMENT),
    );
    const securityTxt = gpg('--verify', path.join(twoYearsLater(), '.well-known/security.txt'));
    expect([document.status, securityTxt.status]).toEqual([0, 0]);
    expect([...validSignatureTime(document.status_lines), ...validSignatureTime(securityTxt.status_lines)]).toEqual([
      '2026-11-22T23:59:59.000Z',
      '2026-11-22T23:59:59.000Z',
    ]);
  });

  it('dates the signatures of a build on its build date at the moment of signing, never in the future', () => {
    expect(built['onTheDay']?.status, built['onTheDay']?.stderr).toBe(0);
    const verified = gpg('--verify', path.join(onTheDay(), '.well-known/security.txt'));
    expect(verified.status).toBe(0);
    // The clock starts at 12:00:00 in each process of the build, which signs within minutes.
    expect(validSignatureTime(verified.status_lines)).toEqual([
      expect.stringMatching(/^2026-11-22T12:0\d:\d\d\.000Z$/),
    ]);
  });
});

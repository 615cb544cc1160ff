/**
 * A vendor's own portal, as a vendor starts it: the engine packed with `npm pack`, then, in a
 * folder outside this repository, `npx --package=<tarball> trustline init` for Harbour Lane
 * Software (not the demo's vendor), `npm install`, a logo, a favicon and an accent colour of its
 * own, and its `trustline` commands; the notice rule reads the portal's own git history, committed
 * at chosen dates. Then an upgrade: a second engine version, installed into the same portal,
 * rebuilds the same site. Installs take a minute or so each, so the tests share one portal and
 * run in order.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findAll, findOne, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listFiles, type BuildManifest } from '../../src/pipeline/manifest.ts';
import { DEMO_BUILD_DATE, ROOT } from '../support/builtSite.ts';
import { commitAll, git } from '../support/git.ts';

const STEP_TIMEOUT = 600_000;
/** The demo vendor's name and its first word ("Kestrel"), as they would appear in any output. */
const demoName = (parse(readFileSync(path.join(ROOT, 'content', 'vendor.yml'), 'utf8')) as { name: string }).name;
const DEMO_WORDS = [demoName, demoName.split(' ')[0]!].map((word) => word.toLowerCase());
const work = mkdtempSync(path.join(tmpdir(), 'trustline-portal-'));
const portal = path.join(work, 'harbour-lane');
const site = path.join(portal, 'dist');
const engineVersion = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/**
 * A command as an editor runs it in their portal: Node 24 first on the PATH (as the engine's
 * `node` devDependency gives this repository), without the test runner's or npm's variables
 * (vitest runs under npx here) and outside CI.
 */
function run(command: string, args: string[], cwd = portal): SpawnSyncReturns<string> {
  // npm's own settings (npm_config_*, e.g. a cache) stay; what npx told vitest about itself goes.
  const npmRun = /^(?:INIT_CWD|npm_(?!config_)\w+|npm_config_(?:package|local_prefix))$/i;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && !npmRun.test(name),
    ),
  );
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...env,
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
      CI: '',
      GITHUB_ACTIONS: '',
    },
  });
}

/** `npx trustline …` in the portal; `--no` so npx never looks for the command anywhere but the portal. */
const trustline = (...args: string[]) => run('npx', ['--no', '--', 'trustline', ...args]);

function succeeded(result: SpawnSyncReturns<string>): SpawnSyncReturns<string> {
  if (result.status !== 0) {
    throw new Error(`exit status ${result.status}: ${result.error?.message ?? ''}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** `npm pack` of the engine folder into `destination`; returns the tarball's path. */
function pack(engineDir: string, destination: string): string {
  mkdirSync(destination, { recursive: true });
  const name = succeeded(run('npm', ['pack', '--silent', '--pack-destination', destination], engineDir)).stdout.trim();
  return path.join(destination, name);
}

/**
 * `npm install` in the portal, as a vendor runs it: with a tarball, that engine version; without,
 * the engine package.json names. From npm's cache where it can (the test's only saving).
 */
function install(...tarball: string[]): SpawnSyncReturns<string> {
  const started = Date.now();
  const result = succeeded(run('npm', ['install', '--prefer-offline', ...tarball]));
  console.log(
    `${['npm install', ...tarball.map((file) => path.basename(file))].join(' ')}: ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return result;
}

/** Every file of the built site with its bytes. */
const siteFiles = () => new Map(listFiles(site).map((file) => [file, readFileSync(path.join(site, file))]));

/** The Site navigation's tabs on a page of the built site. */
function tabs(page: string): string[] {
  const document = parseDocument(readFileSync(path.join(site, page), 'utf8'));
  const navigation = findOne(
    (element) => element.name === 'nav' && element.attribs['aria-label'] === 'Site',
    document.children,
  );
  return findAll((element) => element.name === 'a', navigation ? [navigation] : []).map((link) =>
    textContent(link).trim(),
  );
}

/** The `<link rel="icon">` of a page of the built site, as "href type". */
function icons(page: string): string[] {
  const document = parseDocument(readFileSync(path.join(site, page), 'utf8'));
  return findAll((element) => element.name === 'link' && element.attribs['rel'] === 'icon', document.children).map(
    (link) => `${link.attribs['href']} ${link.attribs['type']}`,
  );
}

const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 32"><title>Harbour Lane Software</title><path d="M4 28 L16 4 L28 28 Z" fill="#0b5cad"/></svg>\n';
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/></svg>\n';
const BRAND = `brand:
  logo: brand/harbour-lane.svg
  favicon: brand/harbour-icon.svg
  accent:
    light: '#0b5cad'
    dark: '#7cb8f7'
navigation:
  advisories: never
`;

const newProduct = [
  ...['new', 'product', '--name', 'Harbour Berth Planner', '--summary', 'Plans berths for a marina.'],
  ...['--category', 'Scheduling', '--updates-url', 'https://docs.harbourlane.example/berth-planner/updates'],
  ...['--secure-use-url', 'https://docs.harbourlane.example/berth-planner/hardening'],
  ...['--support-owner', 'Berth Planner team', '--release', '1.x', '--released', '2026-01-15', '--level', 'full'],
];
const endOfSupport = (date: string, announced: string, endDate: string) => [
  ...['new', 'end-of-support', '--product', 'harbour-berth-planner', '--release', '1.x', '--date', date],
  ...['--announced', announced, '--end-date', endDate, '--migration', 'Move to Harbour Berth Planner 2.x.'],
  ...['--risk', 'No security fixes after this date.'],
];

let tarball = '';
let started: SpawnSyncReturns<string>;
let installed: SpawnSyncReturns<string>;
beforeAll(() => {
  tarball = pack(ROOT, path.join(work, 'engine'));
  // The README's first command, with the tarball for the git tag. Its absolute path: npx keeps
  // what it installs in a folder named after the spec as written, which a relative path shares
  // with every other run.
  started = run(
    'npx',
    [
      ...['--yes', '--prefer-offline', `--package=${tarball}`, '--', 'trustline', 'init'],
      ...['harbour-lane', '--name', 'Harbour Lane Software', '--url', 'https://trust.harbourlane.example'],
      ...[
        '--security-contact',
        'security@harbourlane.example',
        '--support-contact',
        'https://harbourlane.example/support',
      ],
      ...['--pgp-key-url', 'https://harbourlane.example/pgp.asc', '--date', DEMO_BUILD_DATE],
    ],
    work,
  );
  succeeded(started);
  commitAll(portal, '2026-01-10T09:00:00+00:00', 'Start the trust portal');
  installed = install();
  commitAll(portal, '2026-01-10T09:30:00+00:00', `Use trustline ${engineVersion}`);
  mkdirSync(path.join(portal, 'public', 'brand'), { recursive: true });
  writeFileSync(path.join(portal, 'public', 'brand', 'harbour-lane.svg'), LOGO);
  writeFileSync(path.join(portal, 'public', 'brand', 'harbour-icon.svg'), FAVICON);
  writeFileSync(
    path.join(portal, 'content', 'vendor.yml'),
    `${readFileSync(path.join(portal, 'content', 'vendor.yml'), 'utf8')}${BRAND}`,
  );
  commitAll(portal, '2026-01-12T09:00:00+00:00', 'Our logo, icon and colours');
}, STEP_TIMEOUT);

afterAll(() => {
  // npx's folder for this tarball, in npm's cache: named after the first 16 hex digits of the
  // spec's SHA-512.
  const npxFolder = createHash('sha512').update(tarball).digest('hex').slice(0, 16);
  const cache = succeeded(run('npm', ['config', 'get', 'cache'], work)).stdout.trim();
  if (tarball) rmSync(path.join(cache, '_npx', npxFolder), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('a vendor’s portal with the packed engine installed', { timeout: STEP_TIMEOUT }, () => {
  it('installs a package that holds the engine only: no demo content, tests or docs, and of examples the CI recipes init copies', () => {
    const entries = succeeded(run('tar', ['-tzf', tarball], work))
      .stdout.trim()
      .split('\n')
      .map((entry) => entry.replace(/^package\//, ''));
    const topLevel = new Set(entries.map((entry) => entry.split('/')[0]));
    expect([...topLevel].sort()).toEqual([
      'CHANGELOG.md',
      'README.md',
      'bin',
      'contentlayer.config.ts',
      'examples',
      'package.json',
      'public',
      'scripts',
      'src',
    ]);
    expect(entries.filter((entry) => entry.startsWith('examples/')).sort()).toEqual([
      'examples/github-actions/check.yml',
      'examples/github-actions/deploy-github-pages.yml',
      'examples/github-actions/notify.yml',
    ]);
  });

  it('starts the portal with npx trustline init from the tarball, as the README says, and depends on that tarball', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(
      `npx --package=./trustline-${engineVersion}.tgz trustline init my-portal`,
    );
    expect(started.stderr).toBe('');
    expect(started.stdout.split('\n')[0]).toBe(
      `✔ wrote a trust portal for Harbour Lane Software in harbour-lane: check reports 0 errors, 0 warnings in 6 files (as of ${DEMO_BUILD_DATE})`,
    );
    const manifest = JSON.parse(git(portal, ['show', 'HEAD~2:package.json'])) as { dependencies: object };
    expect(manifest.dependencies).toEqual({ trustline: `file:../engine/trustline-${engineVersion}.tgz` });
  });

  it('installs the engine with npm install, without a warning', () => {
    expect(installed.stderr).toBe('');
    expect(installed.stdout).toMatch(/^added \d+ packages/m);
  });

  it('has the trustline command, and check finds no problem in its content', () => {
    const result = trustline('check', '--date', DEMO_BUILD_DATE);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`✔ 0 errors, 0 warnings in 6 files (as of ${DEMO_BUILD_DATE})\n`);
    expect(result.status).toBe(0);
  });

  it('adds a product with new', () => {
    const result = trustline(...newProduct, '--date', DEMO_BUILD_DATE);
    expect(result.stdout.split('\n')[0]).toBe(
      `✔ created content/products/harbour-berth-planner.md: it passes check (as of ${DEMO_BUILD_DATE})`,
    );
    expect(result.status).toBe(0);
    commitAll(portal, '2026-01-20T09:00:00+00:00', 'Add Harbour Berth Planner');
  });

  it('refuses a notice merged too late for a year’s notice, from the commit in the portal’s own history', () => {
    // Written on 1 February with a year's notice, merged on 5 March: customers could read it from 5 March.
    succeeded(trustline(...endOfSupport('2026-02-01', '2026-02-01', '2027-02-15')));
    commitAll(portal, '2026-03-05T10:00:00+00:00', 'Announce the end of support of 1.x');
    const commit = git(portal, ['rev-parse', 'HEAD']).trim().slice(0, 10);
    try {
      const result = trustline('check', '--date', DEMO_BUILD_DATE);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('error:'))).toEqual([
        `error: content/products/harbour-berth-planner.md:18 releases[0].endOfSupport.date: 2027-02-15 gives 11 months' notice from 2026-03-05, the day it was published (git first published 2027-02-15 for 1.x on 2026-03-05, commit ${commit}), later than the 2026-02-01 written: a notice counts from the day customers could read it; the Code requires at least one year — the earliest allowed date is 2027-03-05`,
      ]);
      expect(result.status).toBe(1);
    } finally {
      // The portal goes on without that commit.
      git(portal, ['reset', '-q', '--hard', 'HEAD~1']);
    }
  });

  it('accepts a notice that gives a year from the commit that published it', () => {
    succeeded(trustline(...endOfSupport('2026-03-05', '2026-03-05', '2027-06-30')));
    commitAll(portal, '2026-03-05T10:00:00+00:00', 'Announce the end of support of 1.x');
    const result = trustline('check', '--date', DEMO_BUILD_DATE);
    expect(result.stdout).toBe(`✔ 0 errors, 0 warnings in 7 files (as of ${DEMO_BUILD_DATE})\n`);
  });

  it('adds an incident with new', () => {
    const result = trustline(
      ...['new', 'incident', '--kind', 'incident', '--at', '2026-11-21T08:00:00Z', '--id', 'INC-2026-0001'],
      ...['--title', 'Delayed berth allocations', '--product', 'harbour-berth-planner', '--impact', 'minor'],
      ...['--status', 'investigating', '--text', 'Allocations run late; no booking is lost.'],
      ...['--started', '2026-11-21T07:40:00Z', '--date', DEMO_BUILD_DATE],
    );
    expect(result.stdout.split('\n')[0]).toBe(
      `✔ created content/incidents/INC-2026-0001.md: it passes check (as of ${DEMO_BUILD_DATE})`,
    );
    expect(result.status).toBe(0);
    commitAll(portal, '2026-11-21T09:00:00+00:00', 'Delayed berth allocations');
  });

  it('builds the portal’s site with its own name', () => {
    const result = succeeded(trustline('build', '--date', DEMO_BUILD_DATE));
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`✔ site built in dist (as of ${DEMO_BUILD_DATE})`);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain('<title>Harbour Lane Software trust portal');
    expect(readFileSync(path.join(site, 'products', 'harbour-berth-planner', 'index.html'), 'utf8')).toContain(
      'Harbour Berth Planner',
    );
    expect(existsSync(path.join(site, 'incidents', 'INC-2026-0001', 'index.html'))).toBe(true);
  });

  it('shows the portal’s logo in the header and links its favicon, both published from its public/ folder', () => {
    const home = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(home).toContain('<img class="site-logo" src="/brand/harbour-lane.svg" alt="Harbour Lane Software">');
    expect(icons('index.html')).toEqual(['/brand/harbour-icon.svg image/svg+xml']);
    expect(readFileSync(path.join(site, 'brand', 'harbour-lane.svg'), 'utf8')).toBe(LOGO);
    expect(readFileSync(path.join(site, 'brand', 'harbour-icon.svg'), 'utf8')).toBe(FAVICON);
  });

  it('colours links with the portal’s accent colour in each colour scheme', () => {
    const stylesheet = readFileSync(path.join(site, 'trustline-brand.css'), 'utf8');
    expect(stylesheet).toContain('html:root {\n  --link: #0b5cad;\n  --focus: #0b5cad;\n}\n');
    expect(stylesheet).toContain(
      '@media (prefers-color-scheme: dark) {\n  html:root {\n    --link: #7cb8f7;\n    --focus: #7cb8f7;\n  }\n}\n',
    );
  });

  it('has no Advisories tab: the portal has none and turned the tab off', () => {
    expect(tabs('index.html')).toEqual([
      'Overview',
      'Products',
      'End of support',
      'Incidents',
      'Policies',
      'Code of Practice',
      'Subscribe',
      'Search',
    ]);
  });

  it('publishes nothing that names the demo vendor', () => {
    const naming = [...siteFiles()].filter(([, bytes]) =>
      DEMO_WORDS.some((word) => bytes.toString('latin1').toLowerCase().includes(word)),
    );
    expect(naming.map(([file]) => file)).toEqual([]);
  });

  it('rebuilds the same site with a newer engine, only the engine version in the manifest changing', () => {
    const before = siteFiles();
    // The next version: this package as packed, with a higher version number.
    const next = path.join(work, 'next');
    mkdirSync(next);
    succeeded(run('tar', ['-xzf', pack(ROOT, path.join(work, 'engine')), '-C', next]));
    const nextPackage = path.join(next, 'package', 'package.json');
    writeFileSync(
      nextPackage,
      JSON.stringify({ ...(JSON.parse(readFileSync(nextPackage, 'utf8')) as object), version: '99.0.0' }, null, 2),
    );
    install(pack(path.join(next, 'package'), path.join(work, 'next-engine')));
    expect(succeeded(trustline('--version')).stdout).toBe('99.0.0\n');

    succeeded(trustline('build', '--date', DEMO_BUILD_DATE));
    expect(git(portal, ['status', '--porcelain']).split('\n').filter(Boolean).sort()).toEqual([
      ' M package-lock.json',
      ' M package.json',
    ]);
    const after = siteFiles();
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after].filter(([file, bytes]) => !bytes.equals(before.get(file)!)).map(([file]) => file);
    expect(changed).toEqual(['build-manifest.json']);
    const manifest = (files: Map<string, Buffer>) =>
      JSON.parse(files.get('build-manifest.json')!.toString('utf8')) as BuildManifest;
    expect(manifest(before).engineVersion).toBe(engineVersion);
    expect(manifest(after)).toEqual({ ...manifest(before), engineVersion: '99.0.0' });
  });
});

/**
 * A vendor's own portal, as a vendor gets it: the engine packed with `npm pack`, installed with
 * npm into a portal folder outside this repository (Harbour Lane Software, not the demo's vendor),
 * and run through its `trustline` command. Then an upgrade: a second engine version, installed
 * into the same portal, rebuilds the same site. Installs are slow (a minute or two each, from
 * npm's cache), so the tests share one portal and run in order.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, type BuildManifest } from '../../src/pipeline/manifest.ts';
import { DEMO_BUILD_DATE, ROOT } from '../support/builtSite.ts';
import { commitAll, git } from '../support/git.ts';

const STEP_TIMEOUT = 600_000;
const DEMO_VENDOR = 'kestrel';
const work = mkdtempSync(path.join(tmpdir(), 'trustline-portal-'));
const portal = path.join(work, 'portal');
const site = path.join(portal, 'dist');
const engineVersion = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A command as an editor runs it in their portal: Node 24 first on the PATH (as the engine's
 * `node` devDependency gives this repository), without the test runner's variables and outside CI.
 */
function run(command: string, args: string[], cwd = portal): SpawnSyncReturns<string> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'),
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
  if (result.status !== 0) throw new Error(`${result.stdout}\n${result.stderr}`);
  return result;
}

/** `npm pack` of the engine folder into `destination`; returns the tarball's path. */
function pack(engineDir: string, destination: string): string {
  mkdirSync(destination, { recursive: true });
  const name = succeeded(run('npm', ['pack', '--silent', '--pack-destination', destination], engineDir)).stdout.trim();
  return path.join(destination, name);
}

/** Installs an engine tarball into the portal, as `npm install <file>` does for a vendor. */
function install(tarball: string): void {
  const started = Date.now();
  succeeded(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball]));
  console.log(`npm install ${path.basename(tarball)}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Every file of the built site with its bytes. */
const siteFiles = () => new Map(listFiles(site).map((file) => [file, readFileSync(path.join(site, file))]));

const newProduct = [
  ...['new', 'product', '--name', 'Harbour Berth Planner', '--summary', 'Plans berths for a marina.'],
  ...['--category', 'Scheduling', '--updates-url', 'https://docs.harbourlane.example/berth-planner/updates'],
  ...['--secure-use-url', 'https://docs.harbourlane.example/berth-planner/hardening'],
  ...['--support-owner', 'Berth Planner team', '--release', '1.x', '--released', '2026-01-15', '--level', 'standard'],
];
const endOfSupport = (date: string, announced: string, endDate: string) => [
  ...['new', 'end-of-support', '--product', 'harbour-berth-planner', '--release', '1.x', '--date', date],
  ...['--announced', announced, '--end-date', endDate, '--migration', 'Move to Harbour Berth Planner 2.x.'],
  ...['--risk', 'No security fixes after this date.'],
];

let tarball = '';
beforeAll(() => {
  tarball = pack(ROOT, path.join(work, 'engine'));
  cpSync(path.join(ROOT, 'tests', 'fixtures', 'portal'), portal, { recursive: true });
  git(portal, ['init', '-q', '-b', 'main']);
  commitAll(portal, '2026-01-10T09:00:00+00:00', 'Start the trust portal');
  install(tarball);
  commitAll(portal, '2026-01-10T09:30:00+00:00', `Use trustline ${engineVersion}`);
}, STEP_TIMEOUT);

describe('a vendor’s portal with the packed engine installed', { timeout: STEP_TIMEOUT }, () => {
  it('installs a package that holds the engine only: no demo content, tests, docs or examples', () => {
    const entries = succeeded(run('tar', ['-tzf', tarball], work))
      .stdout.trim()
      .split('\n');
    const topLevel = new Set(entries.map((entry) => entry.replace(/^package\//, '').split('/')[0]));
    expect([...topLevel].sort()).toEqual([
      'CHANGELOG.md',
      'README.md',
      'bin',
      'contentlayer.config.ts',
      'package.json',
      'public',
      'scripts',
      'src',
    ]);
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

  it('builds the portal’s site with its own name and the engine’s favicon', () => {
    const result = succeeded(trustline('build', '--date', DEMO_BUILD_DATE));
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`✔ site built in dist (as of ${DEMO_BUILD_DATE})`);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain('<title>Harbour Lane Software trust portal');
    expect(readFileSync(path.join(site, 'products', 'harbour-berth-planner', 'index.html'), 'utf8')).toContain(
      'Harbour Berth Planner',
    );
    expect(existsSync(path.join(site, 'incidents', 'INC-2026-0001', 'index.html'))).toBe(true);
    expect(readFileSync(path.join(site, 'favicon.svg'))).toEqual(
      readFileSync(path.join(ROOT, 'public', 'favicon.svg')),
    );
  });

  it('publishes nothing that names the demo vendor', () => {
    const naming = [...siteFiles()].filter(([, bytes]) => bytes.toString('latin1').toLowerCase().includes(DEMO_VENDOR));
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

/**
 * A vendor's first hour, scripted: a portal that began as a copy of this repository builds the
 * demo, replaces every demo file with its own company's content (with `npm run new`, into folders
 * that no longer exist), records the demo's published pages as withdrawn, and builds again with
 * the same cache. Nothing of the demo vendor may survive in the output, and no warning is left.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { formatProblem } from '../../src/registry/problems.ts';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { splitFrontMatter } from '../../src/registry/source/frontMatter.ts';
import { DEMO_BUILD_DATE, ROOT, runBuild } from '../support/builtSite.ts';
import { markdownFile, supportLevels, vendor } from '../support/contentFixture.ts';
import { commitAll, git } from '../support/git.ts';

const BUILD_TIMEOUT = 300_000;
const work = mkdtempSync(path.join(tmpdir(), 'trustline-replace-demo-'));
const portal = path.join(work, 'portal');
const content = path.join(portal, 'content');
const site = path.join(work, 'site');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The new vendor: nothing in it says Kestrel. */
const marlow = {
  ...vendor,
  name: 'Marlow Systems',
  description: 'Ledger software for credit unions.',
  site: { url: 'https://trust.marlow.example', basePath: '/' },
  contacts: {
    support: { email: 'support@marlow.example' },
    security: { email: 'security@marlow.example', url: 'https://marlow.example/security' },
  },
  pgpKeyUrl: 'https://marlow.example/pgp.asc',
  csaf: { publisherNamespace: 'https://marlow.example' },
};
const policyKinds = ['support', 'end-of-support', 'vulnerability-disclosure', 'incident-support'];

function runNew(kind: string, flags: string[]) {
  return spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'new.ts'), kind, ...flags, '--content', content, '--date', DEMO_BUILD_DATE],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } },
  );
}

const check = () => checkContent({ contentDir: content, buildDate: DEMO_BUILD_DATE }).problems.map(formatProblem);

/** The demo's products, incidents and advisories, as `withdrawn.yml` names them. */
function demoPages(): { kind: string; id: string; title: string }[] {
  const pages = [];
  for (const [folder, kind, idField] of [
    ['products', 'product', 'slug'],
    ['incidents', 'incident', 'id'],
    ['advisories', 'advisory', 'id'],
  ] as const) {
    for (const file of readdirSync(path.join(ROOT, 'content', folder))) {
      const data = parse(
        splitFrontMatter(readFileSync(path.join(ROOT, 'content', folder, file), 'utf8'))!.frontMatter,
      ) as Record<string, string>;
      pages.push({ kind, id: data[idField]!, title: kind === 'product' ? 'An example product' : `An example ${kind}` });
    }
  }
  return pages;
}

let warningsBeforeWithdrawal: readonly string[];
let finalProblems: readonly string[];
let secondBuild: ReturnType<typeof runBuild>;

beforeAll(() => {
  // The portal starts as a copy of the demo, built as it is, then committed: its pages are published.
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const demoBuild = runBuild(['--content', content, '--date', DEMO_BUILD_DATE, '--out', site]);
  if (demoBuild.status !== 0) throw new Error(`the demo did not build:\n${demoBuild.stdout}\n${demoBuild.stderr}`);
  git(portal, ['init', '-q', '-b', 'main']);
  commitAll(portal, '2024-01-02T09:00:00+00:00', 'Start from the demo');

  // Every demo file goes; the vendor's own profile, levels and policies come in.
  for (const entry of readdirSync(content)) rmSync(path.join(content, entry), { recursive: true });
  writeFileSync(path.join(content, 'vendor.yml'), stringify(marlow));
  writeFileSync(path.join(content, 'support-levels.yml'), stringify(supportLevels));
  mkdirSync(path.join(content, 'policies'));
  for (const kind of policyKinds) {
    const policy = { slug: kind, title: `Marlow ${kind} policy`, kind, updated: '2026-11-01' };
    writeFileSync(path.join(content, 'policies', `${kind}.md`), markdownFile(policy));
  }
  const created = [
    runNew('product', [
      ...['--name', 'Marlow Ledger Bridge', '--summary', 'Connects core banking to the ledger.'],
      ...['--category', 'Integration', '--updates-url', 'https://docs.marlow.example/bridge/updates'],
      ...['--secure-use-url', 'https://docs.marlow.example/bridge/hardening', '--support-owner', 'Bridge team'],
      ...['--release', '1.x', '--released', '2026-03-01', '--level', 'full'],
    ]),
    runNew('incident', [
      ...['--kind', 'incident', '--at', '2026-11-21T08:00:00Z', '--id', 'INC-2026-0001'],
      ...['--title', 'Delayed ledger synchronisation', '--product', 'marlow-ledger-bridge', '--impact', 'minor'],
      ...['--status', 'investigating', '--text', 'Synchronisation runs late; no data is lost.'],
      ...['--started', '2026-11-21T07:40:00Z'],
    ]),
    runNew('advisory', [
      ...['--id', 'MSSA-2026-0001', '--title', 'Session fixation in the bridge console', '--status', 'final'],
      ...['--summary', 'The console kept a session identifier across sign-in.'],
      ...['--cvss', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N', '--product', 'marlow-ledger-bridge'],
      ...['--release', '1.x', '--affected', '1.0.0 to 1.2.3', '--fixed', '1.2.4', '--remediation', 'fix'],
      ...['--remediation-text', 'Upgrade to 1.2.4.'],
    ]),
  ];
  for (const result of created) {
    if (result.status !== 0) throw new Error(`npm run new failed:\n${result.stdout}\n${result.stderr}`);
  }
  commitAll(portal, '2026-11-21T10:00:00+00:00', 'Our own content');
  warningsBeforeWithdrawal = check();

  writeFileSync(
    path.join(content, 'withdrawn.yml'),
    stringify({
      withdrawn: demoPages().map(({ kind, id, title }) => ({
        [kind]: id,
        title,
        date: '2026-11-21',
        reason: 'It was part of the example content the portal started from.',
      })),
    }),
  );
  commitAll(portal, '2026-11-21T11:00:00+00:00', 'Record the example content as withdrawn');
  finalProblems = check();
  secondBuild = runBuild(['--content', content, '--date', DEMO_BUILD_DATE, '--out', site]);
}, BUILD_TIMEOUT);

describe('replacing the demo with a vendor’s own content', () => {
  it('warns about each published demo page that was removed, until its withdrawal is recorded', () => {
    expect(warningsBeforeWithdrawal).toHaveLength(demoPages().length);
    for (const warning of warningsBeforeWithdrawal) {
      expect(warning).toMatch(
        /^\/.*\/content\/[a-z]+\/[\w-]+\.md was published on 2024-01-02 \(commit \w+\) and is no longer in the content folder/,
      );
    }
    expect(finalProblems).toEqual([]);
  });

  it('builds again on the same cache, and nothing of the demo vendor is left in the output', () => {
    expect(secondBuild.stderr).toBe('');
    expect(secondBuild.status).toBe(0);
    const traces = listFiles(site).filter((file) => /kestrel/i.test(readFileSync(path.join(site, file), 'latin1')));
    expect(traces).toEqual([]);
    expect(readFileSync(path.join(site, 'products', 'marlow-ledger-bridge', 'index.html'), 'utf8')).toContain(
      'Marlow Ledger Bridge',
    );
  });

  it('keeps each withdrawn address with a page saying what was withdrawn, when and why', () => {
    const page = readFileSync(path.join(site, 'products', 'edge-gateway', 'index.html'), 'utf8');
    expect(page).toContain('An example product');
    expect(page).toContain('It was part of the example content the portal started from.');
    expect(page).toMatch(/21 November 2026/);
    expect(existsSync(path.join(site, 'advisories', 'KSA-2026-0009', 'index.html'))).toBe(true);
  });
});

/**
 * npm run new -- <kind>, run as a script would (flags, no terminal) in a temporary copy of the
 * demo content: each command writes a file that passes the real check, refuses what the Code
 * does not allow, and leaves the rest of an edited file as the editor wrote it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { formatProblem } from '../../src/registry/problems.ts';
import { splitFrontMatter } from '../../src/registry/source/frontMatter.ts';
import { DEMO_BUILD_DATE, ROOT, runBuild } from '../support/builtSite.ts';

// Each command is a separate Node process running the real check; some tests run three.
vi.setConfig({ testTimeout: 120_000 });

let contentDir: string;

beforeEach(() => {
  contentDir = mkdtempSync(path.join(tmpdir(), 'trustline-new-'));
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
});
afterEach(() => rmSync(contentDir, { recursive: true, force: true }));

function runNew(kind: string, flags: string[], date = DEMO_BUILD_DATE) {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'new.ts'), kind, ...flags, '--content', contentDir, '--date', date],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (relativePath: string) => readFileSync(path.join(contentDir, relativePath), 'utf8');
const frontMatter = (relativePath: string) =>
  parse(splitFrontMatter(read(relativePath))!.frontMatter) as Record<string, unknown>;
const releaseLines = (relativePath: string) => frontMatter(relativePath)['releases'] as Record<string, unknown>[];
const errors = () =>
  checkContent({ contentDir, buildDate: DEMO_BUILD_DATE })
    .problems.filter((problem) => problem.severity === 'error')
    .map(formatProblem);

const newProduct = [
  '--name',
  'Kestrel Mail Relay',
  '--summary',
  'Outbound mail relay with DKIM signing and TLS enforcement.',
  '--category',
  'Messaging',
  '--updates-url',
  'https://docs.kestrel.example/mail-relay/updates',
  '--secure-use-url',
  'https://docs.kestrel.example/mail-relay/hardening',
  '--support-owner',
  'Messaging Support Team',
];

describe('npm run new -- product', () => {
  it('writes a product file that passes check, with its first release line in full support', () => {
    const result = runNew('product', newProduct);
    expect(result.stdout).toContain(
      `✔ created ${contentDir}/products/kestrel-mail-relay.md: it passes check (as of 2026-11-22)`,
    );
    expect(result.status).toBe(0);
    expect(read('products/kestrel-mail-relay.md')).toBe(`---
slug: kestrel-mail-relay
name: Kestrel Mail Relay
summary: Outbound mail relay with DKIM signing and TLS enforcement.
category: Messaging
identifiers:
  purl: pkg:generic/kestrel/kestrel-mail-relay
docs:
  updates: https://docs.kestrel.example/mail-relay/updates
  secureUse: https://docs.kestrel.example/mail-relay/hardening
supportOwner: Messaging Support Team
releases:
  - name: 1.x
    released: 2026-11-22
    phases:
      - level: full
---

Outbound mail relay with DKIM signing and TLS enforcement.
`);
    expect(errors()).toEqual([]);
  });

  it('shows the new product on its page in the built site', () => {
    runNew('product', newProduct);
    const outDir = mkdtempSync(path.join(tmpdir(), 'trustline-new-site-'));
    try {
      const build = runBuild(['--content', contentDir, '--date', DEMO_BUILD_DATE, '--out', outDir]);
      expect(build.status, build.stderr).toBe(0);
      const page = readFileSync(path.join(outDir, 'products', 'kestrel-mail-relay', 'index.html'), 'utf8');
      expect(page).toContain('Kestrel Mail Relay');
      expect(readFileSync(path.join(outDir, 'products', 'index.html'), 'utf8')).toContain('Kestrel Mail Relay');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('refuses a slug that is taken, and writes nothing', () => {
    const result = runNew('product', [...newProduct, '--slug', 'edge-gateway']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new product: a product "edge-gateway" already exists: choose another --slug\nnothing was written\n',
    );
  });

  it('names the missing flags when run without a terminal', () => {
    const result = runNew('product', ['--name', 'Kestrel Mail Relay']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'new product: missing --summary, --category, --updates-url URL, --secure-use-url URL, --support-owner\nnpm run new -- product --help lists the flags\n',
    );
  });
});

describe('npm run new -- release-line', () => {
  it('adds the line first in a newest-first product, names it the successor, and leaves the rest as written', () => {
    const before = read('products/edge-gateway.md');
    const result = runNew('release-line', ['--product', 'edge-gateway', '--name', '7.x', '--successor-of', '6.x']);
    expect(result.status).toBe(0);
    const expected = before
      .replace('releases:\n', 'releases:\n  - name: 7.x\n    released: 2026-11-22\n    phases:\n      - level: full\n')
      .replace(
        '    phases:\n      - level: full\n  - name: 5.x',
        '    phases:\n      - level: full\n    successor: 7.x\n  - name: 5.x',
      );
    expect(read('products/edge-gateway.md')).toBe(expected);
    expect(errors()).toEqual([]);
  });
});

describe('npm run new -- end-of-support', () => {
  it('announces the earliest date the Code allows when no date is given', () => {
    const result = runNew('end-of-support', [
      '--product',
      'edge-gateway',
      '--release',
      '6.x',
      '--migration',
      'Upgrade to **7.x** in place.',
    ]);
    expect(result.status).toBe(0);
    expect(releaseLines('products/edge-gateway.md')[0]).toEqual({
      name: '6.x',
      released: '2026-01-20',
      phases: [{ level: 'full' }],
      endOfSupport: { date: '2027-11-22', announced: '2026-11-22', migration: 'Upgrade to **7.x** in place.' },
    });
    expect(errors()).toEqual([]);
  });

  it('refuses a date with less than a year of notice, in the words of check, and writes nothing', () => {
    const before = read('products/edge-gateway.md');
    const result = runNew('end-of-support', [
      '--product',
      'edge-gateway',
      '--release',
      '6.x',
      '--end-date',
      '2027-06-30',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "new end-of-support: --end-date: 2027-06-30 gives 7 months' notice from the announcement on 2026-11-22; the Code requires at least one year — the earliest allowed date is 2027-11-22\nnothing was written\n",
    );
    expect(read('products/edge-gateway.md')).toBe(before);
  });

  it('records a later date as a change from the old one, announced today', () => {
    const result = runNew('end-of-support', [
      '--product',
      'edge-gateway',
      '--release',
      '5.x',
      '--end-date',
      '2028-03-31',
      '--reason',
      'Extended again while the EG-210 exchange programme runs.',
    ]);
    expect(result.status).toBe(0);
    const notice = releaseLines('products/edge-gateway.md')[1]!['endOfSupport'] as Record<string, unknown>;
    expect(notice['date']).toBe('2028-03-31');
    expect(notice['changes']).toEqual([
      {
        on: '2026-02-10',
        from: '2027-03-31',
        reason:
          'Extended by six months because the migration assistant for high-availability pairs, planned for 6.0, will ship in 6.1.',
        source: 'https://kestrel.example/news/2026/edge-gateway-5x-support-extended',
      },
      { on: '2026-11-22', from: '2027-09-30', reason: 'Extended again while the EG-210 exchange programme runs.' },
    ]);
    expect(errors()).toEqual([]);
  });

  it('refuses to bring a date forward to less than a year from today', () => {
    const result = runNew('end-of-support', [
      '--product',
      'edge-gateway',
      '--release',
      '5.x',
      '--end-date',
      '2027-06-30',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "new end-of-support: --end-date: moving the end of support of 5.x earlier, to 2027-06-30, is a new notice: it gives 7 months' notice from the change on 2026-11-22; the Code requires at least one year — the earliest allowed date is 2027-11-22 (or keep 2027-09-30)\nnothing was written\n",
    );
  });
});

describe('npm run new -- incident, incident-update, post-incident-report', () => {
  const open = [
    '--id',
    'INC-2026-0040',
    '--title',
    'Edge Gateway licence checks failing',
    '--product',
    'edge-gateway',
    '--impact',
    'major',
    '--status',
    'investigating',
    '--text',
    'Appliances cannot reach the licence service. Traffic is not affected.',
    '--at',
    '2026-11-22T09:00:00Z',
  ];

  it('opens an incident whose first update is the one given', () => {
    const result = runNew('incident', open);
    expect(result.status).toBe(0);
    expect(frontMatter('incidents/INC-2026-0040.md')).toEqual({
      id: 'INC-2026-0040',
      title: 'Edge Gateway licence checks failing',
      kind: 'incident',
      impact: 'major',
      affects: [{ product: 'edge-gateway' }],
      started: '2026-11-22T09:00:00Z',
      updates: [
        {
          at: '2026-11-22T09:00:00Z',
          status: 'investigating',
          text: 'Appliances cannot reach the licence service. Traffic is not affected.',
        },
      ],
    });
    expect(errors()).toEqual([]);
  });

  it('dates the first update at the build time when none is given and the clock is past it', () => {
    // Any machine's clock is past this build time; the command must not date the update at its clock.
    const result = runNew('incident', open.slice(0, open.indexOf('--at')), '2026-11-22T09:00:00Z');
    expect(result.status, result.stderr).toBe(0);
    expect(frontMatter('incidents/INC-2026-0040.md')).toMatchObject({
      started: '2026-11-22T09:00:00Z',
      updates: [{ at: '2026-11-22T09:00:00Z', status: 'investigating' }],
    });
  });

  it('appends a timestamped update and sets the status', () => {
    runNew('incident', open);
    const result = runNew('incident-update', [
      '--id',
      'INC-2026-0040',
      '--status',
      'resolved',
      '--text',
      'The licence service is back.\n\nNo action is needed.',
      '--at',
      '2026-11-22T10:15:00Z',
    ]);
    expect(result.status).toBe(0);
    expect(read('incidents/INC-2026-0040.md')).toContain(
      '  - at: 2026-11-22T10:15:00Z\n    status: resolved\n    text: |\n      The licence service is back.\n\n      No action is needed.\n---',
    );
    expect(errors()).toEqual([]);
  });

  it('publishes the post-incident report of a resolved incident', () => {
    runNew('incident', open);
    runNew('incident-update', [
      '--id',
      'INC-2026-0040',
      '--status',
      'resolved',
      '--text',
      'Resolved.',
      '--at',
      '2026-11-22T10:15:00Z',
    ]);
    const result = runNew('post-incident-report', [
      '--id',
      'INC-2026-0040',
      '--root-cause',
      'An expired certificate on the licence service.',
      '--measure',
      'Certificates are renewed automatically, 30 days before expiry.',
      '--measure',
      'An alert fires 14 days before any certificate expires.',
      '--published',
      '2026-11-22T16:00:00Z',
    ]);
    expect(result.status).toBe(0);
    expect(frontMatter('incidents/INC-2026-0040.md')['postIncidentReport']).toEqual({
      published: '2026-11-22T16:00:00Z',
      rootCause: 'An expired certificate on the licence service.',
      preventiveMeasures: [
        'Certificates are renewed automatically, 30 days before expiry.',
        'An alert fires 14 days before any certificate expires.',
      ],
    });
    expect(errors()).toEqual([]);
  });

  it('refuses an update timed after the build time, in the words of check, and writes nothing', () => {
    runNew('incident', open);
    const before = read('incidents/INC-2026-0040.md');
    const result = runNew('incident-update', [
      '--id',
      'INC-2026-0040',
      '--status',
      'identified',
      '--text',
      'Later.',
      '--at',
      '2026-11-23T08:00:00Z',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new incident-update: --at: 2026-11-23T08:00:00Z is after the build time 2026-11-22T23:59:59Z: post an update when it happens\nnothing was written\n',
    );
    expect(read('incidents/INC-2026-0040.md')).toBe(before);
  });

  it('refuses an update in the same minute as the previous one, in the words of check, and writes nothing', () => {
    runNew('incident', open);
    const before = read('incidents/INC-2026-0040.md');
    const result = runNew('incident-update', [
      '--id',
      'INC-2026-0040',
      '--status',
      'identified',
      '--text',
      'Found it.',
      '--at',
      '2026-11-22T09:00Z',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new incident-update: --at: 2026-11-22T09:00Z is not after the previous update (2026-11-22T09:00:00Z): list updates oldest first, each at its own time\nnothing was written\n',
    );
    expect(read('incidents/INC-2026-0040.md')).toBe(before);
  });
});

describe('npm run new -- advisory, advisory-revision', () => {
  it('publishes an advisory with the severity computed from its vector', () => {
    const result = runNew('advisory', [
      '--title',
      'Header injection in the Edge Gateway portal',
      '--summary',
      'A crafted request can inject response headers. Fixed in 6.2.2.',
      '--cve',
      'CVE-2026-50001',
      '--cvss',
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N',
      '--product',
      'edge-gateway',
      '--release',
      '6.x',
      '--affected',
      '6.0.0 to 6.2.1',
      '--fixed',
      '6.2.2',
      '--remediation-text',
      'Upgrade to 6.2.2 or later.',
    ]);
    expect(result.status).toBe(0);
    expect(frontMatter('advisories/KSA-2026-0013.md')).toMatchObject({
      id: 'KSA-2026-0013',
      status: 'interim',
      cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N', severity: 'medium' },
      remediations: [{ kind: 'fix', text: 'Upgrade to 6.2.2 or later.' }],
      revisions: [{ date: '2026-11-22', summary: 'Initial publication.' }],
    });
    expect(errors()).toEqual([]);
  });

  it('appends a revision, marks the advisory final, and keeps the folded summary as written', () => {
    const before = read('advisories/KSA-2026-0012.md');
    const result = runNew('advisory-revision', [
      '--id',
      'KSA-2026-0012',
      '--summary',
      'Fixed in 5.6.4 for 5.x.',
      '--final',
    ]);
    expect(result.status).toBe(0);
    expect(read('advisories/KSA-2026-0012.md')).toBe(
      before
        .replace('status: interim', 'status: final')
        .replace(
          '    summary: Added fixed version 6.2.1 for 6.x. The fix for 5.x is in testing.\n',
          '    summary: Added fixed version 6.2.1 for 6.x. The fix for 5.x is in testing.\n  - date: 2026-11-22\n    summary: Fixed in 5.6.4 for 5.x.\n',
        ),
    );
    expect(errors()).toEqual([]);
  });
});

describe('npm run new in a new portal, whose content folder has no products, incidents or advisories yet', () => {
  /** A new vendor's content: the demo's settings and policies under another name, nothing else. */
  beforeEach(() => {
    for (const folder of ['products', 'incidents', 'advisories'])
      rmSync(path.join(contentDir, folder), { recursive: true });
    writeFileSync(
      path.join(contentDir, 'vendor.yml'),
      read('vendor.yml').replace('name: Kestrel Software', 'name: Marlow Systems'),
    );
  });

  const firstProduct = [
    '--name',
    'Marlow Ledger Bridge',
    '--summary',
    'Connects ledgers to payment networks.',
    '--category',
    'Finance',
    '--updates-url',
    'https://example.com/ledger-bridge/updates',
    '--secure-use-url',
    'https://example.com/ledger-bridge/hardening',
    '--support-owner',
    'Finance Support Team',
  ];

  it('creates the products folder for the first product, which passes check', () => {
    const result = runNew('product', firstProduct);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      `✔ created ${contentDir}/products/marlow-ledger-bridge.md: it passes check (as of 2026-11-22)`,
    );
    expect(result.status).toBe(0);
    expect(frontMatter('products/marlow-ledger-bridge.md')['identifiers']).toEqual({
      purl: 'pkg:generic/marlow/marlow-ledger-bridge',
    });
    expect(errors()).toEqual([]);
  });

  it('creates the incidents folder for the first incident', () => {
    runNew('product', firstProduct);
    const result = runNew('incident', [
      '--title',
      'Payments delayed',
      '--product',
      'marlow-ledger-bridge',
      '--impact',
      'minor',
      '--text',
      'Payments are delayed by up to ten minutes.',
      '--at',
      '2026-11-22T09:00:00Z',
    ]);
    expect(result.status).toBe(0);
    expect(frontMatter('incidents/INC-2026-0001.md')['id']).toBe('INC-2026-0001');
    expect(errors()).toEqual([]);
  });

  it('creates the advisories folder for the first advisory, with an id made from the vendor’s initials', () => {
    runNew('product', firstProduct);
    const result = runNew('advisory', [
      '--title',
      'Replayed payment instructions',
      '--summary',
      'A replayed instruction could be accepted twice. Fixed in 1.0.4.',
      '--cvss',
      'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:N/I:H/A:N',
      '--product',
      'marlow-ledger-bridge',
      '--release',
      '1.x',
      '--affected',
      '1.0.0 to 1.0.3',
      '--fixed',
      '1.0.4',
      '--remediation-text',
      'Upgrade to 1.0.4 or later.',
    ]);
    expect(result.stdout).toContain(`✔ created ${contentDir}/advisories/MSSA-2026-0001.md: it passes check`);
    expect(result.status).toBe(0);
    expect(errors()).toEqual([]);
  });

  it('says there are no products yet when a command needs one, instead of an empty list', () => {
    const result = runNew('release-line', ['--product', 'marlow-ledger-bridge', '--name', '2.x']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new release-line: --product "marlow-ledger-bridge": there are no products yet; add one first with npm run new -- product\nnothing was written\n',
    );
  });

  it('says there are no open incidents yet when posting an update', () => {
    const result = runNew('incident-update', ['--id', 'INC-2026-0001', '--status', 'resolved', '--text', 'Fixed.']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new incident-update: --id "INC-2026-0001": there are no open incidents; open one with npm run new -- incident\nnothing was written\n',
    );
  });

  it('says there are no advisories yet when revising one', () => {
    const result = runNew('advisory-revision', ['--id', 'MSSA-2026-0001', '--summary', 'Fixed in 1.0.4.']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new advisory-revision: --id "MSSA-2026-0001": there are no advisories yet; publish one with npm run new -- advisory\nnothing was written\n',
    );
  });

  it('shows help without the demo vendor’s names', () => {
    for (const kind of ['product', 'release-line', 'end-of-support', 'incident', 'advisory']) {
      const result = runNew(kind, ['--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).not.toMatch(/kestrel|edge|gateway|identity|KSA/i);
    }
  });
});

describe('npm run new refuses what check would refuse, in check’s words, and writes nothing', () => {
  it('refuses a documentation link that is not https', () => {
    const result = runNew('product', [...newProduct, '--updates-url', 'http://docs.example.com/updates']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new product: --updates-url: expected a web address starting with https://, found "http://docs.example.com/updates"\nnothing was written\n',
    );
    expect(existsSync(path.join(contentDir, 'products', 'kestrel-mail-relay.md'))).toBe(false);
  });

  it('refuses a slug that is not URL-safe', () => {
    const result = runNew('product', [...newProduct, '--slug', 'Mail Relay']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new product: --slug: "Mail Relay" is not URL-safe: use lower-case letters, digits and single hyphens, e.g. "example-product"\nnothing was written\n',
    );
  });

  it('refuses a reason for a first announcement: a reason is given only when a published date moves', () => {
    const before = read('products/edge-gateway.md');
    const result = runNew('end-of-support', ['--product', 'edge-gateway', '--release', '6.x', '--reason', 'Because.']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'new end-of-support: --reason is only for moving a published end-of-support date\nnpm run new -- end-of-support --help lists the flags\n',
    );
    expect(read('products/edge-gateway.md')).toBe(before);
  });

  it('refuses an advisory whose remediation link is not https', () => {
    const result = runNew('advisory', [
      '--title',
      'Header injection',
      '--summary',
      'A crafted request can inject response headers.',
      '--cvss',
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N',
      '--product',
      'edge-gateway',
      '--release',
      '6.x',
      '--affected',
      '6.0.0 to 6.2.1',
      '--remediation-text',
      'Upgrade.',
      '--remediation-url',
      'http://example.com/fix',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'new advisory: --remediation-url: expected a web address starting with https://, found "http://example.com/fix"\nnothing was written\n',
    );
    expect(existsSync(path.join(contentDir, 'advisories', 'KSA-2026-0013.md'))).toBe(false);
  });
});

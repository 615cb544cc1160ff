/**
 * A small, valid content folder written to a temporary directory, for tests that change one
 * thing and assert what `check` says. It goes through the real reader, schemas and rules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export const BUILD_DATE = '2026-11-22';

export const vendor = {
  name: 'Fixture Software',
  description: 'A vendor used by the tests.',
  site: { url: 'https://trust.fixture.example', basePath: '/' },
  contacts: {
    support: { email: 'support@fixture.example' },
    security: { email: 'security@fixture.example', url: 'https://fixture.example/security' },
  },
  seniorResponsibleOwner: 'Chief Information Security Officer',
  pgpKeyUrl: 'https://fixture.example/pgp.asc',
  csaf: { publisherNamespace: 'https://fixture.example' },
};

export const supportLevels = {
  levels: [
    {
      id: 'full',
      name: 'Full support',
      summary: 'Fixes and features.',
      includes: { securityFixes: true, bugFixes: true, features: true, technicalSupport: true },
      securityFixTargets: { critical: '7 days', high: '30 days' },
      patchCadence: 'Monthly',
      distribution: 'Through the update service.',
      notification: 'By e-mail to administrators.',
    },
    {
      id: 'maintenance',
      name: 'Security maintenance',
      summary: 'Security fixes only.',
      includes: { securityFixes: true, bugFixes: false, features: false, technicalSupport: true },
      patchCadence: 'As needed',
      distribution: 'Through the update service.',
      notification: 'By e-mail to administrators.',
    },
  ],
};

/** What an end-of-support notice tells customers beside its dates (without it, check warns). */
export const noticeGuidance = { migration: 'Upgrade to 2.x.', risk: 'No security fixes after the date.' };

/** A product whose 1.x line ends 2027-12-31, announced from a cited source on 2026-06-01. */
export function product(overrides: Record<string, unknown> = {}) {
  return {
    slug: 'gateway',
    name: 'Fixture Gateway',
    summary: 'A gateway.',
    category: 'Networking',
    identifiers: { purl: 'pkg:generic/fixture/gateway' },
    docs: { updates: 'https://docs.fixture.example/updates', secureUse: 'https://docs.fixture.example/secure' },
    supportOwner: 'Gateway team',
    releases: [
      {
        name: '2.x',
        released: '2026-01-15',
        phases: [{ level: 'full' }],
      },
      {
        name: '1.x',
        released: '2024-01-15',
        phases: [{ level: 'full', until: '2026-01-14' }, { level: 'maintenance' }],
        successor: '2.x',
        endOfSupport: {
          date: '2027-12-31',
          announced: '2026-06-01',
          source: 'https://fixture.example/news/gateway-1x',
          ...noticeGuidance,
        },
      },
    ],
    ...overrides,
  };
}

export const incident = {
  id: 'INC-2026-0001',
  title: 'Gateway updates delayed',
  impact: 'minor',
  affects: [{ product: 'gateway', releases: ['2.x'] }],
  started: '2026-11-01T09:00:00Z',
  updates: [
    { at: '2026-11-01T09:10:00Z', status: 'investigating', text: 'We are looking into it.' },
    { at: '2026-11-01T10:00:00Z', status: 'resolved', text: 'Fixed.' },
  ],
};

export const advisory = {
  id: 'FSA-2026-0001',
  title: 'Gateway header injection',
  summary: 'A header injection in the gateway.',
  status: 'final',
  cves: ['CVE-2026-10001'],
  cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', severity: 'critical' },
  affects: [{ product: 'gateway', release: '1.x', affected: '1.0.0 to 1.4.2', fixed: '1.4.3' }],
  remediations: [{ kind: 'fix', text: 'Update to 1.4.3.' }],
  revisions: [{ date: '2026-10-01', summary: 'Initial publication.' }],
};

/** The rules that need the git history, as check names them when it skips them for the fixture. */
const SKIPPED_RULES =
  'these rules were skipped: a cited "source" covers only a notice given before its release line was in the portal; every end-of-support date git has published stays in its notice\'s history; a fact git has published about an incident or advisory changes only with a correction that says so; a published product, incident or advisory file is not removed without a record in withdrawn.yml';

/** What check says of the fixture where it is, outside git: a warning, for a trial. */
export const outsideGitWarning = (dir: string): string =>
  `${dir} the content is not in a git repository, so ${SKIPPED_RULES}. That is fine for a trial; publish from a git repository with its full history, so that they run`;

/** What check says of a shallow clone of the fixture: a warning, an error in CI. */
export const shallowCloneProblem = (dir: string): string =>
  `${dir} the git history is shallow, so ${SKIPPED_RULES}. Fetch the full history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0); in CI, a skipped rule stops the build`;

const policyKinds = ['support', 'end-of-support', 'vulnerability-disclosure', 'incident-support'] as const;

export function markdownFile(frontMatter: unknown, body = 'Text.\n'): string {
  return `---\n${stringify(frontMatter)}---\n${body}`;
}

export interface Fixture {
  dir: string;
  /** Writes (or overwrites) a file inside the content folder. */
  write(relativePath: string, text: string): string;
  remove(relativePath: string): void;
  cleanup(): void;
}

export function createContent(): Fixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustline-content-'));
  const fixture: Fixture = {
    dir,
    write(relativePath, text) {
      const file = path.join(dir, relativePath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove(relativePath) {
      rmSync(path.join(dir, relativePath), { force: true });
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  fixture.write('vendor.yml', stringify(vendor));
  fixture.write('support-levels.yml', stringify(supportLevels));
  fixture.write('products/gateway.md', markdownFile(product(), 'The gateway.\n'));
  fixture.write('incidents/INC-2026-0001.md', markdownFile(incident));
  fixture.write('advisories/FSA-2026-0001.md', markdownFile(advisory));
  for (const kind of policyKinds) {
    fixture.write(
      `policies/${kind}.md`,
      markdownFile({ slug: kind, title: `The ${kind} policy`, kind, updated: '2026-01-01' }),
    );
  }
  return fixture;
}

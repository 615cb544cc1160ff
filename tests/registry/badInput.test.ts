/**
 * Bad input, as editors really write it: each case breaks one thing in a valid content folder
 * and asserts the exact line `npm run check` prints for it — file, line, field, what is wrong
 * and how to fix it. None may crash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  advisory,
  createContent,
  incident,
  markdownFile,
  product,
  supportLevels,
  vendor,
  type Fixture,
} from '../support/contentFixture.ts';
import { checkFixture } from '../support/checkFixture.ts';

let fixture: Fixture;
afterEach(() => fixture.cleanup());

const withProduct = (overrides: Record<string, unknown>) => (content: Fixture) =>
  content.write('products/gateway.md', markdownFile(product(overrides)));
const withRelease = (index: number, changes: Record<string, unknown>) => (content: Fixture) => {
  const releases = product().releases.map((releaseLine, position) =>
    position === index ? { ...releaseLine, ...changes } : releaseLine,
  );
  content.write('products/gateway.md', markdownFile(product({ releases })));
};
const withIncident = (changes: Record<string, unknown>) => (content: Fixture) =>
  content.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, ...changes }));
const withAdvisory = (changes: Record<string, unknown>) => (content: Fixture) =>
  content.write('advisories/FSA-2026-0001.md', markdownFile({ ...advisory, ...changes }));
const notice = (changes: Record<string, unknown>) => ({
  date: '2027-12-31',
  announced: '2026-06-01',
  source: 'https://fixture.example/news/gateway-1x',
  ...changes,
});

const cases: [string, (content: Fixture) => void, string][] = [
  [
    'malformed YAML',
    (content) => content.write('products/gateway.md', '---\nslug: gateway\nname: "unterminated\n---\n'),
    'products/gateway.md:3 YAML syntax error (Missing closing "quote): check indentation, colons and quotes',
  ],
  [
    'a tab used for indentation',
    (content) => content.write('vendor.yml', 'name: Fixture\nsite:\n\turl: https://x.example\n'),
    'vendor.yml:3 a tab is used for indentation: YAML needs spaces',
  ],
  [
    'a field written twice',
    (content) => content.write('vendor.yml', `name: One\n${stringify({ name: 'Two' })}`),
    'vendor.yml:2 the same field is written twice: keep one',
  ],
  [
    'a Markdown file without front matter',
    (content) => content.write('incidents/INC-2026-0001.md', 'Just text.\n'),
    'incidents/INC-2026-0001.md:1 no front matter: start the file with a line "---", the fields, then another line "---"',
  ],
  [
    'a misspelt field',
    withProduct({ summray: 'A gateway.' }),
    'products/gateway.md:30 summray: unknown field "summray": did you mean "summary"?',
  ],
  [
    'an unknown nested field',
    withRelease(0, { releasd: '2026-01-15' }),
    'products/gateway.md:17 releases[0].releasd: unknown field "releasd": did you mean "released"?',
  ],
  [
    'a wrong enum value',
    withIncident({ impact: 'huge' }),
    'incidents/INC-2026-0001.md:4 impact: expected one of "none", "minor", "major", "critical", found "huge"',
  ],
  [
    'a number where text belongs',
    withProduct({ category: 5 }),
    'products/gateway.md:5 category: expected text, found 5',
  ],
  [
    'a missing required field',
    withProduct({ name: undefined }),
    'products/gateway.md:2 name: is required (text): add it',
  ],
  [
    'an impossible date',
    withRelease(0, { released: '2026-02-30' }),
    'products/gateway.md:14 releases[0].released: 2026-02-30 is not a real calendar date',
  ],
  [
    'a date in another format',
    withRelease(0, { released: '15/01/2026' }),
    'products/gateway.md:14 releases[0].released: expected a date written as YYYY-MM-DD, found "15/01/2026"',
  ],
  [
    'a time without an offset',
    withIncident({ started: '2026-11-01 09:00' }),
    'incidents/INC-2026-0001.md:9 started: expected a time with its offset such as 2026-11-20T08:12:00Z, found "2026-11-01 09:00"',
  ],
  [
    'a slug that is not URL-safe',
    withProduct({ slug: 'Edge Gateway' }),
    'products/gateway.md:2 slug: "Edge Gateway" is not URL-safe: use lower-case letters, digits and single hyphens, e.g. "example-product"',
  ],
  [
    'a web address with a space in it',
    withProduct({
      docs: {
        updates: 'https://docs.fixture.example/updates and fixes',
        secureUse: 'https://docs.fixture.example/secure',
      },
    }),
    'products/gateway.md:9 docs.updates: "https://docs.fixture.example/updates and fixes" contains a space, which a web address cannot contain as it is: percent-encode it as %20',
  ],
  [
    'a web address with a "<" in it',
    withAdvisory({ remediations: [{ kind: 'fix', text: 'Update.', url: 'https://fixture.example/fix?<1.4.3>' }] }),
    'advisories/FSA-2026-0001.md:19 remediations[0].url: "https://fixture.example/fix?<1.4.3>" contains "<", which a web address cannot contain as it is: percent-encode it as %3C',
  ],
  [
    'duplicate product slugs',
    (content) => content.write('products/copy.md', markdownFile(product({ name: 'Copy' }))),
    'products/gateway.md:2 slug: "gateway" is already used by products/copy.md: product slugs must be unique; choose another',
  ],
  [
    'duplicate release line names',
    (content) => {
      const releases = product().releases;
      content.write(
        'products/gateway.md',
        markdownFile(product({ releases: [...releases, { ...releases[0], released: '2026-02-01' }] })),
      );
    },
    'products/gateway.md:30 releases[2].name: "2.x" is already the name of releases[0]: release line names must be unique in a product',
  ],
  [
    'a dangling support level',
    withRelease(0, { phases: [{ level: 'ful' }] }),
    'products/gateway.md:16 releases[0].phases[0].level: unknown support level "ful": the levels in content/support-levels.yml are "full", "maintenance"',
  ],
  [
    'a dangling successor',
    withRelease(1, { successor: '3.x' }),
    'products/gateway.md:23 releases[1].successor: Fixture Gateway has no release line "3.x": its release lines are "2.x", "1.x"',
  ],
  [
    'an incident naming a product that does not exist',
    withIncident({ affects: [{ product: 'gatway' }] }),
    'incidents/INC-2026-0001.md:6 affects[0].product: there is no product "gatway": products are "gateway"',
  ],
  [
    'an advisory naming a release line that does not exist',
    withAdvisory({ affects: [{ product: 'gateway', release: '9.x', affected: 'all' }] }),
    'advisories/FSA-2026-0001.md:13 affects[0].release: Fixture Gateway has no release line "9.x": its release lines are "2.x", "1.x"',
  ],
  [
    'phases out of order',
    withRelease(1, {
      phases: [
        { level: 'full', until: '2026-01-14' },
        { level: 'maintenance', until: '2025-01-01' },
        { level: 'full' },
      ],
    }),
    'products/gateway.md:23 releases[1].phases[1].until: 2025-01-01 is before phases[0].until 2026-01-14: phases must be in order',
  ],
  [
    'an until on the last phase',
    withRelease(0, { phases: [{ level: 'full', until: '2028-01-01' }] }),
    'products/gateway.md:17 releases[0].phases[0].until: the last phase runs until the end of support: remove "until" here and announce the date in endOfSupport (date and announced), which the one-year notice rule checks',
  ],
  [
    'end of sales after end of support',
    withRelease(1, { endOfSales: '2028-06-30' }),
    'products/gateway.md:30 releases[1].endOfSales: 2028-06-30 is after the end of support 2027-12-31: a line cannot be sold once unsupported',
  ],
  [
    'an incident with the id of an advisory',
    withIncident({ id: 'FSA-2026-0001' }),
    'incidents/INC-2026-0001.md:2 id: "FSA-2026-0001" is also the id of an advisory: an incident and an advisory cannot share an id (their CSAF documents would be one file); choose another',
  ],
  [
    'end of sales after security fixes end',
    (content) => {
      const technical = {
        ...supportLevels.levels[1],
        id: 'technical',
        name: 'Technical support',
        includes: { securityFixes: false, bugFixes: false, features: false, technicalSupport: true },
      };
      content.write('support-levels.yml', stringify({ levels: [...supportLevels.levels, technical] }));
      withRelease(1, {
        endOfSales: '2027-09-30',
        phases: [
          { level: 'full', until: '2026-01-14' },
          { level: 'maintenance', until: '2027-06-30' },
          { level: 'technical' },
        ],
      })(content);
    },
    'products/gateway.md:32 releases[1].endOfSales: 2027-09-30 is after the last day of security fixes, 2027-06-30 (the end of phases[1], "maintenance"): a line cannot be sold once it no longer gets security fixes',
  ],
  [
    'an end of support with short notice',
    withRelease(1, { endOfSupport: notice({ date: '2027-02-01' }) }),
    "products/gateway.md:25 releases[1].endOfSupport.date: 2027-02-01 gives 8 months' notice from the announcement on 2026-06-01; the Code requires at least one year — the earliest allowed date is 2027-06-01",
  ],
  [
    'an end of support brought forward with short notice',
    withRelease(1, {
      endOfSupport: notice({
        date: '2027-03-31',
        changes: [{ on: '2026-11-01', from: '2027-12-31', source: 'https://fixture.example/news/2' }],
      }),
    }),
    "products/gateway.md:25 releases[1].endOfSupport.date: moving the end of support of 1.x earlier, to 2027-03-31, is a new notice: it gives 4 months' notice from the change on 2026-11-01; the Code requires at least one year — the earliest allowed date is 2027-11-01 (or keep 2027-12-31)",
  ],
  [
    'an announcement dated in the future',
    withRelease(1, { endOfSupport: notice({ announced: '2026-12-01', date: '2028-12-31' }) }),
    'products/gateway.md:26 releases[1].endOfSupport.announced: 2026-12-01 is after the build date 2026-11-22: a notice counts from the day it is published, so it cannot be dated in the future',
  ],
  [
    'a backdated notice that git never published, less than a year before its date from the build date',
    withRelease(1, { endOfSupport: { date: '2027-11-15', announced: '2026-06-01' } }),
    "products/gateway.md:25 releases[1].endOfSupport.date: 2027-11-15 gives 11 months' notice from 2026-11-22, the day it was published (the content is not in a git repository, so it counts as published on the build date), later than the 2026-06-01 written: a notice counts from the day customers could read it; the Code requires at least one year — the earliest allowed date is 2027-11-22",
  ],
  [
    'incident updates out of order',
    withIncident({
      updates: [
        { at: '2026-11-01T10:00:00Z', status: 'investigating', text: 'Later.' },
        { at: '2026-11-01T09:10:00Z', status: 'resolved', text: 'Earlier.' },
      ],
    }),
    'incidents/INC-2026-0001.md:14 updates[1].at: 2026-11-01T09:10:00Z is not after the previous update (2026-11-01T10:00:00Z): list updates oldest first, each at its own time',
  ],
  [
    'a resolved update that is not the last',
    withIncident({
      updates: [
        { at: '2026-11-01T09:10:00Z', status: 'resolved', text: 'Done.' },
        { at: '2026-11-01T10:00:00Z', status: 'monitoring', text: 'Watching.' },
      ],
    }),
    'incidents/INC-2026-0001.md:12 updates[0].status: "resolved" must be the last update: move the later updates before it, or reopen with a new incident',
  ],
  [
    'a post-incident report on an unresolved incident',
    withIncident({
      updates: [{ at: '2026-11-01T09:10:00Z', status: 'investigating', text: 'Looking.' }],
      postIncidentReport: { published: '2026-11-02T09:00:00Z', rootCause: 'A bug.', preventiveMeasures: ['Tests.'] },
    }),
    'incidents/INC-2026-0001.md:14 postIncidentReport: the incident is not resolved yet: add a final update with status "resolved" before the post-incident report',
  ],
  [
    'a maintenance status on an incident',
    withIncident({ updates: [{ at: '2026-11-01T09:10:00Z', status: 'completed', text: 'Done.' }] }),
    'incidents/INC-2026-0001.md:12 updates[0].status: "completed" is not a status for an incident: use one of "investigating", "identified", "monitoring", "resolved"',
  ],
  [
    'a CVSS vector that does not parse',
    withAdvisory({ cvss: { vector: 'CVSS:3.1/AV:N/AC:L' } }),
    'advisories/FSA-2026-0001.md:9 cvss.vector: "CVSS:3.1/AV:N/AC:L" is not a valid CVSS 3.1 vector: the base metrics PR, UI, S, C, I, A are missing: give all of AV, AC, PR, UI, S, C, I, A, in that order, e.g. "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"',
  ],
  [
    'a stated severity that does not match the vector',
    withAdvisory({ cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', severity: 'medium' } }),
    'advisories/FSA-2026-0001.md:10 cvss.severity: "medium" does not match the vector, which scores 9.8 (critical): set severity to "critical" or correct the vector',
  ],
  [
    'an affected range that ends before it starts',
    withAdvisory({ affects: [{ product: 'gateway', release: '1.x', affected: '1.4.2 to 1.0.0', fixed: '1.4.3' }] }),
    'advisories/FSA-2026-0001.md:14 affects[0].affected: "1.4.2 to 1.0.0" ends before it starts, so no version is in it: write the lower version first',
  ],
  [
    'a CVE ID in the wrong form',
    withAdvisory({ cves: ['CVE-26-1'] }),
    'advisories/FSA-2026-0001.md:7 cves[0]: "CVE-26-1" is not a CVE ID such as CVE-2026-12345: CVE-, a year from 1999, -, then a number of at least four digits (leading zeros only to make four)',
  ],
  [
    'a product without purl or CPE',
    withProduct({ identifiers: {} }),
    'products/gateway.md:6 identifiers: give a purl, a cpe, or both: scanners and CSAF need one',
  ],
  [
    'a security.txt expiry period of two years',
    (content) => {
      content.write('vendor.yml', stringify({ ...vendor, securityTxt: { expiresAfterDays: 730 } }));
    },
    'vendor.yml:17 securityTxt.expiresAfterDays: RFC 9116 advises against more than a year: use at most 365 days',
  ],
  [
    'a missing required policy',
    (content) => content.remove('policies/vulnerability-disclosure.md'),
    'policies the Vulnerability disclosure policy (Code of Practice 3.2) is missing: add a Markdown file in policies/ with "kind: vulnerability-disclosure" (see docs/content-reference.md)',
  ],
  [
    'an empty file',
    (content) => content.write('advisories/FSA-2026-0002.md', '\n\n'),
    'advisories/FSA-2026-0002.md the file is empty: fill it in (see docs/content-reference.md) or delete it',
  ],
  [
    'a file that is not UTF-8',
    (content) =>
      content.write('incidents/INC-2026-0002.md', Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1') as never),
    'incidents/INC-2026-0002.md:2 the file is not valid UTF-8 (byte 15): save it with UTF-8 encoding',
  ],
  [
    'a huge file',
    (content) =>
      content.write('incidents/INC-2026-0002.md', `---\nid: INC-2026-0002\n---\n${'x'.repeat(2 * 1024 * 1024)}`),
    'incidents/INC-2026-0002.md the file is 2.0 MiB; content files are limited to 1 MiB: split it or shorten it',
  ],
  [
    'a stray file in the content folder',
    (content) => content.write('products/notes.txt', 'todo'),
    'products/notes.txt this file is not content Trustline knows: content/ holds vendor.yml, support-levels.yml, an optional withdrawn.yml, and Markdown (.md) files in products/, incidents/, advisories/ and policies/. Move or remove it',
  ],
  [
    'a missing vendor profile',
    (content) => content.remove('vendor.yml'),
    'vendor.yml vendor.yml is missing: create it (see docs/content-reference.md)',
  ],
];

describe('check explains bad input', () => {
  it.each(cases)('%s', (_name, breakContent, expected) => {
    fixture = createContent();
    breakContent(fixture);
    const { errors, result } = checkFixture(fixture);
    expect(result.registry).toBeUndefined();
    expect(errors).toContain(expected);
    // One mistake, one message: nothing is reported twice or as a knock-on effect.
    expect(errors).toHaveLength(1);
  });

  it('reports every problem at once, not just the first', () => {
    fixture = createContent();
    withProduct({ category: 5 })(fixture);
    withIncident({ impact: 'huge' })(fixture);
    withAdvisory({ cves: ['CVE-26-1'] })(fixture);
    expect(checkFixture(fixture).errors).toHaveLength(3);
  });
});

/**
 * Mistakes that do not depend on each other are all reported in one run: a field that fails its
 * schema does not hide the cross-document rules from the rest of its file, and what depends on
 * the failed field says nothing (one mistake, one message).
 */
const independentCases: [string, (content: Fixture) => void, string[]][] = [
  [
    'a bad date and an unknown support level in the same release line',
    withRelease(0, { released: '2026-02-30', phases: [{ level: 'ful' }] }),
    [
      'products/gateway.md:14 releases[0].released: 2026-02-30 is not a real calendar date',
      'products/gateway.md:16 releases[0].phases[0].level: unknown support level "ful": the levels in content/support-levels.yml are "full", "maintenance"',
    ],
  ],
  [
    'a date that failed and the phases and end of support compared with it',
    (content) => {
      const [current, previous] = product().releases;
      content.write(
        'products/gateway.md',
        markdownFile(
          product({
            releases: [
              { ...current, phases: [{ level: 'ful' }] },
              { ...previous, released: '2027-13-01' },
            ],
          }),
        ),
      );
    },
    [
      'products/gateway.md:16 releases[0].phases[0].level: unknown support level "ful": the levels in content/support-levels.yml are "full", "maintenance"',
      'products/gateway.md:18 releases[1].released: 2027-13-01 is not a real calendar date',
    ],
  ],
  [
    'a missing product name and an end of support with short notice',
    (content) => {
      const releases = product().releases.map((releaseLine, index) =>
        index === 1 ? { ...releaseLine, endOfSupport: notice({ date: '2027-02-01' }) } : releaseLine,
      );
      content.write('products/gateway.md', markdownFile(product({ name: undefined, releases })));
    },
    [
      'products/gateway.md:2 name: is required (text): add it',
      "products/gateway.md:24 releases[1].endOfSupport.date: 2027-02-01 gives 8 months' notice from the announcement on 2026-06-01; the Code requires at least one year — the earliest allowed date is 2027-06-01",
    ],
  ],
  [
    'an incident with a bad timestamp and an unknown product',
    withIncident({ started: '2026-11-01 09:00', affects: [{ product: 'gatway' }] }),
    [
      'incidents/INC-2026-0001.md:6 affects[0].product: there is no product "gatway": products are "gateway"',
      'incidents/INC-2026-0001.md:7 started: expected a time with its offset such as 2026-11-20T08:12:00Z, found "2026-11-01 09:00"',
    ],
  ],
  [
    'an incident update with a bad time, the order it breaks, and an unknown product',
    withIncident({
      affects: [{ product: 'gatway' }],
      updates: [
        { at: 'yesterday', status: 'investigating', text: 'Looking.' },
        { at: '2026-11-01T10:00:00Z', status: 'resolved', text: 'Fixed.' },
      ],
    }),
    [
      'incidents/INC-2026-0001.md:6 affects[0].product: there is no product "gatway": products are "gateway"',
      'incidents/INC-2026-0001.md:9 updates[0].at: expected a time with its offset such as 2026-11-20T08:12:00Z, found "yesterday"',
    ],
  ],
  [
    'an advisory with a bad CVSS vector and an unknown release line',
    withAdvisory({
      cvss: { vector: 'CVSS:3.1/AV:N/AC:L' },
      affects: [{ product: 'gateway', release: '9.x', affected: '< 9.1.0' }],
    }),
    [
      'advisories/FSA-2026-0001.md:9 cvss.vector: "CVSS:3.1/AV:N/AC:L" is not a valid CVSS 3.1 vector: the base metrics PR, UI, S, C, I, A are missing: give all of AV, AC, PR, UI, S, C, I, A, in that order, e.g. "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"',
      'advisories/FSA-2026-0001.md:12 affects[0].release: Fixture Gateway has no release line "9.x": its release lines are "2.x", "1.x"',
    ],
  ],
  [
    'an advisory with a bad CVE ID, a bad revision date and an unknown release line',
    withAdvisory({
      cves: ['CVE-26-1'],
      affects: [{ product: 'gateway', release: '9.x', affected: '< 9.1.0' }],
      revisions: [{ date: '01/10/2026', summary: 'Initial publication.' }],
    }),
    [
      'advisories/FSA-2026-0001.md:7 cves[0]: "CVE-26-1" is not a CVE ID such as CVE-2026-12345: CVE-, a year from 1999, -, then a number of at least four digits (leading zeros only to make four)',
      'advisories/FSA-2026-0001.md:13 affects[0].release: Fixture Gateway has no release line "9.x": its release lines are "2.x", "1.x"',
      'advisories/FSA-2026-0001.md:19 revisions[0].date: expected a date written as YYYY-MM-DD, found "01/10/2026"',
    ],
  ],
  [
    'two files, each with a mistake',
    (content) => {
      withIncident({ impact: 'huge' })(content);
      withAdvisory({ affects: [{ product: 'gateway', release: '9.x', affected: '< 9.1.0' }] })(content);
    },
    [
      'advisories/FSA-2026-0001.md:13 affects[0].release: Fixture Gateway has no release line "9.x": its release lines are "2.x", "1.x"',
      'incidents/INC-2026-0001.md:4 impact: expected one of "none", "minor", "major", "critical", found "huge"',
    ],
  ],
  [
    'a product slug that failed, an unknown support level in it, and an incident naming the product',
    (content) => {
      const [current, previous] = product().releases;
      content.write(
        'products/gateway.md',
        markdownFile(product({ slug: 'Gateway', releases: [{ ...current, phases: [{ level: 'ful' }] }, previous] })),
      );
    },
    [
      'products/gateway.md:2 slug: "Gateway" is not URL-safe: use lower-case letters, digits and single hyphens, e.g. "example-product"',
      'products/gateway.md:16 releases[0].phases[0].level: unknown support level "ful": the levels in content/support-levels.yml are "full", "maintenance"',
    ],
  ],
  [
    'a release line name that failed, an advisory naming that line, and an incident naming an unknown product',
    (content) => {
      withRelease(1, { name: '1.x!' })(content);
      withIncident({ affects: [{ product: 'gatway' }] })(content);
    },
    [
      'incidents/INC-2026-0001.md:6 affects[0].product: there is no product "gatway": products are "gateway"',
      'products/gateway.md:17 releases[1].name: "1.x!" is not a release line name: use up to 40 letters, digits, spaces, dots, "+", "_" or "-", e.g. "5.x"',
    ],
  ],
  [
    'a support level that failed and a release line naming an unknown level',
    (content) => {
      const [full, maintenance] = supportLevels.levels;
      content.write('support-levels.yml', stringify({ levels: [full, { ...maintenance, name: '' }] }));
      withRelease(0, { phases: [{ level: 'ful' }] })(content);
    },
    [
      'products/gateway.md:16 releases[0].phases[0].level: unknown support level "ful": the levels in content/support-levels.yml are "full", "maintenance"',
      'support-levels.yml:17 levels[1].name: must not be empty',
    ],
  ],
];

describe('check reports every independent problem in one run', () => {
  it.each(independentCases)('%s', (_name, breakContent, expected) => {
    fixture = createContent();
    breakContent(fixture);
    const { errors, result } = checkFixture(fixture);
    expect(result.registry).toBeUndefined();
    expect(errors).toEqual(expected);
  });
});

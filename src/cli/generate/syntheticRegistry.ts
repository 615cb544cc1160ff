/**
 * A synthetic content folder of a chosen size, valid by the project's own rules as of the build
 * date: products with release lines in every phase, end-of-support notices (some extended),
 * incidents and maintenance with timelines and post-incident reports, advisories with CVSS
 * vectors. Deterministic: the same seed gives the same bytes (no clock, no Math.random).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { scoreCvss } from '../../registry/cvss.ts';
import { Random } from './random.ts';

export interface RegistrySize {
  products: number;
  releaseLines: number;
  incidents: number;
  advisories: number;
}

export const SIZES = {
  M: { products: 100, releaseLines: 800, incidents: 1_000, advisories: 300 },
  L: { products: 1_000, releaseLines: 8_000, incidents: 10_000, advisories: 3_000 },
  XL: { products: 5_000, releaseLines: 40_000, incidents: 50_000, advisories: 15_000 },
} as const satisfies Record<string, RegistrySize>;

export type SizeName = 'S' | keyof typeof SIZES;

/** The build date every generated registry is valid for (the project's pinned date). */
export const GENERATED_BUILD_DATE = '2026-11-22';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const BUILD_DAY = Date.parse(`${GENERATED_BUILD_DATE}T00:00:00Z`) / DAY_MS;
const VENDOR_DOMAIN = 'northwind.example';

/** Calendar date of an epoch day, computed in UTC only. */
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const timeOf = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The demo's own content files (S): the realistic small registry. */
export function demoContentFiles(demoDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(demoDir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.set(child, readFileSync(path.join(demoDir, child), 'utf8'));
    }
  };
  walk('');
  return files;
}

/**
 * Every file of the registry, by path relative to the content folder. The support levels and
 * policies are the demo's (they are few and hand-written); everything else is generated.
 */
export function syntheticContentFiles(size: RegistrySize, seed: number, demoDir: string): Map<string, string> {
  const random = new Random(seed);
  const files = new Map<string, string>();
  files.set('vendor.yml', vendorYaml());
  files.set('support-levels.yml', readFileSync(path.join(demoDir, 'support-levels.yml'), 'utf8'));
  for (const name of readdirSync(path.join(demoDir, 'policies')).sort()) {
    if (name.endsWith('.md')) files.set(`policies/${name}`, readFileSync(path.join(demoDir, 'policies', name), 'utf8'));
  }
  const products = generateProducts(random, size);
  for (const product of products) files.set(`products/${product.slug}.md`, product.file);
  const incidentIds = new IdSequence('INC');
  for (let index = 0; index < size.incidents; index++) {
    const incident = generateIncident(random, products, incidentIds);
    files.set(`incidents/${incident.id}.md`, incident.file);
  }
  const advisoryIds = new IdSequence('NWSA');
  // CVE sequence numbers have at least four digits and no leading zero beyond four (CVE ID syntax).
  const cves = new IdSequence('CVE');
  for (let index = 0; index < size.advisories; index++) {
    const advisory = generateAdvisory(random, products, advisoryIds, cves);
    files.set(`advisories/${advisory.id}.md`, advisory.file);
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function vendorYaml(): string {
  return `# Northwind Systems: a synthetic vendor for benchmarks (npm run generate).
${stringify(
  {
    name: 'Northwind Systems',
    description:
      'Northwind Systems builds infrastructure, security and data software. This portal publishes support lifecycles, end-of-support notices, incidents, security advisories and the policies behind them.',
    site: { url: `https://trust.${VENDOR_DOMAIN}`, basePath: '/', language: 'en-GB' },
    contacts: {
      support: { email: `support@${VENDOR_DOMAIN}`, url: `https://${VENDOR_DOMAIN}/support` },
      security: { email: `security@${VENDOR_DOMAIN}`, url: `https://${VENDOR_DOMAIN}/security/report` },
    },
    seniorResponsibleOwner: 'Chief Information Security Officer',
    csaf: { publisherNamespace: `https://${VENDOR_DOMAIN}` },
    securityTxt: { expiresAfterDays: 180, preferredLanguages: ['en'] },
    feeds: { maxItems: 50 },
  },
  { lineWidth: 100 },
)}`;
}

function markdownFile(frontMatter: object, body: string): string {
  return `---\n${stringify(frontMatter, { lineWidth: 100 })}---\n\n${body}\n`;
}

// ---------------------------------------------------------------- words

const PRODUCT_WORDS = {
  first: ['Edge', 'Vault', 'Insight', 'Identity', 'Endpoint', 'Cloud', 'Data', 'Stream', 'Mesh', 'Signal', 'Harbour'],
  second: ['Gateway', 'Backup', 'Server', 'Agent', 'Connector', 'Console', 'Broker', 'Monitor', 'Relay', 'Studio'],
  categories: ['Networking', 'Identity', 'Endpoint security', 'Data protection', 'Observability', 'Developer tools'],
  teams: ['Network', 'Identity', 'Endpoint', 'Data Protection', 'Platform', 'Developer Products'],
};
const SUBJECTS = ['API requests', 'sign-ins', 'update checks', 'backup jobs', 'dashboard loads', 'webhook deliveries'];
const SYMPTOMS = ['failing', 'slower than usual', 'timing out', 'returning errors', 'delayed'];
const CAUSES = [
  'an expired certificate on an internal service',
  'a configuration change to a load balancer',
  'a database failover that did not complete',
  'exhausted connection pools after a traffic spike',
  'a faulty storage node in one region',
  'a dependency upgrade with a changed default',
];
const MEASURES = [
  'Alerting now pages the on-call engineer on the first failure.',
  'Configuration changes are rolled out to one region at a time with automatic rollback.',
  'Capacity limits are reviewed every quarter against measured peaks.',
  'Failover is rehearsed monthly in production.',
  'Certificate expiry is monitored from outside our network for every public host name.',
];
const WEAKNESSES = [
  ['Path traversal', 'in the file import endpoint'],
  ['Cross-site scripting', 'in the administration console'],
  ['Privilege escalation', 'through the update cache'],
  ['Authentication bypass', 'in the single sign-on callback'],
  ['Denial of service', 'through malformed protocol messages'],
  ['Information disclosure', 'in diagnostic bundles'],
  ['SQL injection', 'in the reporting API'],
] as const;

function paragraph(random: Random, subject: string): string {
  const sentences = [
    `${subject} is used by thousands of customers in production.`,
    'Updates are signed and verified before installation.',
    'Each release line is supported for at least three years.',
    'Configuration is managed from the central console or through the API.',
    'Detailed release notes accompany every update.',
    'Support cases can be opened from the customer portal at any time.',
  ];
  return random.sample(sentences, random.int(2, 4)).join(' ');
}

// ---------------------------------------------------------------- products

interface GeneratedLine {
  name: string;
  phase: 'full' | 'maintenance' | 'extended' | 'ended' | 'to-be-announced';
}

interface GeneratedProduct {
  slug: string;
  lines: GeneratedLine[];
  file: string;
}

/** Line counts per product between 2 and 14 that add up to exactly `total`. */
function lineCounts(random: Random, products: number, total: number): number[] {
  const average = total / products;
  const counts = Array.from({ length: products }, () =>
    Math.max(2, Math.min(14, Math.round(average + random.int(-4, 4)))),
  );
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const index = random.int(0, products - 1);
    const step = sum < total ? 1 : -1;
    const next = counts[index]! + step;
    if (next < 1 || next > 20) continue;
    counts[index] = next;
    sum += step;
  }
  return counts;
}

function generateProducts(random: Random, size: RegistrySize): GeneratedProduct[] {
  const counts = lineCounts(random, size.products, size.releaseLines);
  return counts.map((count, index) => generateProduct(random, index, count));
}

function generateProduct(random: Random, index: number, lineCount: number): GeneratedProduct {
  const first = random.pick(PRODUCT_WORDS.first);
  const second = random.pick(PRODUCT_WORDS.second);
  const slug = `${first}-${second}-${index + 1}`.toLowerCase();
  const name = `Northwind ${first} ${second} ${index + 1}`;
  const team = random.pick(PRODUCT_WORDS.teams);

  // Release dates, newest first: the newest line shipped within the last year.
  const released: number[] = [BUILD_DAY - random.int(30, 330)];
  for (let k = 1; k < lineCount; k++) released.push(released[k - 1]! - random.int(400, 800));
  const names = released.map((_, k) => `${lineCount - k}.x`);
  const newest = names[0]!;

  const lines: GeneratedLine[] = [];
  const releases = released.map((releasedDay, k) => {
    const lineName = names[k]!;
    const releasedDate = dateOf(releasedDay);
    const source = (day: number) =>
      `https://${VENDOR_DOMAIN}/news/${dateOf(day).slice(0, 4)}/${slug}-${lineName.replace(/\W/g, '')}-end-of-support`;
    if (k === 0) {
      lines.push({ name: lineName, phase: 'full' });
      return { name: lineName, released: releasedDate, phases: [{ level: 'full' }] };
    }
    const successorReleased = released[k - 1]!;
    const fullUntil = successorReleased - 1;
    const common = {
      name: lineName,
      released: releasedDate,
      endOfSales: dateOf(successorReleased - 1),
    };
    const kind =
      k === 1
        ? random.chance(0.75)
          ? 'maintenance'
          : 'to-be-announced'
        : k === 2 && random.chance(0.6)
          ? 'extended'
          : 'ended';

    if (kind === 'to-be-announced') {
      lines.push({ name: lineName, phase: 'to-be-announced' });
      const { endOfSales: _unused, ...withoutEndOfSales } = common;
      void _unused;
      return {
        ...withoutEndOfSales,
        phases: [{ level: 'full', until: dateOf(fullUntil) }, { level: 'maintenance' }],
        successor: newest,
      };
    }
    if (kind === 'maintenance') {
      lines.push({ name: lineName, phase: 'maintenance' });
      // A few notices are published today without a source: they count from the git commit, so
      // the benchmark exercises the notice rule's history read.
      const givenToday = random.chance(0.02);
      const endDay = BUILD_DAY + random.int(givenToday ? 400 : 100, 800);
      const announced = givenToday ? BUILD_DAY : Math.min(BUILD_DAY - 1, endDay - random.int(400, 700));
      return {
        ...common,
        phases: [{ level: 'full', until: dateOf(fullUntil) }, { level: 'maintenance' }],
        successor: newest,
        endOfSupport: notice(random, announced, endDay, givenToday ? undefined : source, false),
      };
    }
    if (kind === 'extended') {
      lines.push({ name: lineName, phase: 'extended' });
      const maintenanceUntil = Math.min(BUILD_DAY - random.int(10, 200), fullUntil + random.int(200, 500));
      const endDay = BUILD_DAY + random.int(30, 500);
      const announced = Math.min(BUILD_DAY - 1, endDay - random.int(400, 700));
      return {
        ...common,
        phases: [
          { level: 'full', until: dateOf(fullUntil) },
          { level: 'maintenance', until: dateOf(Math.max(fullUntil + 1, maintenanceUntil)) },
          { level: 'extended' },
        ],
        successor: newest,
        endOfSupport: notice(random, announced, endDay, source, random.chance(0.3)),
      };
    }
    lines.push({ name: lineName, phase: 'ended' });
    const endDay = Math.min(BUILD_DAY - random.int(5, 60), successorReleased + random.int(400, 900));
    const announced = endDay - random.int(400, 700);
    const withExtended = random.chance(0.3) && endDay - fullUntil > 200;
    return {
      ...common,
      phases: withExtended
        ? [
            { level: 'full', until: dateOf(fullUntil) },
            { level: 'maintenance', until: dateOf(fullUntil + Math.floor((endDay - fullUntil) / 2)) },
            { level: 'extended' },
          ]
        : [{ level: 'full', until: dateOf(fullUntil) }, { level: 'maintenance' }],
      successor: newest,
      endOfSupport: notice(random, announced, endDay, source, random.chance(0.15)),
    };
  });

  const frontMatter = {
    slug,
    name,
    summary: `${first} ${second.toLowerCase()} for businesses, managed from the Northwind console.`,
    category: random.pick(PRODUCT_WORDS.categories),
    identifiers: {
      purl: `pkg:generic/northwind/${slug}`,
      cpe: `cpe:2.3:a:northwind:${slug.replace(/-/g, '_')}:*:*:*:*:*:*:*:*`,
    },
    docs: {
      updates: `https://docs.${VENDOR_DOMAIN}/${slug}/updates`,
      secureUse: `https://docs.${VENDOR_DOMAIN}/${slug}/security/hardening`,
    },
    supportOwner: `${team} Support Team`,
    releases,
  };
  const body = `${paragraph(random, name)}\n\n## Release lines\n\n${paragraph(random, name)}`;
  return { slug, lines, file: markdownFile(frontMatter, body) };
}

/**
 * An end-of-support notice announced on `announced` for `endDay`, at least a year later.
 * Extended notices first gave an earlier date, then moved it later (which needs no new year).
 */
function notice(
  random: Random,
  announced: number,
  endDay: number,
  source: ((day: number) => string) | undefined,
  extended: boolean,
): object {
  const migration = 'Upgrade to the newest release line. The upgrade guide lists every changed setting.';
  const risk = 'After the end of support no further updates are published, including security fixes.';
  if (extended) {
    const firstDate = endDay - random.int(90, 365);
    const firstAnnounced = Math.min(announced, firstDate - random.int(370, 500));
    const changedOn = Math.min(
      BUILD_DAY - 1,
      firstAnnounced + random.int(30, Math.max(31, firstDate - firstAnnounced - 1)),
    );
    return {
      date: dateOf(endDay),
      announced: dateOf(firstAnnounced),
      ...(source && { source: source(firstAnnounced) }),
      changes: [
        {
          on: dateOf(changedOn),
          from: dateOf(firstDate),
          reason: 'Extended so that customers can complete the migration with the next tooling release.',
          ...(source && { source: `${source(changedOn)}-extended` }),
        },
      ],
      migration,
      risk,
    };
  }
  return {
    date: dateOf(endDay),
    announced: dateOf(announced),
    ...(source && { source: source(announced) }),
    migration,
    risk,
  };
}

// ---------------------------------------------------------------- incidents

class IdSequence {
  private readonly next = new Map<string, number>();
  private readonly prefix: string;
  private readonly digits: number;

  constructor(prefix: string, digits = 4) {
    this.prefix = prefix;
    this.digits = digits;
  }

  take(year: string): string {
    const number = (this.next.get(year) ?? 0) + 1;
    this.next.set(year, number);
    return `${this.prefix}-${year}-${String(number).padStart(this.digits, '0')}`;
  }
}

function affectedProducts(random: Random, products: GeneratedProduct[]) {
  return random.sample(products, random.int(1, Math.min(3, products.length))).map((product) => {
    if (random.chance(0.6)) return { product: product.slug };
    const lines = random.sample(product.lines, random.int(1, Math.min(2, product.lines.length)));
    return { product: product.slug, releases: lines.map((line) => line.name) };
  });
}

function generateIncident(random: Random, products: GeneratedProduct[], ids: IdSequence) {
  const maintenance = random.chance(0.1);
  const ongoing = !maintenance && random.chance(0.003);
  // Spread over six years; everything happens at least a day before the build date.
  const startDay = ongoing ? BUILD_DAY - 1 : BUILD_DAY - random.int(2, 6 * 365);
  const started = startDay * DAY_MS + random.int(0, 20 * 60) * MINUTE_MS;
  const id = ids.take(dateOf(startDay).slice(0, 4));
  const subject = random.pick(SUBJECTS);
  const updateCount = random.int(3, 8);
  const affects = affectedProducts(random, products);
  const impact = maintenance
    ? random.pick(['none', 'minor'] as const)
    : random.pick(['minor', 'major', 'critical'] as const);

  const updates: { at: string; status: string; text: string }[] = [];
  let window: { start: string; end: string } | undefined;
  let at = started;
  if (maintenance) {
    const end = started + random.int(1, 6) * 60 * MINUTE_MS;
    window = { start: timeOf(started), end: timeOf(end) };
    const leadHours = random.int(7, 14) * 24;
    const stepHours = Math.floor(leadHours / (updateCount - 1));
    let notice = started - leadHours * 60 * MINUTE_MS;
    for (let index = 0; index < updateCount - 2; index++) {
      updates.push({
        at: timeOf(notice),
        status: 'scheduled',
        text:
          index === 0
            ? `Maintenance is scheduled for ${timeOf(started)}. ${subject} may be briefly unavailable.`
            : 'Reminder: the maintenance goes ahead as planned.',
      });
      notice += random.int(1, stepHours) * 60 * MINUTE_MS;
    }
    updates.push({ at: timeOf(started), status: 'in-progress', text: 'The maintenance has started.' });
    updates.push({
      at: timeOf(end),
      status: 'completed',
      text: 'The maintenance is complete and all services are running normally.',
    });
    at = end;
  } else {
    const statuses = ['investigating'];
    for (let index = 1; index < updateCount - 1; index++) statuses.push(index === 1 ? 'identified' : 'monitoring');
    statuses.push(ongoing ? 'monitoring' : 'resolved');
    for (const status of statuses) {
      at += random.int(5, 120) * MINUTE_MS;
      const text =
        status === 'investigating'
          ? `${subject} are ${random.pick(SYMPTOMS)} for some customers. We are investigating.`
          : status === 'identified'
            ? `The cause has been identified as ${random.pick(CAUSES)}. A fix is being rolled out.`
            : status === 'monitoring'
              ? 'A fix is in place and we are monitoring the results.'
              : `${subject} have returned to normal. This incident is resolved.`;
      updates.push({ at: timeOf(at), status, text });
    }
  }

  const resolved = !ongoing;
  const reportDay = Math.floor(at / DAY_MS) + random.int(2, 14);
  const withReport = !maintenance && resolved && (impact !== 'minor' || random.chance(0.3)) && reportDay < BUILD_DAY;
  const frontMatter = {
    id,
    title: `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${random.pick(SYMPTOMS)}`,
    kind: maintenance ? 'maintenance' : 'incident',
    impact,
    ...(random.chance(0.1) && { security: true }),
    affects,
    started: timeOf(started),
    ...(window && { window }),
    updates,
    ...(random.chance(0.4) && {
      customerActions: 'No action is needed. Retry failed requests once the incident is resolved.',
    }),
    ...(withReport && {
      postIncidentReport: {
        published: timeOf(reportDay * DAY_MS + 10 * 60 * MINUTE_MS),
        rootCause: `The incident was caused by ${random.pick(CAUSES)}. Its failures were logged but did not raise an alert.`,
        preventiveMeasures: random.sample(MEASURES, random.int(1, 3)),
      },
    }),
  };
  const body = `${subject.charAt(0).toUpperCase()}${subject.slice(1)} were affected. ${paragraph(random, 'The service')}`;
  return { id, file: markdownFile(frontMatter, body) };
}

// ---------------------------------------------------------------- advisories

const CVSS31 = { AV: 'NALP', AC: 'LH', PR: 'NLH', UI: 'NR', S: 'UC', C: 'NLH', I: 'NLH', A: 'NLH' };
const CVSS40 = {
  AV: 'NALP',
  AC: 'LH',
  AT: 'NP',
  PR: 'NLH',
  UI: 'NPA',
  VC: 'HLN',
  VI: 'HLN',
  VA: 'HLN',
  SC: 'HLN',
  SI: 'HLN',
  SA: 'HLN',
};

function randomVector(random: Random): string {
  const [prefix, metrics] = random.chance(0.6) ? ['CVSS:3.1', CVSS31] : ['CVSS:4.0', CVSS40];
  return [prefix, ...Object.entries(metrics).map(([metric, values]) => `${metric}:${random.pick([...values])}`)].join(
    '/',
  );
}

function generateAdvisory(random: Random, products: GeneratedProduct[], ids: IdSequence, cveIds: IdSequence) {
  const publishedDay = BUILD_DAY - random.int(0, 5 * 365);
  const year = dateOf(publishedDay).slice(0, 4);
  const id = ids.take(year);
  const vector = randomVector(random);
  const scored = scoreCvss(vector);
  if (!scored.ok) throw new Error(`generated an invalid CVSS vector ${vector}`);
  const [weakness, where] = random.pick(WEAKNESSES);
  const product = random.pick(products);
  const lines = random.sample(product.lines, random.int(1, Math.min(3, product.lines.length)));
  const affects = lines.map((line) => {
    const major = line.name.replace('.x', '');
    const minor = random.int(0, 9);
    const patch = random.int(0, 9);
    const fixed = line.phase !== 'ended' && random.chance(0.9);
    return {
      product: product.slug,
      release: line.name,
      affected: `${major}.0.0 to ${major}.${minor}.${patch}`,
      ...(fixed && { fixed: `${major}.${minor}.${patch + 1}` }),
    };
  });
  const anyFixed = affects.some((affected) => 'fixed' in affected);
  const revisions = [{ date: dateOf(publishedDay), summary: 'Initial publication.' }];
  if (random.chance(0.3) && publishedDay < BUILD_DAY) {
    revisions.push({
      date: dateOf(random.int(publishedDay + 1, BUILD_DAY)),
      summary: 'Added fixed versions and clarified the impact.',
    });
  }
  const frontMatter = {
    id,
    title: `${weakness} ${where} of ${product.slug}`,
    summary: `${weakness} ${where}. ${anyFixed ? 'Fixed versions are available.' : 'No fix is available yet; apply the mitigation.'}`,
    status: random.chance(0.9) ? 'final' : 'interim',
    cves: Array.from({ length: random.int(1, 2) }, () => cveIds.take(year)),
    cvss: { vector, ...(random.chance(0.8) && { severity: scored.severity }) },
    affects,
    remediations: anyFixed
      ? [
          {
            kind: 'fix',
            text: 'Upgrade to a fixed version.',
            url: `https://docs.${VENDOR_DOMAIN}/${product.slug}/updates`,
          },
        ]
      : [
          {
            kind: random.pick(['workaround', 'mitigation', 'none'] as const),
            text: 'Restrict access to the administration interface to trusted networks.',
          },
        ],
    credits: random.chance(0.5) ? ['Reported through the Northwind vulnerability disclosure programme'] : [],
    revisions,
  };
  const body = `## Description\n\n${weakness} ${where}. ${paragraph(random, 'The product')}\n\n## Impact\n\nAn attacker could affect the confidentiality, integrity or availability of the product.`;
  return { id, file: markdownFile(frontMatter, body) };
}

/**
 * An incident with `updateCount` updates, one a minute, for the incident page benchmark
 * (scripts/bench-incident-page.ts): 10,000 updates stay under the 1 MiB file limit.
 */
export function longIncidentFile(id: string, productSlug: string, updateCount: number): string {
  const started = (BUILD_DAY - 30) * DAY_MS;
  const updates = Array.from({ length: updateCount }, (_, index) => ({
    at: timeOf(started + (index + 1) * MINUTE_MS),
    status: index === 0 ? 'investigating' : index === updateCount - 1 ? 'resolved' : 'monitoring',
    text: `Update ${index + 1}.`,
  }));
  const frontMatter = {
    id,
    title: `A long incident with ${updateCount} updates`,
    impact: 'minor',
    affects: [{ product: productSlug }],
    started: timeOf(started),
    updates,
  };
  return markdownFile(frontMatter, 'Requests were slow while a fix rolled out.');
}

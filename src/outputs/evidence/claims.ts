/**
 * Code of Practice evidence: for each claim of principles 3.2, 3.4, 3.5, 4.1, 4.2 and 4.3 (as
 * self-assessments number them), a status computed from the content, the finding behind it, the
 * argument an auditor reads, and the published files that evidence it. Every evidence link is a
 * file this build writes; the tests follow each one into the built site.
 */
import type { Registry } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';

/**
 * `outside-portal`: the claim is about an internal process the public content cannot show; the
 * vendor evidences it elsewhere, and the page says so rather than claiming it.
 */
export type ClaimStatus = 'met' | 'partly-met' | 'not-met' | 'outside-portal';

export interface Evidence {
  readonly label: string;
  /** Absolute URL of a file the build produced. */
  readonly url: string;
}

export interface ClaimAssessment {
  readonly id: string;
  readonly text: string;
  readonly status: ClaimStatus;
  /** What the build found, one sentence: "all 20 release lines have …". */
  readonly finding: string;
  /** Why the evidence meets the claim, for the auditor. */
  readonly argument: string;
  readonly evidence: readonly Evidence[];
}

export interface PrincipleAssessment {
  readonly id: string;
  readonly title: string;
  readonly claims: readonly ClaimAssessment[];
}

const plural = (count: number, one: string, many = `${one}s`) => `${String(count)} ${count === 1 ? one : many}`;

export function assessCodeOfPractice(registry: Registry): PrincipleAssessment[] {
  const { vendor } = registry;
  const link = (label: string, path: string): Evidence => ({ label, url: absoluteUrl(vendor, path) });
  const policy = (kind: Parameters<Registry['index']['policy']>[0]) => {
    const found = registry.index.policy(kind);
    return link(found.title, paths.policy(found.slug));
  };

  const securityTxt = link('security.txt (RFC 9116)', paths.securityTxt());
  const csafProvider = link('CSAF 2.0 provider metadata', paths.csafProviderMetadata());
  const csafFeed = link('CSAF ROLIE feed', paths.csafRolieFeed());
  const advisoriesPage = link('Security advisories', paths.advisories());
  const advisoriesFeed = link('Advisories feed (RSS)', paths.feed('advisories', 'rss'));
  const advisoriesApi = link('Advisories (JSON API)', paths.apiAdvisories());

  // 3.2 — vulnerability disclosure
  const { email, url } = vendor.contacts.security;
  const channels = [email && `e-mail (${email})`, url && `a web form (${url})`].filter(Boolean).join(' and ');
  const claim321: ClaimAssessment = {
    id: '3.2.1',
    text: 'A vulnerability disclosure policy and process is published.',
    status: 'met',
    finding: `the vulnerability disclosure policy is published (last updated ${registry.index.policy('vulnerability-disclosure').updated}) and security.txt points to it`,
    argument:
      'The portal is never published without this policy. security.txt (RFC 9116) names it in its Policy field so researchers and tools find it at the well-known address, and expires at most a year ahead.',
    evidence: [policy('vulnerability-disclosure'), securityTxt],
  };
  const claim322: ClaimAssessment = {
    id: '3.2.2',
    text: 'The process describes how to confidentially report vulnerabilities.',
    status: vendor.pgpKeyUrl ? 'met' : 'partly-met',
    finding: vendor.pgpKeyUrl
      ? `reports go to ${channels}, with a published OpenPGP key for encrypted reports`
      : `reports go to ${channels}, but no encryption key is published`,
    argument: vendor.pgpKeyUrl
      ? 'security.txt lists the reporting contacts (Contact) and the key to encrypt reports with (Encryption); the policy describes the process.'
      : 'security.txt lists the reporting contacts and the policy describes the process. Reports cannot yet be encrypted: no OpenPGP key is published for them.',
    evidence: [securityTxt, policy('vulnerability-disclosure')],
  };

  // 3.4 — reporting vulnerabilities
  const advisories = registry.advisories;
  const withCve = advisories.filter((advisory) => advisory.cves.length > 0).length;
  const claim341: ClaimAssessment = {
    id: '3.4.1',
    text: 'Internal security teams are informed.',
    status: 'outside-portal',
    finding: `internal notification is an internal process; the accountable role is the ${vendor.seniorResponsibleOwner}`,
    argument:
      'The portal publishes what customers see; how internal teams are told is evidenced by the vendor’s internal records. The disclosure policy describes the handling of reports.',
    evidence: [policy('vulnerability-disclosure')],
  };
  const claim342: ClaimAssessment = {
    id: '3.4.2',
    text: 'Affected customers are informed.',
    status: advisories.length === 0 ? 'not-met' : withCve === advisories.length ? 'met' : 'partly-met',
    finding:
      advisories.length === 0
        ? 'no advisories are published yet'
        : `${plural(advisories.length, 'advisory', 'advisories')} published as web pages, CSAF 2.0 documents and feed items; ${String(withCve)} of ${String(advisories.length)} with CVE IDs`,
    argument:
      'Each advisory names the affected products and release lines with purl/CPE identifiers in its CSAF document, so customers and their tools can match it; per-product feeds deliver it to subscribers.',
    evidence: [
      advisoriesPage,
      advisoriesFeed,
      csafProvider,
      csafFeed,
      advisoriesApi,
      ...registry.products
        .filter((product) => registry.index.advisoriesFor(product.slug).length > 0)
        .map((product) => link(`${product.name} feed (RSS)`, paths.productFeed(product.slug, 'rss'))),
    ],
  };

  // 3.5 — timely security updates
  const affectedLines = advisories.flatMap((advisory) => advisory.affects);
  const fixedLines = affectedLines.filter((affected) => affected.fixed !== undefined).length;
  const remediated = advisories.filter((advisory) =>
    advisory.affects.every(
      (affected) =>
        affected.fixed !== undefined ||
        advisory.remediations.some(
          (remediation) => remediation.kind === 'workaround' || remediation.kind === 'mitigation',
        ),
    ),
  ).length;
  const claim351: ClaimAssessment = {
    id: '3.5.1',
    text: 'Security updates are distributed as soon as is practicable.',
    status: advisories.length === 0 ? 'not-met' : remediated === advisories.length ? 'met' : 'partly-met',
    finding:
      advisories.length === 0
        ? 'no advisories are published yet'
        : `${String(fixedLines)} of ${String(affectedLines.length)} affected release lines have a fixed version; ${String(remediated)} of ${String(advisories.length)} advisories give a fix, workaround or mitigation for every affected line`,
    argument:
      'Advisories say whether each remediation is a fix, a workaround or a mitigation (CSAF vendor_fix / workaround / mitigation / none_available), with the fixed version per release line and a dated revision history; the support policy states the security-fix targets of each support level.',
    evidence: [advisoriesPage, csafProvider, advisoriesFeed, policy('support')],
  };
  const claim352: ClaimAssessment = {
    id: '3.5.2',
    text: 'Security updates are tested and secure by default.',
    status: 'outside-portal',
    finding: 'testing of updates is an engineering process the published content cannot show',
    argument:
      'The portal links each product to its update and secure-use documentation; evidence of testing comes from the vendor’s release process.',
    evidence: [link('Products', paths.products()), policy('support')],
  };

  // 4.1 — level of support
  const lines = registry.releaseLines;
  const dated = lines.filter((line) => line.endOfSupport !== undefined).length;
  const withPhase = lines.filter((line) => line.endOfSupport !== undefined || line.phases.length > 0).length;
  const claim411: ClaimAssessment = {
    id: '4.1.1',
    text: 'End-of-support dates are published for all software components.',
    status: withPhase === lines.length ? 'met' : 'partly-met',
    finding: `${withPhase === lines.length ? 'all' : `${String(withPhase)} of`} ${plural(lines.length, 'release line')} have published end-of-support dates or a stated phase (${String(dated)} dated, ${String(lines.length - dated)} to be announced)`,
    argument:
      'Every release line of every product has its support phases and, once announced, its end-of-support date, on its product page, in the API and as OpenEoX records; a release line is never published without its phases.',
    evidence: [
      link('Products', paths.products()),
      link('End of support', paths.endOfSupport()),
      link('Products (JSON API)', paths.apiProducts()),
      ...registry.products.map((product) => link(`${product.name} (OpenEoX)`, paths.apiEox(product.slug))),
    ],
  };
  const levels = registry.supportLevels;
  const describedLevels = levels.filter(
    (level) => level.patchCadence.trim() && level.distribution.markdown.trim() && level.notification.markdown.trim(),
  ).length;
  const claim412: ClaimAssessment = {
    id: '4.1.2',
    text: 'A policy on frequency of updates and the process for applying them is published.',
    status: describedLevels === levels.length ? 'met' : 'partly-met',
    finding: `the support policy is published and ${describedLevels === levels.length ? 'all' : `${String(describedLevels)} of`} ${plural(levels.length, 'support level')} state a patch cadence, how updates are distributed and how customers are notified`,
    argument:
      'Support levels are defined once and every release line phase refers to one, so each product page shows the cadence, distribution and notification that apply to it.',
    evidence: [policy('support'), link('Products', paths.products())],
  };
  const products = registry.products;
  const claim413: ClaimAssessment = {
    id: '4.1.3',
    text: 'User documentation describes how to correctly and securely apply updates and use the software.',
    status: 'met',
    finding: `${products.length === 1 ? 'the product links' : `all ${plural(products.length, 'product')} link`} to update and secure-use documentation`,
    argument: 'A product is never published without both links; they appear on its page and in the API.',
    evidence: products.map((product) => link(product.name, paths.product(product.slug))),
  };

  // 4.2 — one year's notice
  const notices = lines.flatMap((line) => (line.notice ? [line.notice] : []));
  const shortest = notices.reduce((min, notice) => Math.min(min, notice.noticeMonths), Number.POSITIVE_INFINITY);
  const shortNotices = notices.filter((notice) => notice.noticeMonths < 12).length;
  const guided = notices.filter((notice) => notice.migration !== undefined && notice.risk !== undefined).length;
  const claim421: ClaimAssessment = {
    id: '4.2.1',
    text: 'Customers are given at least 1 year’s notice of when software will no longer be supported.',
    status: shortNotices > 0 ? 'not-met' : guided === notices.length ? 'met' : 'partly-met',
    finding:
      notices.length === 0
        ? 'no end-of-support dates are announced yet; every future notice is checked before it is published'
        : shortNotices === 0
          ? `every notice gave at least 12 months, shortest ${plural(shortest, 'month')} (${plural(notices.length, 'notice')})`
          : `${String(shortNotices)} of ${plural(notices.length, 'notice')} gave less than 12 months`,
    argument:
      'The portal refuses to publish an end-of-support date less than one calendar year after its announcement, measures a date brought forward from the day of the change, and dates each announcement by the commit that published it, so a notice cannot be backdated, and keeps every date it published in the notice history. The end-of-support policy states the rule; ' +
      (guided === notices.length
        ? 'each notice carries migration and risk guidance.'
        : `${String(guided)} of ${plural(notices.length, 'notice')} carry migration and risk guidance.`),
    evidence: [
      policy('end-of-support'),
      link('End of support', paths.endOfSupport()),
      link('End-of-support feed (RSS)', paths.feed('end-of-support', 'rss')),
      link('End-of-support calendar', paths.calendar()),
    ],
  };

  // 4.3 — notable incidents
  const incidents = registry.incidents.filter((incident) => incident.kind === 'incident');
  const updates = incidents.reduce((count, incident) => count + incident.updates.length, 0);
  const firstUpdateMinutes = incidents.map((incident) => {
    const first = incident.updates[0];
    return first ? Math.max(0, Math.round((Date.parse(first.at) - Date.parse(incident.started)) / 60_000)) : 0;
  });
  const slowest = firstUpdateMinutes.reduce((max, minutes) => Math.max(max, minutes), 0);
  const notable = incidents.filter(
    (incident) => incident.state === 'resolved' && (incident.impact === 'major' || incident.impact === 'critical'),
  );
  const reported = notable.filter((incident) => incident.postIncidentReport !== undefined).length;
  const claim431: ClaimAssessment = {
    id: '4.3.1',
    text: 'An incident support plan is published.',
    status: 'met',
    finding: `the incident support plan is published (last updated ${registry.index.policy('incident-support').updated})`,
    argument: 'The portal is never published without the plan.',
    evidence: [policy('incident-support')],
  };
  const claim432: ClaimAssessment = {
    id: '4.3.2',
    text: 'Customers are informed of relevant incidents in a timely manner.',
    status: reported === notable.length ? 'met' : 'partly-met',
    finding:
      incidents.length === 0
        ? 'no incidents are published yet'
        : `${plural(incidents.length, 'incident')} published with ${plural(updates, 'timestamped update')}; the first update came at most ${plural(slowest, 'minute')} after the start; ${String(reported)} of ${String(notable.length)} resolved major or critical incidents have a post-incident report`,
    argument:
      'Each incident has a timeline of updates in time order ending with its resolution (checked before publication), its impact, affected products and customer actions, delivered through the incidents feed. An incident that concerns security is also a CSAF security incident response in the CSAF provider, for security tools.',
    evidence: [
      policy('incident-support'),
      link('Incidents', paths.incidents()),
      link('Incidents feed (RSS)', paths.feed('incidents', 'rss')),
      link('Incidents (JSON API)', paths.apiIncidents()),
      ...(incidents.some((incident) => incident.security) ? [csafProvider] : []),
    ],
  };

  return [
    {
      id: '3.2',
      title: 'Implement and publish an effective vulnerability disclosure process',
      claims: [claim321, claim322],
    },
    { id: '3.4', title: 'Report vulnerabilities to relevant parties where appropriate', claims: [claim341, claim342] },
    { id: '3.5', title: 'Provide timely security updates, patches and notifications', claims: [claim351, claim352] },
    {
      id: '4.1',
      title: 'Provide information specifying the level of support and maintenance',
      claims: [claim411, claim412, claim413],
    },
    { id: '4.2', title: 'Provide at least 1 year’s notice before ending support', claims: [claim421] },
    { id: '4.3', title: 'Make information about notable incidents available', claims: [claim431, claim432] },
  ];
}

/** The self-assessment export (structure of published vendor templates), per claim. */
export function selfAssessment(registry: Registry) {
  return {
    vendor: registry.vendor.name,
    assessment_date: registry.buildDate,
    generated_at: registry.buildTime,
    source: absoluteUrl(registry.vendor, paths.codeOfPractice()),
    principles: assessCodeOfPractice(registry).map((principle) => ({
      id: principle.id,
      statement: principle.title,
      claims: principle.claims.map((claim) => ({
        id: claim.id,
        text: claim.text,
        status: claim.status,
        finding: claim.finding,
        argument: claim.argument,
        evidence: claim.evidence.map((evidence) => evidence.url),
      })),
    })),
  };
}

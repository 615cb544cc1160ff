/** Turns validated, rule-checked documents into the immutable Registry. */
import { compareDates, wholeMonthsBetween } from './calendarDate.ts';
import { scoreCvss } from './cvss.ts';
import { endOfSecuritySupport, phasesOf, statusOf } from './lifecycle.ts';
import { renderLater, renderMarkdown, unsafeMarkdown } from './markdown.ts';
import type { FieldPath } from './problems.ts';
import { reportAt, type RuleContext, type Parsed, type ParsedDocuments } from './rules/context.ts';
import { effectiveAnnouncement, noticeEvents } from './rules/notice.ts';
import { splitSuccessor } from './rules/references.ts';
import {
  correctedFieldWords,
  correctionsOf,
  incidentAffectsText,
  releaseLineText,
  revisionKeys,
} from './corrections.ts';
import type { AdvisoryData } from './schema/advisory.ts';
import type { IncidentData } from './schema/incident.ts';
import type { ProductData } from './schema/product.ts';
import type { PolicyKind } from './schema/policy.ts';
import type {
  Advisory,
  Incident,
  Policy,
  Product,
  ProductStatus,
  Registry,
  ReleaseLine,
  RichText,
  SupportLevel,
  Withdrawal,
} from './types.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The Registry without its warnings, which are final only once every rule has run. */
export function assembleRegistry(documents: ParsedDocuments, context: RuleContext): Omit<Registry, 'warnings'> {
  // Only called when there are no errors: both singletons are present and valid.
  const vendor = documents.vendor!;
  const supportLevels = documents.supportLevels!;
  /** Markdown with a warning for anything the sanitiser will remove: nothing dropped silently. */
  const rich = (
    document: Parsed<unknown>,
    path: FieldPath,
    markdown: string,
    html: string | (() => string) = renderLater(markdown),
  ): RichText => {
    for (const message of unsafeMarkdown(markdown)) reportAt(context, 'warning', document, path, message);
    let rendered = html;
    return Object.freeze({
      markdown,
      get html() {
        return typeof rendered === 'string' ? rendered : (rendered = rendered());
      },
    });
  };
  // Bodies come rendered from contentlayer2; where there is none (the check, `astro dev`), on demand.
  const body = (document: Parsed<unknown>) =>
    rich(
      document,
      ['body'],
      document.source.body,
      document.source.bodyHtml ?? (() => renderMarkdown(document.source.body)),
    );

  const levelList: SupportLevel[] = supportLevels.data.levels.map((level, index) => ({
    ...level,
    distribution: rich(supportLevels, ['levels', index, 'distribution'], level.distribution),
    notification: rich(supportLevels, ['levels', index, 'notification'], level.notification),
  }));
  const levels = new Map(levelList.map((level) => [level.id, level]));
  const levelOf = (id: string): SupportLevel => levels.get(id)!;

  const products = documents.products
    .map((document) => assembleProduct(document, levelOf, context, rich, body))
    .sort((a, b) => collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
  const productBySlug = new Map(products.map((product) => [product.slug, product]));

  const incidents = documents.incidents
    .map((document) => assembleIncident(document, productBySlug, context.buildTime, rich, body))
    .sort((a, b) => b.started.localeCompare(a.started) || a.id.localeCompare(b.id));

  const advisories = documents.advisories
    .map((document) => assembleAdvisory(document, productBySlug, rich, body))
    .sort(
      (a, b) =>
        compareDates(b.updated, a.updated) || compareDates(b.published, a.published) || a.id.localeCompare(b.id),
    );

  const policies: Policy[] = documents.policies
    .map((document) => ({ ...document.data, body: body(document), file: document.source.file }))
    .sort((a, b) => a.slug.localeCompare(b.slug));

  const withdrawn = documents.withdrawn;
  const withdrawals: Withdrawal[] = (withdrawn?.data.withdrawn ?? [])
    .map((withdrawal, index) => ({
      ...withdrawal,
      reason: rich(withdrawn!, ['withdrawn', index, 'reason'], withdrawal.reason),
    }))
    .sort((a, b) => compareDates(b.date, a.date) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));

  const incidentsByProduct = groupBy(incidents, (incident) => incident.affects.map((affected) => affected.productSlug));
  const advisoriesByProduct = groupBy(advisories, (advisory) =>
    advisory.affects.map((affected) => affected.productSlug),
  );
  const policyByKind = new Map(policies.map((policy) => [policy.kind, policy]));

  return {
    buildDate: context.buildDate,
    buildTime: context.buildTime,
    vendor: vendor.data,
    supportLevels: levelList,
    products,
    releaseLines: products.flatMap((product) => product.releaseLines),
    incidents,
    advisories,
    policies,
    withdrawals,
    index: {
      product: (slug) => productBySlug.get(slug),
      supportLevel: (id) => levels.get(id),
      incidentsFor: (slug) => incidentsByProduct.get(slug) ?? [],
      advisoriesFor: (slug) => advisoriesByProduct.get(slug) ?? [],
      policy: (kind: PolicyKind) => policyByKind.get(kind)!,
    },
  };
}

type Rich = (document: Parsed<unknown>, path: FieldPath, markdown: string, html?: string) => RichText;
type Body = (document: Parsed<unknown>) => RichText;

function assembleProduct(
  document: Parsed<ProductData>,
  levelOf: (id: string) => SupportLevel,
  context: RuleContext,
  rich: Rich,
  body: Body,
): Product {
  const { data } = document;
  const releaseLines = data.releases.map((releaseLine, index): ReleaseLine => {
    const phases = phasesOf(releaseLine, levelOf);
    const notice = releaseLine.endOfSupport;
    const events = notice ? noticeEvents(notice, context.noticeDays.get(`${data.slug}/${releaseLine.name}`)) : [];
    const announced = notice ? effectiveAnnouncement(events) : undefined;
    const at = (...path: (string | number)[]) => ['releases', index, 'endOfSupport', ...path];
    const successor = releaseLine.successor ? splitSuccessor(releaseLine.successor, data) : undefined;
    return {
      id: `${data.slug}/${releaseLine.name}`,
      productSlug: data.slug,
      productName: data.name,
      name: releaseLine.name,
      released: releaseLine.released,
      endOfSales: releaseLine.endOfSales,
      phases,
      endOfSecuritySupport: endOfSecuritySupport(phases, releaseLine.released),
      endOfSupport: notice?.date,
      notice:
        notice && announced
          ? {
              releaseLineId: `${data.slug}/${releaseLine.name}`,
              endOfSupport: notice.date,
              announced,
              noticeMonths: wholeMonthsBetween(announced, notice.date),
              source: events.find((event) => event.on === announced)?.source,
              migration: notice.migration === undefined ? undefined : rich(document, at('migration'), notice.migration),
              risk: notice.risk === undefined ? undefined : rich(document, at('risk'), notice.risk),
              events,
            }
          : undefined,
      successor: successor && { productSlug: successor[0], name: successor[1] },
      status: statusOf(phases, releaseLine.released, notice?.date, context.buildDate),
    };
  });
  return {
    slug: data.slug,
    name: data.name,
    summary: data.summary,
    category: data.category,
    identifiers: data.identifiers,
    docs: data.docs,
    supportOwner: data.supportOwner,
    description: body(document),
    releaseLines,
    status: productStatus(releaseLines),
    file: document.source.file,
  };
}

/** "ended" when no line is supported; "ending-soon" when every supported line ends within a year. */
function productStatus(releaseLines: readonly ReleaseLine[]): ProductStatus {
  const live = releaseLines.filter((releaseLine) => releaseLine.status.state !== 'ended');
  if (live.length === 0) return 'ended';
  const endingSoon = live.every(
    (releaseLine) => releaseLine.status.daysLeft !== undefined && releaseLine.status.daysLeft <= 365,
  );
  return endingSoon ? 'ending-soon' : 'supported';
}

function assembleIncident(
  document: Parsed<IncidentData>,
  products: Map<string, Product>,
  buildTime: string,
  rich: Rich,
  body: Body,
): Incident {
  const { data } = document;
  const last = data.updates.at(-1)!;
  const resolved = last.status === 'resolved' || last.status === 'completed';
  // Corrections posted after the resolution keep its status; the resolution is the first of them.
  const resolution = data.updates.find((update) => update.status === last.status)!;
  const updates = data.updates.map((update, index) => {
    const at = normalise(update.at);
    return {
      at,
      key: update.key === undefined ? at : normalise(update.key),
      status: update.status,
      text: rich(document, ['updates', index, 'text'], update.text),
    };
  });
  const scheduled =
    !resolved && data.window !== undefined && buildTime < normalise(data.window.start) && last.status === 'scheduled';
  return {
    id: data.id,
    title: data.title,
    kind: data.kind,
    impact: data.impact,
    security: data.security,
    affects: data.affects.map((affected) => ({
      productSlug: affected.product,
      productName: products.get(affected.product)!.name,
      releaseLines: affected.releases,
    })),
    started: normalise(data.started),
    window: data.window && { start: normalise(data.window.start), end: normalise(data.window.end) },
    updates,
    resolvedAt: resolved ? normalise(resolution.at) : undefined,
    // Only an incident that records corrections needs their wording.
    corrections: data.updates.some((update) => update.corrects)
      ? correctionsOf(
          data.updates.map((update, index) => ({
            at: updates[index]!.at,
            by: updates[index]!.key,
            corrects: update.corrects,
          })),
          (field) => incidentValueNow(data, field),
          (field) => correctedFieldWords(field, () => undefined),
        )
      : [],
    state: resolved ? 'resolved' : scheduled ? 'scheduled' : 'active',
    description: body(document),
    customerActions:
      data.customerActions === undefined ? undefined : rich(document, ['customerActions'], data.customerActions),
    postIncidentReport: data.postIncidentReport && {
      published: normalise(data.postIncidentReport.published),
      rootCause: rich(document, ['postIncidentReport', 'rootCause'], data.postIncidentReport.rootCause),
      preventiveMeasures: data.postIncidentReport.preventiveMeasures,
    },
    file: document.source.file,
  };
}

/**
 * Editors may write a time with any offset; the Registry holds it as the same instant in UTC
 * (RFC 3339 §5.6 with "Z"), so instants compare as strings and every output writes UTC, as
 * docs/api.md promises.
 */
function normalise(timestamp: string): string {
  return new Date(Date.parse(timestamp)).toISOString().replace('.000Z', 'Z');
}

function assembleAdvisory(
  document: Parsed<AdvisoryData>,
  products: Map<string, Product>,
  rich: Rich,
  body: Body,
): Advisory {
  const { data } = document;
  const scored = scoreCvss(data.cvss.vector);
  if (!scored.ok) throw new Error(`unreachable: ${data.id} passed the CVSS rule`);
  return {
    id: data.id,
    title: data.title,
    summary: data.summary,
    status: data.status,
    cves: data.cves,
    cvss: { version: scored.version, vector: scored.vector, score: scored.score, severity: scored.severity },
    affects: data.affects.map((affected) => ({
      productSlug: affected.product,
      productName: products.get(affected.product)!.name,
      releaseLine: affected.release,
      affected: affected.affected,
      fixed: affected.fixed,
    })),
    remediations: data.remediations.map((remediation, index) => ({
      kind: remediation.kind,
      text: rich(document, ['remediations', index, 'text'], remediation.text),
      url: remediation.url,
    })),
    credits: data.credits,
    revisions: data.revisions.map((revision) => ({ date: revision.date, summary: revision.summary })),
    corrections: data.revisions.some((revision) => revision.corrects)
      ? correctionsOf(
          revisionKeys(data.revisions).map((by, index) => ({
            at: `${data.revisions[index]!.date}T00:00:00Z`,
            by,
            corrects: data.revisions[index]!.corrects,
          })),
          (field) => advisoryValueNow(data, scored.severity, field),
          (field) =>
            correctedFieldWords(field, (index) => {
              const entry = data.affects[index];
              return entry && releaseLineText(entry);
            }),
        )
      : [],
    published: data.revisions[0]!.date,
    updated: data.revisions.at(-1)!.date,
    details: body(document),
    file: document.source.file,
  };
}

/** What an incident's corrected field holds now. */
function incidentValueNow(data: IncidentData, field: string): string {
  if (field === 'impact') return data.impact;
  if (field === 'affects') return incidentAffectsText(data.affects);
  const update = /^updates\[(\d+)\]\.(at|status|text)$/.exec(field);
  const entry = update && data.updates[Number(update[1])];
  if (!update || !entry) return 'removed';
  return update[2] === 'at' ? normalise(entry.at) : update[2] === 'status' ? entry.status : entry.text;
}

/** What an advisory's corrected field holds now. */
function advisoryValueNow(data: AdvisoryData, severity: string, field: string): string {
  if (field === 'cves') return data.cves.length > 0 ? data.cves.join(', ') : 'none';
  if (field === 'cvss.vector') return data.cvss.vector;
  if (field === 'cvss.severity') return severity;
  if (field === 'affects') return data.affects.map(releaseLineText).join(', ');
  const line = /^affects\[(\d+)\]\.(affected|fixed)$/.exec(field);
  const entry = line && data.affects[Number(line[1])];
  if (!line || !entry) return 'removed';
  return line[2] === 'affected' ? entry.affected : (entry.fixed ?? 'not fixed yet');
}

function groupBy<Item>(items: readonly Item[], keysOf: (item: Item) => string[]): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/**
 * The JSON API v1: products with their release lines, incidents and advisories, as explicit
 * fields rather than unions (endoflife.date moved from `eol: false | date` to `isEol` + `eolFrom`
 * because consumers struggled; a date that is not announced yet is `null`, never `false`).
 * The shape of every response is published in api/v1/schema.json (./schema.ts).
 */
import { addDaysTo } from '../../registry/calendarDate.ts';
import type { Advisory, Incident, Product, Registry, ReleaseLine } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';
import { incidentLocation } from '../csaf/incidentDocument.ts';
import { csafDocumentPath } from '../csaf/location.ts';
import { envelope } from './envelope.ts';

export function apiIndex(registry: Registry) {
  const url = (path: string) => absoluteUrl(registry.vendor, path);
  return {
    ...envelope(registry),
    vendor: registry.vendor.name,
    schema: url(paths.apiSchema()),
    documentation: url(paths.api()),
    endpoints: {
      products: url(paths.apiProducts()),
      product: url(paths.apiProduct('{slug}')),
      eox: url(paths.apiEox('{slug}')),
      incidents: url(paths.apiIncidents()),
      advisories: url(paths.apiAdvisories()),
    },
  };
}

function productSummary(registry: Registry, product: Product) {
  const url = (path: string) => absoluteUrl(registry.vendor, path);
  return {
    slug: product.slug,
    name: product.name,
    summary: product.summary,
    category: product.category,
    status: product.status,
    identifiers: { purl: product.identifiers.purl ?? null, cpe: product.identifiers.cpe ?? null },
    links: {
      html: url(paths.product(product.slug)),
      api: url(paths.apiProduct(product.slug)),
      eox: url(paths.apiEox(product.slug)),
    },
  };
}

export function apiProducts(registry: Registry) {
  return {
    ...envelope(registry),
    products: registry.products.map((product) => ({
      ...productSummary(registry, product),
      releaseLines: product.releaseLines.map((releaseLine) => ({
        name: releaseLine.name,
        isSupported: releaseLine.status.isSupported,
        supportedUntil: releaseLine.endOfSupport ?? null,
      })),
    })),
  };
}

function releaseLineView(registry: Registry, releaseLine: ReleaseLine) {
  const { status, notice, successor } = releaseLine;
  const isEol = status.state === 'ended';
  return {
    name: releaseLine.name,
    releasedOn: releaseLine.released,
    isReleased: status.state !== 'not-yet-released',
    isSupported: status.isSupported,
    /** The last day of support; null while "to be announced". */
    supportedUntil: releaseLine.endOfSupport ?? null,
    isEol,
    /** The first day without support; null while "to be announced". */
    eolFrom: releaseLine.endOfSupport ? addDaysTo(releaseLine.endOfSupport, 1) : null,
    endOfSalesOn: releaseLine.endOfSales ?? null,
    endOfSecuritySupportOn: releaseLine.endOfSecuritySupport ?? null,
    statusLabel: status.label,
    currentPhase: status.phase
      ? {
          level: status.phase.level.id,
          name: status.phase.level.name,
          from: status.phase.start,
          until: status.phase.end ?? null,
        }
      : null,
    phases: releaseLine.phases.map((phase) => ({
      level: phase.level.id,
      name: phase.level.name,
      includesSecurityFixes: phase.level.includes.securityFixes,
      from: phase.start,
      until: phase.end ?? null,
    })),
    noticeGiven: notice ? { announced: notice.announced, months: notice.noticeMonths } : null,
    successor: successor
      ? {
          product: successor.productSlug,
          releaseLine: successor.name,
          url: absoluteUrl(registry.vendor, paths.apiProduct(successor.productSlug)),
        }
      : null,
  };
}

export function apiProduct(registry: Registry, product: Product) {
  return {
    ...envelope(registry),
    product: {
      ...productSummary(registry, product),
      supportOwner: product.supportOwner,
      docs: { updates: product.docs.updates, secureUse: product.docs.secureUse },
      releaseLines: product.releaseLines.map((releaseLine) => releaseLineView(registry, releaseLine)),
    },
  };
}

function incidentView(registry: Registry, incident: Incident) {
  return {
    id: incident.id,
    title: incident.title,
    kind: incident.kind,
    impact: incident.impact,
    security: incident.security,
    csaf: incident.security ? absoluteUrl(registry.vendor, csafDocumentPath(incidentLocation(incident))) : null,
    state: incident.state,
    startedAt: incident.started,
    resolvedAt: incident.resolvedAt ?? null,
    window: incident.window ? { start: incident.window.start, end: incident.window.end } : null,
    affects: incident.affects.map((affected) => ({
      product: affected.productSlug,
      releaseLines: affected.releaseLines ? [...affected.releaseLines] : null,
    })),
    updates: incident.updates.map((update) => ({ at: update.at, status: update.status, text: update.text.markdown })),
    hasPostIncidentReport: incident.postIncidentReport !== undefined,
    url: absoluteUrl(registry.vendor, paths.incident(incident.id)),
  };
}

export function apiIncidents(registry: Registry) {
  return { ...envelope(registry), incidents: registry.incidents.map((incident) => incidentView(registry, incident)) };
}

function advisoryView(registry: Registry, advisory: Advisory) {
  return {
    id: advisory.id,
    title: advisory.title,
    summary: advisory.summary,
    status: advisory.status,
    cves: [...advisory.cves],
    cvss: { ...advisory.cvss },
    affects: advisory.affects.map((affected) => ({
      product: affected.productSlug,
      releaseLine: affected.releaseLine,
      affected: affected.affected,
      fixed: affected.fixed ?? null,
    })),
    remediations: advisory.remediations.map((remediation) => ({
      kind: remediation.kind,
      text: remediation.text.markdown,
      url: remediation.url ?? null,
    })),
    credits: [...advisory.credits],
    publishedOn: advisory.published,
    updatedOn: advisory.updated,
    revisions: advisory.revisions.map((revision) => ({ date: revision.date, summary: revision.summary })),
    url: absoluteUrl(registry.vendor, paths.advisory(advisory.id)),
    csaf: absoluteUrl(registry.vendor, csafDocumentPath(advisory)),
  };
}

export function apiAdvisories(registry: Registry) {
  return { ...envelope(registry), advisories: registry.advisories.map((advisory) => advisoryView(registry, advisory)) };
}

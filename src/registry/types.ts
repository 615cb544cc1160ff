/**
 * The Registry: the validated, cross-checked content with every status computed as of the build
 * date. A plain, immutable object; pages, feeds, calendars and exports are functions of it.
 *
 * Names: `XData` is a content file as written, the output of its schema in schema/ (`ProductData`,
 * `VendorData`); `X` is what the Registry computes from it (`Product`, with its statuses and
 * release lines). The vendor is published as written, so the Registry holds `VendorData`.
 */
import type { CalendarDate } from './calendarDate.ts';
import type { CvssSeverity } from './cvss.ts';
import type { Problem } from './problems.ts';
import type { AdvisoryData } from './schema/advisory.ts';
import type { IncidentData } from './schema/incident.ts';
import type { PolicyKind } from './schema/policy.ts';
import type { ProductData } from './schema/product.ts';
import type { SupportLevelData } from './schema/supportLevels.ts';
import type { VendorData } from './schema/vendor.ts';
import type { WithdrawnKind } from './schema/withdrawn.ts';

/** Markdown with its sanitised HTML (rendered on first use). */
export interface RichText {
  readonly markdown: string;
  readonly html: string;
}

export interface Registry {
  /** The day every status is computed for (UTC calendar date of the build time). */
  readonly buildDate: CalendarDate;
  /** The build instant, ISO 8601 in UTC. */
  readonly buildTime: string;
  readonly vendor: VendorData;
  readonly supportLevels: readonly SupportLevel[];
  /** Sorted by name. */
  readonly products: readonly Product[];
  /** Every release line of every product, in product order. */
  readonly releaseLines: readonly ReleaseLine[];
  /** Newest first (by start time). */
  readonly incidents: readonly Incident[];
  /** Newest first (by latest revision). */
  readonly advisories: readonly Advisory[];
  readonly policies: readonly Policy[];
  /** Products, incidents and advisories removed on purpose, whose addresses keep a page; newest first. */
  readonly withdrawals: readonly Withdrawal[];
  /** Warnings: allowed, but worth a look. (Errors stop the load.) */
  readonly warnings: readonly Problem[];
  /** Lookups built once, so no output scans every document per page. */
  readonly index: RegistryIndex;
}

export interface RegistryIndex {
  product(slug: string): Product | undefined;
  supportLevel(id: string): SupportLevel | undefined;
  incidentsFor(productSlug: string): readonly Incident[];
  advisoriesFor(productSlug: string): readonly Advisory[];
  policy(kind: PolicyKind): Policy;
}

/** A level of the vendor's support catalogue (Code of Practice 4.1), with its Markdown rendered. */
export interface SupportLevel extends Omit<SupportLevelData, 'distribution' | 'notification'> {
  readonly distribution: RichText;
  readonly notification: RichText;
}

export interface Product {
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly category: string;
  readonly identifiers: ProductData['identifiers'];
  readonly docs: ProductData['docs'];
  readonly supportOwner: string;
  readonly description: RichText;
  readonly releaseLines: readonly ReleaseLine[];
  /** Summary across its release lines. */
  readonly status: ProductStatus;
  readonly file: string;
}

export type ProductStatus = 'supported' | 'ending-soon' | 'ended';

export interface Phase {
  readonly level: SupportLevel;
  /** First day of the phase. */
  readonly start: CalendarDate;
  /** Last day of the phase; undefined while "to be announced". */
  readonly end: CalendarDate | undefined;
}

export type LifecycleState = 'not-yet-released' | 'supported' | 'ended';

export interface ReleaseLineStatus {
  readonly state: LifecycleState;
  readonly isSupported: boolean;
  /** The phase the line is in at the build date (undefined before release and after the end). */
  readonly phase: Phase | undefined;
  /** The last day of support; undefined while "to be announced". */
  readonly supportedUntil: CalendarDate | undefined;
  /** Days from the build date to the end of support (negative once ended). */
  readonly daysLeft: number | undefined;
  /** In words, e.g. "Full support until 2027-03-31", "Ended on 2025-06-30". */
  readonly label: string;
}

export interface ReleaseLine {
  /** "<product slug>/<line name>", unique across the registry. */
  readonly id: string;
  readonly productSlug: string;
  readonly productName: string;
  readonly name: string;
  readonly released: CalendarDate;
  readonly endOfSales: CalendarDate | undefined;
  readonly phases: readonly Phase[];
  /** End of security support (OpenEoX): the end of the last phase with security fixes. */
  readonly endOfSecuritySupport: CalendarDate | undefined;
  /** End of support (OpenEoX end of life); undefined while "to be announced". */
  readonly endOfSupport: CalendarDate | undefined;
  readonly notice: EndOfSupportNotice | undefined;
  readonly successor: { readonly productSlug: string; readonly name: string } | undefined;
  readonly status: ReleaseLineStatus;
}

export type NoticeEventKind = 'announced' | 'extended' | 'brought-forward';

/** One public event in the life of an end-of-support date (Code of Practice 4.2). */
export interface NoticeEvent {
  readonly kind: NoticeEventKind;
  /** The day it was announced. */
  readonly on: CalendarDate;
  readonly endOfSupport: CalendarDate;
  /** The date that applied before (extensions and dates brought forward). */
  readonly previous: CalendarDate | undefined;
  /** Whole months from `on` to `endOfSupport`. */
  readonly noticeMonths: number;
  readonly reason: string | undefined;
  /** The pre-portal public announcement cited for this event, if any. */
  readonly source: string | undefined;
}

export interface EndOfSupportNotice {
  readonly releaseLineId: string;
  readonly endOfSupport: CalendarDate;
  /** The day the notice that the current date rests on was given. */
  readonly announced: CalendarDate;
  /** Whole months of notice the current date was given. */
  readonly noticeMonths: number;
  readonly source: string | undefined;
  readonly migration: RichText | undefined;
  readonly risk: RichText | undefined;
  /** Oldest first. */
  readonly events: readonly NoticeEvent[];
}

export type IncidentState = 'active' | 'scheduled' | 'resolved';

/**
 * A published fact corrected by a later update or revision (docs/editor-guide.md, "Correct a
 * published fact"): "Corrected on 3 December 2026: impact was recorded as major; it was minor".
 */
export interface Correction {
  /** When the correcting update was posted (RFC 3339 in UTC), or the day of the correcting revision at 00:00:00Z. */
  readonly at: string;
  /** The field as the editor named it, e.g. "impact", "updates[0].at", "cvss.vector". */
  readonly field: string;
  /** The field in words: "impact", "the time of update 1", "the CVSS vector". */
  readonly what: string;
  readonly was: string;
  /** What it was in fact: the next correction's "was", else the value now. */
  readonly now: string;
  /** The feed key of the correcting update, or the revision's date (with ".2" for the second that day). */
  readonly by: string;
}

export interface IncidentUpdate {
  /** RFC 3339 in UTC, e.g. 2026-11-20T08:12:00Z, whatever offset the editor wrote. */
  readonly at: string;
  /** The key of its feed item: its "key" (the time it was first published with), else its time (UTC). */
  readonly key: string;
  readonly status: IncidentData['updates'][number]['status'];
  readonly text: RichText;
}

export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly kind: IncidentData['kind'];
  readonly impact: IncidentData['impact'];
  readonly security: boolean;
  readonly affects: readonly {
    readonly productSlug: string;
    readonly productName: string;
    /** Affected release line names; undefined when all are affected. */
    readonly releaseLines: readonly string[] | undefined;
  }[];
  /** RFC 3339 in UTC, like every instant in the Registry. */
  readonly started: string;
  readonly window: { readonly start: string; readonly end: string } | undefined;
  readonly updates: readonly IncidentUpdate[];
  /** Time of the resolving update, when resolved. */
  readonly resolvedAt: string | undefined;
  /** Oldest first. */
  readonly corrections: readonly Correction[];
  readonly state: IncidentState;
  readonly description: RichText;
  readonly customerActions: RichText | undefined;
  readonly postIncidentReport:
    | {
        readonly published: string;
        readonly rootCause: RichText;
        readonly preventiveMeasures: readonly string[];
      }
    | undefined;
  readonly file: string;
}

export interface Advisory {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly status: AdvisoryData['status'];
  readonly cves: readonly string[];
  readonly cvss: {
    readonly version: '3.1' | '4.0';
    readonly vector: string;
    readonly score: number;
    readonly severity: CvssSeverity;
  };
  readonly affects: readonly {
    readonly productSlug: string;
    readonly productName: string;
    readonly releaseLine: string;
    readonly affected: string;
    readonly fixed: string | undefined;
  }[];
  readonly remediations: readonly {
    readonly kind: AdvisoryData['remediations'][number]['kind'];
    readonly text: RichText;
    readonly url: string | undefined;
  }[];
  readonly credits: readonly string[];
  /** Oldest first; the first is the initial publication. */
  readonly revisions: readonly { readonly date: CalendarDate; readonly summary: string }[];
  /** Oldest first. */
  readonly corrections: readonly Correction[];
  readonly published: CalendarDate;
  readonly updated: CalendarDate;
  readonly details: RichText;
  readonly file: string;
}

export interface Policy {
  readonly slug: string;
  readonly title: string;
  readonly kind: PolicyKind;
  readonly updated: CalendarDate;
  readonly body: RichText;
  readonly file: string;
}

/** A published product, incident or advisory the vendor removed on purpose (content/withdrawn.yml). */
export interface Withdrawal {
  readonly kind: WithdrawnKind;
  /** The product's slug or the incident's or advisory's id: its page's address. */
  readonly id: string;
  /** What customers knew it as. */
  readonly title: string;
  /** The day it was withdrawn. */
  readonly date: CalendarDate;
  /** Why, for customers. */
  readonly reason: RichText;
}

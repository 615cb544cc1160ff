/**
 * What every cross-document rule gets: the parsed documents and a way to report. A document that
 * failed its schema is here too, with the fields that passed: rules check those in the same run,
 * and stay silent about a failed field (already reported) and whatever depends on it.
 */
import type { CalendarDate } from '../calendarDate.ts';
import type { PublicationHistory } from '../git/publicationHistory.ts';
import type { HistoryRule } from './history.ts';
import { formatFieldPath, type FieldPath, type Message, type Problem, type ProblemSeverity } from '../problems.ts';
import type { AdvisoryData } from '../schema/advisory.ts';
import type { IncidentData } from '../schema/incident.ts';
import type { PolicyData } from '../schema/policy.ts';
import type { ProductData } from '../schema/product.ts';
import type { SupportLevelData } from '../schema/supportLevels.ts';
import type { VendorData } from '../schema/vendor.ts';
import type { WithdrawalData } from '../schema/withdrawn.ts';
import type { SourceDocument } from '../source/document.ts';

export interface Parsed<Data> {
  /** Typed as valid, but a field in `failed` is missing: read a field only once `parsed` says it is there. */
  data: Data;
  source: SourceDocument;
  /** The fields that failed their schema (already reported); empty for a valid document. */
  failed: readonly FieldPath[];
}

export interface ParsedDocuments {
  /** Undefined when the file is missing or invalid (already reported); rules skip what needs it. */
  vendor: Parsed<VendorData> | undefined;
  supportLevels: Parsed<{ levels: SupportLevelData[] }> | undefined;
  /** A product file failed to parse or its slug failed (already reported): unknown product names are not reported again. */
  someProductInvalid: boolean;
  /** Likewise for policies and their kind: a missing policy may be the broken file. */
  somePolicyInvalid: boolean;
  products: Parsed<ProductData>[];
  incidents: Parsed<IncidentData>[];
  advisories: Parsed<AdvisoryData>[];
  policies: Parsed<PolicyData>[];
  /** content/withdrawn.yml; undefined when there is none (it is optional). */
  withdrawn: Parsed<{ withdrawn: WithdrawalData[] }> | undefined;
}

export interface RuleContext {
  buildDate: CalendarDate;
  /** ISO 8601 instant in UTC. */
  buildTime: string;
  /** The git history of the content, read on first use (one read per check). */
  history(): PublicationHistory;
  /**
   * The day each notice event counts from, by release line id (see rules/notice.ts): given by the
   * build's check to the loads that render, else filled in by the notice rule for the Registry.
   */
  noticeDays: Map<string, readonly CalendarDate[]>;
  /** Set when checking a pull request: a notice not yet on its base branch counts from the merge. */
  pullRequest: { baseHistory(): PublicationHistory | undefined } | undefined;
  /** A rule that needs the history could not run without it (reported once, by rules/history.ts). */
  skipped(rule: HistoryRule): void;
  /** The content folder as shown to the editor, for problems about the whole folder. */
  contentDirLabel: string;
  /** The portal's public/ folder (rules/brandAssets.ts), and as shown to the editor. */
  publicDir: string;
  publicDirLabel: string;
  /** Every file in the content folder, relative to it. */
  contentFiles: readonly string[];
  report(problem: Problem): void;
}

export function reportAt(
  context: RuleContext,
  severity: ProblemSeverity,
  document: Parsed<unknown>,
  path: FieldPath,
  message: Message,
): void {
  context.report({
    severity,
    file: document.source.file,
    field: path.length > 0 ? formatFieldPath(path) : undefined,
    path,
    message: message.text,
    name: message.name,
  });
}

/** Reports a problem about a file or folder as a whole, not one of its fields. */
export function reportIn(context: RuleContext, severity: ProblemSeverity, file: string, message: Message): void {
  context.report({ severity, file, message: message.text, name: message.name });
}

/**
 * Whether the fields at these paths parsed: neither the field, nor a field inside it, nor the
 * group or list holding it failed its schema.
 */
export function parsed(document: Parsed<unknown>, ...paths: FieldPath[]): boolean {
  return paths.every((path) => !document.failed.some((failed) => startsWith(failed, path) || startsWith(path, failed)));
}

/**
 * Whether `field` parsed in every item of the list at `listPath` (and the list itself did): only
 * then is a lookup by that field complete, and a name it does not find really unknown.
 */
export function parsedInEvery(
  document: Parsed<unknown>,
  listPath: FieldPath,
  list: readonly unknown[],
  field: string,
): boolean {
  return (
    !failedAt(document, listPath) && [...list.keys()].every((index) => !failedAt(document, [...listPath, index, field]))
  );
}

/** Whether the field at `path`, or a group or list holding it, failed. */
function failedAt(document: Parsed<unknown>, path: FieldPath): boolean {
  return document.failed.some((failed) => startsWith(path, failed));
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => path[index] === part);
}

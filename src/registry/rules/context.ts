/** What every cross-document rule gets: the validated documents and a way to report. */
import type { CalendarDate } from '../calendarDate.ts';
import type { PublicationHistory } from '../git/publicationHistory.ts';
import { formatFieldPath, type FieldPath, type Problem, type Severity } from '../problems.ts';
import type { AdvisoryData } from '../schema/advisory.ts';
import type { IncidentData } from '../schema/incident.ts';
import type { PolicyData } from '../schema/policy.ts';
import type { ProductData } from '../schema/product.ts';
import type { SupportLevelData } from '../schema/supportLevels.ts';
import type { Vendor } from '../schema/vendor.ts';
import type { WithdrawalData } from '../schema/withdrawn.ts';
import type { SourceDocument } from '../source/document.ts';

export interface Valid<Data> {
  data: Data;
  source: SourceDocument;
}

export interface ValidDocuments {
  /** Undefined when the file is missing or invalid (already reported); rules skip what needs it. */
  vendor: Valid<Vendor> | undefined;
  supportLevels: Valid<{ levels: SupportLevelData[] }> | undefined;
  /** A product file failed to parse or validate (already reported): unknown product names are not reported again. */
  someProductInvalid: boolean;
  /** Likewise for policies: a missing policy may be the broken file. */
  somePolicyInvalid: boolean;
  products: Valid<ProductData>[];
  incidents: Valid<IncidentData>[];
  advisories: Valid<AdvisoryData>[];
  policies: Valid<PolicyData>[];
  /** content/withdrawn.yml; undefined when there is none (it is optional) or it is invalid (already reported). */
  withdrawn: Valid<{ withdrawn: WithdrawalData[] }> | undefined;
}

export interface RuleContext {
  buildDate: CalendarDate;
  /** ISO 8601 instant in UTC. */
  buildTime: string;
  /** The git history of the content, read on first use (one read per check). */
  history(): PublicationHistory;
  /** The content folder as shown to the editor, for problems about the whole folder. */
  contentDirLabel: string;
  /** Every file in the content folder, relative to it. */
  contentFiles: readonly string[];
  report(problem: Problem): void;
}

export function reportAt(
  context: RuleContext,
  severity: Severity,
  document: Valid<unknown>,
  path: FieldPath,
  message: string,
): void {
  context.report({
    severity,
    file: document.source.file,
    field: path.length > 0 ? formatFieldPath(path) : undefined,
    path,
    message,
  });
}

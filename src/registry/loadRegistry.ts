/**
 * Builds the Registry: validate every document with its zod schema, run every cross-document
 * rule, and compute statuses as of the build time. Reports every problem at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { utcDateOf } from './calendarDate.ts';
import { resolveBuildTime } from './buildTime.ts';
import { rememberScores, type CvssResult } from './cvss.ts';
import {
  CHECKED_HISTORY,
  pullRequestFromEnvironment,
  readBaseHistory,
  readPublicationHistory,
  type NoticeDays,
  type PublicationHistory,
  type PullRequest,
} from './git/publicationHistory.ts';
import { compareProblems, ContentError, type Problem } from './problems.ts';
import { assembleRegistry } from './assemble.ts';
import { checkAdvisories } from './rules/advisories.ts';
import { checkBrandAssets } from './rules/brandAssets.ts';
import { parsed, type Parsed, type ParsedDocuments, type RuleContext } from './rules/context.ts';
import { checkCodeOfPracticeEvidence } from './rules/codeOfPractice.ts';
import { reportSkippedHistoryRules, type HistoryRule } from './rules/history.ts';
import { checkIncidents } from './rules/incidents.ts';
import { checkLifecycleOrder } from './rules/lifecycleOrder.ts';
import { checkNotices } from './rules/notice.ts';
import { checkPublishedKept } from './rules/published.ts';
import { checkPublishedFacts } from './rules/publishedFacts.ts';
import { checkPolicies } from './rules/policies.ts';
import { checkReferences } from './rules/references.ts';
import { checkUniqueness } from './rules/uniqueness.ts';
import { contentKinds, type ContentKind } from './schema/index.ts';
import { kindOfPath, type SourceDocument } from './source/document.ts';
import { lineOfField, splitFrontMatter } from './source/frontMatter.ts';
import { cached, contentKey } from './source/parseCache.ts';
import { defaultContentDir, displayPath, portalPublicDir, readContentFiles } from './source/readContentFiles.ts';
import type { Registry } from './types.ts';
import { validateDocument } from './validate.ts';

export interface LoadOptions {
  /** The content folder; defaults to $TRUSTLINE_CONTENT or ./content. */
  contentDir?: string | undefined;
  /** Build date or time; defaults to SOURCE_DATE_EPOCH or now (see buildTime.ts). */
  buildDate?: string | undefined;
  /** Parsed documents from another reader (contentlayer2); by default the files are read. */
  sources?: { documents: SourceDocument[]; problems: Problem[]; files: string[] } | undefined;
  /** By default the content folder's git history; CHECKED_HISTORY when the build has checked it. */
  history?: PublicationHistory | undefined;
  /** The day each notice event counts from, as the build's check found them (CheckResult.noticeDays). */
  noticeDays?: NoticeDays | undefined;
  /** Whether this is a pull request, and its base branch; by default from the CI's environment. */
  pullRequest?: PullRequest | undefined;
  /**
   * The check runs in CI, where the build publishes: a rule skipped for want of the git history
   * is an error there (src/registry/rules/history.ts).
   */
  requireHistory?: boolean | undefined;
  /** Files as a command is about to write them (absolute path → text), checked instead of the disk. */
  unsaved?: ReadonlyMap<string, string> | undefined;
  /**
   * What the build's check found when it passed this same content, for the loads that render it
   * (the pages, the machine files): no rule is run again and git is not read; the documents are
   * validated and assembled with the check's notice days and CVSS scores.
   */
  checked?: CheckedFacts | undefined;
}

/** What the check found that the loads that render need, so that they do not work it out again. */
export interface CheckedFacts {
  /** The day each notice counts from, as git dates it. */
  readonly noticeDays: NoticeDays;
  /** Each CVSS vector's score. */
  readonly cvss: Readonly<Record<string, CvssResult>>;
}

export interface CheckResult {
  /** Present when there are no errors. */
  registry: Registry | undefined;
  /** Errors and warnings, sorted by file and line. */
  problems: Problem[];
  /** Every file found in the content folder. */
  files: string[];
  /** How many documents made it into the Registry. */
  documentCount: number;
  /** The day statuses were computed for. */
  buildDate: string;
  /** The day each notice event counts from, by release line id: for the loads that render (LoadOptions.noticeDays). */
  noticeDays: NoticeDays;
}

export { defaultContentDir } from './source/readContentFiles.ts';

/** Every cross-document rule, in the order they report. */
const everyRule = [
  checkUniqueness,
  checkReferences,
  checkLifecycleOrder,
  checkNotices,
  checkIncidents,
  checkAdvisories,
  checkPolicies,
  checkPublishedKept,
  checkPublishedFacts,
  checkCodeOfPracticeEvidence,
  checkBrandAssets,
] as const;

/** Validates everything and returns every problem; never throws for bad content. */
export function checkContent(options: LoadOptions = {}): CheckResult {
  const contentDir = path.resolve(options.contentDir ?? defaultContentDir());
  const buildTime = resolveBuildTime(options.buildDate);
  const sources = options.sources ?? readContentFiles(contentDir, options.unsaved);
  const problems: Problem[] = [...sources.problems];
  const contentDirLabel = displayPath(contentDir);

  const documents = validateAll(sources.documents, sources.files, contentDirLabel, problems);
  let assembled: Omit<Registry, 'warnings'> | undefined;
  const { checked } = options;
  if (checked) rememberScores(checked.cvss);
  let history = checked ? CHECKED_HISTORY : options.history;
  const pullRequest = 'pullRequest' in options ? options.pullRequest : pullRequestFromEnvironment(process.env);
  let baseHistory: PublicationHistory | undefined | null = null;
  const skipped = new Set<HistoryRule>();
  const context: RuleContext = {
    buildDate: utcDateOf(buildTime),
    buildTime: buildTime.toISOString().replace('.000Z', 'Z'),
    history: () =>
      (history ??= readPublicationHistory(contentDir, 'HEAD', { currentBlobs: currentBlobs(sources.documents) })),
    noticeDays: new Map(Object.entries(checked?.noticeDays ?? options.noticeDays ?? {})),
    pullRequest: pullRequest && {
      baseHistory: () =>
        baseHistory === null ? (baseHistory = readBaseHistory(contentDir, pullRequest)) : baseHistory,
    },
    skipped: (rule) => skipped.add(rule),
    contentDirLabel,
    publicDir: portalPublicDir(contentDir),
    publicDirLabel: displayPath(portalPublicDir(contentDir)),
    contentFiles: sources.files,
    report: (problem) => problems.push(problem),
  };
  // Content the build's check has just passed is only assembled: the rules have reported on it.
  for (const rule of checked ? [] : everyRule) {
    rule(documents, context);
  }
  if (history) reportSkippedHistoryRules(skipped, history.state, options.requireHistory ?? false, context);
  if (!problems.some((problem) => problem.severity === 'error')) {
    assembled = assembleRegistry(documents, context);
  }
  addLines(problems, options.unsaved);
  problems.sort(compareProblems);
  const registry =
    assembled && deepFreeze({ ...assembled, warnings: problems.filter((problem) => problem.severity === 'warning') });
  const documentCount = registry ? countDocuments(registry) + (documents.withdrawn ? 1 : 0) : 0;
  const noticeDays = registry ? Object.fromEntries(context.noticeDays) : {};
  return { registry, problems, files: sources.files, documentCount, buildDate: context.buildDate, noticeDays };
}

/** Incidents and advisories as read now, by absolute path: their git blob ids (see readPublicationHistory). */
function currentBlobs(documents: readonly SourceDocument[]): Map<string, string> {
  const blobs = new Map<string, string>();
  for (const document of documents) if (document.blob) blobs.set(path.resolve(document.file), document.blob);
  return blobs;
}

/** The Registry, or a ContentError listing every problem. */
export function loadRegistry(options: LoadOptions = {}): Registry {
  const result = checkContent(options);
  if (!result.registry) throw new ContentError(result.problems);
  return result.registry;
}

function validateAll(
  sources: SourceDocument[],
  files: string[],
  contentDirLabel: string,
  problems: Problem[],
): ParsedDocuments {
  // Documents that failed their schema come too, with the fields that passed (see validate.ts).
  const parsedDocuments: { [Kind in ContentKind]: Parsed<unknown>[] } = {
    vendor: [],
    supportLevels: [],
    product: [],
    incident: [],
    advisory: [],
    policy: [],
    withdrawn: [],
  };
  for (const source of sources) {
    const { data, failed } = validateDocument(contentKinds[source.kind].schema, source, problems);
    parsedDocuments[source.kind].push({ data, source, failed });
  }
  const present = new Set(files.map(kindOfPath));
  for (const kind of ['vendor', 'supportLevels'] as const) {
    if (!present.has(kind)) {
      problems.push({
        severity: 'error',
        file: `${contentDirLabel}/${contentKinds[kind].location}`,
        message: `${contentKinds[kind].location} is missing: create it (see docs/content-reference.md)`,
      });
    }
  }
  // A file that failed to parse, or whose slug or kind failed, is already reported; until it is
  // fixed, references to the product or policy it holds would be reported again as missing.
  const fileCount = (kind: ContentKind) => files.filter((file) => kindOfPath(file) === kind).length;
  const known = (kind: ContentKind, field: string) =>
    parsedDocuments[kind].filter((document) => parsed(document, [field])).length;
  return {
    vendor: parsedDocuments.vendor[0] as ParsedDocuments['vendor'],
    supportLevels: parsedDocuments.supportLevels[0] as ParsedDocuments['supportLevels'],
    someProductInvalid: known('product', 'slug') < fileCount('product'),
    somePolicyInvalid: known('policy', 'kind') < fileCount('policy'),
    products: parsedDocuments.product as ParsedDocuments['products'],
    incidents: parsedDocuments.incident as ParsedDocuments['incidents'],
    advisories: parsedDocuments.advisory as ParsedDocuments['advisories'],
    policies: parsedDocuments.policy as ParsedDocuments['policies'],
    withdrawn: parsedDocuments.withdrawn[0] as ParsedDocuments['withdrawn'],
  };
}

function addLines(problems: Problem[], unsaved: ReadonlyMap<string, string> | undefined): void {
  const texts = new Map<string, YamlPart | undefined>();
  for (const problem of problems) {
    const fieldPath = problem.path;
    if (problem.line !== undefined || !fieldPath || fieldPath.length === 0) continue;
    if (!texts.has(problem.file)) texts.set(problem.file, readYamlPart(problem.file, unsaved));
    const text = texts.get(problem.file);
    if (!text) continue;
    // Finding the line parses the file again with positions: remember it with the parse cache.
    const line = cached(`line ${text.key} ${JSON.stringify(fieldPath)}`, () => lineOfField(text.yaml, fieldPath));
    if (line !== undefined) problem.line = line + text.offset;
  }
}

interface YamlPart {
  yaml: string;
  /** Lines before the YAML in the file. */
  offset: number;
  key: string;
}

function readYamlPart(file: string, unsaved: ReadonlyMap<string, string> | undefined): YamlPart | undefined {
  try {
    const text = unsaved?.get(path.resolve(file)) ?? readFileSync(path.resolve(file), 'utf8');
    if (!file.endsWith('.md')) return { yaml: text, offset: 0, key: contentKey(text) };
    const split = splitFrontMatter(text);
    return split && { yaml: split.frontMatter, offset: split.frontMatterLine - 1, key: contentKey(split.frontMatter) };
  } catch {
    return undefined;
  }
}

function countDocuments(registry: Registry): number {
  return (
    2 + registry.products.length + registry.incidents.length + registry.advisories.length + registry.policies.length
  );
}

function deepFreeze<Value>(value: Value): Value {
  // RichText objects are frozen already, which also keeps their lazy HTML from being rendered here.
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

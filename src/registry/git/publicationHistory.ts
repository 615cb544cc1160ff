/**
 * When did git first publish each end-of-support date, and each release line? The notice rule
 * (Code of Practice 4.2) forbids backdating: a notice cannot claim to have been announced before
 * the commit that made it public, and a date once published stays in the notice's history. The
 * whole history is read with two git processes, however many files there are:
 * one `git log` for the commits and blobs, one `git cat-file --batch` for the file versions.
 *
 * The same reading gives the versions of each incident and advisory that git published, so the
 * check can hold their published facts (src/registry/rules/publishedFacts.ts). Only versions that
 * differ from the file as it is now are read and parsed: a registry committed as it stands costs
 * nothing more.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { CalendarDate } from '../calendarDate.ts';
import type { WithdrawnKind } from '../schema/withdrawn.ts';
import { parseYaml, splitFrontMatter } from '../source/frontMatter.ts';
import { cachedParse } from '../source/parseCache.ts';
import { parsePlainYaml } from '../source/plainYaml.ts';

/** 'checked': the build's check has just verified this content against git; loads after it need not read it again. */
export type HistoryState = 'complete' | 'shallow' | 'not-a-repository' | 'checked';

export interface FirstPublication {
  /** The committer's own calendar date of the first commit that published the date. */
  date: CalendarDate;
  commit: string;
}

export interface PublishedDate extends FirstPublication {
  readonly endOfSupport: CalendarDate;
}

export interface PublicationHistory {
  state: HistoryState;
  /**
   * The first commit in which `file` gave release line `releaseLine` the end-of-support date
   * `endOfSupport`; undefined when no commit has (new or uncommitted content).
   */
  firstPublished(file: string, releaseLine: string, endOfSupport: CalendarDate): FirstPublication | undefined;
  /** Every end-of-support date any commit gave the release line, in the order they were first published. */
  publishedDates(file: string, releaseLine: string): readonly PublishedDate[];
  /** The first commit in which `file` had release line `releaseLine`, with or without a date. */
  lineFirstPublished(file: string, releaseLine: string): FirstPublication | undefined;
  /**
   * Product, incident and advisory files some commit published that are no longer in the content
   * folder under any name (renames are followed). `currentFiles` are relative to the folder.
   */
  removedFiles(currentFiles: readonly string[]): readonly RemovedFile[];
  /**
   * Each version git published of an incident or advisory file that differs from the file as it
   * is now (ReadOptions.currentBlobs), oldest first, with its front matter; the same text
   * published again is listed once, at its first commit.
   */
  publishedVersions(file: string): readonly PublishedVersion[];
}

export interface PublishedVersion {
  /** The version's front matter as YAML gives it (not validated: an old version may not pass today's schema). */
  readonly data: unknown;
  readonly published: FirstPublication;
}

export interface ReadOptions {
  /**
   * Incident and advisory files as they are now: absolute path → git blob id (gitBlobId). Their
   * other published versions are read; without it, none are.
   */
  readonly currentBlobs?: ReadonlyMap<string, string> | undefined;
}

export interface RemovedFile {
  /** Absolute path where the file last was. */
  readonly file: string;
  readonly kind: WithdrawnKind;
  /** The product's slug or the incident's or advisory's id in its last published version (else its file name). */
  readonly id: string;
  readonly published: FirstPublication;
}

const nothingPublished = {
  firstPublished: () => undefined,
  publishedDates: () => [],
  lineFirstPublished: () => undefined,
  removedFiles: () => [],
  publishedVersions: () => [],
};
const NO_HISTORY: PublicationHistory = { state: 'not-a-repository', ...nothingPublished };

/**
 * For the loads that render content the build's check step has just verified against git (the
 * pages, the machine files): the git rules are not run again, and git is not read again (about
 * 2.5 s per load for an L registry). See also LoadOptions.checked (src/registry/loadRegistry.ts).
 */
export const CHECKED_HISTORY: PublicationHistory = { state: 'checked', ...nothingPublished };

/** The folders whose files are public promises: their pages, feed items and CSAF documents. */
const PUBLISHED_FOLDERS = ['products', 'incidents', 'advisories'];
const KIND_OF_FOLDER: readonly WithdrawnKind[] = ['product', 'incident', 'advisory'];

/** What the history knows of one release line of one product file. */
interface LineHistory {
  readonly first: FirstPublication;
  readonly dates: Map<CalendarDate, FirstPublication>;
}

const git = (cwd: string, args: string[], input?: string) =>
  spawnSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });

/** The day each notice event counts from, by release line id (`slug/line`), oldest event first. */
export type NoticeDays = Readonly<Record<string, readonly CalendarDate[]>>;

/** A pull request being checked, and the branch it would be merged into. */
export interface PullRequest {
  readonly baseRef: string | undefined;
}

/**
 * A pull request in GitHub Actions: GITHUB_BASE_REF is set (to the base branch) only for
 * pull_request and pull_request_target events (docs/editor-guide.md, "Notices in pull requests").
 */
export function pullRequestFromEnvironment(env: NodeJS.ProcessEnv): PullRequest | undefined {
  const baseRef = env['GITHUB_BASE_REF'] || undefined;
  return baseRef || env['GITHUB_EVENT_NAME']?.startsWith('pull_request') ? { baseRef } : undefined;
}

/** The history of the pull request's base branch (origin/<base>, else <base>); undefined when it is not here. */
export function readBaseHistory(contentDir: string, pullRequest: PullRequest): PublicationHistory | undefined {
  if (!pullRequest.baseRef) return undefined;
  for (const revision of [`origin/${pullRequest.baseRef}`, pullRequest.baseRef]) {
    const found = git(contentDir, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
    if (found.status === 0) return readPublicationHistory(contentDir, found.stdout.trim());
  }
  return undefined;
}

/**
 * Reads the history of the product, incident and advisory folders, as far as `revision` (the
 * branch being built by default). `contentDir` is absolute.
 */
export function readPublicationHistory(
  contentDir: string,
  revision = 'HEAD',
  options: ReadOptions = {},
): PublicationHistory {
  const probe = git(contentDir, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  if (probe.status !== 0) return NO_HISTORY;
  const [topLevel = '', shallow] = probe.stdout.trim().split('\n');
  const relativeToTop = (file: string) => path.relative(topLevel, path.resolve(file)).split(path.sep).join('/');
  const folders = PUBLISHED_FOLDERS.map((folder) => relativeToTop(path.join(contentDir, folder)));
  const productsDir = `${folders[0]}/`;

  const log = git(topLevel, [
    'log',
    '--reverse',
    '-M',
    '--raw',
    '--no-abbrev',
    '--no-color',
    '--format=%x1e%H %cI',
    revision,
    '--',
    ...folders,
  ]);
  // A repository without commits yet has no history: everything counts from the build date.
  const commits = log.status === 0 ? parseLog(log.stdout) : [];

  const isProduct = (file: string) => file.startsWith(productsDir);
  const identityOf = new Map<string, string>();
  /** The versions of each incident and advisory, by identity, oldest first, and where it last was. */
  const versions = new Map<string, { blob: string; published: FirstPublication }[]>();
  const lastPathOf = new Map<string, string>();
  for (const commit of commits) {
    for (const change of commit.changes) {
      change.identity = (change.from && identityOf.get(change.from)) || change.from || change.path;
      identityOf.set(change.path, change.identity);
      if (isProduct(change.path) || !change.path.endsWith('.md')) continue;
      lastPathOf.set(change.identity, change.path);
      let list = versions.get(change.identity);
      if (!list) versions.set(change.identity, (list = []));
      if (!list.some((version) => version.blob === change.blob)) {
        list.push({ blob: change.blob, published: { date: commit.date, commit: commit.hash } });
      }
    }
  }
  const identity = (file: string) => {
    const relative = relativeToTop(file);
    return identityOf.get(relative) ?? relative;
  };
  /**
   * The versions to read, by the absolute path of the file now: those that differ from it. Joined
   * as strings, not with path functions: 13,000 files at size L.
   */
  const changedVersions = new Map<string, { blob: string; published: FirstPublication }[]>();
  const currentBlobs = options.currentBlobs;
  if (currentBlobs && currentBlobs.size > 0) {
    for (const [fileIdentity, list] of versions) {
      const file = `${topLevel}/${lastPathOf.get(fileIdentity)}`;
      const currentBlob = currentBlobs.get(file);
      if (currentBlob === undefined) continue;
      const changed = list.filter((version) => version.blob !== currentBlob);
      if (changed.length > 0) changedVersions.set(file, changed);
    }
  }
  const blobs = [
    ...new Set([
      ...commits.flatMap((commit) =>
        commit.changes.filter((change) => isProduct(change.path)).map((change) => change.blob),
      ),
      ...[...changedVersions.values()].flat().map((version) => version.blob),
    ]),
  ];
  const contents = readBlobs(topLevel, blobs);

  /** Each file's identity (its first path): where it last was, its last version, and when it was first published. */
  const files = new Map<string, { path: string; blob: string; published: FirstPublication }>();
  const lines = new Map<string, LineHistory>();
  for (const commit of commits) {
    const publication = { date: commit.date, commit: commit.hash };
    for (const change of commit.changes) {
      const changeIdentity = change.identity ?? change.path;
      if (change.path.endsWith('.md')) {
        const published = files.get(changeIdentity)?.published ?? publication;
        files.set(changeIdentity, { path: change.path, blob: change.blob, published });
      }
      if (!isProduct(change.path)) continue;
      for (const [releaseLine, endOfSupport] of releaseLinesOf(contents.get(change.blob) ?? '')) {
        const key = lineKey(changeIdentity, releaseLine);
        let line = lines.get(key);
        if (!line) lines.set(key, (line = { first: publication, dates: new Map() }));
        if (endOfSupport !== undefined && !line.dates.has(endOfSupport)) line.dates.set(endOfSupport, publication);
      }
    }
  }
  const lineOf = (file: string, releaseLine: string) => lines.get(lineKey(identity(file), releaseLine));
  return {
    state: shallow === 'true' ? 'shallow' : 'complete',
    firstPublished: (file, releaseLine, endOfSupport) => lineOf(file, releaseLine)?.dates.get(endOfSupport),
    publishedDates: (file, releaseLine) =>
      [...(lineOf(file, releaseLine)?.dates ?? [])].map(([endOfSupport, first]) => ({ endOfSupport, ...first })),
    lineFirstPublished: (file, releaseLine) => lineOf(file, releaseLine)?.first,
    removedFiles(currentFiles) {
      const present = new Set(currentFiles.map((file) => identity(path.join(contentDir, file))));
      const removed = [...files.entries()]
        .filter(([fileIdentity]) => !present.has(fileIdentity))
        .map(([, file]) => file);
      // Only the removed files' last versions are read: their slug or id is the address they had.
      const lastVersions = readBlobs(
        topLevel,
        removed.map((file) => file.blob),
      );
      return removed.map(({ path: last, blob, published }) => {
        const kind = KIND_OF_FOLDER[folders.findIndex((folder) => last.startsWith(`${folder}/`))]!;
        const id = addressOf(lastVersions.get(blob) ?? '', kind) ?? path.basename(last, '.md');
        return { file: path.join(topLevel, last), kind, id, published };
      });
    },
    publishedVersions: (file) =>
      (changedVersions.size === 0 ? [] : (changedVersions.get(path.resolve(file)) ?? [])).map((version) => ({
        data: frontMatterOf(contents.get(version.blob) ?? ''),
        published: version.published,
      })),
  };
}

/** One version's front matter, parsed as the content reader parses it (and cached with it); undefined when it does not parse. */
function frontMatterOf(text: string): unknown {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  const yamlText = split.frontMatter;
  return cachedParse(yamlText, () => {
    const plain = parsePlainYaml(yamlText);
    return plain === undefined ? parseYaml(yamlText) : { data: plain, errors: [] };
  }).data;
}

const lineKey = (identity: string, releaseLine: string) => `${identity}\0${releaseLine}`;

interface LoggedCommit {
  hash: string;
  date: CalendarDate;
  /** `identity`: the file's first path, filled in as the history is read in order. */
  changes: { path: string; from: string | undefined; blob: string; identity?: string }[];
}

function parseLog(output: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of output.split('\x1e')) {
    const [header, ...lines] = record.split('\n');
    if (!header) continue;
    const [hash = '', committed = ''] = header.split(' ');
    const changes: LoggedCommit['changes'] = [];
    for (const line of lines) {
      // :100644 100644 <old blob> <new blob> <status>\t<path>[\t<new path>]
      const match = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([AMRCT])\d*\t([^\t]+)(?:\t(.+))?$/.exec(line);
      if (!match) continue;
      const [, blob = '', status, first = '', second] = match;
      const renamed = status === 'R' || status === 'C';
      changes.push({ blob, path: renamed && second ? second : first, from: status === 'R' ? first : undefined });
    }
    commits.push({ hash, date: committed.slice(0, 10), changes });
  }
  return commits;
}

function readBlobs(topLevel: string, blobs: string[]): Map<string, string> {
  const contents = new Map<string, string>();
  if (blobs.length === 0) return contents;
  const result = spawnSync('git', ['cat-file', '--batch'], {
    cwd: topLevel,
    input: blobs.join('\n') + '\n',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const output = result.stdout;
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline === -1) break;
    const [sha = '', type, size] = output.subarray(offset, newline).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) {
      offset = newline + 1;
      continue;
    }
    const start = newline + 1;
    const end = start + Number(size);
    contents.set(sha, output.subarray(start, end).toString('utf8'));
    offset = end + 1;
  }
  return contents;
}

/** The slug (products) or id (incidents, advisories) one version of a file gave its page. */
function addressOf(text: string, kind: WithdrawnKind): string | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  const data = parseYaml(split.frontMatter).data as { slug?: unknown; id?: unknown } | undefined;
  const address = kind === 'product' ? data?.slug : data?.id;
  return typeof address === 'string' ? address : undefined;
}

/** Each release line of one version of a product file, with its end-of-support date if it had one. */
function releaseLinesOf(text: string): [string, string | undefined][] {
  const split = splitFrontMatter(text);
  if (!split) return [];
  const { data } = parseYaml(split.frontMatter);
  const releases = (data as { releases?: unknown } | undefined)?.releases;
  if (!Array.isArray(releases)) return [];
  const lines: [string, string | undefined][] = [];
  for (const release of releases as { name?: unknown; endOfSupport?: { date?: unknown } }[]) {
    const date = release?.endOfSupport?.date;
    if (typeof release?.name === 'string') lines.push([release.name, typeof date === 'string' ? date : undefined]);
  }
  return lines;
}

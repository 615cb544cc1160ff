/**
 * What every scaffolding command works from: the content folder as it is on disk (read with the
 * same fast reader as `check`), today's date and the current time in UTC.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { utcDateOf, type CalendarDate } from '../../registry/calendarDate.ts';
import type { SourceDocument } from '../../registry/source/document.ts';
import { displayPath, readContentFiles } from '../../registry/source/readContentFiles.ts';
import { ScaffoldError } from './frontMatterFile.ts';
import type { Answers, Question } from './questions.ts';

export interface ScaffoldContext {
  /** Absolute path of the content folder. */
  readonly contentDir: string;
  /** Today (UTC), or the --date given. */
  readonly today: CalendarDate;
  /** Now (UTC) to the minute, e.g. "2026-11-22T09:00:00Z". */
  readonly now: string;
  /** The build time check uses, e.g. "2026-11-22T23:59:59Z": nothing may be dated after it. */
  readonly buildTime: string;
  readonly documents: readonly SourceDocument[];
}

/** A file as a command would write it; it is written only once it passes check. */
export interface Draft {
  /** Absolute path of the file. */
  readonly file: string;
  /** The whole file. */
  readonly text: string;
  readonly action: 'created' | 'updated';
  /** What the editor may want to do next, in a sentence. */
  readonly next?: string | undefined;
}

export interface Scaffold {
  /** One line for the usage text. */
  readonly summary: string;
  questions(context: ScaffoldContext): Question[];
  /** The file to write, or a ScaffoldError saying why not. Writes nothing itself. */
  draft(answers: Answers, context: ScaffoldContext): Draft;
}

export function createContext(contentDir: string, buildTime: Date, now: string): ScaffoldContext {
  return {
    contentDir: path.resolve(contentDir),
    today: utcDateOf(buildTime),
    now,
    buildTime: utcInstant(buildTime),
    documents: readContentFiles(contentDir).documents,
  };
}

type Fields = Record<string, unknown>;

function dataOf(document: SourceDocument): Fields {
  return document.data && typeof document.data === 'object' ? (document.data as Fields) : {};
}

export interface ProductEntry {
  readonly slug: string;
  readonly file: string;
  readonly releaseLines: readonly string[];
  /** Release line → its published end-of-support date, for the lines that have one. */
  readonly endOfSupport: ReadonlyMap<string, string>;
}

/** What to say when the content folder has no products yet. */
export const NO_PRODUCTS = 'there are no products yet; add one first with npm run new -- product';

/** What to say when support-levels.yml defines no level. */
export const NO_SUPPORT_LEVELS =
  'there are no support levels yet; define them in support-levels.yml (see docs/content-reference.md)';

/** What to say when there is no incident or advisory to choose from. */
export const NONE_YET = {
  incident: 'there are no incidents yet; open one with npm run new -- incident',
  advisory: 'there are no advisories yet; publish one with npm run new -- advisory',
} as const;

export function productsIn(context: ScaffoldContext): ProductEntry[] {
  return context.documents
    .filter((document) => document.kind === 'product')
    .map((document) => {
      const data = dataOf(document);
      const releases = Array.isArray(data['releases']) ? (data['releases'] as Fields[]) : [];
      return {
        slug: String(data['slug']),
        file: path.resolve(document.file),
        releaseLines: releases.map((release) => String(release['name'])),
        endOfSupport: new Map(
          releases.flatMap((release) => {
            const notice = release['endOfSupport'] as Fields | undefined;
            const date = notice?.['date'];
            return typeof date === 'string' ? [[String(release['name']), date] as const] : [];
          }),
        ),
      };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

export function findProduct(context: ScaffoldContext, slug: string): ProductEntry {
  const product = productsIn(context).find((entry) => entry.slug === slug);
  if (!product) {
    const known = productsIn(context).map((entry) => entry.slug);
    throw new ScaffoldError(
      known.length === 0 ? NO_PRODUCTS : `there is no product "${slug}": use one of ${known.join(', ')}`,
    );
  }
  return product;
}

/** The question that picks a product (or several, as a list), offering the slugs there are. */
export function productQuestion(
  context: ScaffoldContext,
  message: string,
  type: 'choice' | 'list' = 'choice',
): Question {
  return {
    flag: 'product',
    message,
    type,
    required: true,
    placeholder: 'SLUG',
    options: () => productsIn(context).map((entry) => entry.slug),
    none: NO_PRODUCTS,
  };
}

/**
 * The file a new document goes in: `<folder>/<name>.md`, refused when a document of that name or
 * the file already exists (`hint` says what to do instead).
 */
export function newDocumentFile(
  context: ScaffoldContext,
  folder: string,
  name: string,
  taken: boolean,
  hint: string,
): string {
  const file = path.join(context.contentDir, folder, `${name}.md`);
  if (taken || existsSync(file)) throw new ScaffoldError(hint);
  return file;
}

export interface DocumentEntry {
  readonly id: string;
  readonly file: string;
  readonly data: Fields;
}

export function documentsOf(context: ScaffoldContext, kind: 'incident' | 'advisory'): DocumentEntry[] {
  return context.documents
    .filter((document) => document.kind === kind)
    .map((document) => ({
      id: String(dataOf(document)['id']),
      file: path.resolve(document.file),
      data: dataOf(document),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function findDocument(context: ScaffoldContext, kind: 'incident' | 'advisory', id: string): DocumentEntry {
  const documents = documentsOf(context, kind);
  const found = documents.find((entry) => entry.id === id);
  if (!found) {
    throw new ScaffoldError(
      documents.length === 0 ? NONE_YET[kind] : `there is no ${kind} "${id}" in ${displayPath(context.contentDir)}`,
    );
  }
  return found;
}

export function supportLevelIds(context: ScaffoldContext): string[] {
  const document = context.documents.find((entry) => entry.kind === 'supportLevels');
  const levels = document ? dataOf(document)['levels'] : undefined;
  return Array.isArray(levels) ? levels.map((level) => String((level as Fields)['id'])) : [];
}

export function vendorName(context: ScaffoldContext): string | undefined {
  const document = context.documents.find((entry) => entry.kind === 'vendor');
  const name = document ? dataOf(document)['name'] : undefined;
  return typeof name === 'string' ? name : undefined;
}

/**
 * The next id in a series such as INC-2026-0031: the prefix used most, this year, one more than
 * the highest number, as wide as the others.
 */
export function nextId(
  existing: readonly string[],
  year: string,
  fallbackPrefix: string | undefined,
): string | undefined {
  const parsed = existing
    .map((id) => /^([A-Za-z]+)-(\d{4})-(\d+)$/.exec(id))
    .filter((match): match is RegExpExecArray => match !== null);
  const counts = new Map<string, number>();
  for (const match of parsed) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
  const prefix = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallbackPrefix;
  if (!prefix) return undefined;
  const sameYear = parsed.filter((match) => match[1] === prefix && match[2] === year);
  const width = parsed[0]?.[3]?.length ?? 4;
  const next = Math.max(0, ...sameYear.map((match) => Number(match[3]))) + 1;
  return `${prefix}-${year}-${String(next).padStart(width, '0')}`;
}

/** "Example Product Server" → "example-product-server". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A UTC instant written to the minute or second, as content files write times. */
export function utcInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

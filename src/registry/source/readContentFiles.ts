/**
 * Reads the content folder directly: the fast path for `check`, which must not wait for a full
 * ingestion. Every file is either parsed into a SourceDocument or reported as a problem.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../problems.ts';
import { CONTENT_LAYOUT, kindOfPath, type SourceDocument } from './document.ts';
import { parseYaml, splitFrontMatter, type ParsedYaml } from './frontMatter.ts';
import { cachedParse } from './parseCache.ts';
import { parsePlainYaml } from './plainYaml.ts';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface ContentFiles {
  documents: SourceDocument[];
  problems: Problem[];
  /** Every file found (relative paths), for the "nothing silently dropped" count. */
  files: string[];
}

/** The content folder: $TRUSTLINE_CONTENT, or ./content. */
export function defaultContentDir(): string {
  return path.resolve(process.env['TRUSTLINE_CONTENT'] ?? 'content');
}

/** The portal's public/ folder: beside the content folder, as in a portal's repository. */
export function portalPublicDir(contentDir: string): string {
  return path.join(path.dirname(path.resolve(contentDir)), 'public');
}

/** Path as shown to the editor: relative to the working directory when inside it. */
export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative.split(path.sep).join('/');
}

/** Every file below the folder, sorted, skipping dot-files (.gitkeep, .DS_Store) and dot-folders. */
export function listContentFiles(contentDir: string): string[] {
  const found: string[] = [];
  const walk = (relativeDir: string) => {
    const entries = readdirSync(path.join(contentDir, relativeDir), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relativePath);
      else found.push(relativePath);
    }
  };
  walk('');
  return found.sort();
}

/**
 * Reads and parses every content file. `unsaved` holds files as a command is about to write them
 * (absolute path → text): they are read from there instead of the disk, new ones included.
 */
export function readContentFiles(contentDir: string, unsaved?: ReadonlyMap<string, string>): ContentFiles {
  const problems: Problem[] = [];
  const documents: SourceDocument[] = [];
  let files: string[];
  try {
    files = listContentFiles(contentDir);
    for (const absolutePath of unsaved?.keys() ?? []) {
      const relativePath = path.relative(contentDir, absolutePath).split(path.sep).join('/');
      if (!files.includes(relativePath)) files.push(relativePath);
    }
    files.sort();
  } catch {
    problems.push({
      severity: 'error',
      file: displayPath(contentDir),
      message: 'the content folder cannot be read: check that it exists (see the README for the layout)',
    });
    return { documents, problems, files: [] };
  }
  for (const relativePath of files) {
    const absolutePath = path.join(contentDir, relativePath);
    const file = displayPath(absolutePath);
    const kind = kindOfPath(relativePath);
    if (!kind) {
      problems.push({
        severity: 'error',
        file,
        message: `this file is not content Trustline knows: ${CONTENT_LAYOUT}. Move or remove it`,
      });
      continue;
    }
    const text = unsaved?.get(absolutePath) ?? readText(absolutePath, file, problems);
    if (text === undefined) continue;
    const document = parseContentText(kind, file, text, problems);
    if (document) documents.push(document);
  }
  return { documents, problems, files };
}

function readText(absolutePath: string, file: string, problems: Problem[]): string | undefined {
  const bytes = readSmallFile(absolutePath);
  if (typeof bytes === 'number') {
    problems.push({
      severity: 'error',
      file,
      message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; content files are limited to 1 MiB: split it or shorten it`,
    });
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    problems.push({
      severity: 'error',
      file,
      line,
      message: `the file is not valid UTF-8 (byte ${offset + 1}): save it with UTF-8 encoding`,
    });
    return undefined;
  }
}

/**
 * The file's bytes, or its size when it is over the limit (then it is not read). The size comes
 * from the open file, which saves looking the path up twice: 14,000 lookups on a large registry.
 */
function readSmallFile(absolutePath: string): Buffer | number {
  const descriptor = openSync(absolutePath, 'r');
  try {
    const { size } = fstatSync(descriptor);
    return size > MAX_FILE_BYTES ? size : readFileSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return index;
}

/** The id git gives a file with this text (a SHA-1 of "blob <size>\0" and the bytes). */
export function gitBlobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Parses one file's text; reports and returns undefined when it cannot be parsed. */
export function parseContentText(
  kind: SourceDocument['kind'],
  file: string,
  text: string,
  problems: Problem[],
): SourceDocument | undefined {
  if (text.trim() === '') {
    problems.push({
      severity: 'error',
      file,
      message: 'the file is empty: fill it in (see docs/content-reference.md) or delete it',
    });
    return undefined;
  }
  const isMarkdown = file.endsWith('.md');
  let yamlText = text;
  let body = '';
  let dataLine = 1;
  if (isMarkdown) {
    const split = splitFrontMatter(text);
    if (!split) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        message: 'no front matter: start the file with a line "---", the fields, then another line "---"',
      });
      return undefined;
    }
    yamlText = split.frontMatter;
    body = split.body;
    dataLine = split.frontMatterLine;
  }
  // Most front matter is plain enough for the fast reader; the rest (and every error) goes to `yaml`.
  let parsed: ParsedYaml;
  try {
    parsed = cachedParse(yamlText, () => {
      const plain = parsePlainYaml(yamlText);
      return plain === undefined ? parseYaml(yamlText) : { data: plain, errors: [] };
    });
  } catch (error) {
    // parseYaml bounds what it reads, so this is not expected; if it happens it is still this file's problem.
    const reason = error instanceof Error ? error.message : String(error);
    parsed = { data: undefined, errors: [{ line: 1, message: `the YAML cannot be read (${reason}): simplify it` }] };
  }
  for (const error of parsed.errors) {
    problems.push({ severity: 'error', file, line: error.line + dataLine - 1, message: error.message });
  }
  if (parsed.errors.length > 0) return undefined;
  const blob = kind === 'incident' || kind === 'advisory' ? gitBlobId(text) : undefined;
  return { kind, file, data: parsed.data ?? {}, body, dataLine, blob };
}

/**
 * A persistent cache of parsed front matter, for the commands people run again and again
 * (check, build). YAML parsing is most of the time `check` spends on a large registry; a file
 * whose front matter has not changed since the last run is not parsed again.
 *
 * Keyed by a hash of the YAML text itself (not the file's time stamps), so a changed file can
 * never be served stale data. Only clean parses are kept: a file with YAML errors is always
 * parsed again, so its messages and lines are exact. Off unless a command switches it on.
 *
 * The same file keeps other results that are pure functions of content and cost a warm run
 * most of its time (`cached`): the line of a field in a file with a warning (finding it means
 * parsing the file again with positions), and CVSS scores.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParsedYaml } from './frontMatter.ts';

const FORMAT = 2;

interface CacheState {
  file: string;
  previous: Map<string, unknown>;
  used: Map<string, unknown>;
  /** True once this run parsed something the cache did not hold. */
  changed: boolean;
}

let state: CacheState | undefined;

/** Switches the cache on for this process, backed by `file`. */
export function enableParseCache(file: string): void {
  let previous = new Map<string, unknown>();
  try {
    const stored = deserialize(readFileSync(file)) as { format?: number; entries?: Map<string, unknown> };
    if (stored.format === FORMAT && stored.entries instanceof Map) previous = stored.entries;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  state = { file, previous, used: new Map(), changed: false };
}

/** A short key for a text: its SHA-1, so entries name content, never files. */
export const contentKey = (text: string): string => createHash('sha1').update(text).digest('base64');

/** The value stored under `key` by an earlier run (kept for the next one). */
function recall(cache: CacheState, key: string): { value: unknown } | undefined {
  if (!cache.previous.has(key)) return undefined;
  const value = cache.previous.get(key);
  cache.used.set(key, value);
  return { value };
}

function remember(cache: CacheState, key: string, value: unknown): void {
  cache.used.set(key, value);
  cache.changed = true;
}

/**
 * The parse of `yamlText`: from an earlier run, or `parse()`'s, kept only when clean (a file with
 * errors is parsed again every time, so its messages and lines are exact).
 */
export function cachedParse(yamlText: string, parse: () => ParsedYaml): ParsedYaml {
  if (!state) return parse();
  const key = contentKey(yamlText);
  const hit = recall(state, key);
  if (hit) return { data: hit.value, errors: [] };
  const parsed = parse();
  if (parsed.errors.length === 0) remember(state, key, parsed.data);
  return parsed;
}

/**
 * `compute()`, or its value from an earlier run. `key` must name everything the value depends
 * on (build it from `contentKey` of the texts involved), and the value must be structuredClone-safe.
 */
export function cached<Value>(key: string, compute: () => Value): Value {
  if (!state) return compute();
  const hit = recall(state, key);
  if (hit) return hit.value as Value;
  const value = compute();
  remember(state, key, value);
  return value;
}

/** Writes the entries this run used (so the cache never outgrows the content), then lets go of them. */
export function saveParseCache(): void {
  const saving = state;
  state = undefined;
  // Nothing new and nothing gone: the stored file is already right.
  if (!saving || (!saving.changed && saving.used.size === saving.previous.size)) return;
  try {
    mkdirSync(path.dirname(saving.file), { recursive: true });
    const temporary = `${saving.file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize({ format: FORMAT, entries: saving.used }));
    renameSync(temporary, saving.file);
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
}

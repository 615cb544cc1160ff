/**
 * Warm builds: a page whose inputs have not changed since the previous build is carried over
 * from the previous site instead of rendered again (docs/benchmarks.md, "Warm builds").
 *
 * Astro has no partial static build, so the build stays a full Astro build: every route is still
 * listed and written, and the sitemap and every other site-wide file still see the whole site.
 * For the pages whose inputs are known (an incident's page and an advisory's page: most of a
 * registry's pages), the middleware (src/pipeline/pageReuseMiddleware.ts, which the integration adds) fingerprints those inputs and, when the
 * previous build recorded the same fingerprint for the same page, answers with the previous
 * page's bytes; Astro writes them as it writes a rendered page. Every other page is rendered.
 *
 * A page's inputs: the site's code (every source file, the dependencies' lockfile), the vendor
 * profile and the policies' titles (the layout shows both on every page), the page's own document
 * as the Registry assembled it (including what was computed for the build time, such as an
 * incident's state), the last commit of its source file and, where the page counts days from it, the build date.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_ROOT } from '../cli/projectPaths.ts';
import type { Advisory, Incident, Registry } from '../registry/types.ts';
import { sourceHistory } from '../site/sourceHistory.ts';
import { paths } from '../site/urls.ts';
import { MANIFEST_FILE } from './manifest.ts';

/** What the build tells Astro's process (environment variables of `astro build`). */
const CODE_VERSION = 'TRUSTLINE_CODE_VERSION';
const PREVIOUS_SITE = 'TRUSTLINE_PREVIOUS_SITE';
const PREVIOUS_INPUTS = 'TRUSTLINE_PREVIOUS_PAGE_INPUTS';
const INPUTS_OUT = 'TRUSTLINE_PAGE_INPUTS_OUT';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

// ---------------------------------------------------------------- the build's side

/**
 * The files whose content can change a page: the engine's sources and version, and the portal's
 * public files, Astro configuration and locked dependencies. In this repository both are one folder.
 */
const ENGINE_CODE = ['src', 'public', 'package.json'];
const PORTAL_CODE = ['public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Every file below each of `relatives` under `root` (a file itself when it is one), sorted. */
function codeFiles(root: string, relatives: readonly string[]): string[] {
  return relatives
    .flatMap((relative) => {
      const full = path.join(root, relative);
      if (!existsSync(full)) return [];
      if (!statSync(full).isDirectory()) return [relative];
      return readdirSync(full, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
    })
    .sort();
}

/** A SHA-256 over the path and bytes of every file that makes the site's code. */
export function codeVersion(portalRoot: string): string {
  const hash = createHash('sha256');
  for (const [label, root, relatives] of [
    ['engine', ENGINE_ROOT, ENGINE_CODE],
    ['portal', portalRoot, PORTAL_CODE],
  ] as const) {
    for (const file of codeFiles(root, relatives)) {
      hash
        .update(`${label}/${file}\0`)
        .update(readFileSync(path.join(root, file)))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

/** The record of one output folder's page inputs, kept in the content's cache folder. */
interface PageInputsRecord {
  /** SHA-256 of the site's build-manifest.json when it was published: the site is still that one. */
  readonly manifest: string;
  readonly pages: Readonly<Record<string, string>>;
}

const recordFile = (cacheDir: string, outDir: string) =>
  path.join(cacheDir, `page-inputs-${sha256(path.resolve(outDir)).slice(0, 16)}.json`);

/**
 * The environment that lets Astro's process carry pages over from `outDir`: only when the site
 * there is, byte for byte in its manifest, the one whose page inputs were recorded.
 */
export function pageReuseEnvironment(root: string, cacheDir: string, outDir: string): NodeJS.ProcessEnv {
  const record = recordFile(cacheDir, outDir);
  const inputsOut = `${record}.next`;
  rmSync(inputsOut, { force: true });
  const env: NodeJS.ProcessEnv = { [CODE_VERSION]: codeVersion(root), [INPUTS_OUT]: inputsOut };
  try {
    const previous = JSON.parse(readFileSync(record, 'utf8')) as PageInputsRecord;
    if (previous.manifest === sha256(readFileSync(path.join(outDir, MANIFEST_FILE)))) {
      env[PREVIOUS_SITE] = path.resolve(outDir);
      env[PREVIOUS_INPUTS] = record;
    }
  } catch {
    // No previous build into this folder (or nothing readable): every page is rendered.
  }
  return env;
}

/**
 * After publishing: records the page inputs of the site now in `outDir`, for the next build;
 * returns how many pages this build carried over.
 */
export function savePageInputs(cacheDir: string, outDir: string): number {
  const record = recordFile(cacheDir, outDir);
  const lines = existsSync(`${record}.next`) ? readFileSync(`${record}.next`, 'utf8').split('\n').filter(Boolean) : [];
  const rows = lines.map((line) => line.split('\t') as [page: string, inputs: string, how: string]);
  const pages = Object.fromEntries(rows.map(([page, inputs]) => [page, inputs]));
  const saved: PageInputsRecord = { manifest: sha256(readFileSync(path.join(outDir, MANIFEST_FILE))), pages };
  writeFileSync(record, JSON.stringify(saved));
  rmSync(`${record}.next`, { force: true });
  return rows.filter(([, , how]) => how === 'carried').length;
}

// ---------------------------------------------------------------- Astro's side (src/pipeline/pageReuseMiddleware.ts)

/** Markdown stands for its HTML: the HTML is a function of the Markdown and the code. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'markdown' in value) {
    const html = Object.getOwnPropertyDescriptor(value, 'html');
    if (html?.get) return { markdown: (value as { markdown: string }).markdown };
  }
  return value;
}

const indexes = new WeakMap<Registry, { incidents: Map<string, Incident>; advisories: Map<string, Advisory> }>();

/** Whether this Astro process was started by a build that records page inputs. */
export const recordsPageInputs = (): boolean => Boolean(process.env[CODE_VERSION]);

/** The page (its path in the site) and the fingerprint of its inputs, for a page that can be carried over. */
export function pageInputs(
  registry: Registry,
  routePattern: string,
  params: Readonly<Record<string, string | undefined>>,
): { page: string; inputs: string } | undefined {
  const code = process.env[CODE_VERSION];
  if (!code || params['id'] === undefined) return undefined;
  let index = indexes.get(registry);
  if (!index) {
    index = {
      incidents: new Map(registry.incidents.map((incident) => [incident.id, incident])),
      advisories: new Map(registry.advisories.map((advisory) => [advisory.id, advisory])),
    };
    indexes.set(registry, index);
  }
  const shared = {
    code,
    vendor: registry.vendor,
    policies: registry.policies.map((policy) => [policy.slug, policy.title]),
  };
  const fingerprint = (page: string, inputs: object) => ({ page, inputs: sha256(JSON.stringify(inputs, replacer)) });
  const route = routePattern.replace(/\/$/, '');
  if (route === '/incidents/[id]') {
    const incident = index.incidents.get(params['id']);
    // Relative phrases ("started 2 days ago") count from the build date.
    return (
      incident &&
      fingerprint(paths.incident(incident.id), {
        ...shared,
        buildDate: registry.buildDate,
        incident,
        source: sourceHistory(registry.vendor, incident.file),
      })
    );
  }
  if (route === '/advisories/[id]') {
    const advisory = index.advisories.get(params['id']);
    return (
      advisory &&
      fingerprint(paths.advisory(advisory.id), {
        ...shared,
        advisory,
        source: sourceHistory(registry.vendor, advisory.file),
      })
    );
  }
  return undefined;
}

let previousInputs: Readonly<Record<string, string>> | undefined;

/**
 * The previous build's bytes of `page` when its inputs were the same, else undefined; records
 * this build's inputs of the page either way.
 */
export function carriedOverPage(page: string, inputs: string): Buffer | undefined {
  const previous = previousPage(page, inputs);
  const out = process.env[INPUTS_OUT];
  if (out) appendFileSync(out, `${page}\t${inputs}\t${previous ? 'carried' : 'rendered'}\n`);
  return previous;
}

function previousPage(page: string, inputs: string): Buffer | undefined {
  const site = process.env[PREVIOUS_SITE];
  const record = process.env[PREVIOUS_INPUTS];
  if (!site || !record) return undefined;
  previousInputs ??= (JSON.parse(readFileSync(record, 'utf8')) as PageInputsRecord).pages;
  if (previousInputs[page] !== inputs) return undefined;
  try {
    return readFileSync(path.join(site, page, 'index.html'));
  } catch {
    return undefined;
  }
}

/**
 * Warm builds: a page whose inputs have not changed since the previous build is carried over
 * from the previous site instead of rendered again (docs/benchmarks.md, "Warm builds").
 *
 * Astro has no partial static build. For the pages whose inputs are known, the route's
 * getStaticPaths (through `pagesToRender`) fingerprints those inputs and leaves out each page
 * whose fingerprint the previous build recorded for it: Astro renders only the others. Once Astro
 * is done, the integration copies the pages left out from the previous site and gives them to the
 * sitemap (`carryOverPages`), so the sitemap and every site-wide step after Astro see the whole
 * site. The pages carried over are those of one document each, listed with
 * their inputs in REUSABLE_ROUTES below: an incident's page, an advisory's page and a product's
 * page (1,400 of the 1,459 pages at size M). Every other page (the home page, the lists,
 * the archives, the end-of-support pages, the withdrawn items' pages) is rendered.
 *
 * A page's inputs: the site's code (every source file, the dependencies' lockfile), what the
 * layout shows on every page (the vendor profile, the navigation, the policies' titles), the
 * page's own document as the Registry assembled it (including what was computed for the build
 * time, such as an incident's state or a release line's status), the last commit of its source
 * file, where the page counts days from it the build date, and, on a product's page, everything
 * else it shows: the support levels, the product's incidents and advisories as the Registry lists
 * them for it, and the products its release lines' successors belong to.
 *
 * The files step (src/pipeline/filesStep.ts) carries its outputs over the same way, recorded
 * beside the pages': a feed whose description is unchanged, a part of the search index whose
 * documents are (`outputFingerprint`, `carriedOutput`), and any machine file that comes out with
 * the bytes the previous site has (`sameInPrevious`). Whatever is carried over is the previous
 * site's file itself, hard-linked (`carryFile`).
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ENGINE_ROOT } from '../cli/projectPaths.ts';
import { digestOf, markdownForHtml, sha256 } from '../registry/fingerprint.ts';
import type { Advisory, Incident, Registry } from '../registry/types.ts';
import { navigation } from '../site/navigation.ts';
import { sourceHistory } from '../site/sourceHistory.ts';
import { paths } from '../site/urls.ts';
import { successorOf } from '../site/view/selections.ts';
import { MANIFEST_FILE, type BuildManifest } from './manifest.ts';

/** What the build tells Astro's process (environment variables of `astro build`). */
const CODE_VERSION = 'TRUSTLINE_CODE_VERSION';
const PREVIOUS_SITE = 'TRUSTLINE_PREVIOUS_SITE';
const PREVIOUS_INPUTS = 'TRUSTLINE_PREVIOUS_PAGE_INPUTS';
const INPUTS_OUT = 'TRUSTLINE_PAGE_INPUTS_OUT';

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
  /** The files step's outputs that can be carried over (files and folders), by their path in the site. */
  readonly outputs?: Readonly<Record<string, string>>;
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
 * After publishing: records the page inputs of the site now in `outDir`, and the files step's
 * `outputs` (`carriedOutput`), for the next build; returns how many pages this build carried over.
 */
export function savePageInputs(cacheDir: string, outDir: string, outputs: Readonly<Record<string, string>>): number {
  const record = recordFile(cacheDir, outDir);
  const lines = existsSync(`${record}.next`) ? readFileSync(`${record}.next`, 'utf8').split('\n').filter(Boolean) : [];
  const rows = lines.map((line) => line.split('\t') as [page: string, inputs: string, how: string]);
  const pages = Object.fromEntries(rows.map(([page, inputs]) => [page, inputs]));
  const saved: PageInputsRecord = { manifest: sha256(readFileSync(path.join(outDir, MANIFEST_FILE))), pages, outputs };
  writeFileSync(record, JSON.stringify(saved));
  rmSync(`${record}.next`, { force: true });
  return rows.filter(([, , how]) => how === 'carried').length;
}

/**
 * The inputs recorded for the site in `outDir` (path → fingerprint), of its pages or of the files
 * step's outputs; empty when none are.
 */
export function recordedPageInputs(
  cacheDir: string,
  outDir: string,
  kind: 'pages' | 'outputs' = 'pages',
): Readonly<Record<string, string>> {
  try {
    return (JSON.parse(readFileSync(recordFile(cacheDir, outDir), 'utf8')) as PageInputsRecord)[kind] ?? {};
  } catch {
    return {};
  }
}

// ---------------------------------------------------------------- Astro's side (the routes' getStaticPaths, the integration)

/** What every page shows whatever its route, and the lookups the table below needs; made once per Registry. */
interface RegistryInputs {
  /**
   * The layout's (src/layouts/Base.astro): the vendor profile, the navigation and the policies in
   * the footer, with the code version; serialised once, not on every page.
   */
  readonly shared: string;
  readonly incidents: ReadonlyMap<string, Incident>;
  readonly advisories: ReadonlyMap<string, Advisory>;
}

const registryInputs = new WeakMap<Registry, RegistryInputs>();

function inputsOf(registry: Registry, code: string): RegistryInputs {
  let found = registryInputs.get(registry);
  if (!found) {
    found = {
      shared: JSON.stringify(
        {
          code,
          vendor: registry.vendor,
          // Which sections it shows depends on how many documents each has (src/site/navigation.ts).
          navigation: navigation(registry),
          policies: registry.policies.map((policy) => [policy.slug, policy.title]),
        },
        markdownForHtml,
      ),
      incidents: new Map(registry.incidents.map((incident) => [incident.id, incident])),
      advisories: new Map(registry.advisories.map((advisory) => [advisory.id, advisory])),
    };
    registryInputs.set(registry, found);
  }
  return found;
}

/** A page that can be carried over: its path in the site and what its rendering reads besides the shared inputs. */
interface PageAndInputs {
  readonly page: string;
  readonly inputs: object;
}

type Params = Readonly<Record<string, string | undefined>>;

/**
 * The pages that can be carried over, by route pattern (src/routes/), each with everything its
 * route file and its components read. A page of any other route is rendered on every build: the
 * home page, the lists and archives and the end-of-support pages gather the whole Registry.
 */
const REUSABLE_ROUTES = {
  '/incidents/[id]': (registry, { id }, { incidents }) => {
    const incident = id === undefined ? undefined : incidents.get(id);
    return (
      incident && {
        page: paths.incident(incident.id),
        // Relative phrases ("started 2 days ago") count from the build date.
        inputs: {
          buildDate: registry.buildDate,
          incident: digestOf(incident),
          source: sourceHistory(registry.vendor, incident.file),
        },
      }
    );
  },
  '/advisories/[id]': (registry, { id }, { advisories }) => {
    const advisory = id === undefined ? undefined : advisories.get(id);
    return (
      advisory && {
        page: paths.advisory(advisory.id),
        inputs: { advisory: digestOf(advisory), source: sourceHistory(registry.vendor, advisory.file) },
      }
    );
  },
  '/products/[slug]': (registry, { slug }) => {
    const product = slug === undefined ? undefined : registry.index.product(slug);
    return (
      product && {
        page: paths.product(product.slug),
        inputs: {
          // Statuses, "as of" and "today" on the timeline, and the incidents' "2 days ago" are the build date's.
          buildDate: registry.buildDate,
          // With its release lines as the Registry computed them: phases with their support levels, statuses, notices.
          product,
          // The whole catalogue: a level's position in it picks its colour on the timeline.
          supportLevels: digestOf(registry.supportLevels),
          // Listed with their titles, states, impacts, scores and the names of every product they
          // affect: each is also its own page's input, and its digest is made once.
          incidents: registry.index.incidentsFor(product.slug).map(digestOf),
          advisories: registry.index.advisoriesFor(product.slug).map(digestOf),
          // A release line's successor shows its product's name, linked, when that product exists.
          successors: product.releaseLines.map((line) => {
            const successor = successorOf(line, registry);
            return successor && { slug: successor.product.slug, name: successor.product.name, line: successor.name };
          }),
          source: sourceHistory(registry.vendor, product.file),
        },
      }
    );
  },
} satisfies Readonly<
  Record<string, (registry: Registry, params: Params, lookups: RegistryInputs) => PageAndInputs | undefined>
>;

/** A route whose pages can be carried over, by its pattern. */
export type ReusableRoute = keyof typeof REUSABLE_ROUTES;

/** The page (its path in the site) and the fingerprint of its inputs, for a page that can be carried over. */
function pageInputs(
  registry: Registry,
  routePattern: ReusableRoute,
  params: Params,
): { page: string; inputs: string } | undefined {
  const code = process.env[CODE_VERSION];
  if (!code) return undefined;
  const route = REUSABLE_ROUTES[routePattern];
  const lookups = inputsOf(registry, code);
  const found = route(registry, params, lookups);
  return (
    found && {
      page: found.page,
      inputs: sha256(`${lookups.shared}\n${JSON.stringify(found.inputs, markdownForHtml)}`),
    }
  );
}

let previousRecord: PageInputsRecord | undefined;

/**
 * Whether the previous build wrote the page or file step's output `output` from the same inputs,
 * and its `file` (the page itself, a file of the folder) is still there.
 */
function unchangedSincePrevious(kind: 'pages' | 'outputs', output: string, inputs: string, file: string): boolean {
  const site = process.env[PREVIOUS_SITE];
  const record = process.env[PREVIOUS_INPUTS];
  if (!site || !record) return false;
  previousRecord ??= JSON.parse(readFileSync(record, 'utf8')) as PageInputsRecord;
  return previousRecord[kind]?.[output] === inputs && existsSync(path.join(site, output, file));
}

/**
 * A route's pages for getStaticPaths, less those whose inputs are unchanged since the previous
 * build: Astro renders the rest, and `carryOverPages` copies these in. Records this build's
 * inputs of every page either way.
 */
export function pagesToRender<Entry extends { params: Params }>(
  registry: Registry,
  routePattern: ReusableRoute,
  entries: readonly Entry[],
): Entry[] {
  const out = process.env[INPUTS_OUT];
  if (!out) return [...entries];
  const rows: string[] = [];
  const rendered = entries.filter((entry) => {
    const found = pageInputs(registry, routePattern, entry.params);
    if (!found) return true;
    const carried = unchangedSincePrevious('pages', found.page, found.inputs, 'index.html');
    rows.push(`${found.page}\t${found.inputs}\t${carried ? 'carried' : 'rendered'}\n`);
    return !carried;
  });
  appendFileSync(out, rows.join(''));
  return rendered;
}

/**
 * After Astro's render (the integration's astro:build:done, before the sitemap's): copies the
 * pages left out of the render from the previous site into `outDir`; returns their paths.
 */
export function carryOverPages(outDir: string): string[] {
  const out = process.env[INPUTS_OUT];
  const site = process.env[PREVIOUS_SITE];
  if (!out || !site || !existsSync(out)) return [];
  const carried = readFileSync(out, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([, , how]) => how === 'carried')
    .map(([page]) => page!);
  for (const page of carried) {
    mkdirSync(path.join(outDir, page), { recursive: true });
    carryFile(path.join(site, page, 'index.html'), path.join(outDir, page, 'index.html'));
  }
  return carried;
}

/**
 * Puts the previous site's file `from` at `to`: a hard link when both are on one file system,
 * else a copy. The two sites can share the file because no step writes into a file in place:
 * a file is written whole, under a name no other site has (src/pipeline/finalise.ts).
 */
export function carryFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

// ---------------------------------------------------------------- the files step's side (src/pipeline/filesStep.ts)

/** The outputs of the files step that this build wrote or carried over, with their fingerprints. */
const outputsOfThisBuild: Record<string, string> = {};

/**
 * A fingerprint of everything an output of the files step is made from (`parts`) and the site's
 * code; undefined when this build carries nothing over.
 */
export function outputFingerprint(parts: Iterable<string>): string | undefined {
  const code = process.env[CODE_VERSION];
  if (!code || !process.env[INPUTS_OUT]) return undefined;
  const hash = createHash('sha256').update(code);
  for (const part of parts) hash.update('\0').update(part);
  return hash.digest('hex');
}

/**
 * The previous site's copy of `output` (a file or folder of the site: "feeds/all.xml",
 * "pagefind/") when the previous build made it from the same inputs, to copy instead of writing
 * it again; undefined when it must be written. `probe` is a file a folder always has. Records
 * the output's fingerprint either way, for the next build (`savePageInputs`).
 */
export function carriedOutput(output: string, fingerprint: string, probe = ''): string | undefined {
  outputsOfThisBuild[output] = fingerprint;
  return unchangedSincePrevious('outputs', output, fingerprint, probe)
    ? path.join(process.env[PREVIOUS_SITE]!, output)
    : undefined;
}

let previousHashes: ReadonlyMap<string, string> | undefined;

/**
 * The previous site's copy of `output` when it has exactly the bytes of `body` (by the previous
 * site's manifest), to link instead of writing the same bytes again.
 */
export function sameInPrevious(output: string, body: string): string | undefined {
  const site = process.env[PREVIOUS_SITE];
  if (!site) return undefined;
  previousHashes ??= new Map(
    (JSON.parse(readFileSync(path.join(site, MANIFEST_FILE), 'utf8')) as BuildManifest).files.map((file) => [
      file.path,
      file.sha256,
    ]),
  );
  const recorded = previousHashes.get(output);
  return recorded !== undefined && recorded === sha256(body) ? path.join(site, output) : undefined;
}

/** What `carriedOutput` recorded in this thread. */
export const recordedOutputs = (): Readonly<Record<string, string>> => outputsOfThisBuild;

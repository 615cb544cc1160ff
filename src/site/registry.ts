/**
 * The Registry for the pages and endpoints: loaded once per build from contentlayer2's output,
 * validated by the same rules as `check`.
 */
import { readFileSync } from 'node:fs';
import { CHECKED_HISTORY } from '../registry/git/publicationHistory.ts';
import { loadRegistry, type CheckedFacts } from '../registry/loadRegistry.ts';
import { enableRenderCache } from '../registry/markdown.ts';
import { readContentlayerOutput } from '../registry/source/readContentlayerOutput.ts';
import type { Registry } from '../registry/types.ts';
import { contentDir, generatedDir } from './config.ts';
import { devRegistry, isDevMode } from './devContent.ts';

let registry: Registry | undefined;

export function getRegistry(): Registry {
  // Asked for by every component of every page: once loaded (never in `astro dev`), it is the answer.
  if (registry) return registry;
  // `astro dev` reads the content folder directly and re-reads it on every change (devContent.ts).
  if (isDevMode()) return devRegistry();
  // What the build's check found: the day each notice counts from in git, CVSS scores (src/pipeline/checkStep.ts).
  const factsFile = process.env['TRUSTLINE_CHECKED_FACTS'];
  const facts = factsFile ? (JSON.parse(readFileSync(factsFile, 'utf8')) as CheckedFacts) : undefined;
  // HTML the build's check has just rendered from the same Markdown (src/pipeline/checkStep.ts).
  const renderCache = process.env['TRUSTLINE_RENDER_CACHE'];
  if (renderCache) enableRenderCache(renderCache);
  registry = loadRegistry({
    contentDir: contentDir(),
    sources: readContentlayerOutput(generatedDir(), contentDir()),
    // The build (src/pipeline/build.ts) renders only content its check step has just passed; a
    // hand-run `astro build` runs the rules, without the git history.
    ...(facts ? { checked: facts } : { history: CHECKED_HISTORY }),
  });
  return registry;
}

/**
 * The Registry for the pages and endpoints: loaded once per build from contentlayer2's output,
 * validated by the same rules as `check`.
 */
import { CHECKED_HISTORY } from '../registry/git/publicationHistory.ts';
import { loadRegistry } from '../registry/loadRegistry.ts';
import { readContentlayerOutput } from '../registry/source/readContentlayerOutput.ts';
import type { Registry } from '../registry/types.ts';
import { contentDir, generatedDir } from './config.ts';
import { devRegistry, isDevMode } from './devContent.ts';

let registry: Registry | undefined;

export function getRegistry(): Registry {
  // `astro dev` reads the content folder directly and re-reads it on every change (devContent.ts).
  if (isDevMode()) return devRegistry();
  registry ??= loadRegistry({
    contentDir: contentDir(),
    sources: readContentlayerOutput(generatedDir(), contentDir()),
    // scripts/build.ts renders only content its check step has just verified against git.
    history: CHECKED_HISTORY,
  });
  return registry;
}

/**
 * The Registry for the pages and endpoints: loaded once per build from contentlayer2's output,
 * validated by the same rules as `check`.
 */
import { loadRegistry } from '../registry/loadRegistry.ts';
import { readContentlayerOutput } from '../registry/source/readContentlayerOutput.ts';
import type { Registry } from '../registry/types.ts';
import { contentDir, generatedDir } from './config.ts';

let registry: Registry | undefined;

export function getRegistry(): Registry {
  registry ??= loadRegistry({
    contentDir: contentDir(),
    sources: readContentlayerOutput(generatedDir(), contentDir()),
  });
  return registry;
}

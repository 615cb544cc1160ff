/**
 * The Registry in `astro dev`: read with the fast raw reader (the same `checkContent` as
 * `npm run check`, no contentlayer2 step), so an edit shows within a second. The live-content
 * integration re-reads it when a file under the content folder changes. The result is kept on
 * `globalThis` because the integration and the page renderer load this module separately
 * (Vite runs pages in its own module runner) but share the process.
 */
import { checkContent, type CheckResult } from '../registry/loadRegistry.ts';
import { ContentError } from '../registry/problems.ts';
import type { Registry } from '../registry/types.ts';
import { contentDir } from './config.ts';

const STATE = Symbol.for('trustline.devContent');

interface DevContentState {
  result: CheckResult | undefined;
  /** Counts the reads: a page says which one it shows (src/integrations/liveContent.ts). */
  generation: number;
}

function state(): DevContentState {
  const global = globalThis as typeof globalThis & { [STATE]?: DevContentState };
  global[STATE] ??= { result: undefined, generation: 0 };
  return global[STATE];
}

/** Set by the live-content integration when Astro runs `astro dev`. */
export function isDevMode(): boolean {
  return process.env['TRUSTLINE_DEV'] === '1';
}

/** Reads and checks the content folder again (build date: SOURCE_DATE_EPOCH or now). */
export function reloadDevContent(): CheckResult {
  const result = checkContent({ contentDir: contentDir() });
  state().result = result;
  state().generation += 1;
  return result;
}

/** Which read of the content folder the pages now show. */
export function devContentGeneration(): number {
  devContent();
  return state().generation;
}

/** The last result, read on first use. */
export function devContent(): CheckResult {
  return state().result ?? reloadDevContent();
}

/** The Registry, or a ContentError whose message lists every problem in `check`'s words. */
export function devRegistry(): Registry {
  const result = devContent();
  if (!result.registry) throw new ContentError(result.problems);
  return result.registry;
}

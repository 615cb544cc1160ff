/** The demo content's Registry at the pinned build date, for tests of the output functions. */
import path from 'node:path';
import { checkContent } from '../../../src/registry/loadRegistry.ts';
import type { Registry } from '../../../src/registry/types.ts';
import { DEMO_BUILD_DATE, ROOT } from '../../support/builtSite.ts';

let registry: Registry | undefined;

export function demoRegistry(): Registry {
  registry ??= checkContent({ contentDir: path.join(ROOT, 'content'), buildDate: DEMO_BUILD_DATE }).registry;
  if (!registry) throw new Error('the demo content does not load');
  return registry;
}

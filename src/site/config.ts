/**
 * Where the site build finds its inputs. The build (src/pipeline/build.ts) sets these for
 * Astro; each has a default so `astro` commands work on the demo content too.
 */
import path from 'node:path';

export const contentDir = (): string => path.resolve(process.env['TRUSTLINE_CONTENT'] ?? 'content');

/** contentlayer2's output for this content folder. */
export const generatedDir = (): string =>
  path.resolve(process.env['TRUSTLINE_GENERATED'] ?? path.join('.contentlayer', 'generated'));

/**
 * Where the engine's files are and where the portal's are. The engine is this package, wherever it
 * is installed (this repository, or a portal's node_modules/trustline); the portal is the working
 * directory the commands run in: its content/, public/, output folder and caches.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import enginePackage from '../../package.json' with { type: 'json' };

export const ENGINE_ROOT = path.resolve(import.meta.dirname, '..', '..');

export const ENGINE_VERSION: string = enginePackage.version;

export const projectRoot = (): string => process.cwd();

/** Astro's command line, as installed beside the engine (a portal's own `astro` is the same package). */
export const astroCli = (): string =>
  fileURLToPath(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')));

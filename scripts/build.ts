/**
 * npm run build [-- --content DIR --date YYYY-MM-DD --out DIR]
 * Checks the content, then builds the site atomically (the steps: src/pipeline/build.ts).
 */
import { cacheCompiledModules } from '../src/cli/cacheDir.ts';

// Before the build's own modules load.
cacheCompiledModules();
const { build } = await import('../src/pipeline/build.ts');
process.exitCode = await build(process.argv.slice(2));

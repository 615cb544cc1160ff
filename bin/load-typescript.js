/**
 * Lets Node load the engine's TypeScript files from a portal's node_modules/trustline. Node strips
 * the types of .ts files itself, but refuses to for files under node_modules
 * (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING); this hook strips them with Node's own
 * stripTypeScriptTypes, for this package's files only. bin/trustline.js loads it into every
 * process of a command (`--import` in NODE_OPTIONS), worker threads included. In this repository
 * nothing is under node_modules and the hook lets every file through untouched.
 */
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const engine = pathToFileURL(`${path.resolve(import.meta.dirname, '..')}/`).href;

// The function is marked experimental and says so on every use; Node's own type stripping, which
// it is, is not. Every other warning is printed as usual.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  if (String(warning).startsWith('stripTypeScriptTypes ')) return;
  emitWarning(warning, ...rest);
};

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith(engine) || !url.includes('/node_modules/') || !/\.[cm]?ts$/.test(new URL(url).pathname))
      return nextLoad(url, context);
    const source = stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8'));
    return { format: url.endsWith('.cts') ? 'commonjs' : 'module', source, shortCircuit: true };
  },
});

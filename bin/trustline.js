#!/usr/bin/env node
/**
 * trustline <command> [options]: the commands of a portal, run from its folder.
 *
 * Each command runs in a Node process of its own that loads the engine's TypeScript from
 * node_modules (bin/load-typescript.js); so does every process and worker thread it starts (the
 * build's contentlayer2 shards, Astro, the check, files and search workers), through NODE_OPTIONS,
 * which also sets the size of their young generations.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const engine = path.resolve(import.meta.dirname, '..');
const script = (name) => [path.join(engine, 'scripts', `${name}.ts`)];
const astro = (command) => [
  fileURLToPath(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json'))),
  command,
];

/** Each command and what it runs. */
const commands = {
  init: script('init'),
  check: script('check'),
  new: script('new'),
  build: script('build'),
  notify: script('notify'),
  dev: astro('dev'),
  preview: astro('preview'),
};
const usage = `usage: trustline <command> [options]
commands: ${Object.keys(commands).join(', ')}`;

// Node strips TypeScript types unflagged, and offers the hooks bin/load-typescript.js needs, from 22.18.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`trustline: needs Node.js 22.18 or newer, and this is ${process.version}: install a current Node.js`);
  process.exit(2);
}

const [name, ...args] = process.argv.slice(2);
if (name === '--version' || name === '-v') {
  console.log(JSON.parse(readFileSync(path.join(engine, 'package.json'), 'utf8')).version);
  process.exit(0);
}
const command = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
if (!command) {
  console.error(name ? `trustline: there is no command "${name}"\n${usage}` : usage);
  process.exit(2);
}

const hook = `--import=${pathToFileURL(path.join(import.meta.dirname, 'load-typescript.js')).href}`;
// Young generations of 32 MB (semi-spaces of 16 MB, V8's former default) in every process and
// thread: V8 now grows each to 128 MB on a machine with memory to spare, and a build's processes
// and threads peak together (docs/benchmarks.md). Set first, so that the caller's own options win.
const youngGeneration = '--max-semi-space-size=16';
const nodeOptions = [youngGeneration, process.env['NODE_OPTIONS'], hook].filter(Boolean).join(' ');
const child = spawn(process.execPath, [...command, ...args], {
  stdio: 'inherit',
  env: {
    // Node's cache of compiled modules, in the portal's cache folder (compiledModulesDir in src/cli/cacheDir.ts).
    NODE_COMPILE_CACHE: path.join(process.cwd(), '.trustline', 'cache', 'compiled-modules'),
    ...process.env,
    NODE_OPTIONS: nodeOptions,
  },
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});

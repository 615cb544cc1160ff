/**
 * npm run generate -- --size S|M|L|XL --out DIR [--seed N] [--force]
 *
 * Writes a synthetic content folder valid by the project's rules at the build date 2026-11-22,
 * for benchmarks and scale tests. S is the demo content; M, L and XL are generated
 * (src/cli/generate/syntheticRegistry.ts). The same size and seed always give the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SIZES, type SizeName } from '../src/cli/generate/syntheticRegistry.ts';
import { writeContentFolder } from '../src/cli/generate/writeContentFolder.ts';

const USAGE = 'usage: npm run generate -- --size S|M|L|XL --out DIR [--seed N] [--force]';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        size: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        force: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`generate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const size = values.size?.toUpperCase();
  const seed = Number(values.seed);
  if (!size || !(size === 'S' || size in SIZES) || !values.out || !Number.isSafeInteger(seed)) {
    console.error(`generate: give --size S, M, L or XL, --out DIR and a whole-number --seed\n${USAGE}`);
    return 2;
  }
  const outDir = path.resolve(values.out);
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    if (!values.force) {
      console.error(`generate: ${outDir} is not empty; give --force to replace it`);
      return 2;
    }
    rmSync(outDir, { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  const count = writeContentFolder(size as SizeName, seed, outDir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`✔ ${count} files of a size ${size} registry (seed ${seed}) written to ${values.out} in ${seconds} s`);
  return 0;
}

process.exitCode = main();

/**
 * npm run bench:hostile [-- --runs N]
 *
 * What hostile YAML costs `check`: the demo content plus one hostile product file per case (an
 * alias bomb, an alias cycle, 10,000 nested brackets, deep block nesting, a 900 KB value), each
 * checked in a fresh process, with the median time and the peak memory (maximum resident set) of
 * N runs beside the same figures for the demo content alone. The bounds themselves are in
 * src/registry/source/frontMatter.ts; this shows they hold, on this machine, today.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

const front = (yaml: string) => `---\nslug: hostile\nname: Hostile\n${yaml}\n---\nText.\n`;
const cases: Record<string, string | undefined> = {
  'demo content alone': undefined,
  'alias bomb (9 levels of 9)': front(
    [
      'a0: &a0 [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, level) => {
        const previous = `*a${level}`;
        return `a${level + 1}: &a${level + 1} [${Array(9).fill(previous).join(', ')}]`;
      }),
    ].join('\n'),
  ),
  'alias cycle': front('summary: &loop [*loop]'),
  '10,000 nested brackets': front(`summary: ${'['.repeat(10_000)}${']'.repeat(10_000)}`),
  'block nesting 1,300 deep': front(
    Array.from({ length: 1_300 }, (_, level) => `${' '.repeat(level)}${level === 0 ? 'summary' : 'k'}:`).join('\n'),
  ),
  '900 KB value': front(`summary: ${'x'.repeat(900_000)}`),
};

/** Checks `contentDir` in a fresh process; returns its time in ms and its peak memory in MiB. */
function measure(contentDir: string): { ms: number; mib: number; errors: number } {
  const script = `
    import { checkContent } from ${JSON.stringify(path.join(root, 'src', 'registry', 'loadRegistry.ts'))};
    const started = performance.now();
    const result = checkContent({ contentDir: ${JSON.stringify(contentDir)}, buildDate: '2026-11-22' });
    const ms = performance.now() - started;
    const errors = result.problems.filter((problem) => problem.severity === 'error').length;
    console.log(JSON.stringify({ ms, mib: process.resourceUsage().maxRSS / 1024, errors }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`check crashed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as { ms: number; mib: number; errors: number };
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

console.log(`check on hostile YAML: median of ${runs} runs, load average ${loadavg()[0]!.toFixed(2)}`);
console.log(`${'case'.padEnd(28)} ${'time'.padStart(9)} ${'peak RSS'.padStart(10)}  errors`);
const work = mkdtempSync(path.join(tmpdir(), 'trustline-bench-hostile-'));
try {
  for (const [name, text] of Object.entries(cases)) {
    const contentDir = path.join(work, 'content');
    rmSync(contentDir, { recursive: true, force: true });
    cpSync(path.join(root, 'content'), contentDir, { recursive: true });
    if (text !== undefined) writeFileSync(path.join(contentDir, 'products', 'hostile.md'), text);
    const samples = Array.from({ length: runs }, () => measure(contentDir));
    const ms = median(samples.map((sample) => sample.ms));
    const mib = median(samples.map((sample) => sample.mib));
    console.log(
      `${name.padEnd(28)} ${`${ms.toFixed(0)} ms`.padStart(9)} ${`${mib.toFixed(0)} MiB`.padStart(10)}  ${samples[0]!.errors}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

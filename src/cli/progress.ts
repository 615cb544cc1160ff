/**
 * Progress for people: on a terminal, a long check or build shows its phase, a count where it
 * has one, and the elapsed time, on one line that updates in place. In CI logs (CI set, or
 * output not a terminal) it prints nothing, so logs stay short and stable.
 *
 * Every phase is timed either way: `timings()` feeds the benchmark (TRUSTLINE_TIMINGS).
 */
import { writeFileSync } from 'node:fs';
import { runsInCi } from './ci.ts';

export interface PhaseTiming {
  phase: string;
  seconds: number;
}

export interface Progress {
  /** Starts a phase (ending the previous one). */
  phase(name: string, detail?: string): void;
  /** Reports a count within the current phase, e.g. files read. */
  count(done: number, total?: number): void;
  /** Ends the current phase. */
  end(): void;
  timings(): PhaseTiming[];
}

interface Output {
  isTTY?: boolean | undefined;
  write(text: string): boolean;
}

export function wantsProgress(output: Output, env: NodeJS.ProcessEnv = process.env): boolean {
  return output.isTTY === true && !runsInCi(env);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function createProgress(output: Output = process.stderr, enabled = wantsProgress(output)): Progress {
  const timings: PhaseTiming[] = [];
  let current: { name: string; detail: string; started: number; count: string } | undefined;
  let ticker: NodeJS.Timeout | undefined;

  const draw = () => {
    if (!enabled || !current) return;
    const elapsed = seconds(performance.now() - current.started);
    // \r and "erase to end of line" (ECMA-48 EL): the line is rewritten in place.
    output.write(`\r\x1b[K… ${current.name}${current.detail}${current.count} (${elapsed})`);
  };

  const end = () => {
    if (!current) return;
    const ms = performance.now() - current.started;
    timings.push({ phase: current.name, seconds: Math.round(ms) / 1000 });
    if (enabled) output.write(`\r\x1b[K· ${current.name}${current.detail}${current.count}: ${seconds(ms)}\n`);
    current = undefined;
    if (ticker) clearInterval(ticker);
    ticker = undefined;
  };

  return {
    phase(name, detail) {
      end();
      current = { name, detail: detail ? ` ${detail}` : '', started: performance.now(), count: '' };
      draw();
      // Redraw each second while a child process works; unref so it never keeps the process alive.
      if (enabled) ticker = setInterval(draw, 1000).unref();
    },
    count(done, total) {
      if (!current) return;
      current.count = total === undefined ? ` ${done}` : ` ${done}/${total}`;
      draw();
    },
    end,
    timings: () => [...timings],
  };
}

/** Writes the phase timings as JSON where the benchmark asked for them. */
export function saveTimings(progress: Progress, env: NodeJS.ProcessEnv = process.env): void {
  const file = env['TRUSTLINE_TIMINGS'];
  if (file) writeFileSync(file, `${JSON.stringify(progress.timings())}\n`);
}

/** A step of the build that runs as a process of its own: contentlayer2's shards, Astro. */
import { spawn, type SpawnOptions } from 'node:child_process';

class StepFailure extends Error {}

/** Starts a step's process; `done` settles when it ends (rejecting with its output on failure). */
export function startStep(step: string, command: string, args: string[], options: SpawnOptions) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      output = output.trim();
      if (status === 0) resolve();
      else reject(new StepFailure(`${step} failed${output ? `:\n${output}` : ' (see above)'}`));
    });
  });
  // Awaited later; never an unhandled rejection meanwhile.
  done.catch(() => undefined);
  return { child, done };
}

/** Build steps in worker threads. */
import { Worker } from 'node:worker_threads';

/** Runs a build step in a worker thread; settles with the one message it sends, or its error. */
export function runInWorker<Result>(file: URL, input: unknown): Promise<Result> {
  return startWorker<Result>(file, input).result;
}

/**
 * Starts a build step's worker thread now, so that it loads its modules while the build does
 * other work. A step that waits for the build's word (src/pipeline/filesStep.ts) is sent it with
 * `proceed`; `stop` ends the thread. `env` is added to the thread's copy of the environment.
 */
export function startWorker<Result>(file: URL, input: unknown, env?: NodeJS.ProcessEnv) {
  const worker = new Worker(file, {
    workerData: input,
    env: env === undefined ? process.env : { ...process.env, ...env },
  });
  const result = new Promise<Result>((resolve, reject) => {
    let sent: { value: Result } | undefined;
    worker.once('message', (value: Result) => (sent = { value }));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (sent) resolve(sent.value);
      else reject(new Error(`${file.pathname} stopped (exit code ${code}) without a result`));
    });
  });
  // Awaited later; never an unhandled rejection meanwhile.
  result.catch(() => undefined);
  return {
    result,
    proceed: (message: unknown) => worker.postMessage(message),
    stop: () => void worker.terminate(),
  };
}

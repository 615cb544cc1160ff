/** Build steps in worker threads. */
import { Worker, type Transferable } from 'node:worker_threads';

interface WorkerOptions {
  /** Added to the thread's copy of the environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** What `input` holds that moves to the thread rather than being copied (a MessagePort). */
  readonly transfer?: readonly Transferable[];
}

/**
 * Starts a build step's worker thread now, so that it loads its modules while the build does
 * other work. A step that waits for the build's word (src/pipeline/filesStep.ts) is sent it with
 * `proceed`; `stop` ends the thread. `message` settles with the step's one message as soon as it
 * is sent; `result` with the same message once the thread has ended (a step may go on after its
 * message: src/pipeline/checkStep.ts).
 */
export function startWorker<Result>(file: URL, input: unknown, options: WorkerOptions = {}) {
  const worker = new Worker(file, {
    workerData: input,
    transferList: options.transfer && [...options.transfer],
    env: options.env === undefined ? process.env : { ...process.env, ...options.env },
  });
  const stopped = (code: number) => new Error(`${file.pathname} stopped (exit code ${code})`);
  const message = new Promise<Result>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${stopped(code).message} without a result`)));
  });
  const ended = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(stopped(code))));
  });
  const result = Promise.all([message, ended]).then(([value]) => value);
  // Awaited later; never an unhandled rejection meanwhile.
  for (const promise of [message, ended, result]) promise.catch(() => undefined);
  return {
    message,
    result,
    proceed: (value: unknown, transfer: readonly Transferable[] = []) => worker.postMessage(value, [...transfer]),
    stop: () => void worker.terminate(),
  };
}

/** Runs a build step in a worker thread; settles with the one message it sends, or its error. */
import { Worker } from 'node:worker_threads';

export function runInWorker<Result>(file: URL, input: unknown): Promise<Result> {
  return new Promise((resolve, reject) => {
    let result: { value: Result } | undefined;
    const worker = new Worker(file, { workerData: input });
    worker.once('message', (value: Result) => (result = { value }));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result.value);
      else reject(new Error(`${file.pathname} stopped (exit code ${code}) without a result`));
    });
  });
}

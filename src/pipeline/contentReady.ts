/**
 * Astro starts while the check and the ingestion run (src/pipeline/build.ts): loading its modules
 * and bundling the site with Vite need no content, and take seconds that would otherwise come
 * after them. Before it renders the first page, Astro waits here until the build says that the
 * content is checked and ingested. The build says so on Astro's standard input and then closes it;
 * standard input closed without that word means the build stopped, and so does Astro.
 */
import type { Writable } from 'node:stream';

/** Set in Astro's environment by a build that starts it early. */
export const AWAIT_CONTENT = 'TRUSTLINE_AWAIT_CONTENT';
const READY = 'content ready\n';

/** The build's side: the content is checked and ingested, and Astro may render. */
export function signalContentReady(stdin: Writable | null): void {
  // An Astro that has already stopped cannot read it; its exit says why (src/pipeline/build.ts).
  stdin?.on('error', () => undefined).end(READY);
}

/** Astro's side: settles once the build has said the content is ready (at once if it starts Astro late). */
export function contentReady(): Promise<void> {
  if (process.env[AWAIT_CONTENT] !== '1') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let received = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (received += chunk));
    process.stdin.once('end', () => {
      if (received === READY) resolve();
      else reject(new Error('the build stopped before the content was ready'));
    });
  });
}

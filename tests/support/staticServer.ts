/**
 * A tiny static file server for a built site, on 127.0.0.1 and a free port, for browser tests.
 * Serves `<dir>/<path>` (and `<path>/index.html`), `404.html` for anything missing, like a static host.
 * `basePath` ("/trust/") mounts the site under a prefix, as a vendor would.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.atom': 'application/atom+xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.opml': 'text/x-opml',
};

export interface StaticServer {
  /** "http://127.0.0.1:<port>" plus the base path, ending in "/". */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, basePath = '/'): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const relative = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : undefined;
    let file = relative === undefined ? undefined : path.join(root, relative);
    if (file !== undefined && (!file.startsWith(root) || !existsSync(file))) file = undefined;
    if (file !== undefined && statSync(file).isDirectory()) {
      file = existsSync(path.join(file, 'index.html')) ? path.join(file, 'index.html') : undefined;
    }
    const status = file === undefined ? 404 : 200;
    file ??= path.join(root, '404.html');
    response.writeHead(status, {
      'Content-Type': mediaTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    response.end(existsSync(file) ? readFileSync(file) : 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * The built site served as production serves it: Debian's nginx, in the foreground, on 127.0.0.1
 * and a free port, with the site's own `_headers.nginx.conf` included in the server block as
 * docs/ci-and-deployment.md says. Its pid, logs and temporary files live in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const NGINX = '/usr/sbin/nginx';

export interface NginxServer {
  /** "http://127.0.0.1:<port>/". */
  readonly url: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function configuration(siteDir: string, dir: string, port: number): string {
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
master_process on;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    server {
        listen 127.0.0.1:${port};
        root ${siteDir};
        error_page 404 /404.html;
        include ${path.join(siteDir, '_headers.nginx.conf')};
    }
}
`;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD' });
    return true;
  } catch {
    return false;
  }
}

/** Starts nginx for a site built at the base path "/"; fails with a clear message without nginx. */
export async function serveWithNginx(siteDir: string): Promise<NginxServer> {
  if (!existsSync(NGINX)) {
    throw new Error(
      `nginx is not installed (${NGINX}): the tests serve the built site with it, as production does. ` +
        'Install it with `apt-get install -y nginx` (.ci/run installs it in CI).',
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'trustline-nginx-'));
  const port = await freePort();
  const config = path.join(dir, 'nginx.conf');
  writeFileSync(config, configuration(path.resolve(siteDir), dir, port));
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', config, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    if (await answers(url)) return { url, close };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
  await close();
  throw new Error(`nginx did not start on port ${port}:\n${stderr}${log}`);
}

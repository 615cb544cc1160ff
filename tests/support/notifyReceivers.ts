/**
 * Real receivers on loopback for the notification tests: an SMTP server (smtp-server) that
 * offers STARTTLS with a certificate made for the test and requires a login, and an HTTP server
 * standing in for Slack, Teams and a webhook endpoint. Each can be told to refuse, as a broken
 * receiver would. `runNotify` runs the real command in a child process, trusting the test
 * certificate as a CI runner trusts a real one.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ROOT } from './builtSite.ts';
import { vendor } from './contentFixture.ts';

export interface ReceivedMail {
  readonly recipients: string[];
  /** True when the message came after STARTTLS. */
  readonly secure: boolean;
  readonly user: string | undefined;
  readonly mail: ParsedMail;
}

export interface SmtpReceiver {
  readonly port: number;
  readonly certificateFile: string;
  readonly mails: ReceivedMail[];
  /** Refuse every message (451) while true. */
  refuse: boolean;
  /** How many messages were refused. */
  refused: number;
  close(): Promise<void>;
}

export const SMTP_USER = 'notify-user';
export const SMTP_PASSWORD = 'smtp-password-5ecret';

/** A key and self-signed certificate for localhost and 127.0.0.1, made with openssl. */
function testCertificate(dir: string): { key: string; cert: string; certificateFile: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certificateFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certificateFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certificateFile, 'utf8'), certificateFile };
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustline-smtp-'));
  const { key, cert, certificateFile } = testCertificate(dir);
  const receiver: SmtpReceiver = {
    port: 0,
    certificateFile,
    mails: [],
    refuse: false,
    refused: 0,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const server = new SMTPServer({
    key,
    cert,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (receiver.refuse) {
          receiver.refused++;
          return callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
        }
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          receiver.mails.push({
            recipients: session.envelope.rcptTo.map((to) => to.address),
            secure: session.secure,
            user: session.user as string | undefined,
            mail,
          });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(receiver, { port: (server.server.address() as AddressInfo).port });
}

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface HttpReceiver {
  readonly url: (pathName: string) => string;
  readonly requests: ReceivedRequest[];
  /** Paths that answer 500, and how many requests they refused. */
  readonly failing: Set<string>;
  refused: number;
  close(): Promise<void>;
}

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const receiver: HttpReceiver = {
    url: () => '',
    requests: [],
    failing: new Set(),
    refused: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const pathName = request.url ?? '/';
      if (receiver.failing.has(pathName)) {
        receiver.refused++;
        response.writeHead(500).end('internal error');
        return;
      }
      receiver.requests.push({
        path: pathName,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, { url: (pathName: string) => `http://127.0.0.1:${port}${pathName}` });
}

export interface NotifyRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run notify` as CI runs it, in a child process (the receivers keep serving meanwhile). */
export function runNotify(args: string[], env: Record<string, string>): Promise<NotifyRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts', 'notify.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, CI: '', GITHUB_ACTIONS: '', ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ status: typeof code === 'number' ? code : 0, stdout, stderr });
      },
    );
  });
}

export const WEBHOOK_SECRET = 'whsec-0123456789abcdef';

/** The fixture's vendor profile with four channels, each filtered differently. */
export function vendorWithChannels(smtpPort: number) {
  return {
    ...vendor,
    notifications: {
      signUp: 'https://lists.fixture.example/join',
      smtp: { host: '127.0.0.1', port: smtpPort },
      channels: [
        {
          name: 'customers-email',
          type: 'email',
          from: { address: 'trust@fixture.example', name: 'Fixture Trust Portal' },
          to: ['customers@lists.fixture.example'],
          listUnsubscribe: 'https://lists.fixture.example/leave',
        },
        { name: 'ops-slack', type: 'slack', topics: ['incidents'] },
        { name: 'security-teams', type: 'teams', topics: ['advisories', 'end-of-support'] },
        { name: 'gateway-siem', type: 'webhook', products: ['gateway'] },
      ],
    },
  };
}

/** The secrets of the four channels, as a CI job's environment gives them. */
export function channelEnvironment(receiver: HttpReceiver, certificateFile: string): Record<string, string> {
  return {
    NODE_EXTRA_CA_CERTS: certificateFile,
    TRUSTLINE_SMTP_USER: SMTP_USER,
    TRUSTLINE_SMTP_PASSWORD: SMTP_PASSWORD,
    TRUSTLINE_NOTIFY_OPS_SLACK_URL: receiver.url('/slack/T000/B000/slack-token-secret'),
    TRUSTLINE_NOTIFY_SECURITY_TEAMS_URL: receiver.url('/teams/workflow-token-secret'),
    TRUSTLINE_NOTIFY_GATEWAY_SIEM_URL: receiver.url('/siem'),
    TRUSTLINE_NOTIFY_GATEWAY_SIEM_SECRET: WEBHOOK_SECRET,
  };
}

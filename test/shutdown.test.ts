/**
 * Graceful shutdown (issue 7), on the real server in its own process (production mode, MariaDB):
 * SIGTERM stops accepting connections, lets the request in flight finish and answer, closes the
 * database pool and exits 0; a request that never finishes is cut off after the drain bound and the
 * exit is still 0; a second signal exits at once.
 *
 * The request in flight is a slow upload: its headers carry `Expect: 100-continue`, so the
 * server's "100 Continue" tells the test that the request has started, and its body is sent only
 * once the server is shutting down.
 */
import net from 'node:net';
import { startServerProcess, ServerProcess } from './support/server-process';
import { SHUTDOWN_DRAIN_MS } from '../server/http/server';

interface Slow {
  /** the server answered 100 Continue: the request is in flight */
  continued: Promise<void>;
  /** sends the rest of the body */
  finish(): void;
  /** everything the server wrote, once the connection closed */
  closed: Promise<string>;
}

function slowRequest(port: number, token: string): Slow {
  const body = Buffer.from(JSON.stringify({ query: '{ allFederations(perPage: 5) { id name } me { username } }' }));
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  let onContinue!: () => void;
  const continued = new Promise<void>((resolve) => (onContinue = resolve));
  socket.on('data', (d) => {
    text += d.toString('utf8');
    if (text.startsWith('HTTP/1.1 100 Continue')) onContinue();
  });
  const closed = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(text));
    socket.on('error', () => undefined);
  });
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`,
  );
  return { continued, finish: () => socket.write(body), closed };
}

/** An HTTP/1.1 response's head and body (a chunked body put together). */
function parseResponse(text: string): { head: string; body: string } {
  const at = text.indexOf('\r\n\r\n');
  const head = text.slice(0, at);
  let rest = text.slice(at + 4);
  if (!/transfer-encoding: chunked/i.test(head)) return { head, body: rest };
  let body = '';
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, eol), 16);
    if (!size) return { head, body };
    body += rest.slice(eol + 2, eol + 2 + size); // the answer is ASCII JSON: characters are bytes
    rest = rest.slice(eol + 2 + size + 2);
  }
}

/** Resolves once a new connection to the port is refused (the server stopped listening). */
async function refusedSoon(port: number, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
    });
    if (refused) return;
    if (Date.now() > until) throw new Error(`port ${port} still accepts connections`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing in ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

// each test starts a server process (about 10 s on a loaded machine) and may wait out the drain
jest.setTimeout(120_000);

let servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});
async function server() {
  const s = await startServerProcess();
  servers.push(s);
  return s;
}

describe('SIGTERM', () => {
  it('refuses new connections, answers the request in flight, closes the pool and exits 0', async () => {
    const s = await server();
    const slow = slowRequest(s.port, s.adminToken);
    await within(slow.continued, 10_000, 'the 100 Continue');
    const signalled = Date.now();
    s.child.kill('SIGTERM');
    await refusedSoon(s.port, 5_000);
    // the request in flight goes on: its body arrives now and it is answered in full
    slow.finish();
    const answer = await within(slow.closed, 10_000, 'the answer');
    const { head, body } = parseResponse(answer.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, ''));
    expect(head).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(head.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(body)).toEqual({ data: { allFederations: [], me: { username: 'admin' } } });
    const exit = await within(s.exited, 10_000, 'the exit');
    expect({ exit, output: s.output() }).toEqual({ exit: { code: 0, signal: null }, output: expect.stringMatching(/SIGTERM[^\n]*\n(.*\n)*Stopped\n/) });
    expect(Date.now() - signalled).toBeLessThan(SHUTDOWN_DRAIN_MS);
  });

  it('a request that never finishes is cut off after the drain bound; the exit is still 0', async () => {
    const s = await server();
    const slow = slowRequest(s.port, s.adminToken);
    await within(slow.continued, 10_000, 'the 100 Continue');
    const signalled = Date.now();
    s.child.kill('SIGTERM');
    await refusedSoon(s.port, 5_000);
    const cut = await within(slow.closed, SHUTDOWN_DRAIN_MS + 5_000, 'the cut');
    expect(cut).not.toMatch(/HTTP\/1\.1 [2-5]\d\d/); // nothing but the 100 Continue: its body never came
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(SHUTDOWN_DRAIN_MS - 500);
    expect(await within(s.exited, 10_000, 'the exit')).toEqual({ code: 0, signal: null });
  });

  it('a second signal exits at once, without waiting for the request in flight', async () => {
    const s = await server();
    const slow = slowRequest(s.port, s.adminToken);
    await within(slow.continued, 10_000, 'the 100 Continue');
    s.child.kill('SIGTERM');
    await refusedSoon(s.port, 5_000);
    const again = Date.now();
    s.child.kill('SIGINT');
    expect(await within(s.exited, 3_000, 'the forced exit')).toEqual({ code: 1, signal: null });
    expect(Date.now() - again).toBeLessThan(3_000);
    expect(s.output()).toMatch(/SIGINT again: exiting without waiting/);
    await slow.closed;
  });
});

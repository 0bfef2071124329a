import net from 'node:net';

export type Cut = 'refuse' | 'blackhole';

/**
 * A TCP proxy to MariaDB that a test cuts and restores: `refuse` stops listening (connections
 * refused, as when the database is stopped), `blackhole` accepts connections and never answers (as
 * when its host hangs); either way the connections open through it are dropped.
 */
export class TcpProxy {
  private server = net.createServer((c) => this.accept(c));
  private readonly sockets = new Set<net.Socket>();
  private mode: 'open' | Cut = 'open';
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  private track(s: net.Socket) {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => s.destroy());
  }

  private accept(client: net.Socket) {
    this.track(client);
    if (this.mode !== 'open') return; // held, silent
    const upstream = net.connect(this.targetPort, this.host);
    this.track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  private dropAll() {
    for (const s of this.sockets) s.destroy();
  }

  async cut(how: Cut): Promise<void> {
    this.mode = how;
    const closed = how === 'refuse' ? new Promise<void>((resolve) => this.server.close(() => resolve())) : Promise.resolve();
    this.dropAll();
    await closed;
  }

  async restore(): Promise<void> {
    if (this.mode === 'refuse') {
      this.server = net.createServer((c) => this.accept(c));
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject);
        this.server.listen(this.port, '127.0.0.1', resolve);
      });
    }
    this.mode = 'open';
    this.dropAll(); // the held silent ones
  }

  async stop(): Promise<void> {
    this.mode = 'blackhole';
    const closed = this.server.listening ? new Promise<void>((resolve) => this.server.close(() => resolve())) : Promise.resolve();
    this.dropAll();
    await closed;
  }
}

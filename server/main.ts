import { loadConfig } from './config';
import { startApp } from './app';
import { SHUTDOWN_DRAIN_MS } from './http/server';

/**
 * Graceful shutdown: the first SIGTERM/SIGINT stops accepting connections, lets the requests in
 * flight finish (at most SHUTDOWN_DRAIN_MS, then their connections are closed), closes the
 * database pool and exits 0; a second signal exits at once (1). A shutdown stuck past the drain
 * and 10 s more exits 1 too.
 */
async function main() {
  const config = loadConfig();
  const app = await startApp(config);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: no new connections; finishing the requests in flight (at most ${SHUTDOWN_DRAIN_MS / 1000} s), then closing the database`);
    setTimeout(() => {
      console.error('The shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_DRAIN_MS + 10_000).unref();
    app.stop().then(
      () => {
        console.log('Stopped');
        process.exit(0);
      },
      (err) => {
        console.error('The shutdown failed:', err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

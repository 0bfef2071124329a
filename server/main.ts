import { loadConfig } from './config';
import { startApp } from './app';

async function main() {
  const config = loadConfig();
  const app = await startApp(config);
  const shutdown = async () => {
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

#!/usr/bin/env node
/**
 * Builds the admin panel into admin/dist with Vite (admin/vite.config.mts). `npm start` runs it
 * through scripts/ensure-build.js when the build is missing or older than admin/src or schema/.
 */
const path = require('node:path');

async function main() {
  // A production bundle whatever the caller's environment (jest runs with NODE_ENV=test).
  process.env.NODE_ENV = 'production';
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(__dirname, 'vite.config.mts'), mode: 'production' });
  console.log(`Admin panel built into admin/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

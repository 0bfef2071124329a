#!/usr/bin/env node
/**
 * `npm start` runs this first: builds the server (tsc) and the admin panel (vite) when their
 * output is missing or older than their sources, so a fresh clone starts with one command.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  if (!fs.statSync(dir).isDirectory()) return fs.statSync(dir).mtimeMs;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
function stale(output, ...sources) {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return sources.some((s) => newest(path.join(root, s)) > built);
}

if (stale(path.join(root, 'dist/server/main.js'), 'server')) {
  console.log('Building the server…');
  execSync('npx tsc -p tsconfig.build.json', { cwd: root, stdio: 'inherit' });
  fs.cpSync(path.join(root, 'server/db/data'), path.join(root, 'dist/server/db/data'), { recursive: true });
  fs.utimesSync(path.join(root, 'dist/server/main.js'), new Date(), new Date());
}
const adminBuild = path.join(root, 'admin/build.js');
if (fs.existsSync(adminBuild) && stale(path.join(root, 'admin/dist/index.html'), 'admin/src', 'admin/public', 'admin/index.html', 'admin/vite.config.mts', 'admin/build.js', 'schema')) {
  console.log('Building the admin panel…');
  execSync('node admin/build.js', { cwd: root, stdio: 'inherit' });
}

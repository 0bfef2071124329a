import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml, the README's configuration table and the settings the server reads must
 * agree: a variable the compose file sets is one the README documents, and every variable the
 * server reads is documented (and nothing documented is unread). Docker itself is not run here.
 */
const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

type Env = Record<string, string>;
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Env | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  ports?: (string | number | { target?: number; published?: string | number })[];
}
interface Compose {
  services?: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/**
 * Compose's interpolation with an empty shell environment: `${X:-default}` gives the default,
 * `${X:?message}` (the operator must set it, or compose refuses to start) gives a placeholder.
 */
function interpolate(value: string): string {
  return value
    .replace(/\$\$/g, '\0')
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_m, _name, op: string | undefined, arg: string | undefined) => {
      if (op === ':-' || op === '-') return arg ?? '';
      if (op === ':?' || op === '?') return 'operator-supplied';
      return '';
    })
    .replace(/\0/g, '$');
}

function environment(s: Service): Env {
  const env = s.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => {
      const i = e.indexOf('=');
      return i < 0 ? [e, ''] : [e.slice(0, i), e.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

const healthcheckText = (s: Service) => [s.healthcheck?.test ?? []].flat().join(' ');

/** The variable names of the README's "Configuration" table (first column, in backticks). */
function readmeConfigTable(): string[] {
  const readme = read('README.md');
  const start = readme.search(/^## Configuration\b/m);
  if (start < 0) throw new Error('README.md has no "## Configuration" section');
  const rest = readme.slice(start + 3);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const rows = section.split('\n').filter((l) => l.trim().startsWith('|'));
  // header row, separator row, then one row per variable
  return rows.slice(2).map((row) => {
    const cell = row.split('|')[1].trim();
    const m = /^`([A-Z][A-Z0-9_]*)`$/.exec(cell);
    if (!m) throw new Error(`README configuration row does not start with a \`NAME\` cell: ${row}`);
    return m[1];
  });
}

/** Environment variables the server reads (server/**, spec files left out). */
function variablesTheServerReads(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) {
        const src = fs.readFileSync(p, 'utf8');
        for (const m of src.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)) found.add(m[1] ?? m[2]);
      }
    }
  };
  walk(path.join(ROOT, 'server'));
  return [...found].sort();
}

const compose = parse(read('docker-compose.yml')) as Compose;
const services = compose.services ?? {};
const db = services.db ?? {};
const app = services.app ?? {};

describe('docker-compose.yml', () => {
  test('has the services db and app', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['db', 'app']));
  });

  test('db is MariaDB 10.11 with the congdoan database, a healthcheck and a named volume for its data', () => {
    expect(db.image).toMatch(/^mariadb:10\.11(\b|$)/);
    const env = environment(db);
    expect(env.MARIADB_DATABASE).toBe('congdoan');
    expect(env.MARIADB_ROOT_PASSWORD !== undefined || env.MARIADB_ALLOW_EMPTY_ROOT_PASSWORD !== undefined).toBe(true);

    const check = healthcheckText(db);
    expect(check).toContain('healthcheck.sh');
    expect(check).toContain('--connect');
    expect(check).toContain('--innodb_initialized');

    const data = (db.volumes ?? [])
      .map((v) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v))
      .find((v) => v.target === '/var/lib/mysql');
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(data!.source);
  });

  test('app is built from the Dockerfile, waits for a healthy db and checks /healthz', () => {
    const build = typeof app.build === 'string' ? { context: app.build } : (app.build ?? {});
    const dockerfile = path.join(ROOT, build.context ?? '.', build.dockerfile ?? 'Dockerfile');
    expect(fs.existsSync(dockerfile)).toBe(true);
    expect(fs.readFileSync(dockerfile, 'utf8')).toMatch(/^FROM node:20-bookworm-slim/m);

    const deps = app.depends_on;
    expect(deps && !Array.isArray(deps) ? deps.db?.condition : undefined).toBe('service_healthy');
    expect(healthcheckText(app)).toContain('/healthz');
  });

  test('app publishes the port it listens on', () => {
    const port = environment(app).PORT ?? '4000';
    const published = (app.ports ?? []).map((p) => (typeof p === 'object' ? `${p.published}:${p.target}` : String(p)));
    expect(published).toContain(`${port}:${port}`);
  });

  test('app sets only variables of the README configuration table', () => {
    const documented = readmeConfigTable();
    const unknown = Object.keys(environment(app)).filter((k) => !documented.includes(k));
    expect(unknown).toEqual([]);
  });

  test('DATABASE_URL points at the db service, over mysql://, with its database and root password', () => {
    const url = new URL(interpolate(environment(app).DATABASE_URL ?? ''));
    const dbEnv = environment(db);
    expect(url.protocol).toBe('mysql:');
    expect(url.hostname).toBe('db');
    expect(Object.keys(services)).toContain(url.hostname);
    expect(url.port || '3306').toBe('3306');
    expect(url.pathname).toBe(`/${interpolate(dbEnv.MARIADB_DATABASE)}`);
    expect(decodeURIComponent(url.username)).toBe('root');
    const rootPassword = dbEnv.MARIADB_ROOT_PASSWORD === undefined ? '' : interpolate(dbEnv.MARIADB_ROOT_PASSWORD);
    expect(decodeURIComponent(url.password)).toBe(rootPassword);
  });

  test('NODE_ENV=production comes with a JWT_SECRET (the server refuses to start without one)', () => {
    const env = environment(app);
    expect(env.NODE_ENV).toBe('production');
    expect(interpolate(env.JWT_SECRET ?? '')).not.toBe('');
  });
});

describe('README configuration table', () => {
  test('documents exactly the variables the server reads', () => {
    expect([...readmeConfigTable()].sort()).toEqual(variablesTheServerReads());
  });

  test('has no duplicate rows', () => {
    const names = readmeConfigTable();
    expect(new Set(names).size).toBe(names.length);
  });
});

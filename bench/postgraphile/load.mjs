/**
 * Copies the rows Q1 reads (units, members, accounts) from the MariaDB benchmark database into a
 * PostgreSQL database of the same name, with the same indexes and a row-level security policy
 * for the scope (the caller's subtree, as the API's scope predicate):
 *
 *   node load.mjs cdbench_s        (MariaDB at 127.0.0.1:3306 root; PostgreSQL at 127.0.0.1:5432 postgres, trust)
 *
 * Uses the mysql and psql command-line clients: `mysql -B -N -r` streams tab-separated rows into
 * `COPY … FROM STDIN`.
 */
import { spawn, spawnSync } from 'node:child_process';

const db = process.argv[2];
if (!db || !/^[a-z0-9_]+$/.test(db)) throw new Error('usage: node load.mjs <database>');
const MYSQL = ['-h127.0.0.1', '-uroot', '-B', '-N', '-r', db];
const PSQL = ['-h', '127.0.0.1', '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q'];

function psql(sql, database = db) {
  const r = spawnSync('psql', [...PSQL, '-At', '-d', database, '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
  return r.stdout;
}

/** Streams one SELECT from MariaDB into one COPY of PostgreSQL. NULLs travel as \N. */
function copy(table, columns, select) {
  return new Promise((resolve, reject) => {
    const my = spawn('mysql', [...MYSQL, '-e', select], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pg = spawn('psql', [...PSQL, '-d', db, '-c', `COPY ${table} (${columns}) FROM STDIN`], { stdio: ['pipe', 'inherit', 'inherit'] });
    my.stdout.pipe(pg.stdin);
    let left = 2;
    const done = (name) => (code) => (code === 0 ? --left === 0 && resolve() : reject(new Error(`${name} exited ${code}`)));
    my.on('exit', done('mysql'));
    pg.on('exit', done('psql'));
  });
}
const n = (c) => `IFNULL(${c}, '\\\\N')`;

const started = Date.now();
psql(`DROP DATABASE IF EXISTS ${db}`, 'postgres');
psql(`CREATE DATABASE ${db} TEMPLATE template0 ENCODING 'UTF8'`, 'postgres');
psql(`
  CREATE TABLE org_unit (id int PRIMARY KEY, level text NOT NULL, name text NOT NULL, code text, parent_id int,
    federation_id int, union_id int, grassroots_union_id int, team_id int, active boolean NOT NULL);
  CREATE TABLE member (id int PRIMARY KEY, full_name text NOT NULL, sort_key text COLLATE "C" NOT NULL, search_key text NOT NULL,
    gender text NOT NULL, birth_date date, position text, status text NOT NULL,
    grassroots_union_id int NOT NULL REFERENCES org_unit (id), team_id int REFERENCES org_unit (id), union_id int, federation_id int NOT NULL);
  CREATE TABLE account (id int PRIMARY KEY, username text NOT NULL UNIQUE, full_name text NOT NULL, role text NOT NULL,
    scope_unit_id int, member_id int, active boolean NOT NULL, token_version int NOT NULL);
  COMMENT ON TABLE account IS E'@omit';
`);
await copy('org_unit', 'id, level, name, code, parent_id, federation_id, union_id, grassroots_union_id, team_id, active',
  `SELECT id, level, name, ${n('code')}, ${n('parent_id')}, ${n('federation_id')}, ${n('union_id')}, ${n('grassroots_union_id')}, ${n('team_id')}, IF(active, 't', 'f') FROM org_unit`);
await copy('member', 'id, full_name, sort_key, search_key, gender, birth_date, position, status, grassroots_union_id, team_id, union_id, federation_id',
  `SELECT id, full_name, sort_key, search_key, gender, ${n('birth_date')}, ${n('position')}, status, grassroots_union_id, ${n('team_id')}, ${n('union_id')}, federation_id FROM member`);
await copy('account', 'id, username, full_name, role, scope_unit_id, member_id, active, token_version',
  `SELECT id, username, full_name, role, ${n('scope_unit_id')}, ${n('member_id')}, IF(active, 't', 'f'), token_version FROM account`);
// the MariaDB indexes of the subtree reads (InnoDB's secondary indexes end with the primary key)
psql(`
  CREATE INDEX idx_member_grassroots_sort ON member (grassroots_union_id, sort_key, id);
  CREATE INDEX idx_member_team_sort ON member (team_id, sort_key, id);
  CREATE INDEX idx_member_union_sort ON member (union_id, sort_key, id);
  CREATE INDEX idx_member_federation_sort ON member (federation_id, sort_key, id);
  CREATE INDEX idx_org_unit_federation ON org_unit (federation_id, level);
  CREATE INDEX idx_org_unit_union ON org_unit (union_id, level);
  CREATE INDEX idx_org_unit_grassroots ON org_unit (grassroots_union_id, level);
  CREATE INDEX idx_org_unit_team ON org_unit (team_id);
  CREATE INDEX idx_org_unit_parent ON org_unit (parent_id);
  -- The scope, as the API's scope predicate: the caller's subtree is '<level column> = unit'. One
  -- role per scope level, each with one equality policy (an index range, as the API's predicate):
  -- the server sets the role and app.scope_unit per transaction from the verified token.
  DO $$ DECLARE r text; BEGIN
    FOREACH r IN ARRAY ARRAY['cdbench_federation', 'cdbench_union', 'cdbench_grassroots', 'cdbench_team', 'cdbench_all', 'cdbench_nobody'] LOOP
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN EXECUTE format('CREATE ROLE %I NOLOGIN', r); END IF;
    END LOOP;
  END $$;
  GRANT USAGE ON SCHEMA public TO cdbench_federation, cdbench_union, cdbench_grassroots, cdbench_team, cdbench_all;
  GRANT SELECT ON org_unit, member TO cdbench_federation, cdbench_union, cdbench_grassroots, cdbench_team, cdbench_all;
  ALTER TABLE member ENABLE ROW LEVEL SECURITY;
  ALTER TABLE org_unit ENABLE ROW LEVEL SECURITY;
  CREATE POLICY member_all ON member FOR SELECT TO cdbench_all USING (true);
  CREATE POLICY org_unit_all ON org_unit FOR SELECT TO cdbench_all USING (true);
  CREATE FUNCTION scope_ancestors() RETURNS int[] LANGUAGE sql STABLE AS
    $f$ SELECT string_to_array(nullif(current_setting('app.scope_ancestors', true), ''), ',')::int[] $f$;
  ${['federation', 'union', 'grassroots', 'team']
    .map((level) => {
      const column = level === 'grassroots' ? 'grassroots_union_id' : `${level}_id`;
      return `CREATE POLICY member_${level} ON member FOR SELECT TO cdbench_${level} USING (${column} = nullif(current_setting('app.scope_unit', true), '')::int);
  CREATE POLICY org_unit_${level} ON org_unit FOR SELECT TO cdbench_${level} USING (${column} = nullif(current_setting('app.scope_unit', true), '')::int OR id = ANY (scope_ancestors()));`;
    })
    .join('\n  ')}
  ANALYZE;
`);
const counts = psql('SELECT (SELECT count(*) FROM org_unit) || \' units, \' || (SELECT count(*) FROM member) || \' members, \' || (SELECT count(*) FROM account) || \' accounts\'');
const size = psql(`SELECT pg_size_pretty(pg_database_size('${db}'))`);
console.log(`PostgreSQL ${db}: ${counts.trim()}, ${size.trim()}, loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

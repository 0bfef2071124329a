import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { allResources } from './resource';
import { allEdges } from './crud';
import { checkLocatedTables } from './located';
import type { Module } from './module';

/**
 * Registries checked at start, so that forgetting one fails loudly instead of silently: every
 * declared resource's entity is one of the data source's entities, and every table that hangs
 * under the tree is maintained on moves. (Migrations are found in their folder: db/migrations.)
 */
export function checkRegistries(ds: DataSource): void {
  const problems: string[] = [];
  for (const r of allResources()) {
    if (!ds.entityMetadatas.some((m) => m.target === r.entity)) problems.push(`resource ${r.name}: its entity ${r.entity.name} is not among its module's entities (server/<module>/index.ts)`);
  }
  if (problems.length) throw new Error(`The server's registries are not consistent:\n- ${problems.join('\n- ')}`);
  checkLocatedTables(ds.entityMetadatas);
}

/**
 * The modules against what exists: every folder of `serverDir` with an index file is a listed
 * module, every declared resource belongs to exactly one module (it gets its CRUD grammar there),
 * and every edge resolver made with `edges()` is in the schema's resolvers (else the edge would
 * be missing from the schema, or a resource's CRUD grammar would be).
 */
export function checkModules(modules: readonly Module[], resolvers: readonly Function[], serverDir: string): void {
  const problems: string[] = [];
  const names = new Set(modules.map((m) => m.name));
  for (const dir of fs.readdirSync(serverDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const hasIndex = ['index.ts', 'index.js'].some((f) => fs.existsSync(path.join(serverDir, dir.name, f)));
    if (hasIndex && !names.has(dir.name)) problems.push(`server/${dir.name}/index: a module that server/modules.ts does not list`);
  }
  for (const r of allResources()) {
    const owners = modules.filter((m) => m.resources?.includes(r)).map((m) => m.name);
    if (owners.length !== 1) problems.push(`resource ${r.name}: declared in ${owners.length ? owners.join(', ') : 'no module'}'s resources (expected exactly one)`);
  }
  for (const e of allEdges()) {
    if (!resolvers.includes(e.resolver)) problems.push(`edge ${e.typeName}.${e.field}: its resolver is not in any module's resolvers`);
  }
  if (problems.length) throw new Error(`The server's modules are not consistent:\n- ${problems.join('\n- ')}`);
}

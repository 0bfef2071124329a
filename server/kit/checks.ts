import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { allResources } from './resource';
import { checkLocatedTables } from './located';

/**
 * Registries checked at start, so that forgetting one fails loudly instead of silently: every
 * declared resource's entity is one of the data source's entities, every migration file is in the
 * migrations index, and every table that hangs under the tree is maintained on moves.
 */
export function checkRegistries(ds: DataSource, migrationsDir: string, migrationNames: readonly string[]): void {
  const problems: string[] = [];
  for (const r of allResources()) {
    if (!ds.entityMetadatas.some((m) => m.target === r.entity)) problems.push(`resource ${r.name}: its entity ${r.entity.name} is not in server/db/entities.ts`);
  }
  if (fs.existsSync(migrationsDir)) {
    const stamp = (name: string) => /(\d{13})/.exec(name)?.[1];
    const listed = new Set(migrationNames.map(stamp));
    for (const file of fs.readdirSync(migrationsDir)) {
      if (!/^\d{13}-.+\.(ts|js)$/.test(file) || file.endsWith('.d.ts')) continue;
      if (!listed.has(stamp(file))) problems.push(`migration ${file} is not listed in ${path.join(migrationsDir, 'index')}`);
    }
  }
  if (problems.length) throw new Error(`The server's registries are not consistent:\n- ${problems.join('\n- ')}`);
  checkLocatedTables(ds.entityMetadatas);
}

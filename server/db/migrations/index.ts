import fs from 'node:fs';
import path from 'node:path';

/**
 * Every migration, oldest first, found in this folder: a file `<13-digit timestamp>-<name>.ts`
 * (`.js` once compiled) exporting one class named `<Name><timestamp>`. A new migration is a new file
 * here, never edited after it lands; nothing else lists it. The same code reads the `.ts` sources
 * (ts-node, jest) and the compiled `dist/` (it takes the files of its own extension).
 */
export const MIGRATION_FILE = /^(\d{13})-[a-z0-9-]+\.(ts|js)$/;

export function discoverMigrations(dir: string = __dirname, ext: string = path.extname(__filename)): Function[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f) && path.extname(f) === ext)
    .sort((a, b) => a.slice(0, 13).localeCompare(b.slice(0, 13)) || a.localeCompare(b));
  const problems: string[] = [];
  const out: Function[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const stamp = file.slice(0, 13);
    if (seen.has(stamp)) problems.push(`${file}: another migration has the timestamp ${stamp}`);
    seen.add(stamp);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(path.join(dir, file)) as Record<string, unknown>).filter(
      (v): v is Function => typeof v === 'function' && typeof (v as { prototype?: { up?: unknown } }).prototype?.up === 'function',
    );
    if (exported.length !== 1) problems.push(`${file}: exports ${exported.length} migration classes (expected one)`);
    else if (!exported[0].name.endsWith(stamp)) problems.push(`${file}: its class ${exported[0].name} does not end with the file's timestamp ${stamp}`);
    else out.push(exported[0]);
  }
  // Files in the folder that look like migrations but are not named as one fail here, not silently.
  for (const f of fs.readdirSync(dir)) {
    if (/^\d/.test(f) && path.extname(f) === ext && !f.endsWith('.d.ts') && !MIGRATION_FILE.test(f)) problems.push(`${f}: not named <13-digit timestamp>-<lower-case-name>${ext}`);
  }
  if (problems.length) throw new Error(`The migrations folder is not consistent:\n- ${problems.join('\n- ')}`);
  return out;
}

/** Every migration, oldest first (discovered once, at load). */
export const MIGRATIONS = discoverMigrations();

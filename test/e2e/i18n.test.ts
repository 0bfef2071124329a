/**
 * The panel's strings are i18n keys: every key the code names exists in Vietnamese and in
 * English, and both files have the same keys.
 */
import fs from 'node:fs';
import path from 'node:path';
import { vi } from '../../admin/src/i18n/vi';
import { en } from '../../admin/src/i18n/en';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('admin i18n', () => {
  const viKeys = new Set(keys(vi));
  const enKeys = new Set(keys(en));

  test('Vietnamese and English have the same keys', () => {
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
  });

  test('every key named in admin/src exists', () => {
    const src = path.resolve(__dirname, '../../admin/src');
    const missing: string[] = [];
    for (const file of sources(src)) {
      if (file.includes(`${path.sep}i18n${path.sep}`)) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['"]((?:cd|resources)\.[A-Za-z0-9_.]+)['"]/g)) {
        const key = m[1];
        // Prefixes of nested groups ("cd.enums.Role") are used with a suffix added at run time.
        const isGroup = [...viKeys].some((k) => k.startsWith(`${key}.`));
        if (!viKeys.has(key) && !isGroup) missing.push(`${path.relative(src, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

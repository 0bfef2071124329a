import { DefaultNamingStrategy, NamingStrategyInterface } from 'typeorm';

const snakes = new Map<string, string>();
/** camelCase → snake_case (remembered: the same few names are asked on every request). */
const snake = (s: string): string => {
  let out = snakes.get(s);
  if (out === undefined) {
    out = s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    if (snakes.size < 10_000) snakes.set(s, out);
  }
  return out;
};

/** Columns are snake_case in SQL, camelCase in code. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? snake([...prefixes, propertyName].join('_'));
  }
}
export { snake };

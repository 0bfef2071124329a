import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import type { Services } from './services';

/**
 * Per-request DataLoaders, created on first use and dropped with the request. A loader's key
 * names what it loads and for whom (the caller is fixed per request), so batches never mix scopes.
 */
export class RequestLoaders {
  private readonly map = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
    let loader = this.map.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.map.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface Context {
  caller: Caller | null;
  services: Services;
  loaders: RequestLoaders;
  /** the client's address, for login throttling */
  ip: string;
}

/** Orders rows to match keys (DataLoader's contract); missing keys get null. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const m = new Map<K, V>();
  for (const r of rows) m.set(keyOf(r), r);
  return keys.map((k) => m.get(k) ?? null);
}

/** Groups rows by key, in key order. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const m = new Map<K, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return keys.map((k) => m.get(k) ?? []);
}

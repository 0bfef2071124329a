import DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';

/**
 * Per-request DataLoaders under typed keys. A key is an object made once by the service that owns
 * the batch (two services can never collide on a name), and it carries the key and value types, so
 * `loaders.load(key, …)` is checked by the compiler. The caller is fixed per request, so batches
 * never mix scopes.
 */
export class LoaderKey<K, V> {
  constructor(readonly name: string) {}
}

/** Keys that differ by a parameter (a page size, a level): one key per parameter value. */
export class LoaderFamily<P extends string | number, K, V> {
  private readonly keys = new Map<P, LoaderKey<K, V>>();
  constructor(readonly name: string) {}
  of(param: P): LoaderKey<K, V> {
    let key = this.keys.get(param);
    if (!key) this.keys.set(param, (key = new LoaderKey<K, V>(`${this.name}(${param})`)));
    return key;
  }
}

export class RequestLoaders {
  private readonly map = new Map<LoaderKey<unknown, unknown>, DataLoader<unknown, unknown>>();

  /** The request's loader for `key`, made on first use with `batch`. */
  get<K, V>(key: LoaderKey<K, V>, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
    let loader = this.map.get(key as LoaderKey<unknown, unknown>) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.map.set(key as LoaderKey<unknown, unknown>, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** What a service needs of a request: who asks, and the request's loaders. Never the whole GraphQL context. */
export interface Req {
  caller: Caller;
  loaders: RequestLoaders;
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

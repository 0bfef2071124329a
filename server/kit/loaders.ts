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
  /** answers known before any load (rows read by a list's join): served synchronously */
  private readonly known = new Map<LoaderKey<unknown, unknown>, Map<unknown, unknown>>();

  /** The request's loader for `key`, made on first use with `batch`. */
  get<K, V>(key: LoaderKey<K, V>, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
    let loader = this.map.get(key as LoaderKey<unknown, unknown>) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.map.set(key as LoaderKey<unknown, unknown>, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /**
   * Records the answer the loader `key` gives for `id` in this request (read by a query that asked
   * exactly what its batch asks): later loads get it without a query, and `now` returns it as is.
   */
  prime<K, V>(key: LoaderKey<K, V>, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>, id: K, value: V): void {
    this.get(key, batch).prime(id, value);
    let m = this.known.get(key as LoaderKey<unknown, unknown>);
    if (!m) this.known.set(key as LoaderKey<unknown, unknown>, (m = new Map()));
    if (!m.has(id)) m.set(id, value);
  }

  /** The primed answer of `key` for `id` (a value or null), or undefined when none was primed. */
  now<K, V>(key: LoaderKey<K, V>, id: K): V | undefined {
    const m = this.known.get(key as LoaderKey<unknown, unknown>);
    return m && m.has(id) ? (m.get(id) as V) : undefined;
  }
}

/**
 * A service whose batched read by id (`byId`) a list can do in its own query: a LEFT JOIN on the
 * same table with the same condition (scope, fixed conditions), whose rows are primed as `byId`'s
 * answers for the request (kit/service.ts `list`). Edges that declare `join` (kit/crud.ts) resolve
 * through `byIdNow`: the primed answer without a promise, else `byId`.
 */
export interface JoinableById<T = unknown> {
  /** the entity read by id and the condition `byId` puts on it, written for `alias`; null when the caller may not read it */
  byIdJoin(caller: Caller, alias: string): { entity: Function; sql: string; params: Record<string, unknown> } | null;
  /** records a row read through `byIdJoin`'s condition (null: none matched) as `byId`'s answer in this request */
  prime(req: Req, id: number, row: T | null): void;
  byIdNow(req: Req, id: number | null | undefined): T | null | Promise<T | null>;
  /** the row as the caller may see it (personal fields masked for analysts), as `byId` returns it */
  present(caller: Caller, row: T): T;
  /** properties a GraphQL union or interface over this entity reads to tell its type (org units: `level`) */
  readonly typeColumns?: readonly string[];
}

/**
 * Rows a list read for one edge of one of its rows with only the columns the request's selection
 * asks for (kit/service.ts `list`): the edge answers from here. Such a row is never a `byId`
 * answer (it lacks columns another path may ask for), so it is kept on the list's row itself,
 * under a symbol (no JSON, no Object.keys, no GraphQL field sees it). A write keeps here too what
 * it has just made for an edge of the row it returns (an approval's award).
 */
const JOINED = Symbol('joined');
type WithJoined = { [JOINED]?: Record<string, unknown> };

export function attachJoined(row: object, property: string, joined: unknown): void {
  const r = row as WithJoined;
  (r[JOINED] ??= {})[property] = joined;
}

/** The row read for `property`'s edge with `row` (null: none matched), or undefined when the list did not read it. */
export function joinedOf(row: object, property: string): unknown {
  return (row as WithJoined)[JOINED]?.[property];
}

/** Parameter names of a condition made unique with a prefix (`:scopeUnitId` → `:j0_scopeUnitId`); the text remembered per condition and prefix. */
const prefixed = new Map<string, string>();
export function prefixParams(sql: string, params: Record<string, unknown>, prefix: string): { sql: string; params: Record<string, unknown> } {
  const keys = Object.keys(params);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[prefix + k] = params[k];
  const cacheKey = `${prefix}\u0001${keys.join(',')}\u0001${sql}`;
  let text = prefixed.get(cacheKey);
  if (text === undefined) {
    text = sql;
    for (const k of keys) text = text.replace(new RegExp(`:(\\.\\.\\.)?${k}\\b`, 'g'), (_m, spread: string | undefined) => `:${spread ?? ''}${prefix}${k}`);
    if (prefixed.size >= 2_000) prefixed.clear();
    prefixed.set(cacheKey, text);
  }
  return { sql: text, params: out };
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

import type { ClassType } from 'type-graphql';
import org from './org';
import member from './member';
import account from './account';
import audit from './audit';
import award from './award';
import stats from './stats';
import year from './year';
import csvExport from './export';
import { crudResolver, refEdges } from './kit/crud';

/**
 * THE list of the server's modules: each folder `server/<name>/` with an `index.ts` exporting its
 * `defineModule({...})` manifest (kit/module.ts). The data source's entities, the schema's resolvers
 * and the services follow from it; nothing else registers a table, a resolver or a service.
 * A folder with an index.ts that is not listed here refuses to start (kit/checks.ts).
 */
export const MODULES = [org, member, account, audit, award, stats, year, csvExport] as const;

/** Every entity of the data source. */
export const ENTITIES: Function[] = MODULES.flatMap((m) => m.entities ?? []);

let resolvers: [Function, ...Function[]] | null = null;

/**
 * Every resolver of the schema: for each module, the kit's CRUD grammar and `ref` edges of its
 * resources, then its own resolvers (made once per process: type-graphql's metadata is global).
 */
export function allResolvers(): [Function, ...Function[]] {
  resolvers ??= MODULES.flatMap((m) => [
    ...(m.resources ?? []).flatMap((r) => [crudResolver(r), refEdges(r)].filter((c): c is ClassType => c != null)),
    ...(m.resolvers ?? []),
  ]) as [Function, ...Function[]];
  return resolvers;
}


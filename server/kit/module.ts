import type { Db } from '../db/dialect';
import type { Config } from '../config';
import type { AuditService } from '../audit/audit.service';
import type { Services } from '../graphql/services';
import type { Resource } from './resource';

/**
 * A module of the server (`server/<module>/index.ts`): everything it adds to the process, in one
 * manifest, so that nothing is registered by hand anywhere else. server/modules.ts lists the modules;
 * from them follow the data source's entities, the schema's resolvers (the CRUD grammar and the
 * `ref` edges of each resource are made by the kit, see kit/crud.ts) and the service registry.
 */

/** What a service factory receives: it takes what it needs, e.g. `({ db, audit, services }) => …`. */
export interface ServiceDeps {
  db: Db;
  config: Config;
  audit: AuditService;
  /** the process's other services, each made on first use (so factories may name each other in any order) */
  services: Services;
}

export type ServiceFactory<T> = (deps: ServiceDeps) => T;

export interface ModuleOptions<S extends object> {
  /** the folder's name (server/<name>/index.ts) */
  name: string;
  /** TypeORM entities of its tables (located ones declare `@Located()` on the entity itself) */
  entities?: Function[];
  /** declared resources: each gets the CRUD grammar and its `ref` edges, served by `services.of(resource)` */
  resources?: Resource<any>[];
  /** hand-written resolvers (workflows, computed fields, edges that are more than a reference) */
  resolvers?: Function[];
  /** the module's services by name (`services.<name>`); a resource without one is served by the kit's generic scoped service */
  services?: { [K in keyof S]: ServiceFactory<S[K]> };
}

export interface Module<S extends object = object> extends Readonly<ModuleOptions<S>> {
  /** marks the services' type for `Services` (never read at run time) */
  readonly __services?: S;
}

export function defineModule<S extends object = object>(options: ModuleOptions<S>): Module<S> {
  return options;
}

/** The services a module's factories make, as a type. */
export type ServicesOf<M> = M extends Module<infer S> ? S : never;

import { Db } from '../db/dialect';
import { Config } from '../config';
import { AuditService } from '../audit/audit.service';
import type { Resource } from '../kit/resource';
import { ResourceService, Row } from '../kit/service';
import type { ServiceDeps, ServicesOf } from '../kit/module';
import { MODULES } from '../modules';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** What every process has before any module: the database, the configuration, the audit trail. */
export interface BaseServices {
  db: Db;
  config: Config;
  audit: AuditService;
  /**
   * The service of a declared resource: the one a module registered for it (the resource's own
   * rules), else the kit's generic scoped service (list, count, get, byId, audited writes).
   */
  of<E extends Row>(resource: Resource<E>): ResourceService<E>;
}

/** The services of one server process: the base, and every module's services by name (server/modules.ts). */
type ModuleServices = UnionToIntersection<ServicesOf<(typeof MODULES)[number]>>;
// An interface (not a type alias): factories receive `services` while the modules' types are still being inferred.
export interface Services extends BaseServices, ModuleServices {}

/** The resource services inside a service value: the service itself, or the values of a plain group (`units`, `year`). */
function resourceServices(v: unknown): ResourceService<Row>[] {
  if (v instanceof ResourceService) return [v];
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v).filter((x): x is ResourceService<Row> => x instanceof ResourceService);
  return [];
}

/**
 * The services of one server process, built once at start from the modules' factories. Each
 * factory runs on first use (so a factory may use another module's service whatever the order)
 * and all of them run before this returns: a failing factory fails the start, not a request.
 */
export function createServices(db: Db, config: Config, modules: typeof MODULES = MODULES): Services {
  const audit = new AuditService(db);
  const own = new Map<Resource<any>, ResourceService<Row>>();
  const generic = new Map<Resource<any>, ResourceService<Row>>();
  const services = {
    db,
    config,
    audit,
    of<E extends Row>(resource: Resource<E>): ResourceService<E> {
      let s = own.get(resource) ?? generic.get(resource);
      if (!s) generic.set(resource, (s = new ResourceService<Row>(resource as Resource<any>, db, audit)));
      return s as unknown as ResourceService<E>;
    },
  } as BaseServices as Services;
  const deps: ServiceDeps = { db, config, audit, services };
  const making = new Set<string>();
  const factories: [string, (d: ServiceDeps) => unknown][] = [];
  for (const m of modules) for (const [name, factory] of Object.entries(m.services ?? {})) factories.push([name, factory as (d: ServiceDeps) => unknown]);
  for (const [name, factory] of factories) {
    if (name in services) throw new Error(`service ${name}: registered twice (modules' service names are one namespace)`);
    Object.defineProperty(services, name, {
      enumerable: true,
      configurable: true,
      get() {
        if (making.has(name)) throw new Error(`service ${name}: its factory needs itself (${[...making].join(' → ')} → ${name})`);
        making.add(name);
        try {
          const value = factory(deps);
          Object.defineProperty(services, name, { value, enumerable: true });
          return value;
        } finally {
          making.delete(name);
        }
      },
    });
  }
  for (const [name] of factories) void (services as unknown as Record<string, unknown>)[name];
  for (const v of [audit, ...factories.map(([name]) => (services as unknown as Record<string, unknown>)[name])]) {
    for (const s of resourceServices(v)) {
      const other = own.get(s.resource);
      if (other && other !== s) throw new Error(`resource ${s.resource.name}: two services registered (${other.constructor.name}, ${s.constructor.name})`);
      own.set(s.resource, s);
    }
  }
  return services;
}

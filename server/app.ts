import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { Config } from './config';
import { databaseTarget, openDatabase } from './db/data-source';
import { Db } from './db/dialect';
import { seedDemo } from './db/demo-seed';
import { seedDemoNominations } from './award/demo-nominations';
import { seedDemoYear } from './year/demo-year';
import { createServices, Services } from './graphql/services';
import { ensureYearCatalogues } from './year/year.services';
import { getSchema } from './graphql/schema';
import { createHttpServer } from './http/server';

export interface RunningApp {
  url: string;
  port: number;
  services: Services;
  /** Graceful: no new connections, the requests in flight finish (at most `drainMs`), then the database pool closes. */
  stop(drainMs?: number): Promise<void>;
}

/**
 * Opens the database (migrating it), seeds the demo on the embedded default, creates the
 * bootstrap admin when asked, and listens. Used by main.ts and by the tests.
 */
export async function startApp(config: Config, log: (s: string) => void = console.log): Promise<RunningApp> {
  const target = databaseTarget(config.databaseUrl, config.sqliteDefaultPath, config.logQueries);
  const ds = await openDatabase(target);
  const db = new Db(ds);
  const services = createServices(db, config);
  const added = await services.awardType.ensureCatalogue();
  if (added) log(`Seeded ${added} award types`);
  const yearRows = await ensureYearCatalogues(services.year);
  if (yearRows) log(`Seeded ${yearRows} indicators and rule thresholds`);
  // The embedded default starts with the demo; a configured database starts empty (or as it was).
  if (!config.databaseUrl || config.seedDemo) {
    if (await seedDemo(ds)) {
      // the year's records first: the demo's commendations pass the rules that read them
      await seedDemoYear(services);
      await seedDemoNominations(services);
    }
  }
  if (await services.account.bootstrapAdmin(config.adminPassword)) log('Created SYSTEM_ADMIN "admin" from ADMIN_PASSWORD');
  const schema = await getSchema();
  const app = await createHttpServer(schema, services);
  await new Promise<void>((resolve) => app.server.listen(config.port, resolve));
  const port = (app.server.address() as AddressInfo).port;
  log(`CongDoan on http://localhost:${port} (database ${target.description})`);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    services,
    async stop(drainMs?: number) {
      await app.stop(drainMs);
      if (ds.isInitialized) await ds.destroy();
    },
  };
}

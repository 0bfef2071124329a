/**
 * The kit's lean reads (kit/rows.ts) return exactly the entities TypeORM's `getMany` returns: same
 * class, same properties, same values and value types (dates, booleans, JSON, numbers, NULLs), for
 * every table of the schema, on MariaDB and on the embedded SQLite.
 */
import { readRows } from '../server/kit/rows';
import { startTestServer, TestServer } from './support/harness';

/** A comparable picture of an entity: its class, then each property with its value's type. */
function picture(e: object): unknown {
  const props = Object.keys(e)
    .sort()
    .map((k) => {
      const v = (e as Record<string, unknown>)[k];
      const type = v === null ? 'null' : v instanceof Date ? 'Date' : Array.isArray(v) ? 'array' : typeof v;
      return [k, type, v instanceof Date ? v.toISOString() : v];
    });
  return [Object.getPrototypeOf(e)?.constructor?.name, props];
}

describe.each(['mysql', 'sqlite'] as const)('lean rows on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    // a few writes so that the history tables hold rows too
    const chair = await t.as('chair');
    await chair.q(`mutation($g: ID!) { createMember(fullName: "Phạm Thị Lan", gender: FEMALE, grassrootsUnionId: $g, birthDate: "1990-02-03") { id } }`, {
      g: t.fx.G1.id,
    });
  });
  afterAll(() => t?.stop());

  it('matches getMany for every entity', async () => {
    let compared = 0;
    for (const meta of t.ds.entityMetadatas) {
      const qb = () => t.ds.getRepository(meta.target).createQueryBuilder('x').orderBy(`x.${meta.primaryColumns[0].databaseName}`, 'ASC').limit(500);
      const typeorm = await qb().getMany();
      const lean = await readRows(qb());
      expect({ table: meta.tableName, rows: lean.map(picture) }).toEqual({ table: meta.tableName, rows: typeorm.map(picture) });
      compared += typeorm.length;
    }
    // the fixture fills the tree, accounts, members, award types and the audit trail
    expect(compared).toBeGreaterThan(50);
  });

  it('maps a partial select as getMany does (the columns read, nothing else)', async () => {
    const meta = t.ds.getMetadata('Member');
    const qb = () => t.ds.getRepository(meta.target).createQueryBuilder('m').select(['m.id', 'm.fullName']).orderBy('m.id', 'ASC');
    const lean = await readRows(qb());
    expect(lean.map(picture)).toEqual((await qb().getMany()).map(picture));
    expect(lean.length).toBeGreaterThan(0);
    expect(Object.keys(lean[0]).sort()).toEqual(['fullName', 'id']);
  });
});

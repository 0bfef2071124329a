/**
 * The kit's SQL built once per shape (kit/shapes.ts): a remembered text answers exactly what
 * TypeORM's own `getRawMany` / `getCount` answer, with each call's own parameters; builders of a
 * different shape never share a text; builders it does not know are left to TypeORM. On MariaDB
 * and on the embedded SQLite.
 */
import { Brackets } from 'typeorm';
import { countRows, rawRows, shapeKey } from '../server/kit/shapes';
import { startTestServer, TestServer } from './support/harness';

describe.each(['mysql', 'sqlite'] as const)('SQL once per shape on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t?.stop());

  const members = () => t.ds.getRepository('Member').createQueryBuilder('m');

  it('answers as getRawMany for every entity, each call with its own parameters', async () => {
    let compared = 0;
    for (const meta of t.ds.entityMetadatas) {
      const id = meta.primaryColumns[0].databaseName;
      const qb = (min: number) =>
        t.ds.getRepository(meta.target).createQueryBuilder('x').where(`x.${id} >= :min`, { min }).orderBy(`x.${id}`, 'DESC').limit(20).offset(1);
      for (const min of [0, 3, 0]) {
        const ours = await rawRows(qb(min));
        expect({ table: meta.tableName, min, rows: ours }).toEqual({ table: meta.tableName, min, rows: await qb(min).getRawMany() });
        compared += ours.length;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('counts as getCount, with and without a join, each call with its own parameters', async () => {
    const plain = (g: number) => members().where('m.grassroots_union_id = :g', { g }).orderBy('m.id').limit(5);
    const joined = (g: number) => plain(g).leftJoin('OrgUnit', 't', 't.id = m.team_id AND t.id > :tmin', { tmin: 0 }).addSelect('t');
    const units = [t.fx.G1.id, t.fx.G2.id, t.fx.G1.id];
    const counts: number[] = [];
    for (const g of units) {
      const n = await countRows(plain(g));
      expect(n).toBe(await plain(g).getCount());
      expect(await countRows(joined(g))).toBe(await joined(g).getCount());
      counts.push(n);
    }
    // two units of the fixture with members, not the same number: a text bound to the first unit's id would repeat it
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).not.toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
  });

  it('gives builders of different shapes different keys', () => {
    const base = () => members().where('m.id > :a', { a: 1 }).orderBy('m.full_name', 'ASC').limit(50).offset(0);
    const key = shapeKey(base());
    expect(key).not.toBeNull();
    // the same shape with other values: the same key
    expect(shapeKey(members().where('m.id > :a', { a: 999 }).orderBy('m.full_name', 'ASC').limit(50).offset(0))).toBe(key);
    const others = [
      base().andWhere('m.gender = :g', { g: 'FEMALE' }),
      members().where('m.id < :a', { a: 1 }).orderBy('m.full_name', 'ASC').limit(50).offset(0),
      members().where('m.id > :a', { a: 1 }).orderBy('m.full_name', 'DESC').limit(50).offset(0),
      members().where('m.id > :a', { a: 1 }).orderBy('m.full_name', 'ASC').limit(25).offset(0),
      members().where('m.id > :a', { a: 1 }).orderBy('m.full_name', 'ASC').limit(50).offset(50),
      base().leftJoin('OrgUnit', 't', 't.id = m.team_id').addSelect('t'),
      base().leftJoin('OrgUnit', 't', 't.id = m.team_id AND t.id > 0').addSelect('t'),
      base().andWhere(new Brackets((w) => w.where('m.gender = :g', { g: 'MALE' }).orWhere('m.team_id IS NULL'))),
      base().andWhere(new Brackets((w) => w.where('m.gender = :g', { g: 'MALE' }).andWhere('m.team_id IS NULL'))),
      t.ds.getRepository('OrgUnit').createQueryBuilder('m').where('m.id > :a', { a: 1 }).orderBy('m.name', 'ASC').limit(50).offset(0),
      base().withDeleted(),
      base().distinct(true),
    ].map(shapeKey);
    expect(others.every((k) => k !== null)).toBe(true);
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  it('leaves to TypeORM the builders it does not know', () => {
    const base = () => members().where('m.id > :a', { a: 1 }).orderBy('m.id', 'ASC');
    expect(shapeKey(base().take(10))).toBeNull();
    expect(shapeKey(base().skip(10))).toBeNull();
    expect(shapeKey(base().cache(true))).toBeNull();
    expect(shapeKey(base().setFindOptions({ where: { id: 1 } }))).toBeNull();
    expect(shapeKey(base().leftJoinAndMapOne('m.teamRow', 'OrgUnit', 't', 't.id = m.team_id'))).toBeNull();
    expect(shapeKey(base().addCommonTableExpression('SELECT 1 AS one', 'c'))).toBeNull();
  });
});

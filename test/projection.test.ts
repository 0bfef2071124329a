/**
 * Lists read only the columns the request selects (kit/crud.ts `propertiesRead`, kit/service.ts
 * `list`): every selection must answer what a fuller one answers for the same rows, whatever the
 * role, through aliases, fragments and unions; a row read with some columns for one edge is never
 * another path's answer.
 */
import { getNamedType, GraphQLObjectType, isLeafType } from 'graphql';
import { getSchema } from '../server/graphql/schema';
import { RequestLoaders } from '../server/graphql/context';
import { allResources } from '../server/kit/resource';
import { startTestServer, TestServer } from './support/harness';
import { createAndSubmit, freshMember, review, S, setup } from './support/nominations';
import { seedYearRecords } from './support/year';

let t: TestServer;
let a: S;

beforeAll(async () => {
  t = await startTestServer();
  a = await setup(t);
  const g1 = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id, t.fx.T1.id) });
  await review(a.chairB, g1.id, 'APPROVE');
  await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: await freshMember(a, t.fx.G1.id) });
  const unit = await createAndSubmit(a.unionAdmin, { type: 'GK_CDCT_TT', unit: t.fx.G2.id });
  await review(a.unionAdminB, unit.id, 'APPROVE');
  await seedYearRecords(t);
}, 120_000);
afterAll(() => t?.stop());

/** The fields of a type that graphql-js's default resolver answers (the ones a list may read alone), leaves only. */
function plainLeaves(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => !f.resolve && isLeafType(getNamedType(f.type)) && !f.args.length)
    .map((f) => f.name);
}

const byId = (rows: { id: string }[]) => new Map(rows.map((r) => [r.id, r]));

describe('lists read the columns the selection asks for', () => {
  it.each(['sys', 'chair', 'analyst'] as const)('as %s, each field alone answers what the whole row answers, for every list', async (who) => {
    const api = a[who];
    const schema = await getSchema();
    let compared = 0;
    for (const r of allResources()) {
      const type = schema.getType(r.name) as GraphQLObjectType;
      const fields = plainLeaves(type).filter((f) => f !== 'id');
      if (!fields.length) continue;
      let whole: { id: string }[];
      try {
        whole = (await api.q(`{ rows: all${r.plural}(perPage: 30, sortField: "id") { id ${fields.join(' ')} } }`)).rows;
      } catch (e) {
        if (String(e).includes('FORBIDDEN')) continue;
        throw e;
      }
      const full = byId(whole);
      for (const f of fields) {
        const alone: Record<string, unknown>[] = (await api.q(`{ rows: all${r.plural}(perPage: 30, sortField: "id") { id ${f} } }`)).rows;
        expect({ list: r.plural, field: f, rows: alone }).toEqual({
          list: r.plural,
          field: f,
          rows: alone.map((row) => ({ id: row.id, [f]: (full.get(row.id as string) as Record<string, unknown>)[f] })),
        });
        expect(alone.map((x) => x.id)).toEqual(whole.map((x) => x.id));
        compared += alone.length;
      }
    }
    expect(compared).toBeGreaterThan(200);
  }, 120_000);

  it('answers an edge selected twice under aliases with both selections', async () => {
    const data = await a.sys.q(`{
      x: allMembers(perPage: 50, sortField: "id") { id a: team { id } b: team { name } g: grassrootsUnion { name } }
      y: allMembers(perPage: 50, sortField: "id") { id team { id name } grassrootsUnion { id name } }
    }`);
    const withTeam = data.y.filter((m: { team: unknown }) => m.team);
    expect(withTeam.length).toBeGreaterThan(0);
    expect(data.x.map((m: any) => [m.id, m.a?.id ?? null, m.b?.name ?? null, m.g?.name ?? null])).toEqual(
      data.y.map((m: any) => [m.id, m.team?.id ?? null, m.team?.name ?? null, m.grassrootsUnion?.name ?? null]),
    );
  });

  it('answers fragments, named and inline, and union members as the plain selection does', async () => {
    const plain = await a.sys.q(`{ allNominations(perPage: 50, sortField: "id") { id year nomineeMember { id fullName }
      nominatingUnit { __typename ... on GrassrootsUnion { id name } ... on Union { id name code } ... on Federation { id name } } } }`);
    const fragments = await a.sys.q(`{ allNominations(perPage: 50, sortField: "id") { ...N } }
      fragment N on Nomination { id ... on Nomination { year } nomineeMember { ...M } nominatingUnit { __typename ...G ... on Union { id name code } ... on Federation { id name } } }
      fragment M on Member { id fullName }
      fragment G on GrassrootsUnion { id name }`);
    expect(plain.allNominations.length).toBeGreaterThan(2);
    expect(plain.allNominations.some((n: any) => n.nominatingUnit?.__typename === 'Union')).toBe(true);
    expect(plain.allNominations.some((n: any) => n.nominatingUnit?.__typename === 'GrassrootsUnion')).toBe(true);
    expect(fragments).toEqual(plain);
  });

  it('masks personal fields of a row read with some columns (an analyst) as of a whole row', async () => {
    // a nominee with a birth date, so that the joined member has a personal field to mask
    const id = await freshMember(a, t.fx.G1.id);
    await a.sys.q(`mutation($id: ID!) { updateMember(id: $id, birthDate: "1985-04-30", phone: "0912345678") { id } }`, { id });
    await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: id });
    const q = `{ allNominations(perPage: 50, sortField: "id") { id nomineeMember { id fullName birthDate } } allMembers(perPage: 20, sortField: "id") { id fullName phone birthDate team { id name } } }`;
    const analyst = await a.analyst.q(q);
    const sys = await a.sys.q(q);
    // what a system admin reads, with the personal fields (birth date, phone) null: on the page's rows and on the joined member alike
    expect(sys.allMembers.some((m: any) => m.birthDate)).toBe(true);
    expect(sys.allNominations.some((n: any) => n.nomineeMember?.birthDate)).toBe(true);
    expect(analyst.allMembers).toEqual(sys.allMembers.map((m: any) => ({ ...m, phone: null, birthDate: null })));
    expect(analyst.allNominations).toEqual(
      sys.allNominations.map((n: any) => ({ ...n, nomineeMember: n.nomineeMember && { ...n.nomineeMember, birthDate: null } })),
    );
  });

  it('keeps a row read with some columns for its edge alone: another path of the request reads the unit whole', async () => {
    const services = t.app.services;
    const caller = await services.account.callerByUsername('sysadmin');
    const req = { caller, loaders: new RequestLoaders() };
    const rows = await services.member.list(caller, { perPage: 50, sortField: 'id' }, { req, edges: [{ property: 'teamId', service: services.org, fields: new Set(['id']) }], fields: new Set(['id', 'teamId']) });
    const member = rows.find((m) => m.teamId != null)!;
    expect(member).toBeDefined();
    // the page's rows carry what was asked and nothing more
    expect(member.fullName).toBeUndefined();
    // the team was not made the request's answer by id: a read by id goes to the database and reads it whole
    const later = services.org.byIdNow(req, member.teamId);
    expect(later).toBeInstanceOf(Promise);
    const team = await later;
    expect(team?.name).toEqual(expect.any(String));

    // read whole, the joined team is the request's answer by id, at once
    const req2 = { caller, loaders: new RequestLoaders() };
    await services.member.list(caller, { perPage: 50, sortField: 'id' }, { req: req2, edges: [{ property: 'teamId', service: services.org }] });
    const now = services.org.byIdNow(req2, member.teamId);
    expect(now).not.toBeInstanceOf(Promise);
    expect((now as { name: string }).name).toBe(team!.name);
  });
});

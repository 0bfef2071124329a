/**
 * Every path to an object asks the question its root field asks. This walks every edge of the
 * schema (every field that reaches another resource, as the kit's registry lists them) from every
 * root list, as accounts of different roles and scopes, and checks two things of what comes back:
 * an object reached through an edge is one the same account may read through its root field (no
 * edge leaks an object out of scope), and an analyst reaches no account at all.
 */
import { getNamedType, GraphQLObjectType, isObjectType, isUnionType } from 'graphql';
import { getSchema } from '../server/graphql/schema';
import { allEdges } from '../server/kit/crud';
import { allResources, resourceOfType } from '../server/kit/resource';
import { Api, startTestServer, TestServer } from './support/harness';
import { createAndSubmit, freshMember, review, S, setup } from './support/nominations';
import { seedYearRecords } from './support/year';

let t: TestServer;
let a: S;

beforeAll(async () => {
  t = await startTestServer();
  a = await setup(t);
  // Something behind every edge: awards decided in both federations, one still pending, one of a unit.
  const g1 = await createAndSubmit(a.chair, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G1.id, t.fx.T1.id) });
  await review(a.chairB, g1.id, 'APPROVE');
  const g4 = await createAndSubmit(a.chair4, { type: 'GK_CDCS_CN', member: await freshMember(a, t.fx.G4.id, t.fx.T3.id) });
  await review(a.sys, g4.id, 'APPROVE');
  await createAndSubmit(a.chair, { type: 'BK_LDLD_CN', member: await freshMember(a, t.fx.G1.id) });
  const unit = await createAndSubmit(a.unionAdmin, { type: 'GK_CDCT_TT', unit: t.fx.G2.id });
  await review(a.unionAdminB, unit.id, 'APPROVE');
  // and behind every edge of the union's year
  await seedYearRecords(t);
}, 120_000);
afterAll(() => t?.stop());

/** The selection of an object type: its id, its edges (one level), and the edges of its non-resource parts. */
function selection(type: GraphQLObjectType, nested = true): string {
  const edges = allEdges().filter((e) => e.typeName === type.name);
  const parts = ['__typename', ...('id' in type.getFields() ? ['id'] : [])];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    const edge = edges.find((e) => e.field === field.name);
    const args = field.args.some((x) => x.name === 'limit') ? '(limit: 20)' : '';
    if (edge) {
      const inner = isUnionType(named) ? named.getTypes().map((u) => `... on ${u.name} { __typename id }`).join(' ') : '__typename id';
      parts.push(`${field.name}${args} { ${inner} }`);
    } else if (nested && isObjectType(named) && !resourceOfType(named.name) && allEdges().some((e) => e.typeName === named.name)) {
      parts.push(`${field.name} { ${selection(named, false)} }`);
    }
  }
  return parts.join(' ');
}

interface Reached {
  typename: string;
  id: string;
  path: string;
}

/** Objects found behind edges in a result (not the root rows themselves). */
function collect(value: unknown, path: string, out: Reached[], depth = 0): void {
  if (Array.isArray(value)) return value.forEach((v, i) => collect(v, `${path}[${i}]`, out, depth));
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if (depth > 0 && typeof o.__typename === 'string' && typeof o.id === 'string' && resourceOfType(o.__typename)) out.push({ typename: o.__typename, id: o.id, path });
  for (const [k, v] of Object.entries(o)) if (k !== '__typename' && k !== 'id') collect(v, `${path}.${k}`, out, depth + 1);
}

/** Walks every root list (and the figures) as one account; answers every object reached through an edge. */
async function walk(api: Api): Promise<Reached[]> {
  const schema = await getSchema();
  const reached: Reached[] = [];
  for (const r of allResources()) {
    const type = schema.getType(r.name) as GraphQLObjectType;
    try {
      const data = await api.q(`{ rows: all${r.plural}(perPage: 20) { ${selection(type)} } }`);
      data.rows.forEach((row: unknown, i: number) => collect(row, `all${r.plural}[${i}]`, reached, 0));
    } catch (e) {
      // A root list the role may not read at all is refused as a whole: nothing is reached through it.
      if (!String(e).includes('FORBIDDEN')) throw e;
    }
  }
  const stats = await api.q(`{
    m: memberStats(by: [CHILD_UNIT]) { ${selection(schema.getType('MemberStat') as GraphQLObjectType)} }
    w: awardStats(by: [AWARD_TYPE, CHILD_UNIT]) { ${selection(schema.getType('AwardStat') as GraphQLObjectType)} }
  }`).catch((e) => (String(e).includes('FORBIDDEN') ? {} : Promise.reject(e)));
  for (const [k, rows] of Object.entries(stats)) (rows as unknown[]).forEach((row, i) => collect(row, `${k}[${i}]`, reached, 1));
  return reached;
}

/** Whether the account reads the object through its root single read. */
async function readable(api: Api, o: Reached): Promise<boolean> {
  try {
    const d = await api.q(`query($id: ID!) { x: ${o.typename}(id: $id) { id } }`, { id: o.id });
    return d.x?.id === o.id;
  } catch {
    return false;
  }
}

describe('edges', () => {
  it('the walk covers every declared edge type', () => {
    // The registry is not empty and names resources the schema has: a sanity check of the walk itself.
    const targets = new Set(allEdges().map((e) => e.target));
    expect([...targets].sort()).toEqual(expect.arrayContaining(['Award', 'AwardType', 'Member', 'Nomination', 'OrgUnit', 'User']));
  });

  it.each(['sys', 'fedAdmin', 'fedAdmin2', 'unionAdmin', 'chair', 'chair4', 'analyst', 'analystF1'] as const)(
    'as %s, every object reached through an edge is one its root field lets the account read',
    async (who) => {
      const api = a[who];
      const reached = await walk(api);
      expect(reached.length).toBeGreaterThan(5);
      const unique = [...new Map(reached.map((o) => [`${o.typename}:${o.id}`, o])).values()];
      const leaks: Reached[] = [];
      for (const o of unique) if (!(await readable(api, o))) leaks.push(o);
      expect(leaks).toEqual([]);
    },
    120_000,
  );

  it('an analyst reaches no account through any edge (createdBy, reviewer, decidedBy, actor, scope…)', async () => {
    for (const who of ['analyst', 'analystF1'] as const) {
      const reached = await walk(a[who]);
      expect(reached.filter((o) => o.typename === 'User')).toEqual([]);
      // while the same walk as a federation admin does reach accounts through those edges
    }
    const admin = await walk(a.sys);
    const viaUser = new Set(admin.filter((o) => o.typename === 'User').map((o) => o.path.replace(/\[\d+\]/g, '')));
    expect([...viaUser]).toEqual(expect.arrayContaining(['allNominations.createdBy', 'allAwards.decidedBy', 'allNominations.reviews.reviewer', 'allAuditEvents.actor']));
  }, 120_000);

  // Lists read their to-one edges in the page's own query (a LEFT JOIN with the target's byId
  // condition, kit/service.ts list) and a nomination's steps right after the page (listPrefetch);
  // a single read resolves them through the loaders. Both paths must answer the same objects,
  // nulls and masked personal fields.
  it.each(['sys', 'fedAdmin', 'fedAdmin2', 'unionAdmin', 'chair', 'chair4', 'analyst', 'analystF1'] as const)(
    "as %s, a list's edges read in its query answer what the same edges answer one object at a time",
    async (who) => {
      const api = a[who];
      const unit = '__typename ... on Federation { id name } ... on Union { id name code } ... on GrassrootsUnion { id name active } ... on Team { id name }';
      const person = 'id fullName phone birthDate nationalId';
      const lists: [string, string, string][] = [
        ['Member', 'allMembers', `grassrootsUnion { id name code } team { id name } union { id name } federation { id name }`],
        ['Nomination', 'allNominations', `awardType { id code name } nomineeMember { ${person} } nomineeUnit { ${unit} } nominatingUnit { ${unit} } reviews { id decision level comment reviewerName at } history { action actorName at }`],
        ['Award', 'allAwards', `awardType { id code } nomineeMember { ${person} } nomineeUnit { ${unit} }`],
      ];
      let compared = 0;
      for (const [type, list, edges] of lists) {
        let rows: { id: string }[];
        try {
          rows = (await api.q(`{ rows: ${list}(perPage: 30) { id ${edges} } }`)).rows;
        } catch (e) {
          if (String(e).includes('FORBIDDEN')) continue;
          throw e;
        }
        for (const row of rows) {
          const one = await api.q(`query($id: ID!) { x: ${type}(id: $id) { id ${edges} } }`, { id: row.id });
          expect(row).toEqual(one.x);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(0);
    },
    120_000,
  );

  it('an analyst reads no account name beside a nomination step; an admin does', async () => {
    const q = `{ allNominations(perPage: 20) { reviews { reviewerName } history { actorName } } }`;
    const names = (d: any) => d.allNominations.flatMap((n: any) => [...n.reviews.map((r: any) => r.reviewerName), ...n.history.map((h: any) => h.actorName)]);
    const analyst = names(await a.analyst.q(q));
    expect(analyst.length).toBeGreaterThan(0);
    expect(analyst.every((n: unknown) => n === null)).toBe(true);
    expect(names(await a.fedAdmin.q(q)).some((n: unknown) => typeof n === 'string')).toBe(true);
  });
});

/**
 * Keyset pages (the kit's list builder, for long exports) give exactly the rows and the order of the
 * offset pages, whatever the sort: ties, NULLs, descending, personal fields refused for analysts.
 */
import { Keyset } from '../server/common/list';
import { startTestServer, TestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const sys = await t.as('sysadmin');
  // Ties on the sort key and NULL dates, so that the id tiebreak and the NULL handling matter.
  for (let i = 0; i < 40; i++) {
    await sys.q(`mutation($n: String!, $g: ID!, $j: String) { createMember(fullName: $n, gender: MALE, grassrootsUnionId: $g, joinedAt: $j) { id } }`, {
      n: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn An'][i % 3],
      g: t.fx.G1.id,
      j: i % 4 === 0 ? null : `20${10 + (i % 7)}-0${1 + (i % 8)}-15`,
    });
  }
});
afterAll(() => t?.stop());

async function walk(who: 'sysadmin' | 'chair', sortField: string, sortOrder: 'ASC' | 'DESC', take = 7) {
  const services = t.app.services;
  const caller = await services.account.callerByUsername(who);
  const ids: number[] = [];
  let after: Keyset | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: { rows: { id: number }[]; next: Keyset | null } = await services.member.keysetPage(caller, { sortField, sortOrder }, after, take);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
    after = page.next;
  }
  const all = await services.member.list(caller, { sortField, sortOrder, perPage: 1000 });
  return { keyset: ids, offset: all.map((m) => m.id) };
}

describe('keyset pages', () => {
  it.each([
    ['fullName', 'ASC'],
    ['fullName', 'DESC'],
    ['joinedAt', 'ASC'],
    ['joinedAt', 'DESC'],
    ['id', 'ASC'],
    ['id', 'DESC'],
  ] as const)('sorted by %s %s: the same rows in the same order as the offset pages', async (field, order) => {
    const { keyset, offset } = await walk('sysadmin', field, order);
    expect(offset.length).toBeGreaterThan(40);
    expect(keyset).toEqual(offset);
  });

  it('stay inside the caller’s scope', async () => {
    const { keyset, offset } = await walk('chair', 'fullName', 'ASC', 5);
    expect(keyset).toEqual(offset);
    const gu = await t.ds.query('SELECT id FROM member WHERE grassroots_union_id = ?', [t.fx.G1.id]);
    expect(new Set(keyset)).toEqual(new Set(gu.map((r: { id: number }) => Number(r.id))));
  });
});

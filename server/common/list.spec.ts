import { SelectQueryBuilder } from 'typeorm';
import { applyFilter, applySortAndPage, fieldOf, ListSpec, qWords } from './list';

const SPEC: ListSpec = {
  fields: { name: { column: 'name', kind: 'string' }, joinedAt: { column: 'joined_at', kind: 'date' }, unitId: { column: 'unit_id', kind: 'id' } },
  searchColumn: 'search_key',
  defaultSort: { field: 'name', order: 'ASC' },
};

/** A query builder that records what is asked of it. */
function fakeQb() {
  const calls: string[] = [];
  const qb = {
    andWhere: (sql: string) => (calls.push(`where ${sql}`), qb),
    orderBy: (sql: string, o: string) => (calls.push(`order ${sql} ${o}`), qb),
    addOrderBy: (sql: string, o: string) => (calls.push(`order ${sql} ${o}`), qb),
    offset: () => qb,
    limit: () => qb,
  };
  return { qb: qb as unknown as SelectQueryBuilder<object>, calls };
}

const PROTO = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const code = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return { code: (e as { extensions?: { code?: string } }).extensions?.code, field: (e as { extensions?: { field?: string } }).extensions?.field };
  }
  return null;
};

describe('field look-ups are own properties only', () => {
  it('fieldOf finds no Object.prototype member', () => {
    for (const name of PROTO) expect(fieldOf(SPEC, name)).toBeUndefined();
    expect(fieldOf(SPEC, 'name')).toBe(SPEC.fields.name);
  });
  it('sortField of an Object.prototype name is BAD_USER_INPUT on sortField, and nothing is ordered', () => {
    for (const name of PROTO) {
      const { qb, calls } = fakeQb();
      expect(code(() => applySortAndPage(qb, 'x', SPEC, { sortField: name }, { personalAllowed: true }))).toEqual({ code: 'BAD_USER_INPUT', field: 'sortField' });
      expect(calls).toEqual([]);
    }
  });
  it('a filter key of an Object.prototype name, with or without a range suffix, is BAD_USER_INPUT on that key', () => {
    for (const name of PROTO.flatMap((n) => [n, `${n}_lt`, `${n}_gte`])) {
      const { qb, calls } = fakeQb();
      const filter = JSON.parse(`{ ${JSON.stringify(name)}: "1" }`);
      expect(code(() => applyFilter(qb, 'x', SPEC, filter, { personalAllowed: true }))).toEqual({ code: 'BAD_USER_INPUT', field: name });
      expect(calls).toEqual([]);
    }
  });
  it('range suffixes still work on real fields', () => {
    const { qb, calls } = fakeQb();
    applyFilter(qb, 'x', SPEC, { joinedAt_gte: '2024-02-29', unitId: ['3', '4'] }, { personalAllowed: true });
    expect(calls).toEqual(['where x.joined_at >= :f0', 'where x.unit_id IN (:...f1)']);
  });
});

describe('q', () => {
  it('is refused past 200 characters or 10 words, before any query is built', () => {
    expect(qWords('Nguyễn  Thị Hoa')).toEqual(['nguyen', 'thi', 'hoa']);
    expect(qWords('a b c d e f g h i j')).toHaveLength(10);
    expect(code(() => qWords('a b c d e f g h i j k'))).toEqual({ code: 'BAD_USER_INPUT', field: 'q' });
    expect(code(() => qWords('n'.repeat(201)))).toEqual({ code: 'BAD_USER_INPUT', field: 'q' });
    const { qb, calls } = fakeQb();
    expect(code(() => applyFilter(qb, 'x', SPEC, { q: 'w '.repeat(200000) }, { personalAllowed: true }))).toEqual({ code: 'BAD_USER_INPUT', field: 'q' });
    expect(calls).toEqual([]);
  });
  it('list values are capped like ids', () => {
    const { qb } = fakeQb();
    expect(code(() => applyFilter(qb, 'x', SPEC, { name: Array.from({ length: 1001 }, (_, i) => `n${i}`) }, { personalAllowed: true }))).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});

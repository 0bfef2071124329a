import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLField, GraphQLObjectType, Kind, OperationDefinitionNode, parse } from 'graphql';
import { checkOperation, costMessage, estimateCost, ListCost, listRows } from './limits';
import { LIMITS } from '../common/limits';

const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name] as GraphQLField<unknown, unknown>;

function check(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return checkOperation(schema, document, operation, variables);
}

const bomb = (n: number) =>
  `query{...F0} ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`).join(' ')} fragment F${n} on Query{__typename}`;

describe('listRows: the rows a list answers at most, from its arguments', () => {
  it('perPage, or the cap without it; more than the cap counts as the cap (the resolver refuses it)', () => {
    const all = field('Query', 'allMembers');
    expect(listRows('Query', all, { perPage: 25 })).toEqual({ field: 'Query.allMembers', arg: 'perPage', rows: 25 });
    expect(listRows('Query', all, {}).rows).toBe(LIMITS.perPage);
    expect(listRows('Query', all, { perPage: 10 ** 9 }).rows).toBe(LIMITS.perPage);
  });

  it('limit of the nested member lists, 100 without it', () => {
    expect(listRows('GrassrootsUnion', field('GrassrootsUnion', 'members'), { limit: 7 })).toMatchObject({ arg: 'limit', rows: 7 });
    expect(listRows('Team', field('Team', 'members'), {})).toMatchObject({ arg: 'limit', rows: LIMITS.nestedMembers });
  });

  it('the ids of a batch mutation', () => {
    expect(listRows('Mutation', field('Mutation', 'reviewNominations'), { ids: ['1', '2', '3'] })).toMatchObject({ arg: 'ids', rows: 3 });
  });

  it('lists without a page size: their estimate, else the default', () => {
    expect(listRows('Federation', field('Federation', 'grassrootsUnions'), {})).toEqual({ field: 'Federation.grassrootsUnions', arg: null, rows: 1000 });
    expect(listRows('Team', field('Team', 'moves'), {}).rows).toBe(LIMITS.unpagedListRows.default);
  });
});

describe('estimateCost', () => {
  it('a list costs its rows times what one row selects; objects and scalars cost 1', () => {
    // 1000 × (1 + id + fullName) + _allMembersMeta (1 + count)
    expect(estimateCost(schema, parse('{ allMembers(perPage: 1000) { id fullName } _allMembersMeta { count } }'), {}).cost).toBe(3002);
    // 10 × (1 + name + 5 × (1 + id))
    expect(estimateCost(schema, parse('{ allGrassrootsUnions(perPage: 10) { name members(limit: 5) { id } } }'), {}).cost).toBe(120);
  });

  it('reads the page sizes from variables, and skips what @skip/@include leave out', () => {
    const q = parse('query($p: Int, $big: Boolean!) { allMembers(perPage: $p) { id } more: allMembers @include(if: $big) { id } }');
    expect(estimateCost(schema, q, { p: 50, big: false }).cost).toBe(100);
    expect(estimateCost(schema, q, { p: 50, big: true }).cost).toBe(2100);
  });

  it('of a union, the most expensive member type counts', () => {
    const q = parse('{ orgUnit(id: "1") { ... on Federation { id } ... on GrassrootsUnion { id members(limit: 10) { id } } } }');
    expect(estimateCost(schema, q, {}).cost).toBe(1 + 1 + 10 * 2);
  });

  it('introspection is not multiplied (the depth and selection limits bound it instead)', () => {
    expect(estimateCost(schema, parse('{ __schema { types { fields { name } } } }'), {}).cost).toBe(4);
  });

  it('expands fragments one use at a time: on an unbounded document only its node cap stops it, hence the shape rules first', () => {
    // 22 fragments: 2^22 spreads once expanded (14 s without the cap).
    expect(estimateCost(schema, parse(bomb(22)), {}).cost).toBe(Infinity);
  });
});

describe('checkOperation', () => {
  it('measures the fragment bomb without expanding it: the shape rules refuse it before the cost estimate runs', () => {
    for (const [n, count] of [[30, '5.4e9'], [100, '6.3e30'], [300, '1.0e91']] as const) {
      const refusal = check(bomb(n));
      expect(refusal?.extensions.code).toBe('QUERY_TOO_COMPLEX');
      // A count that could not have been reached by expanding: the rule memoized each fragment.
      expect(refusal?.message).toBe(`Query too large: ${count} field selections once its fragments are expanded, the limit is 500. Select fewer fields, or split the query.`);
    }
  });

  it('depth: the levels of nested fields, a fragment spread adding none', () => {
    // Award → nomination → award → …: single objects, so only the depth can refuse.
    const chain = (levels: number) =>
      Array.from({ length: levels - 1 }, (_, i) => (i === 0 ? 'Award(id: "1")' : i % 2 ? 'nomination' : 'award')).reduceRight((inner, f) => `${f} { ${inner} }`, 'id');
    expect(check(`{ ${chain(10)} }`)).toBeNull();
    expect(check(`{ ${chain(11)} }`)?.message).toBe(
      'Query too deep: 11 levels of nested fields, the limit is 10. Ask for the deeper objects in a separate query, by their ids.',
    );
    const viaFragments = (leaf: string) =>
      `{ Award(id: "1") { ...A } } fragment A on Award { nomination { award { ...B } } } fragment B on Award { nomination { award { nomination { award { nomination { award { ${leaf} } } } } } } }`;
    expect(check(viaFragments('id'))).toBeNull();
    expect(check(viaFragments('nomination { id }'))?.message).toMatch(/^Query too deep: 11 levels/);
  });

  it('the cost refusal names the lists that multiply', () => {
    const refusal = check('{ allGrassrootsUnions(perPage: 1000) { members(limit: 1000) { id } } }');
    expect(refusal?.message).toBe(
      'Query too complex: its estimated cost is 2,001,000, the limit is 200,000 (a list costs its page size times what it selects). Lower perPage of allGrassrootsUnions or limit of members.',
    );
  });

  it('variables the operation cannot take are left to execution, which refuses them before running anything', () => {
    expect(check('query($p: Int!) { allMembers(perPage: $p) { id } }', { p: 'ten' })).toBeNull();
  });
});

describe('costMessage', () => {
  const l = (field: string, arg: ListCost['arg'], rows: number, cost: number, at: [number, number]): ListCost => ({ field, arg, rows, cost, at });

  it('follows the most expensive chain of nested lists, and adds other lists over the limit', () => {
    const lists = [
      l('Union.grassrootsUnions', null, 500, 2000, [30, 60]),
      l('Federation.unions', null, 100, 200_000, [20, 70]),
      l('Query.allFederations', 'perPage', 100, 20_000_000, [0, 80]),
      l('Query.allMembers', 'perPage', 1000, 300_000, [90, 120]),
      l('Query.allTeams', 'perPage', 10, 20, [130, 140]),
    ];
    expect(costMessage(20_320_020, 200_000, lists)).toBe(
      'Query too complex: its estimated cost is 20,320,020, the limit is 200,000 (a list costs its page size times what it selects). ' +
        'Lower perPage of allFederations or perPage of allMembers. ' +
        'Select fewer fields under unions (counted as 100 rows: it has no page size) or grassrootsUnions (counted as 500 rows: it has no page size).',
    );
  });

  it('without lists, fewer fields', () => {
    expect(costMessage(300_000, 200_000, [])).toMatch(/Select fewer fields\.$/);
  });
});

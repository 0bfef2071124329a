import { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isListType,
  Kind,
  OperationDefinitionNode,
  validate,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { ComplexityEstimatorArgs, createComplexityRule } from 'graphql-query-complexity';
import { AppError } from '../common/errors';
import { LIMITS } from '../common/limits';

/**
 * Limits on one operation, checked after parsing and validation and before anything executes, so
 * that no request can make the server walk the database or block its event loop: its depth, its
 * size with fragments expanded, and its estimated cost (a list counts its page size times what it
 * selects). Refusals are QUERY_TOO_COMPLEX and say what to reduce.
 */

const tooComplex = (message: string) => new AppError('QUERY_TOO_COMPLEX', message, { http: { status: 400 } });

const fmt = (n: number) => (n >= 1e9 ? n.toExponential(1).replace('e+', 'e') : Math.round(n).toLocaleString('en-US'));

/** The measure in an armor rejection ("… limit of 10 exceeded, found 11."). */
const found = (armorMessage: string) => {
  const n = Number(/found ([0-9.e+]+?)\.?$/.exec(armorMessage)?.[1]);
  return Number.isFinite(n) ? fmt(n) : 'more';
};

/** armor's rules report in our words and code instead of throwing, which would stop at the first rule and carry no code. */
const report =
  (message: (found: string) => string) =>
  (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(tooComplex(message(found(error.message))));

/**
 * The shape rules, from graphql-armor: they memoize each fragment's depth and size, so they run in
 * time linear in the document, whatever its fragments spread (the fragment bomb of issue 7, where
 * each fragment spreads the next one twice, expands to 2^30 selections and is measured in a
 * millisecond). They must run, and pass, before the cost estimate below.
 */
const SHAPE_RULES: ValidationRule[] = [
  maxDepthRule({
    n: LIMITS.queryDepth,
    flattenFragments: true,
    // Introspection has its own depth (next rule): its standard query is deeper than any data query needs.
    ignoreIntrospection: true,
    propagateOnRejection: false,
    onReject: [report((n) => `Query too deep: ${n} levels of nested fields, the limit is ${LIMITS.queryDepth}. Ask for the deeper objects in a separate query, by their ids.`)],
  }),
  maxDepthRule({
    n: LIMITS.introspectionDepth,
    flattenFragments: true,
    ignoreIntrospection: false,
    propagateOnRejection: false,
    onReject: [report((n) => `Query too deep: ${n} levels of nested fields, the limit is ${LIMITS.introspectionDepth} (introspection included).`)],
  }),
  // With every cost 1 and no depth factor, armor's cost is the number of selections once fragments are expanded.
  costLimitRule({
    maxCost: LIMITS.querySelections,
    objectCost: 1,
    scalarCost: 1,
    depthCostFactor: 1,
    flattenFragments: true,
    ignoreIntrospection: false,
    propagateOnRejection: false,
    onReject: [
      report((n) => `Query too large: ${n} field selections once its fragments are expanded, the limit is ${LIMITS.querySelections}. Select fewer fields, or split the query.`),
    ],
  }),
];

/** A list field of the operation, as the cost estimate met it. */
export interface ListCost {
  /** `Type.field` */
  field: string;
  /** the argument that sets its page size, when it has one */
  arg: 'perPage' | 'limit' | 'ids' | null;
  rows: number;
  /** rows × the cost of one row */
  cost: number;
  /** where the field is in the document (start and end offsets), to find the lists nested in it */
  at?: [number, number];
}

const clampRows = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 1), LIMITS.perPage) : LIMITS.perPage);

/**
 * The rows a list field answers at most, read from its arguments, whatever the resolver: `perPage`
 * (lists of the CRUD grammar; absent, the cap), `limit` (nested member lists; absent, their
 * default), `ids` (batch mutations), else the estimate for lists without a page size. Values above
 * the cap count as the cap: the resolver refuses them before reading anything.
 */
export function listRows(parent: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): Omit<ListCost, 'cost'> {
  const name = `${parent}.${field.name}`;
  const has = (a: string) => field.args.some((x) => x.name === a);
  if (has('perPage')) return { field: name, arg: 'perPage', rows: args.perPage == null ? LIMITS.perPage : clampRows(args.perPage) };
  if (has('limit')) return { field: name, arg: 'limit', rows: args.limit == null ? LIMITS.nestedMembers : clampRows(args.limit) };
  if (has('ids') && Array.isArray(args.ids)) return { field: name, arg: 'ids', rows: clampRows(args.ids.length) };
  return { field: name, arg: null, rows: LIMITS.unpagedListRows[name] ?? LIMITS.unpagedListRows.default };
}

const isIntrospection = (parent: string, field: string) => parent.startsWith('__') || field === '__schema' || field === '__type';

/**
 * The cost of a field: 1 for itself, plus what it selects, times its rows for a list. Introspection
 * is exempt from the multiplication (its standard query would otherwise cost millions): its size is
 * bounded by the depth and selection rules instead, where its worst nesting answers in ~0.2 s.
 */
function estimator(lists: ListCost[]) {
  return ({ type, field, node, args, childComplexity }: ComplexityEstimatorArgs): number => {
    const one = 1 + (isCompositeType(getNamedType(field.type)) ? childComplexity : 0);
    if (isIntrospection(type.name, field.name) || !isListType(getNullableType(field.type))) return one;
    const list: ListCost = { ...listRows(type.name, field, args), cost: 0, at: node.loc && [node.loc.start, node.loc.end] };
    list.cost = list.rows * one;
    lists.push(list);
    return list.cost;
  };
}

const inside = (inner: ListCost, outer: ListCost) =>
  !!inner.at && !!outer.at && inner !== outer && inner.at[0] >= outer.at[0] && inner.at[1] <= outer.at[1];

/**
 * The lists to name in a refusal: the most expensive one, then the most expensive list inside it,
 * and so on down (the chain that multiplies), plus any other list that alone exceeds the limit.
 */
export function culprits(lists: ListCost[], limit: number): ListCost[] {
  const byCost = [...lists].sort((a, b) => b.cost - a.cost);
  const chain: ListCost[] = [];
  for (let cur: ListCost | undefined = byCost[0]; cur; ) {
    chain.push(cur);
    const outer: ListCost = cur;
    cur = byCost.find((l) => inside(l, outer));
  }
  return [...chain.filter((l) => l.rows > 1), ...byCost.filter((l) => l.cost > limit && !chain.includes(l))];
}

const either = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}` : xs[0]);

/** What to reduce, in the refusal's words. */
export function costMessage(cost: number, limit: number, lists: ListCost[]): string {
  const found = culprits(lists, limit);
  const name = (l: ListCost) => l.field.split('.')[1];
  const paged = [...new Set(found.filter((l) => l.arg).map((l) => (l.arg === 'ids' ? `the ids of ${name(l)}` : `${l.arg} of ${name(l)}`)))];
  const unpaged = [...new Set(found.filter((l) => !l.arg).map((l) => `${name(l)} (counted as ${l.rows} rows: it has no page size)`))];
  let reduce = '';
  if (paged.length) reduce += ` Lower ${either(paged)}.`;
  if (unpaged.length) reduce += ` Select fewer fields under ${either(unpaged)}.`;
  return `Query too complex: its estimated cost is ${fmt(cost)}, the limit is ${fmt(limit)} (a list costs its page size times what it selects).${reduce || ' Select fewer fields.'}`;
}

/**
 * The estimated cost of the one operation in `document` (graphql-query-complexity with the
 * estimator above), and the lists that make it up. Why it runs only after SHAPE_RULES passed: the
 * library expands every fragment spread anew, without memo, so a document whose fragments spread
 * each other twice takes exponential time (22 fragments: 14 s). SHAPE_RULES bound the expanded size
 * first, linearly; the library's own node cap stays as a second guard.
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): { cost: number; lists: ListCost[] } {
  const lists: ListCost[] = [];
  let cost = 0;
  try {
    validate(schema, document, [
      createComplexityRule({
        maximumComplexity: Number.MAX_SAFE_INTEGER,
        estimators: [estimator(lists)],
        variables: variables ?? {},
        maxQueryNodes: 10 * LIMITS.querySelections,
        onComplete: (c: number) => (cost = c),
      }),
    ]);
  } catch (e) {
    if (e instanceof GraphQLError) return { cost: Infinity, lists };
    throw e;
  }
  // Errors it reports (a variable of the wrong type, a null argument) are left to execution, which
  // refuses the same values before running the field; the fields it could price are priced.
  return { cost, lists };
}

/** The executed operation with its fragments: what the limits measure (not the other operations of the document). */
function operationDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
}

/** The refusal of one operation, or null when it may run. */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Record<string, unknown>,
): GraphQLError | null {
  const doc = operationDocument(document, operation);
  const shape = validate(schema, doc, SHAPE_RULES);
  if (shape.length) return shape[0];
  const { cost, lists } = estimateCost(schema, doc, variables);
  return cost > LIMITS.queryCost ? tooComplex(costMessage(cost, LIMITS.queryCost, lists)) : null;
}

/** A document with several operations and no (or a wrong) operationName is the client's mistake, not ours. */
function operationNotFound(document: DocumentNode, operationName: string | null | undefined): GraphQLError {
  const count = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  const message =
    operationName != null
      ? `operationName "${operationName}" names no operation of the document`
      : `The document holds ${count} operations: name the one to run in operationName`;
  return new AppError('BAD_REQUEST', message, { http: { status: 400 } });
}

/**
 * Operations that passed, per parsed document: Apollo keeps one DocumentNode per query text, so a
 * client repeating a query (a panel's list, its count) is measured once per set of variables, not
 * on every request. The cost depends on the variables (a page size may be one), so they are part
 * of the key; long variable sets (imports) are not remembered. Refusals are never remembered.
 */
const PASSED = new WeakMap<DocumentNode, Map<string, true>>();
const MAX_KEY = 2048;
const MAX_PER_DOCUMENT = 256;

function passKey(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string | null {
  const key = `${operation.name?.value ?? ''}\u0000${variables ? JSON.stringify(variables) : ''}`;
  return key.length <= MAX_KEY ? key : null;
}

function passed(document: DocumentNode, operation: OperationDefinitionNode, variables?: Record<string, unknown>): boolean {
  const seen = PASSED.get(document);
  if (!seen) return false;
  const key = passKey(operation, variables);
  return key !== null && seen.has(key);
}

function remember(document: DocumentNode, operation: OperationDefinitionNode, variables?: Record<string, unknown>): void {
  const key = passKey(operation, variables);
  if (key === null) return;
  let seen = PASSED.get(document);
  if (!seen) PASSED.set(document, (seen = new Map()));
  if (seen.size >= MAX_PER_DOCUMENT) seen.clear();
  seen.set(key, true);
}

/** Refuses, before execution, an operation that cannot be resolved or run, or that exceeds the limits above. */
export const queryLimitsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request, schema }) {
        if (!operation) throw operationNotFound(document, request.operationName);
        // graphql's validation lets `subscription { … }` through on a schema without subscriptions; execution would fail uncoded.
        if (!schema.getRootType(operation.operation)) {
          throw new GraphQLError(`This API has no ${operation.operation} operations`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
        }
        if (passed(document, operation, request.variables)) return;
        const refusal = checkOperation(schema, document, operation, request.variables);
        if (refusal) throw refusal;
        remember(document, operation, request.variables);
      },
    };
  },
};

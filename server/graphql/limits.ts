import { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode } from 'graphql';

/** Limits on one operation's shape, so that no single request can make the server walk the database. */
export const MAX_DEPTH = 10;
export const MAX_FIELDS = 500;

export function measure(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): { depth: number; fields: number } {
  let fields = 0;
  const walk = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
    let max = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        fields++;
        if (sel.selectionSet) max = Math.max(max, walk(sel.selectionSet, depth + 1, seen));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(sel.selectionSet, depth, seen));
      } else {
        const frag = fragments[sel.name.value];
        // A fragment spread inside itself is a validation error reported elsewhere; don't loop on it.
        if (frag && !seen.has(frag.name.value)) max = Math.max(max, walk(frag.selectionSet, depth, new Set([...seen, frag.name.value])));
      }
    }
    return max;
  };
  const depth = walk(selectionSet, 1, new Set());
  return { depth, fields };
}

/** Refuses operations deeper than MAX_DEPTH or with more than MAX_FIELDS fields, with QUERY_TOO_COMPLEX. */
export const queryLimitsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation }) {
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
        if (!operation) return;
        const { depth, fields } = measure(operation.selectionSet, fragments);
        if (depth > MAX_DEPTH || fields > MAX_FIELDS) {
          throw new GraphQLError(`Query too complex: depth ${depth} (max ${MAX_DEPTH}), ${fields} fields (max ${MAX_FIELDS})`, {
            extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
          });
        }
      },
    };
  },
};

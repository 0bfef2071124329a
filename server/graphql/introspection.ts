import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import type { Context } from './context';

/**
 * Introspection for signed-in accounts: the schema is what a script or GraphiQL needs to write its
 * queries, and an account that may query the API may know its shape. An anonymous visitor gets it
 * only where introspection is on for everyone (outside production, or GRAPHQL_INTROSPECTION=1).
 *
 * Apollo's own `introspection` option is one switch for every caller; this plugin decides per
 * request, once the caller is known (the context is built before the operation is resolved), with
 * graphql's own rule for what counts as introspection (`__schema` and `__type`; `__typename` is not).
 * The refusal keeps the code Apollo's switch answered with: GRAPHQL_VALIDATION_FAILED.
 */
export function introspectionPlugin(openToAnonymous: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue }) {
          if (openToAnonymous || contextValue.caller) return;
          if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length) {
            throw new GraphQLError('Introspection is for signed-in accounts: send Authorization: Bearer <token> (a personal API token or a login token)', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The types of the panel's hand-written operations (admin/src/providers/operations.ts), from the
 * committed schema. `npm run codegen` writes them; `npm run check` fails when they are stale.
 * Paths are from the repository root, where npm runs it.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['admin/src/**/*.{ts,tsx}', '!admin/src/generated/**'],
  generates: {
    'admin/src/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        enumType: 'string-literal',
        scalars: { ID: 'string', DateTimeISO: 'string' },
        avoidOptionals: { field: true },
        skipTypename: true,
      },
    },
  },
};

export default config;

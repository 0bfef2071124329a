import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(new URL(import.meta.url).pathname);
const SCHEMA_FILE = path.resolve(here, '../schema/schema.graphql');
const VIRTUAL_ID = 'virtual:introspection';

/**
 * The GraphQL schema, turned into an introspection result at build time, so that the data
 * provider works when the server turns introspection off (production).
 */
function introspectionAtBuildTime(): Plugin {
  return {
    name: 'congdoan-introspection',
    resolveId: (id) => (id === VIRTUAL_ID ? '\0' + VIRTUAL_ID : null),
    load(id) {
      if (id !== '\0' + VIRTUAL_ID) return null;
      this.addWatchFile(SCHEMA_FILE);
      const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
      return `export default ${JSON.stringify(introspectionFromSchema(schema).__schema)};`;
    },
  };
}

const VENDOR_GROUPS: Array<[string, RegExp]> = [
  ['react', /node_modules[\\/](react|react-dom|scheduler|react-is)[\\/]/],
  ['mui', /node_modules[\\/](@mui|@emotion|@popperjs|stylis|react-transition-group)[\\/]/],
  ['graphql', /node_modules[\\/](@apollo|graphql|graphql-tag|graphql-ast-types-browser|@wry|optimism|zen-observable|ts-invariant|rehackt|symbol-observable)[\\/]/],
  ['react-admin', /node_modules[\\/](react-admin|ra-[a-z-]+|react-router|react-router-dom|@tanstack[\\/](?:react-query|query-core)|react-hook-form|lodash|date-fns|inflection|jsonexport|node-polyglot)[\\/]/],
];

export default defineConfig(({ command }) => ({
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [introspectionAtBuildTime()],
  // Explicit: the JSX transform otherwise follows NODE_ENV, which is 'test' when jest triggers the build.
  oxc: { jsx: { runtime: 'automatic', development: command !== 'build' } },
  // React and MUI pick their production builds from this (without it the development React is bundled).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
    minify: process.env.ADMIN_MINIFY !== '0',
    rolldownOptions: {
      // Two pages: the panel, and GraphiQL (/graphiql), which alone loads Monaco and its workers.
      input: { main: path.join(here, 'index.html'), graphiql: path.join(here, 'graphiql.html') },
      // MUI marks its modules 'use client' (for React Server Components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS.map(([name, test], i) => ({ name, test, priority: VENDOR_GROUPS.length - i })),
        },
      },
    },
  },
}));

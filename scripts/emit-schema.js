#!/usr/bin/env node
/**
 * Emits schema/schema.graphql from the code (type-graphql), or with --check fails when the
 * committed file is stale. Runs the TypeScript sources through ts-node (transpile only).
 */
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const fs = require('node:fs');
const { printSchema, lexicographicSortSchema } = require('graphql');
const { getSchema, SCHEMA_FILE } = require('../server/graphql/schema');

getSchema()
  .then((schema) => {
    const sdl =
      '# Emitted from the code by `npm run schema:emit`; do not edit. CI fails when it is stale.\n\n' +
      printSchema(lexicographicSortSchema(schema)) +
      '\n';
    if (process.argv.includes('--check')) {
      const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
      if (current !== sdl) {
        console.error('schema/schema.graphql is stale: run `npm run schema:emit` and commit it.');
        process.exit(1);
      }
      console.log('schema/schema.graphql is current');
    } else {
      fs.writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
    }
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });

import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Personal API tokens (issue 11): one row per token, found by the SHA-256 of its secret. */
export class ApiTokens1764260000000 implements MigrationInterface {
  name = 'ApiTokens1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'api_token',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'int', isNullable: false },
          { name: 'name', type: 'varchar', length: '100', isNullable: false },
          { name: 'token_hash', type: 'varchar', length: '64', isNullable: false },
          { name: 'created_at', type: 'datetime', isNullable: false, default: 'CURRENT_TIMESTAMP' },
          { name: 'expires_at', type: 'datetime', isNullable: false },
          { name: 'last_used_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'uq_api_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'idx_api_token_user', columnNames: ['user_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_token');
  }
}

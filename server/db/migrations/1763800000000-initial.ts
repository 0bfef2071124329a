import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// Written with TypeORM's portable Table API so that one migration serves MySQL/MariaDB and SQLite.
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const int = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'int', isNullable: nullable });
const str = (name: string, length: number, nullable = true, def?: string): TableColumnOptions => ({
  name, type: 'varchar', length: String(length), isNullable: nullable, ...(def !== undefined ? { default: `'${def}'` } : {}),
});
const date = (name: string): TableColumnOptions => ({ name, type: 'date', isNullable: true });
const bool = (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: def ? 1 : 0 });
const text = (name: string): TableColumnOptions => ({ name, type: 'text', isNullable: true });
const stamp = (name: string, nullable = false): TableColumnOptions => ({
  name, type: 'datetime', isNullable: nullable, ...(nullable ? {} : { default: 'CURRENT_TIMESTAMP' }),
});
const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'org_unit',
      columns: [
        id(), str('level', 16, false), str('name', 255, false), str('code', 64),
        int('parent_id'), int('federation_id'), int('union_id'), int('grassroots_union_id'), int('team_id'),
        str('search_key', 400, false), bool('active', true), date('dissolved_at'),
        stamp('created_at'), stamp('updated_at'),
      ],
      indices: [
        idx('uq_org_unit_code', ['code'], true),
        idx('idx_org_unit_federation', ['federation_id', 'level']),
        idx('idx_org_unit_union', ['union_id', 'level']),
        idx('idx_org_unit_grassroots', ['grassroots_union_id', 'level']),
        idx('idx_org_unit_parent', ['parent_id']),
      ],
    }));
    await q.createTable(new Table({
      name: 'org_unit_move',
      columns: [id(), int('unit_id', false), int('from_parent_id'), int('to_parent_id', false), int('moved_by_id'), stamp('moved_at')],
      indices: [idx('idx_org_unit_move_unit', ['unit_id'])],
    }));
    await q.createTable(new Table({
      name: 'member',
      columns: [
        id(), str('full_name', 160, false), str('sort_key', 160, false), str('search_key', 255, false),
        str('gender', 8, false), date('birth_date'), str('phone', 32), str('email', 160), str('national_id', 32),
        date('joined_at'), str('card_number', 32), str('position', 120), str('ethnicity', 64), str('occupation', 255),
        str('status', 8, false, 'ACTIVE'), date('left_at'), str('left_reason', 255),
        int('grassroots_union_id', false), int('team_id'), int('union_id'), int('federation_id', false),
        stamp('created_at'), stamp('updated_at'),
      ],
      indices: [
        idx('uq_member_card', ['card_number'], true),
        idx('idx_member_grassroots_sort', ['grassroots_union_id', 'sort_key']),
        idx('idx_member_team_sort', ['team_id', 'sort_key']),
        idx('idx_member_union_sort', ['union_id', 'sort_key']),
        idx('idx_member_federation_sort', ['federation_id', 'sort_key']),
      ],
    }));
    await q.createTable(new Table({
      name: 'account',
      columns: [
        id(), str('username', 64, false), str('password_hash', 255, false), str('full_name', 160, false),
        str('search_key', 255, false), str('role', 24, false), int('scope_unit_id'), int('member_id'),
        bool('active', true), { name: 'token_version', type: 'int', isNullable: false, default: 1 },
        stamp('last_login_at', true), stamp('created_at'), stamp('updated_at'),
      ],
      indices: [idx('uq_account_username', ['username'], true), idx('idx_account_scope', ['scope_unit_id'])],
    }));
    await q.createTable(new Table({
      name: 'audit_event',
      columns: [
        id(), stamp('at'), int('actor_id'), str('actor_name', 64), str('action', 32, false), str('entity_type', 32, false),
        int('entity_id', false), int('unit_id'), text('before'), text('after'),
      ],
      indices: [
        idx('idx_audit_unit', ['unit_id', 'id']),
        idx('idx_audit_entity', ['entity_type', 'entity_id']),
        idx('idx_audit_actor', ['actor_id', 'id']),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_event', 'account', 'member', 'org_unit_move', 'org_unit']) await q.dropTable(t);
  }
}

import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';

// Portable Table API, as in the initial migration: one migration for MySQL/MariaDB and SQLite.
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const int = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'int', isNullable: nullable });
const str = (name: string, length: number, nullable = true): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const bool = (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: def ? 1 : 0 });
const stamp = (name: string): TableColumnOptions => ({ name, type: 'datetime', isNullable: false, default: 'CURRENT_TIMESTAMP' });
const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
const ancestors = () => [int('federation_id'), int('union_id'), int('grassroots_union_id'), int('team_id')];

export class Commendations1763900000000 implements MigrationInterface {
  name = 'Commendations1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('member', [
      new TableColumn({ name: 'disciplined_from', type: 'date', isNullable: true }),
      new TableColumn({ name: 'disciplined_until', type: 'date', isNullable: true }),
    ]);
    await q.createTable(new Table({
      name: 'award_type',
      columns: [id(), str('code', 32, false), str('name', 255, false), str('search_key', 300, false), str('nominee_kind', 16, false),
        str('deciding_level', 16, false), bool('once_per_lifetime', false), bool('active', true)],
      indices: [idx('uq_award_type_code', ['code'], true)],
    }));
    await q.createTable(new Table({
      name: 'nomination',
      columns: [
        id(), int('award_type_id', false), int('year', false), { name: 'achievements', type: 'text', isNullable: false },
        int('nominee_member_id'), int('nominee_unit_id'), str('nominee_name', 255, false), int('nominating_unit_id', false),
        str('status', 16, false), str('current_level', 16), { name: 'version', type: 'int', isNullable: false, default: 1 },
        int('created_by_id'), str('search_key', 300, false), ...ancestors(), stamp('created_at'), stamp('updated_at'),
      ],
      indices: [
        idx('idx_nomination_queue', ['status', 'current_level', 'federation_id']),
        idx('idx_nomination_federation', ['federation_id', 'status']),
        idx('idx_nomination_union', ['union_id', 'status']),
        idx('idx_nomination_grassroots', ['grassroots_union_id', 'status']),
        idx('idx_nomination_team', ['team_id']),
        idx('idx_nomination_nominee_member', ['nominee_member_id', 'award_type_id', 'year']),
        idx('idx_nomination_nominee_unit', ['nominee_unit_id', 'award_type_id', 'year']),
        idx('idx_nomination_nominating', ['nominating_unit_id', 'status']),
      ],
    }));
    await q.createTable(new Table({
      name: 'nomination_event',
      columns: [id(), int('nomination_id', false), str('action', 24, false), str('level', 16), str('from_status', 16), str('to_status', 16, false),
        { name: 'comment', type: 'text', isNullable: true }, int('actor_id'), str('actor_name', 160), stamp('at')],
      indices: [idx('idx_nomination_event_nomination', ['nomination_id', 'id'])],
    }));
    await q.createTable(new Table({
      name: 'award',
      columns: [
        id(), int('nomination_id', false), int('award_type_id', false), int('year', false), int('nominee_member_id'), int('nominee_unit_id'),
        str('nominee_name', 255, false), int('deciding_unit_id'), str('decision_number', 64, false), { name: 'decided_at', type: 'date', isNullable: false },
        int('decided_by_id'), str('search_key', 300, false), ...ancestors(), stamp('created_at'),
      ],
      indices: [
        idx('uq_award_nomination', ['nomination_id'], true),
        idx('idx_award_member', ['nominee_member_id']),
        idx('idx_award_unit', ['nominee_unit_id']),
        idx('idx_award_federation', ['federation_id', 'year']),
        idx('idx_award_union', ['union_id', 'year']),
        idx('idx_award_grassroots', ['grassroots_union_id', 'year']),
        idx('idx_award_team', ['team_id']),
        idx('idx_award_decision', ['deciding_unit_id', 'year', 'decision_number']),
      ],
    }));
    await q.createTable(new Table({
      name: 'decision_counter',
      columns: [
        { name: 'unit_id', type: 'int', isPrimary: true }, { name: 'year', type: 'int', isPrimary: true },
        { name: 'last_number', type: 'int', isNullable: false },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['decision_counter', 'award', 'nomination_event', 'nomination', 'award_type']) await q.dropTable(t);
    await q.dropColumn('member', 'disciplined_until');
    await q.dropColumn('member', 'disciplined_from');
  }
}

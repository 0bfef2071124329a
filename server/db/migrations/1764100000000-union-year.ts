import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// Portable Table API, as in the earlier migrations: one migration for MySQL/MariaDB and SQLite.
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const int = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'int', isNullable: nullable });
const num = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'double', isNullable: nullable });
const str = (name: string, length: number, nullable = true): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const date = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'date', isNullable: nullable });
const bool = (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', isNullable: false, default: def ? 1 : 0 });
const stamp = (name: string): TableColumnOptions => ({ name, type: 'datetime', isNullable: false, default: 'CURRENT_TIMESTAMP' });
const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
const location = () => [int('federation_id'), int('union_id'), int('grassroots_union_id'), int('team_id')];
/** The subtree indexes that `@Located()` declares: idx_<table>_loc_<level> on (level column, ...with). */
const locatedIndexes = (table: string, withColumns: string[] = []) => [
  idx(`idx_${table}_loc_fed`, ['federation_id', ...withColumns]),
  idx(`idx_${table}_loc_union`, ['union_id', ...withColumns]),
  idx(`idx_${table}_loc_gu`, ['grassroots_union_id', ...withColumns]),
  idx(`idx_${table}_loc_team`, ['team_id', ...withColumns]),
];

/** The union's year: movements, clusters, ratings, indicators and targets, welfare, initiatives, congresses. */
export class UnionYear1764100000000 implements MigrationInterface {
  name = 'UnionYear1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'emulation_movement',
      columns: [id(), str('name', 255, false), str('kind', 16, false), int('launched_by_unit_id', false), date('starts_on', false), date('ends_on'),
        str('theme', 500), str('plan_doc_number', 64), str('search_key', 300, false), ...location(), stamp('created_at'), stamp('updated_at')],
      indices: locatedIndexes('emulation_movement', ['starts_on']),
    }));
    await q.createTable(new Table({
      name: 'emulation_cluster',
      columns: [id(), str('name', 255, false), str('kind', 16, false), int('organizing_unit_id', false), bool('active', true), str('search_key', 300, false),
        ...location(), stamp('created_at')],
      indices: locatedIndexes('emulation_cluster'),
    }));
    await q.createTable(new Table({
      name: 'cluster_entry',
      columns: [id(), int('cluster_id', false), int('unit_id', false), int('year', false), str('role', 16, false), num('score'), bool('leading', false),
        int('leader_slot'), ...location(), stamp('created_at')],
      indices: [
        ...locatedIndexes('cluster_entry', ['year']),
        idx('uq_cluster_entry_unit', ['cluster_id', 'year', 'unit_id'], true),
        idx('uq_cluster_entry_leader', ['cluster_id', 'year', 'leader_slot'], true),
      ],
    }));
    await q.createTable(new Table({
      name: 'annual_rating',
      columns: [id(), int('unit_id', false), int('year', false), str('level', 16, false), num('score'), int('appraised_by_unit_id', false),
        str('decision_number', 64), ...location(), stamp('created_at'), stamp('updated_at')],
      indices: [...locatedIndexes('annual_rating', ['year']), idx('uq_annual_rating_unit_year', ['unit_id', 'year'], true)],
    }));
    await q.createTable(new Table({
      name: 'indicator',
      columns: [id(), str('code', 48, false), str('name', 255, false), str('unit', 16, false), str('aggregation', 8, false), bool('active', true),
        str('search_key', 300, false)],
      indices: [idx('uq_indicator_code', ['code'], true)],
    }));
    await q.createTable(new Table({
      name: 'target',
      columns: [id(), int('unit_id', false), int('year', false), int('indicator_id', false), str('source', 24, false), num('planned', false), num('actual'),
        num('reported_rate'), int('assigned_by_unit_id'), str('note', 500), ...location(), stamp('created_at'), stamp('updated_at')],
      indices: [...locatedIndexes('target', ['year']), idx('uq_target', ['unit_id', 'year', 'indicator_id', 'source'], true)],
    }));
    await q.createTable(new Table({
      name: 'welfare_record',
      columns: [id(), int('unit_id', false), int('member_id'), date('date', false), int('year', false), str('kind', 16, false), int('count', false),
        num('amount', false), str('fund_source', 24), str('note', 500), ...location(), stamp('created_at'), stamp('updated_at')],
      indices: [...locatedIndexes('welfare_record', ['year']), idx('idx_welfare_member', ['member_id'])],
    }));
    await q.createTable(new Table({
      name: 'initiative',
      columns: [id(), int('unit_id', false), str('title', 500, false), int('year', false), str('status', 16, false), num('benefit'), str('recognized_by', 255),
        str('search_key', 600, false), ...location(), stamp('created_at'), stamp('updated_at')],
      indices: locatedIndexes('initiative', ['year']),
    }));
    await q.createTable(new Table({
      name: 'initiative_author',
      columns: [{ name: 'initiative_id', type: 'int', isPrimary: true }, { name: 'member_id', type: 'int', isPrimary: true }],
      indices: [idx('idx_initiative_author_member', ['member_id'])],
    }));
    await q.createTable(new Table({
      name: 'congress',
      columns: [id(), int('unit_id', false), date('held_on', false), int('term_start_year', false), int('term_end_year', false), str('form', 16, false),
        int('convened_count', false), int('attended_count', false), str('ordinal', 32), str('motto', 255), ...location(), stamp('created_at'), stamp('updated_at')],
      indices: locatedIndexes('congress', ['held_on']),
    }));
    await q.createTable(new Table({
      name: 'committee_seat',
      columns: [id(), int('congress_id', false), int('member_id', false), str('position', 24, false), int('chair_slot'), ...location(), stamp('created_at')],
      indices: [
        ...locatedIndexes('committee_seat'),
        idx('uq_committee_seat_member', ['congress_id', 'member_id', 'position'], true),
        idx('uq_committee_seat_chair', ['congress_id', 'chair_slot'], true),
      ],
    }));
    await q.createTable(new Table({
      name: 'rule_threshold',
      columns: [id(), str('code', 48, false), num('value', false), str('unit', 16, false), str('regulation', 255, false), date('effective_from', false), str('note', 500)],
      indices: [idx('uq_rule_threshold', ['code', 'effective_from'], true)],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rule_threshold', 'committee_seat', 'congress', 'initiative_author', 'initiative', 'welfare_record', 'target', 'indicator', 'annual_rating',
      'cluster_entry', 'emulation_cluster', 'emulation_movement']) {
      await q.dropTable(t);
    }
  }
}

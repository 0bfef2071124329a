import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Year-end conferences (hội nghị tổng kết năm): one per unit and year, located under the tree. */
export class YearEndConference1764300000000 implements MigrationInterface {
  name = 'YearEndConference1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const level = (name: string, column: string) => new TableIndex({ name: `idx_year_end_conference_loc_${name}`, columnNames: [column, 'year'] });
    await q.createTable(
      new Table({
        name: 'year_end_conference',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'unit_id', type: 'int', isNullable: false },
          { name: 'year', type: 'int', isNullable: false },
          { name: 'held_on', type: 'date', isNullable: false },
          { name: 'attendees', type: 'int', isNullable: false },
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          { name: 'federation_id', type: 'int', isNullable: true },
          { name: 'union_id', type: 'int', isNullable: true },
          { name: 'grassroots_union_id', type: 'int', isNullable: true },
          { name: 'team_id', type: 'int', isNullable: true },
          { name: 'created_at', type: 'datetime', isNullable: false, default: 'CURRENT_TIMESTAMP' },
          { name: 'updated_at', type: 'datetime', isNullable: false, default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          new TableIndex({ name: 'uq_year_end_conference_unit_year', columnNames: ['unit_id', 'year'], isUnique: true }),
          level('fed', 'federation_id'),
          level('union', 'union_id'),
          level('gu', 'grassroots_union_id'),
          level('team', 'team_id'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('year_end_conference');
  }
}

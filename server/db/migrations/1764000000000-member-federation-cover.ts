import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * A covering index for a federation's member figures. Without it, a total over a federation's
 * members filtered by `q` and gender (the member list's count) and the counts by child unit and
 * gender (memberStats) read every matching row from the table; on 1M members MariaDB chose a full
 * table scan and took 1–3 s per request, growing with the database. With (federation_id, gender,
 * status, union_id, grassroots_union_id, search_key) both read only this index: ~20–50 ms on the
 * largest federation (70k members), about 64 MB per million members. Lists keep using
 * idx_member_federation_sort (sorted pages).
 */
export class MemberFederationCover1764000000000 implements MigrationInterface {
  name = 'MemberFederationCover1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'member',
      new TableIndex({
        name: 'idx_member_federation_cover',
        columnNames: ['federation_id', 'gender', 'status', 'union_id', 'grassroots_union_id', 'search_key'],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('member', 'idx_member_federation_cover');
  }
}

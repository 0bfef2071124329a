import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * An award given once per person (Kỷ niệm chương) is kept once by a unique key: award.lifetime_slot
 * is 1 on such an award to a member and null otherwise, unique with the nominee and the type. Every
 * path that creates an award (an approval, the confederation's recorded decision) goes through it,
 * so two approvals that race cannot both succeed.
 *
 * Databases written before this migration may already hold the duplicates the rule now forbids (the
 * confederation path did not check it): the earliest award of each member and type takes the slot,
 * later ones keep null and stay on record as they were.
 */
export class AwardOncePerLifetime1764250000000 implements MigrationInterface {
  name = 'AwardOncePerLifetime1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('award', new TableColumn({ name: 'lifetime_slot', type: 'int', isNullable: true }));
    // The inner grouped select is materialised, so MySQL accepts the award table in the subquery.
    await q.query(`
      UPDATE award SET lifetime_slot = 1 WHERE id IN (
        SELECT first_id FROM (
          SELECT MIN(a.id) AS first_id FROM award a JOIN award_type t ON t.id = a.award_type_id
          WHERE t.once_per_lifetime = 1 AND a.nominee_member_id IS NOT NULL
          GROUP BY a.nominee_member_id, a.award_type_id
        ) firsts
      )`);
    await q.createIndex('award', new TableIndex({ name: 'uq_award_once', columnNames: ['nominee_member_id', 'award_type_id', 'lifetime_slot'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('award', 'uq_award_once');
    await q.dropColumn('award', 'lifetime_slot');
  }
}

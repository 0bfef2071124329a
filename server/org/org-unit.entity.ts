import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UnitLevel } from './org-level';
import { Located } from '../kit/located';

/** The widths of a unit's text columns, in characters (declared below, checked by the input rules). */
export const UNIT_TEXT = { name: 255, code: 64, searchKey: 400 } as const;

/**
 * One table for the four unit types (one id space). Ancestor columns are maintained on write
 * (create and moveUnit) and include the unit itself; see ANCESTOR_COLUMN.
 */
// a unit is located in its own subtree: its own level's column names itself
@Located({ indexes: false })
@Entity('org_unit')
@Index('idx_org_unit_federation', ['federationId', 'level'])
@Index('idx_org_unit_union', ['unionId', 'level'])
@Index('idx_org_unit_grassroots', ['grassrootsUnionId', 'level'])
@Index('idx_org_unit_parent', ['parentId'])
export class OrgUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  level: UnitLevel;

  @Column({ type: 'varchar', length: UNIT_TEXT.name })
  name: string;

  @Index('uq_org_unit_code', { unique: true })
  @Column({ type: 'varchar', length: UNIT_TEXT.code, nullable: true })
  code: string | null;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'int', nullable: true })
  federationId: number | null;

  @Column({ type: 'int', nullable: true })
  unionId: number | null;

  @Column({ type: 'int', nullable: true })
  grassrootsUnionId: number | null;

  @Column({ type: 'int', nullable: true })
  teamId: number | null;

  @Column({ type: 'varchar', length: UNIT_TEXT.searchKey })
  searchKey: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'date', nullable: true })
  dissolvedAt: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

/** Every re-parenting of a unit, kept forever (moveUnit). */
@Entity('org_unit_move')
@Index('idx_org_unit_move_unit', ['unitId'])
export class OrgUnitMove {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'int', nullable: true })
  fromParentId: number | null;

  @Column({ type: 'int' })
  toParentId: number;

  @Column({ type: 'int', nullable: true })
  movedById: number | null;

  @CreateDateColumn()
  movedAt: Date;
}

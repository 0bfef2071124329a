import 'reflect-metadata';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { databaseTarget, openDatabase } from '../db/data-source';
import { ENTITIES } from '../modules';
import { Location } from './located';

/** A table that hangs under the tree (it carries the location columns) but was never declared @Located(). */
@Entity('rogue_record')
class RogueRecord extends Location {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;
}

describe('the startup check of located tables', () => {
  it('refuses to start when a located table is not maintained on moves', async () => {
    const target = databaseTarget('sqlite::memory:', 'unused');
    const options = { ...target.options, entities: [...ENTITIES, RogueRecord] };
    await expect(openDatabase({ ...target, options } as typeof target)).rejects.toThrow(
      /table rogue_record carries federationId, unionId, grassrootsUnionId, teamId but its entity RogueRecord is not declared @Located\(\)/,
    );
  });

  it('starts with the declared tables only', async () => {
    const ds = await openDatabase(databaseTarget('sqlite::memory:', 'unused'));
    expect(ds.isInitialized).toBe(true);
    await ds.destroy();
  });
});

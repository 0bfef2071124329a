import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Permission } from '../auth/permissions';
import { databaseTarget } from '../db/data-source';
import { Db } from '../db/dialect';
import { discoverMigrations, MIGRATIONS } from '../db/migrations';
import { createServices } from '../graphql/services';
import { allResolvers, MODULES } from '../modules';
import { MemberResource } from '../member/member.entity';
import { YearEndConferenceResource } from '../year/year-end-conference';
import { checkModules } from './checks';
import { edges } from './crud';
import { declareResource } from './resource';
import { ResourceService } from './service';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config';

/** A resource some module forgot to list. */
@ObjectType()
@Entity('forgotten_record')
class ForgottenRecord {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 20 }) name: string;
}

const SERVER = path.join(__dirname, '..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kit-'));

describe('the module registry', () => {
  it('passes with the modules as they are', () => {
    expect(() => checkModules(MODULES, allResolvers(), SERVER)).not.toThrow();
  });

  it('refuses a module folder that server/modules.ts does not list', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'welfare2'));
    fs.writeFileSync(path.join(dir, 'welfare2', 'index.ts'), 'export default {};');
    for (const m of MODULES) fs.mkdirSync(path.join(dir, m.name));
    expect(() => checkModules(MODULES, allResolvers(), dir)).toThrow(/server\/welfare2\/index: a module that server\/modules.ts does not list/);
  });

  it('refuses a declared resource that no module lists, and an edge whose resolver is in no module', () => {
    const r = declareResource<ForgottenRecord>({
      name: 'ForgottenRecord',
      entity: ForgottenRecord,
      fields: { name: { filter: 'eq', write: 'required' } },
      defaultSort: { field: 'id', order: 'ASC' },
      scope: { kind: 'global' },
      permissions: { read: Permission.ReadYear },
    });
    edges<ForgottenRecord>(ForgottenRecord, 'ForgottenRecord', { member: { type: () => String, target: MemberResource, resolve: () => null } });
    const err = (() => {
      try {
        checkModules(MODULES, allResolvers(), SERVER);
      } catch (e) {
        return String(e);
      }
      return '';
    })();
    expect(err).toMatch(/resource ForgottenRecord: declared in no module's resources/);
    expect(err).toMatch(/edge ForgottenRecord.member: its resolver is not in any module's resolvers/);
    expect(r.name).toBe('ForgottenRecord');
  });
});

describe('the service registry', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = new DataSource(databaseTarget('sqlite::memory:', 'unused').options);
    await ds.initialize();
  });
  afterAll(() => ds.destroy());

  it('serves a resource by its own service, or by the generic scoped service when it has none', () => {
    const services = createServices(new Db(ds), loadConfig({}));
    expect(services.of(MemberResource)).toBe(services.member);
    expect(services.of(YearEndConferenceResource)).toBe(services.yearEndConference);
    const generic = declareResource<ForgottenRecord>({
      name: 'ForgottenRecord2',
      entity: ForgottenRecord,
      fields: {},
      defaultSort: { field: 'id', order: 'ASC' },
      scope: { kind: 'global' },
      permissions: { read: Permission.ReadYear },
    });
    const s = services.of(generic);
    expect(s.constructor).toBe(ResourceService);
    expect(services.of(generic)).toBe(s);
  });

  it('refuses two modules registering the same service name', () => {
    const twice = [...MODULES, { name: 'again', services: { member: () => null } }] as unknown as typeof MODULES;
    expect(() => createServices(new Db(ds), loadConfig({}), twice)).toThrow(/service member: registered twice/);
  });
});

describe('migrations found in their folder', () => {
  it('finds every migration, oldest first, under its unchanged name', () => {
    expect(MIGRATIONS.map((m) => m.name)).toEqual([
      'Initial1763800000000',
      'Commendations1763900000000',
      'MemberFederationCover1764000000000',
      'UnionYear1764100000000',
      'AwardOncePerLifetime1764250000000',
      'ApiTokens1764260000000',
      'YearEndConference1764300000000',
    ]);
  });

  it('orders by timestamp and refuses a misnamed file, a shared timestamp, a class not named after its timestamp', () => {
    const dir = tmp();
    const migration = (cls: string) => `exports.${cls} = class ${cls} { up() {} down() {} };`;
    fs.writeFileSync(path.join(dir, '1700000000002-second.js'), migration('Second1700000000002'));
    fs.writeFileSync(path.join(dir, '1700000000001-first.js'), migration('First1700000000001'));
    fs.writeFileSync(path.join(dir, 'helpers.js'), 'exports.x = 1;');
    expect(discoverMigrations(dir, '.js').map((m) => m.name)).toEqual(['First1700000000001', 'Second1700000000002']);
    fs.writeFileSync(path.join(dir, '1700000000003_Third.js'), migration('Third1700000000003'));
    fs.writeFileSync(path.join(dir, '1700000000002-again.js'), migration('Again1700000000002'));
    fs.writeFileSync(path.join(dir, '1700000000004-wrong.js'), migration('Wrong1700000000005'));
    expect(() => discoverMigrations(dir, '.js')).toThrow(
      /1700000000002-second.js: another migration has the timestamp 1700000000002[\s\S]*1700000000004-wrong.js: its class Wrong1700000000005 does not end with the file's timestamp[\s\S]*1700000000003_Third.js: not named/,
    );
  });
});

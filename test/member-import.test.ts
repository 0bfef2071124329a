import { startTestServer, TestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const IMPORT = `mutation($g: ID!, $rows: [MemberImportRow!]!, $mode: ImportMode, $dryRun: Boolean) {
  importMembers(grassrootsUnionId: $g, rows: $rows, mode: $mode, dryRun: $dryRun) { total valid imported errors { row column message } }
}`;
const COUNT = `query($g: [ID!]) { _allMembersMeta(filter: { grassrootsUnionId: $g }) { count } }`;

const good = (n: number) => ({ fullName: `Nguyễn Văn Nhập ${n}`, gender: 'Nam', birthDate: '15/03/1990', joinedAt: '01/06/2015', cardNumber: `IMP-${n}`, team: 'Tổ Công đoàn Văn phòng Sở' });

describe('member import', () => {
  it('reports each bad row by row and column', async () => {
    const api = await t.as('chair');
    const rows = [
      good(1),
      { ...good(2), gender: 'Không rõ' },
      { ...good(3), birthDate: '31-31-1990' },
      { ...good(4), cardNumber: 'C-0001' },
      { ...good(5), team: 'Tổ không có' },
      { ...good(6), email: 'khong-phai-email' },
      { ...good(7), cardNumber: 'IMP-1' },
    ];
    const r = await api.q(IMPORT, { g: t.fx.G1.id, rows, dryRun: true });
    expect(r.importMembers).toMatchObject({ total: 7, valid: 1, imported: 0 });
    expect(r.importMembers.errors.map((e: any) => [e.row, e.column])).toEqual([
      [3, 'gender'], [4, 'birthDate'], [5, 'cardNumber'], [6, 'team'], [7, 'email'], [8, 'cardNumber'],
    ]);
  });

  it('ALL_OR_NOTHING writes nothing when a row is bad', async () => {
    const api = await t.as('chair');
    const before = (await api.q(COUNT, { g: t.fx.G1.id }))._allMembersMeta.count;
    const r = await api.q(IMPORT, { g: t.fx.G1.id, rows: [good(10), { ...good(11), fullName: '' }], mode: 'ALL_OR_NOTHING' });
    expect(r.importMembers).toMatchObject({ total: 2, valid: 1, imported: 0, errors: [{ row: 3, column: 'fullName' }] });
    expect((await api.q(COUNT, { g: t.fx.G1.id }))._allMembersMeta.count).toBe(before);
  });

  it('VALID_ROWS writes the good rows into the team named, with an audit row each', async () => {
    const api = await t.as('chair');
    const before = (await api.q(COUNT, { g: t.fx.G1.id }))._allMembersMeta.count;
    const r = await api.q(IMPORT, { g: t.fx.G1.id, rows: [good(20), good(21), { ...good(22), gender: '' }], mode: 'VALID_ROWS' });
    expect(r.importMembers).toMatchObject({ total: 3, valid: 2, imported: 2 });
    expect((await api.q(COUNT, { g: t.fx.G1.id }))._allMembersMeta.count).toBe(before + 2);
    const m = await api.q(`{ allMembers(filter: { q: "nhap 20" }) { fullName gender birthDate joinedAt teamId } }`);
    expect(m.allMembers).toEqual([{ fullName: 'Nguyễn Văn Nhập 20', gender: 'MALE', birthDate: '1990-03-15', joinedAt: '2015-06-01', teamId: String(t.fx.T1.id) }]);
    const audit = await api.q(`{ _allAuditEventsMeta(filter: { action: "IMPORT" }) { count } }`);
    expect(audit._allAuditEventsMeta.count).toBe(2);
  });

  it('is refused outside the scope and for analysts', async () => {
    expect(await (await t.as('chair')).codeOf(IMPORT, { g: t.fx.G4.id, rows: [good(30)] })).toBe('NOT_FOUND');
    expect(await (await t.as('analyst')).codeOf(IMPORT, { g: t.fx.G1.id, rows: [good(31)] })).toBe('FORBIDDEN');
    const many = Array.from({ length: 2001 }, (_, i) => ({ fullName: `A ${i}`, gender: 'Nam' }));
    expect((await (await t.as('sysadmin')).errorsOf(IMPORT, { g: t.fx.G1.id, rows: many }))[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows' });
  });
});

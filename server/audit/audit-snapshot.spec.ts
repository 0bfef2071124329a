import { auditSnapshot } from './audit.service';

describe('auditSnapshot', () => {
  it('keeps a small record as it is, without secrets', () => {
    expect(auditSnapshot({ id: 1, fullName: 'Nguyễn Thị Hoa', passwordHash: 'x', searchKey: 'y', sortKey: 'z' })).toBe('{"id":1,"fullName":"Nguyễn Thị Hoa"}');
    expect(auditSnapshot(null)).toBeNull();
  });

  it('bounds whatever the record holds: the longest texts are cut and marked, every field kept', () => {
    const record = { id: 7, status: 'DRAFT', achievements: '\u0001'.repeat(20000), comment: 'ệ'.repeat(50000), nomineeName: 'Trần Thị Lan' };
    const json = auditSnapshot(record)!;
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(60000);
    const snap = JSON.parse(json);
    expect(Object.keys(snap)).toEqual(['id', 'status', 'achievements', 'comment', 'nomineeName']);
    expect(snap).toMatchObject({ id: 7, status: 'DRAFT', nomineeName: 'Trần Thị Lan' });
    expect(snap.comment).toMatch(/^ệ+… \[\d+ more characters not kept in the audit trail\]$/);
    expect(snap.comment.startsWith('ệ'.repeat(1000))).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const json = auditSnapshot({ text: '😀'.repeat(40000) }, 1000)!;
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(1000);
    expect(JSON.parse(json).text).toMatch(/^(😀)+… \[/u);
  });

  it('a record of many small fields that cannot fit says which fields there were', () => {
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, 'x'.repeat(60)]));
    expect(JSON.parse(auditSnapshot(wide, 1000)!)).toEqual({ truncated: true, fields: Object.keys(wide) });
  });
});

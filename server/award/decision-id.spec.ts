import 'reflect-metadata';
import { decisionId, parseDecisionId } from './decision-id';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe('decision ids', () => {
  it('round-trip: a unit’s decision and the confederation’s, Vietnamese letters and slashes included', () => {
    for (const k of [
      { decidingUnitId: 12, year: 2024, decisionNumber: '3/QĐ-LDLD-TH' },
      { decidingUnitId: null, year: 2023, decisionNumber: '1234/QĐ-TLĐ' },
      { decidingUnitId: 1, year: 2025, decisionNumber: 'a:b:c' },
    ]) {
      const id = decisionId(k);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(parseDecisionId(id)).toEqual(k);
    }
  });

  it('is stable: the same decision, the same id', () => {
    expect(decisionId({ decidingUnitId: 7, year: 2024, decisionNumber: '1/QĐ-G1' })).toBe(decisionId({ decidingUnitId: 7, year: 2024, decisionNumber: '1/QĐ-G1' }));
  });

  it.each([
    ['empty', ''],
    ['not base64url', '!!!'],
    ['standard base64 with padding', Buffer.from('7:2024:1/QĐ-G12').toString('base64')],
    ['a row id', '123'],
    ['no separators', b64('7-2024-1/QĐ')],
    ['a unit id with a leading zero', b64('07:2024:1/QĐ-G1')],
    ['a unit id 0', b64('0:2024:1/QĐ-G1')],
    ['a unit id beyond a safe integer', b64('99999999999999999:2024:1')],
    ['a two-digit year', b64('7:24:1/QĐ-G1')],
    ['a year before 1000', b64('7:0999:1/QĐ-G1')],
    ['no number', b64('7:2024:')],
    ['a number with spaces around it', b64('7:2024: 1/QĐ ')],
    ['a number with a control character', b64('7:2024:1/QĐ\u0001')],
    ['a number longer than the column', b64(`7:2024:${'9'.repeat(65)}`)],
    ['invalid UTF-8', Buffer.from([0x37, 0x3a, 0x32, 0x30, 0x32, 0x34, 0x3a, 0xff]).toString('base64url')],
    ['a very long string', 'A'.repeat(100_000)],
  ])('refuses %s', (_what, id) => {
    expect(parseDecisionId(id)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const v of [null, undefined, 12, {}, ['x']]) expect(parseDecisionId(v)).toBeNull();
  });
});

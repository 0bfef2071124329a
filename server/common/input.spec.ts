import { checkText, idValue, isIsoDate, isoDateTime, parseId } from './input';

describe('ids', () => {
  it('reads decimal digits only', () => {
    expect(idValue('12')).toBe(12);
    expect(idValue(12)).toBe(12);
    expect(idValue('007')).toBe(7);
    for (const bad of ['x', '', ' 12', '12 ', '1e3', '0x10', '-1', '0', '1.5', 'NaN', 'Infinity', '99999999999999999', null, undefined, {}, [], 1.5, -3]) {
      expect({ bad, id: idValue(bad) }).toEqual({ bad, id: null });
    }
  });
  it('names the argument when refusing, echoing at most 40 characters', () => {
    expect(() => parseId('teamId', 'x')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'teamId' }) }));
    try {
      parseId('ids', 'y'.repeat(10000));
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(100);
    }
  });
});

describe('dates', () => {
  it('are real calendar dates', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2025-12-31', '1990-01-01']) expect({ ok, v: isIsoDate(ok) }).toEqual({ ok, v: true });
    for (const bad of ['2025-02-30', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-10', '20240-01-10', ' 2024-01-10', '2024-01-10T00:00:00Z', '', 20240110]) {
      expect({ bad, v: isIsoDate(bad) }).toEqual({ bad, v: false });
    }
  });
  it('date-times need a real date too', () => {
    expect(isoDateTime('f', '2025-01-31T10:00:00Z').toISOString()).toBe('2025-01-31T10:00:00.000Z');
    expect(isoDateTime('f', '2025-01-31').toISOString()).toBe('2025-01-31T00:00:00.000Z');
    for (const bad of ['2025-02-30T00:00:00Z', 'Jan 1 2025', 'x', '2025-01-31T' + '0'.repeat(100)]) expect(() => isoDateTime('f', bad)).toThrow(/f:/);
  });
});

describe('text', () => {
  it('checks the length before anything else, then control characters and unpaired surrogates', () => {
    expect(() => checkText('name', 'a'.repeat(11), 10)).toThrow('name: at most 10 characters');
    expect(() => checkText('name', '\u0000'.repeat(11), 10)).toThrow('name: at most 10 characters');
    for (const bad of ['a\u0000b', 'a\u0007', '\u001b[31m', 'a\u007f', 'a\u0085b', 'a\u000bb']) expect(() => checkText('name', bad, 100)).toThrow('name: must not contain control characters');
    for (const bad of ['a\uD800', '\uDC00b', 'a\uDC00\uD800b']) expect(() => checkText('name', bad, 100)).toThrow('name: is not well-formed Unicode text');
    for (const ok of ['Nguyễn Thị Hoa', 'dòng 1\ndòng 2\r\n\tthụt lề', '😀 Emoji', '김민준', null, undefined, '']) expect(() => checkText('name', ok, 100)).not.toThrow();
  });
});

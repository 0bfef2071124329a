import { signExportLink, verifyExportLink } from './export-link';

const claims = { resource: 'members', params: { filter: '{"gender":["FEMALE"]}', sortField: 'fullName' }, userId: 7, tokenVersion: 2, expiresAt: 1_000_000 };

describe('signed export links', () => {
  it('verify as signed, before they expire', () => {
    const q = new URLSearchParams(signExportLink('s3cret', claims));
    expect(verifyExportLink('s3cret', 'members', q, 999_999)).toMatchObject({ userId: 7, tokenVersion: 2, params: { filter: '{"gender":["FEMALE"]}', sortField: 'fullName', sortOrder: '' } });
    expect(verifyExportLink('s3cret', 'members', q, 1_000_000)).toBeNull();
  });

  it('refuse any change: another export, filter, account, version, expiry or secret', () => {
    const q = () => new URLSearchParams(signExportLink('s3cret', claims));
    expect(verifyExportLink('s3cret', 'users', q(), 0)).toBeNull();
    for (const [k, v] of [['filter', '{}'], ['sortOrder', 'DESC'], ['by', '8'], ['tv', '3'], ['exp', '2000000'], ['sig', 'x']]) {
      const changed = q();
      changed.set(k, v);
      expect({ k, ok: verifyExportLink('s3cret', 'members', changed, 0) }).toEqual({ k, ok: null });
    }
    expect(verifyExportLink('other', 'members', q(), 0)).toBeNull();
    const missing = q();
    missing.delete('sig');
    expect(verifyExportLink('s3cret', 'members', missing, 0)).toBeNull();
  });
});

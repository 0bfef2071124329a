/**
 * Personal API tokens (issue 11): created from a signed-in session, shown once, stored as a hash,
 * listed and revoked by their owner only, acting as their account and no more, and refused at once
 * when revoked, expired or when the account is deactivated.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Api, startTestServer, TestServer } from './support/harness';
import { LIMITS } from '../server/common/limits';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const CREATE = `mutation($name: String!, $days: Int) { createApiToken(name: $name, expiresInDays: $days) { token apiToken { id name createdAt expiresAt lastUsedAt } } }`;
const LIST = `{ allApiTokens { id name expiresAt lastUsedAt } _allApiTokensMeta { count } }`;
const ONE = `query($id: ID!) { ApiToken(id: $id) { id name } }`;
const REVOKE = `mutation($id: ID!) { deleteApiToken(id: $id) { id name } }`;
const ME = `{ me { id username role scopeUnitId } }`;
const MEMBERS = `{ _allMembersMeta { count } allMembers(perPage: 3) { id fullName birthDate phone } }`;
const CREATE_USER = `mutation($username: String!, $role: Role!, $scopeUnitId: ID) {
  createUser(username: $username, password: "first-pass-123", fullName: "Người dùng thử", role: $role, scopeUnitId: $scopeUnitId) { id username } }`;
const LOGIN = 'mutation($u:String!,$p:String!){login(username:$u,password:$p){token}}';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function createToken(api: Api, name = 'sổ tay phân tích', days?: number): Promise<{ token: string; id: string; apiToken: any }> {
  const r = await api.q(CREATE, { name, days });
  return { token: r.createApiToken.token, id: r.createApiToken.apiToken.id, apiToken: r.createApiToken.apiToken };
}

/** A fresh account made by the system admin, signed in with its password. */
async function newAccount(role: string, scopeUnitId: number | null): Promise<{ id: string; api: Api }> {
  const username = `tok.${randomBytes(4).toString('hex')}`;
  const r = await (await t.as('sysadmin')).q(CREATE_USER, { username, role, scopeUnitId: scopeUnitId == null ? null : String(scopeUnitId) });
  const token = (await t.anon.q(LOGIN, { u: username, p: 'first-pass-123' })).login.token;
  return { id: r.createUser.id, api: new Api(t.url, token) };
}

const row = async (id: string) => (await t.ds.query('SELECT * FROM api_token WHERE id = ?', [Number(id)]))[0];

describe('creating and using a token', () => {
  it('answers the secret once; the token acts as its account (same role, scope and masking)', async () => {
    const analyst = await t.as('analystF1');
    const { token, apiToken } = await createToken(analyst, 'báo cáo tuần', 30);
    expect(token).toMatch(/^cdt_[A-Za-z0-9_-]{43}$/);
    expect(apiToken.name).toBe('báo cáo tuần');
    expect(apiToken.lastUsedAt).toBeNull();
    const days = (Date.parse(apiToken.expiresAt) - Date.parse(apiToken.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const viaToken = new Api(t.url, token);
    expect((await viaToken.q(ME)).me).toEqual({ id: String(t.fx.users.analystF1), username: 'analystf1', role: 'ANALYST', scopeUnitId: String(t.fx.F1.id) });
    const withToken = await viaToken.q(MEMBERS);
    const withPassword = await analyst.q(MEMBERS);
    expect(withToken).toEqual(withPassword);
    expect(withToken._allMembersMeta.count).toBe(7);
    expect(withToken.allMembers.every((m: any) => m.birthDate === null && m.phone === null)).toBe(true);
    // Analysts' refusals hold for the token too.
    expect(await viaToken.codeOf('{ allUsers { id } }')).toBe('FORBIDDEN');
  });

  it('is stored only as the SHA-256 of the secret; neither the secret nor the hash reaches the audit trail', async () => {
    const chair = await t.as('chair');
    const { token, id } = await createToken(chair, 'kịch bản xuất số liệu');
    const stored = await row(id);
    expect(stored.token_hash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token.slice(4));
    const audit = await t.ds.query("SELECT * FROM audit_event WHERE entity_type = 'ApiToken' AND entity_id = ?", [Number(id)]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token.slice(4));
    expect(JSON.stringify(audit)).not.toContain(stored.token_hash);
    expect(JSON.parse(audit[0].after).name).toBe('kịch bản xuất số liệu');
  });

  it('keeps lastUsedAt, written on first use and then at most once a minute', async () => {
    const { token, id } = await createToken(await t.as('unionAdmin'), 'lần dùng');
    expect((await row(id)).last_used_at).toBeNull();
    const api = new Api(t.url, token);
    await api.q(ME);
    const first = (await row(id)).last_used_at;
    expect(first).not.toBeNull();
    await api.q(ME);
    await api.q(ME);
    expect((await row(id)).last_used_at).toEqual(first);
    // A minute later (moved back in the database), the next use writes it again.
    await t.ds.query('UPDATE api_token SET last_used_at = ? WHERE id = ?', [new Date(Date.now() - LIMITS.apiTokenTouchMs - 1000), Number(id)]);
    await api.q(ME);
    const again = (await api.q(LIST)).allApiTokens.find((x: any) => x.id === id).lastUsedAt;
    expect(Date.now() - Date.parse(again)).toBeLessThan(LIMITS.apiTokenTouchMs);
  });

  it('refuses bad arguments, naming them, and creates nothing', async () => {
    const api = await t.as('fedAdmin');
    const before = (await api.q(LIST))._allApiTokensMeta.count;
    for (const days of [0, -1, LIMITS.apiTokenMaxDays + 1]) {
      const e = (await api.errorsOf(CREATE, { name: 'x', days }))[0];
      expect({ days, code: e.extensions?.code, field: e.extensions?.field }).toEqual({ days, code: 'BAD_USER_INPUT', field: 'expiresInDays' });
    }
    for (const name of ['', '   ', 'x'.repeat(101), 'a\u0000b']) {
      const e = (await api.errorsOf(CREATE, { name }))[0];
      expect({ name, code: e.extensions?.code, field: e.extensions?.field }).toEqual({ name, code: 'BAD_USER_INPUT', field: 'name' });
    }
    expect((await api.q(LIST))._allApiTokensMeta.count).toBe(before);
    expect(await t.anon.codeOf(CREATE, { name: 'x' })).toBe('UNAUTHENTICATED');
    expect(await t.anon.codeOf(LIST)).toBe('UNAUTHENTICATED');
  });

  it(`caps the live tokens of an account at ${LIMITS.apiTokensPerAccount}`, async () => {
    const { api } = await newAccount('ANALYST', null);
    for (let i = 0; i < LIMITS.apiTokensPerAccount; i++) await createToken(api, `t${i}`);
    expect(await api.codeOf(CREATE, { name: 'one too many' })).toBe('CONFLICT');
    expect((await api.q(LIST))._allApiTokensMeta.count).toBe(LIMITS.apiTokensPerAccount);
  });
});

describe('only one’s own', () => {
  it('lists, reads and revokes only the caller’s tokens, whatever its role', async () => {
    const mine = await createToken(await t.as('analyst'), 'của analyst');
    const theirs = await createToken(await t.as('chair4'), 'của chair4');
    for (const who of ['analyst', 'chair4', 'sysadmin'] as const) {
      const api = await t.as(who);
      const ids = (await api.q(LIST)).allApiTokens.map((x: any) => x.id);
      expect({ who, mine: ids.includes(mine.id), theirs: ids.includes(theirs.id) }).toEqual({ who, mine: who === 'analyst', theirs: who === 'chair4' });
    }
    const sysadmin = await t.as('sysadmin');
    expect(await sysadmin.codeOf(ONE, { id: theirs.id })).toBe('NOT_FOUND');
    expect(await sysadmin.codeOf(REVOKE, { id: theirs.id })).toBe('NOT_FOUND');
    expect(await (await t.as('analyst')).codeOf(REVOKE, { id: theirs.id })).toBe('NOT_FOUND');
    // Refused revocations changed nothing: the token still works.
    expect((await new Api(t.url, theirs.token).q(ME)).me.id).toBe(String(t.fx.users.chair4));
    expect((await (await t.as('analyst')).q(ONE, { id: mine.id })).ApiToken.name).toBe('của analyst');
  });

  it('a token of one account never acts as another', async () => {
    const a = await createToken(await t.as('chair'), 'a');
    const b = await createToken(await t.as('chair4'), 'b');
    expect((await new Api(t.url, a.token).q(ME)).me.id).toBe(String(t.fx.users.chair));
    expect((await new Api(t.url, b.token).q(ME)).me.id).toBe(String(t.fx.users.chair4));
    expect((await new Api(t.url, a.token).q('{ _allMembersMeta { count } }'))._allMembersMeta.count).toBe(4);
    expect((await new Api(t.url, b.token).q('{ _allMembersMeta { count } }'))._allMembersMeta.count).toBe(3);
    // One character off, or another shape altogether: nobody.
    const last = a.token.slice(-1) === 'A' ? 'B' : 'A';
    for (const bogus of [a.token.slice(0, -1) + last, `cdt_${'A'.repeat(43)}`, a.token + 'x', a.token.slice(4)]) {
      const api = new Api(t.url, bogus);
      expect((await api.q(ME)).me).toBeNull();
      expect(await api.codeOf('{ _allMembersMeta { count } }')).toBe('UNAUTHENTICATED');
    }
  });

  it('a token carries its account as it is now: a narrower scope applies at once', async () => {
    const { id, api } = await newAccount('ANALYST', t.fx.F1.id);
    const { token } = await createToken(api);
    const viaToken = new Api(t.url, token);
    expect((await viaToken.q('{ _allMembersMeta { count } }'))._allMembersMeta.count).toBe(7);
    await (await t.as('sysadmin')).q('mutation($id: ID!, $s: ID) { updateUser(id: $id, scopeUnitId: $s) { id } }', { id, s: String(t.fx.G1.id) });
    expect((await viaToken.q('{ _allMembersMeta { count } }'))._allMembersMeta.count).toBe(4);
  });
});

describe('a token stops working at once', () => {
  it('when revoked', async () => {
    const api = await t.as('unionAdmin');
    const { token, id } = await createToken(api, 'thu hồi');
    const viaToken = new Api(t.url, token);
    expect((await viaToken.q(ME)).me.username).toBe('unionadmin');
    expect((await api.q(REVOKE, { id })).deleteApiToken).toEqual({ id, name: 'thu hồi' });
    expect(await viaToken.codeOf('{ _allMembersMeta { count } }')).toBe('UNAUTHENTICATED');
    expect((await viaToken.q(ME)).me).toBeNull();
    expect(await row(id)).toBeUndefined();
    expect((await api.q(LIST)).allApiTokens.map((x: any) => x.id)).not.toContain(id);
  });

  it('when it expires', async () => {
    const { token, id } = await createToken(await t.as('chair'), 'hết hạn', 1);
    const viaToken = new Api(t.url, token);
    expect((await viaToken.q(ME)).me.username).toBe('chair');
    await t.ds.query('UPDATE api_token SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 1000), Number(id)]);
    expect(await viaToken.codeOf('{ _allMembersMeta { count } }')).toBe('UNAUTHENTICATED');
  });

  it('when its account is deactivated, and reactivating the account does not bring it back', async () => {
    const { id, api } = await newAccount('GRASSROOTS_CHAIR', t.fx.G4.id);
    const { token } = await createToken(api);
    const viaToken = new Api(t.url, token);
    expect((await viaToken.q('{ _allMembersMeta { count } }'))._allMembersMeta.count).toBe(3);
    const admin = await t.as('sysadmin');
    await admin.q('mutation($id: ID!) { deleteUser(id: $id) { id active } }', { id });
    expect(await viaToken.codeOf('{ _allMembersMeta { count } }')).toBe('UNAUTHENTICATED');
    await admin.q('mutation($id: ID!) { updateUser(id: $id, active: true) { id } }', { id });
    expect(await viaToken.codeOf('{ _allMembersMeta { count } }')).toBe('UNAUTHENTICATED');
    expect(await t.ds.query('SELECT id FROM api_token WHERE user_id = ?', [Number(id)])).toEqual([]);
  });
});

describe('a token carries no more than its account', () => {
  it('cannot mint other tokens nor change the account’s password', async () => {
    const { id, api } = await newAccount('ANALYST', null);
    const { token } = await createToken(api);
    const viaToken = new Api(t.url, token);
    expect(await viaToken.codeOf(CREATE, { name: 'con' })).toBe('FORBIDDEN');
    expect((await api.q(LIST))._allApiTokensMeta.count).toBe(1);
    expect(await viaToken.codeOf('mutation($id: ID!) { updateUser(id: $id, password: "other-pass-456") { id } }', { id })).toBe('FORBIDDEN');
    // The password is unchanged: the old one still signs in.
    const users = await t.ds.query('SELECT username FROM account WHERE id = ?', [Number(id)]);
    expect((await t.anon.q(LOGIN, { u: users[0].username, p: 'first-pass-123' })).login.token).toBeTruthy();
    // It can still list and revoke its account's tokens (including itself).
    const list = (await viaToken.q(LIST)).allApiTokens;
    expect(list).toHaveLength(1);
    await viaToken.q(REVOKE, { id: list[0].id });
    expect(await viaToken.codeOf(LIST)).toBe('UNAUTHENTICATED');
  });
});

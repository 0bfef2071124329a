import { EntityManager } from 'typeorm';
import { User, USER_TEXT, UserResource } from './user.entity';
import { grantRefusal, lockoutRefusal, Refusal } from './granting';
import { LoginSubject, LoginThrottle } from './login-throttle';
import { canonicalUsername, USERNAME } from './username';
import { Role } from '../auth/role';
import { Caller } from '../auth/caller';
import { CallerCache } from '../auth/caller-cache';
import { scopeOfUnit, scopePredicate } from '../auth/scope';
import { hashPassword, verifyPassword } from '../auth/password';
import { signToken, verifyToken } from '../auth/token';
import { isApiTokenShaped } from './api-token';
import { ApiTokenService } from './api-token.service';
import { OrgUnit } from '../org/org-unit.entity';
import { OrgService } from '../org/org.service';
import { MemberService } from '../member/member.service';
import { AuditService } from '../audit/audit.service';
import { Db } from '../db/dialect';
import { AppError, badInput, forbidden, notFound } from '../common/errors';
import { hasPermission, Permission } from '../auth/permissions';
import { fitKey, searchKey } from '../common/text';
import { checkText, optionalId, parseId } from '../common/input';
import { Req } from '../kit/loaders';
import { ResourceService } from '../kit/service';
import { Config } from '../config';

export interface UserInput {
  username?: string | null;
  password?: string | null;
  fullName?: string | null;
  role?: Role | null;
  scopeUnitId?: string | null;
  memberId?: string | null;
  active?: boolean | null;
}

function refuse(r: Refusal | null): void {
  if (r) throw new AppError(r.code, `${r.field}: ${r.message}`, { field: r.field });
}

function plain(u: User) {
  const { passwordHash: _p, searchKey: _s, tokenVersion: _t, ...rest } = u;
  return rest;
}

/** Longest password: scrypt reads all of it, and nobody types more. */
const PASSWORD_MAX = 200;

/** An account's search key (username and name without diacritics), cut to its column. */
const userSearchKey = (username: string | null | undefined, fullName: string) => fitKey(searchKey(username, fullName), USER_TEXT.searchKey);

const rateLimited = () => new AppError('RATE_LIMITED', 'Too many failed logins; try again in 15 minutes');

/** Accounts: scoped by the unit their scope lies in (unscoped accounts only for an unscoped caller). */
/** The unique key on usernames refusing a write that lost a race (taken after this one checked): the check's own refusal. */
const usernameRace = (username: string) => (e: unknown) =>
  Promise.reject(Db.isDuplicateKey(e) ? badInput('username', `${username} is already taken`, { rule: 'TAKEN' }) : e);

export class AccountService extends ResourceService<User> {
  readonly throttle = new LoginThrottle();

  constructor(
    db: Db,
    private readonly config: Config,
    private readonly org: OrgService,
    private readonly members: MemberService,
    audit: AuditService,
    private readonly callers: CallerCache,
    private readonly apiTokens: ApiTokenService,
  ) {
    super(UserResource, db, audit);
  }

  /**
   * Resolves a bearer token to the caller: a personal API token (`cdt_…`) or a sign-in's JWT. The
   * account must still be active and the token current (a JWT's token version; a personal token
   * still stored and unexpired).
   */
  async callerFromToken(token: string | undefined): Promise<Caller | null> {
    if (!token) return null;
    if (isApiTokenShaped(token)) return this.callerFromApiToken(token);
    const claims = verifyToken(this.config.jwtSecret, token);
    if (!claims) return null;
    return this.callerAtVersion(Number(claims.sub), claims.tv);
  }

  /**
   * The caller of an account whose sessions are at `tokenVersion` (a JWT's claim, a signed export
   * link's): null once the account is deactivated or its password changed.
   */
  async callerAtVersion(userId: number, tokenVersion: number): Promise<Caller | null> {
    const cached = this.callers.get(userId, tokenVersion);
    if (cached) return cached;
    const user = await this.repo().findOneBy({ id: userId });
    if (!user || !user.active || user.tokenVersion !== tokenVersion) return null;
    const caller = await this.callerOf(user);
    if (caller) this.callers.set(caller);
    return caller;
  }

  /**
   * A personal token's caller: its account as it is now (same role and scope, never more), marked
   * with the token. Revocation deletes the row and deactivation deletes every row of the account,
   * so either one is seen by the very next request, in every process.
   */
  private async callerFromApiToken(secret: string): Promise<Caller | null> {
    const row = await this.apiTokens.resolve(secret);
    if (!row) return null;
    let caller = this.callers.current(row.userId);
    if (!caller) {
      const user = await this.repo().findOneBy({ id: row.userId });
      if (!user || !user.active) return null;
      caller = await this.callerOf(user);
      if (!caller) return null;
      this.callers.set(caller);
    }
    // A copy: the cached caller is shared with the account's other requests.
    return { ...caller, apiTokenId: row.id };
  }

  /** An account as a caller, its scope resolved (also for work done on an account's behalf, such as the demo seed). */
  async callerOf(user: User): Promise<Caller | null> {
    const scopeUnit = user.scopeUnitId ? await this.db.ds.getRepository(OrgUnit).findOneBy({ id: user.scopeUnitId }) : null;
    if (user.scopeUnitId && !scopeUnit) return null;
    return { user, role: user.role, scopeUnit, scope: scopeOfUnit(scopeUnit) };
  }

  async callerByUsername(username: string): Promise<Caller> {
    const caller = await this.callerOf(await this.repo().findOneByOrFail({ username }));
    if (!caller) throw new Error(`account ${username} has no valid scope`);
    return caller;
  }

  async login(typed: string, password: string, ip: string): Promise<{ token: string; user: User }> {
    if (this.throttle.addressBlocked(ip)) throw rateLimited();
    // Every spelling of a name reads as one ASCII name (username.ts); only such a name is looked
    // up, so the lookup is an exact match whatever the database's collation.
    const username = canonicalUsername(typed);
    const user = USERNAME.test(username) ? await this.repo().findOneBy({ username }) : null;
    // Throttled by the account found, whatever was typed; an unknown name by its reading.
    const subject: LoginSubject = user ? { accountId: user.id } : { unknownName: username };
    if (this.throttle.blocked(subject, ip)) throw rateLimited();
    // Same answer (and about the same time) for unknown user, wrong password and deactivated
    // account: nothing to enumerate. A password longer than any allowed cannot match.
    const candidate = password.slice(0, PASSWORD_MAX);
    const ok = user && password.length <= PASSWORD_MAX ? await verifyPassword(candidate, user.passwordHash) : await hashPassword(candidate).then(() => false);
    if (!user || !ok || !user.active) {
      this.throttle.fail(subject, ip);
      throw new AppError('UNAUTHENTICATED', 'Sai tên đăng nhập hoặc mật khẩu (invalid username or password)');
    }
    this.throttle.succeed(subject, ip);
    user.lastLoginAt = new Date();
    await this.repo().update(user.id, { lastLoginAt: user.lastLoginAt });
    return { token: signToken(this.config.jwtSecret, this.config.tokenTtlSeconds, user.id, user.tokenVersion), user };
  }

  /** Accounts by id for references (a reviewer, an audit actor): the caller's own account, or one in scope. */
  byId(req: Req, id: number | null | undefined): Promise<User | null> {
    if (id != null && id === req.caller.user.id && this.canRead(req.caller)) return Promise.resolve(req.caller.user);
    return super.byId(req, id);
  }

  /** A scope unit as the caller sees it: one out of its scope reads as not found (its ancestors are visible; grantRefusal refuses them). */
  private async scopeUnit(caller: Caller, em: EntityManager, id: string | null | undefined): Promise<OrgUnit | null> {
    if (id == null || id === '') return null;
    const scope = scopePredicate(caller.scope, 'u', { via: 'ancestors' }, true);
    const unit = await em.getRepository(OrgUnit).createQueryBuilder('u').where(scope.sql, scope.params).andWhere('u.id = :id', { id: parseId('scopeUnitId', id) }).getOne();
    if (!unit) throw new AppError('NOT_FOUND', `scopeUnitId: unit ${id} not found`, { field: 'scopeUnitId' });
    return unit;
  }

  private validate(input: UserInput, creating: boolean) {
    if (input.username != null) input.username = input.username.trim().toLowerCase();
    if (creating || input.username != null) {
      if (!input.username || !USERNAME.test(input.username)) throw badInput('username', '3–64 letters, digits, dot, dash or underscore');
    }
    if (creating || input.password != null) {
      if (!input.password || input.password.length < 8) throw badInput('password', 'at least 8 characters');
      if (input.password.length > PASSWORD_MAX) throw badInput('password', `at most ${PASSWORD_MAX} characters`);
    }
    if (creating || input.fullName != null) {
      checkText('fullName', input.fullName, USER_TEXT.fullName);
      if (!input.fullName?.trim()) throw badInput('fullName', 'is required');
    }
    // Ids are read before any lookup: one that cannot be an id is the caller's mistake, named.
    if (input.scopeUnitId != null && input.scopeUnitId !== '') parseId('scopeUnitId', input.scopeUnitId);
    if (input.memberId != null && input.memberId !== '') parseId('memberId', input.memberId);
    if (creating && !input.role) throw badInput('role', 'is required');
  }

  private async memberRef(caller: Caller, em: EntityManager, memberId: string | null | undefined): Promise<number | null> {
    if (memberId == null || memberId === '') return null;
    // The member must be one the creating account can read.
    const m = await this.members.get(caller, parseId('memberId', memberId), em).catch(() => null);
    if (!m) throw new AppError('NOT_FOUND', `memberId: member ${memberId} not found`, { field: 'memberId' });
    return m.id;
  }

  async create(caller: Caller, input: UserInput): Promise<User> {
    this.validate(input, true);
    return this.db.transaction(async (em) => {
      const unit = await this.scopeUnit(caller, em, input.scopeUnitId);
      refuse(grantRefusal(caller.role, caller.scope, input.role!, unit));
      const memberId = await this.memberRef(caller, em, input.memberId);
      if (await this.repo(em).exists({ where: { username: input.username! } })) throw badInput('username', `${input.username} is already taken`, { rule: 'TAKEN' });
      // Hashed only once every check has passed: a refused request costs no KDF time.
      const passwordHash = await hashPassword(input.password!);
      const fullName = input.fullName!.trim();
      const user = this.repo(em).create({
        username: input.username!,
        passwordHash,
        fullName,
        searchKey: userSearchKey(input.username, fullName),
        role: input.role!,
        scopeUnitId: unit?.id ?? null,
        memberId,
        active: input.active ?? true,
        tokenVersion: 1,
      });
      await this.repo(em).save(user).catch(usernameRace(user.username));
      await this.audit.record(em, caller, { action: 'CREATE', entityType: 'User', entityId: user.id, unitId: user.scopeUnitId, after: plain(user) });
      return user;
    });
  }

  async update(caller: Caller, id: number, input: UserInput, action: 'UPDATE' | 'DELETE' = 'UPDATE'): Promise<User> {
    this.validate(input, false);
    // A leaked token must not turn into the account's password (and with it, new tokens).
    if (caller.apiTokenId != null && input.password != null) throw forbidden('A password is changed from a signed-in session, not with a personal API token');
    // Without account-writing permission only one's own account is editable: refuse before any
    // lookup, so that other ids cannot be probed.
    if (id !== caller.user.id && !hasPermission(caller.role, Permission.WriteUser)) throw forbidden('only account managers edit other accounts', { rule: 'PERMISSION' });
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    // Forgotten once committed, so that no request caches the account as it was.
    const updated = await this.db.transaction(async (em) => {
      const user = await this.get(caller, id, em);
      const before = plain({ ...user });
      const isSelf = user.id === caller.user.id;
      if (!isSelf && !hasPermission(caller.role, Permission.WriteUser)) throw forbidden('only account managers edit other accounts', { rule: 'PERMISSION' });
      // One edits accounts one could create; one's own account only in name and password.
      if (!isSelf) refuse(grantRefusal(caller.role, caller.scope, user.role, await this.scopeUnit(caller, em, user.scopeUnitId?.toString())));
      const nextRole = input.role ?? user.role;
      const nextScopeId = input.scopeUnitId === undefined ? user.scopeUnitId : optionalId('scopeUnitId', input.scopeUnitId);
      const nextActive = input.active ?? user.active;
      const admins = await this.repo(em).countBy({ role: Role.SYSTEM_ADMIN, active: true });
      refuse(lockoutRefusal(caller.user.id, user, { role: nextRole, active: nextActive, scopeUnitId: nextScopeId }, admins));
      if (!isSelf && (nextRole !== user.role || nextScopeId !== user.scopeUnitId)) {
        refuse(grantRefusal(caller.role, caller.scope, nextRole, await this.scopeUnit(caller, em, nextScopeId?.toString())));
      }
      if (input.username != null && input.username !== user.username) {
        if (await this.repo(em).exists({ where: { username: input.username } })) throw badInput('username', `${input.username} is already taken`, { rule: 'TAKEN' });
        user.username = input.username;
      }
      if (input.fullName != null) user.fullName = input.fullName.trim();
      if (input.memberId !== undefined) {
        const memberId = await this.memberRef(caller, em, input.memberId);
        // The member link decides who may not review whom: nobody re-links their own account.
        if (isSelf && memberId !== user.memberId && caller.role !== Role.SYSTEM_ADMIN) {
          throw new AppError('FORBIDDEN', 'memberId: you cannot change the member record of your own account', { field: 'memberId' });
        }
        user.memberId = memberId;
      }
      user.role = nextRole;
      user.scopeUnitId = nextScopeId;
      // A new password or a deactivation ends every session of the account; a deactivation also
      // revokes its personal tokens for good (reactivating the account does not bring them back).
      if (passwordHash || (user.active && !nextActive)) user.tokenVersion += 1;
      if (user.active && !nextActive) await this.apiTokens.revokeAllOf(em, caller, user);
      if (passwordHash) user.passwordHash = passwordHash;
      user.active = nextActive;
      user.searchKey = userSearchKey(user.username, user.fullName);
      await this.repo(em).save(user).catch(usernameRace(user.username));
      await this.audit.record(em, caller, { action, entityType: 'User', entityId: id, unitId: user.scopeUnitId, before, after: plain(user) });
      return user;
    });
    this.callers.invalidate(id);
    return updated;
  }

  /** Deactivates: the account can no longer log in and its tokens stop working. */
  remove(caller: Caller, id: number): Promise<User> {
    return this.update(caller, id, { active: false }, 'DELETE');
  }

  /** First start: a SYSTEM_ADMIN named `admin` when the database has no account and ADMIN_PASSWORD is set. */
  async bootstrapAdmin(password: string | undefined): Promise<boolean> {
    if (!password) return false;
    if ((await this.repo().count()) > 0) return false;
    await this.repo().save(
      this.repo().create({
        username: 'admin',
        passwordHash: await hashPassword(password),
        fullName: 'Quản trị hệ thống',
        searchKey: userSearchKey('admin', 'Quản trị hệ thống'),
        role: Role.SYSTEM_ADMIN,
        scopeUnitId: null,
        memberId: null,
        active: true,
        tokenVersion: 1,
      }),
    );
    return true;
  }
}

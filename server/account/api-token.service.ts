import { EntityManager, MoreThan } from 'typeorm';
import { ApiToken, API_TOKEN_TEXT, ApiTokenResource } from './api-token.entity';
import { apiTokenExpiry, apiTokenHash, newApiTokenSecret, shouldTouch } from './api-token';
import { Caller } from '../auth/caller';
import { AuditService } from '../audit/audit.service';
import { Db } from '../db/dialect';
import { AppError, badInput, forbidden } from '../common/errors';
import { checkText } from '../common/input';
import { LIMITS } from '../common/limits';
import { ResourceService } from '../kit/service';

/** What an audit row keeps of a token: never its hash. */
const snapshot = (t: ApiToken) => ({ id: t.id, userId: t.userId, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt });

/**
 * Personal API tokens: create (the secret answered once), list and revoke one's own (the kit's
 * `owner` scope: every query carries `user_id = <caller>`), and resolve a bearer token to its row.
 */
export class ApiTokenService extends ResourceService<ApiToken> {
  constructor(db: Db, audit: AuditService) {
    super(ApiTokenResource, db, audit);
  }

  /**
   * A new token of the caller's account. Refused to a request that itself came with a personal
   * token: a leaked token must not be able to mint others that would outlive its revocation.
   */
  async createFor(caller: Caller, name: string, expiresInDays: number | null | undefined): Promise<{ token: string; apiToken: ApiToken }> {
    if (caller.apiTokenId != null) throw forbidden('Tokens are created from a signed-in session (password), not with another token');
    checkText('name', name, API_TOKEN_TEXT.name);
    const trimmed = name.trim();
    if (!trimmed) throw badInput('name', 'is required');
    const now = new Date();
    const expiresAt = apiTokenExpiry(expiresInDays, now);
    const token = newApiTokenSecret();
    const apiToken = await this.db.transaction(async (em) => {
      const live = await this.repo(em).countBy({ userId: caller.user.id, expiresAt: MoreThan(now) });
      if (live >= LIMITS.apiTokensPerAccount) {
        throw new AppError('CONFLICT', `An account has at most ${LIMITS.apiTokensPerAccount} live tokens: revoke one first`, { rule: 'TOKEN_LIMIT', max: LIMITS.apiTokensPerAccount });
      }
      const row = this.repo(em).create({ userId: caller.user.id, name: trimmed, tokenHash: apiTokenHash(token), expiresAt, lastUsedAt: null });
      await this.repo(em).save(row);
      await this.audit.record(em, caller, { action: 'CREATE', entityType: 'ApiToken', entityId: row.id, unitId: caller.user.scopeUnitId, after: snapshot(row) });
      return row;
    });
    return { token, apiToken };
  }

  /** Revokes one of the caller's tokens: the row is deleted, so the secret is never found again. */
  async remove(caller: Caller, id: number): Promise<ApiToken> {
    return this.db.transaction(async (em) => {
      const row = await this.writableRow(em, caller, id);
      await this.repo(em).delete(id);
      await this.audit.record(em, caller, { action: 'DELETE', entityType: 'ApiToken', entityId: id, unitId: caller.user.scopeUnitId, before: snapshot(row) });
      return row;
    });
  }

  /**
   * Revokes every token of an account (its deactivation), in the caller's transaction, each with
   * its audit row (DELETE, by the account that deactivated, located where the holder's scope is).
   */
  async revokeAllOf(em: EntityManager, caller: Caller, holder: { id: number; scopeUnitId: number | null }): Promise<void> {
    const rows = await this.repo(em).find({ where: { userId: holder.id }, order: { id: 'ASC' } });
    if (!rows.length) return;
    await this.repo(em).delete({ userId: holder.id });
    for (const row of rows) {
      await this.audit.record(em, caller, { action: 'DELETE', entityType: 'ApiToken', entityId: row.id, unitId: holder.scopeUnitId, before: snapshot(row) });
    }
  }

  /**
   * The live token row of a bearer secret, or null (unknown, revoked or expired). One read by the
   * hash's unique index; its last use is written at most once a minute (api-token.ts).
   */
  async resolve(secret: string, now: Date = new Date()): Promise<ApiToken | null> {
    const row = await this.repo().findOneBy({ tokenHash: apiTokenHash(secret) });
    if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
    if (shouldTouch(row.lastUsedAt, now)) {
      // The condition keeps several processes (or concurrent requests) to one write a minute too.
      await this.repo()
        .createQueryBuilder()
        .update()
        .set({ lastUsedAt: now })
        .where('id = :id AND (last_used_at IS NULL OR last_used_at < :since)', { id: row.id, since: new Date(now.getTime() - LIMITS.apiTokenTouchMs) })
        .execute();
      row.lastUsedAt = now;
    }
    return row;
  }
}

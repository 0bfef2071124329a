import { EntityManager } from 'typeorm';
import { AuditEvent, AuditEventResource } from './audit-event.entity';
import { Caller } from '../auth/caller';
import { Db, insertOnly } from '../db/dialect';
import { ResourceService } from '../kit/service';
import { LIMITS } from '../common/limits';

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'searchKey', 'sortKey']);

/** Below this many characters a text is not cut: the snapshot's other fields are small. */
const MIN_KEPT = 64;

/** The first `keep` characters of `s` (never half a surrogate pair), marked with how much was cut. */
function cut(s: string, keep: number): string {
  const end = keep > 0 && /[\uD800-\uDBFF]/.test(s[keep - 1]) ? keep - 1 : keep;
  return `${s.slice(0, end)}… [${s.length - end} more characters not kept in the audit trail]`;
}

/**
 * A record's values as the JSON of an audit column, at most `maxBytes` of UTF-8 (the columns are
 * TEXT: 65,535 bytes on MySQL). A snapshot that would be larger keeps every field, but its longest
 * texts are cut (and marked) until it fits: the record keeps the whole value, and a write is never
 * lost because its audit row overflowed.
 */
export function auditSnapshot(value: object | null | undefined, maxBytes: number = LIMITS.auditSnapshotBytes): string | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!SECRET_FIELDS.has(k) && typeof v !== 'function') out[k] = v;
  let json = JSON.stringify(out);
  if (Buffer.byteLength(json) <= maxBytes) return json;
  const originals = new Map(Object.entries(out).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const kept = new Map([...originals].map(([k, v]) => [k, v.length]));
  while (Buffer.byteLength(json) > maxBytes) {
    // Halve the longest text still kept, and try again.
    let longest: string | undefined;
    for (const [k, len] of kept) if (len > MIN_KEPT && (longest === undefined || len > kept.get(longest)!)) longest = k;
    // Nothing long left to cut (a record of many small fields): say which fields there were.
    if (longest === undefined) return JSON.stringify({ truncated: true, fields: Object.keys(out) });
    const keep = Math.floor(kept.get(longest)! / 2);
    kept.set(longest, keep);
    out[longest] = cut(originals.get(longest)!, keep);
    json = JSON.stringify(out);
  }
  return json;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number;
  /** the unit whose subtree the change belongs to (null: system level, visible to SYSTEM_ADMIN only) */
  unitId: number | null;
  before?: object | null;
  after?: object | null;
}

export class AuditService extends ResourceService<AuditEvent> {
  constructor(db: Db) {
    super(AuditEventResource, db);
  }

  /**
   * Records one change inside the caller's transaction: the change and its audit row land together.
   * Written without reading the row back (TypeORM's `insert` re-reads the generated `at` on MySQL, a
   * round trip per change that nobody reads).
   */
  async record(em: EntityManager, caller: Caller | null, entry: AuditEntry): Promise<void> {
    await this.recordAll(em, caller, [entry]);
  }

  /** Several entries of one change in one INSERT (one round trip of the caller's transaction). */
  async recordAll(em: EntityManager, caller: Caller | null, entries: AuditEntry[]): Promise<void> {
    await insertOnly(
      em,
      AuditEvent,
      entries.map((entry) => ({
        actorId: caller?.user.id ?? null,
        actorName: caller?.user.username ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        unitId: entry.unitId,
        before: auditSnapshot(entry.before),
        after: auditSnapshot(entry.after),
      })),
    );
  }
}

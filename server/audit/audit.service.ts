import { EntityManager } from 'typeorm';
import { AuditEvent, AuditEventResource } from './audit-event.entity';
import { Caller } from '../auth/caller';
import { Db } from '../db/dialect';
import { ResourceService } from '../kit/service';

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(['passwordHash', 'searchKey', 'sortKey']);

function snapshot(value: object | null | undefined): string | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!SECRET_FIELDS.has(k) && typeof v !== 'function') out[k] = v;
  return JSON.stringify(out);
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

  /** Records one change inside the caller's transaction: the change and its audit row land together. */
  async record(em: EntityManager, caller: Caller | null, entry: AuditEntry): Promise<void> {
    await em.insert(AuditEvent, {
      actorId: caller?.user.id ?? null,
      actorName: caller?.user.username ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      unitId: entry.unitId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    });
  }
}

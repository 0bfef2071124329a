import { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { Caller } from '../auth/caller';
import { Db } from '../db/dialect';
import { scopePredicate } from '../auth/scope';
import { applyFilter, applySortAndPage, ListArgsLike, ListSpec } from '../common/list';
import { notFound } from '../common/errors';

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

const AUDIT_SPEC: ListSpec = {
  fields: {
    action: { column: 'action', kind: 'string' },
    entityType: { column: 'entity_type', kind: 'string' },
    entityId: { column: 'entity_id', kind: 'id' },
    actorId: { column: 'actor_id', kind: 'id' },
    unitId: { column: 'unit_id', kind: 'id' },
    at: { column: 'at', kind: 'datetime' },
  },
  defaultSort: { field: 'id', order: 'DESC' },
};

export class AuditService {
  constructor(private readonly db: Db) {}

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

  private query(caller: Caller) {
    const qb = this.db.ds.getRepository(AuditEvent).createQueryBuilder('a');
    const scope = scopePredicate(caller.scope, 'a', { via: 'unit', column: 'unit_id' });
    return qb.where(scope.sql, scope.params);
  }

  async list(caller: Caller, args: ListArgsLike): Promise<AuditEvent[]> {
    const qb = this.query(caller);
    applyFilter(qb, 'a', AUDIT_SPEC, args.filter, { personalAllowed: true });
    applySortAndPage(qb, 'a', AUDIT_SPEC, args, { personalAllowed: true });
    return qb.getMany();
  }

  async count(caller: Caller, filter: object | null | undefined): Promise<number> {
    const qb = this.query(caller);
    applyFilter(qb, 'a', AUDIT_SPEC, filter, { personalAllowed: true });
    return qb.getCount();
  }

  async get(caller: Caller, id: number): Promise<AuditEvent> {
    const row = await this.query(caller).andWhere('a.id = :id', { id }).getOne();
    if (!row) throw notFound('AuditEvent', id);
    return row;
  }
}

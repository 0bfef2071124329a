import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Permission } from '../auth/permissions';
import { declareResource } from '../kit/resource';

/**
 * One row per successful mutation: who, when, what, and the values before and after (JSON).
 * `unitId` is the unit whose subtree the change belongs to: the scope predicate reads audit
 * events through it. Rows are only ever inserted.
 */
@ObjectType({ description: 'Nhật ký thay đổi (audit trail entry)' })
@Entity('audit_event')
@Index('idx_audit_unit', ['unitId', 'id'])
@Index('idx_audit_entity', ['entityType', 'entityId'])
@Index('idx_audit_actor', ['actorId', 'id'])
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @CreateDateColumn()
  at: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  /** The actor's username at the time, kept so history reads even after renames. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  actorName: string | null;

  @Field({ description: 'CREATE, UPDATE, DELETE, MOVE, or a workflow verb' })
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Field(() => ID)
  @Column({ type: 'int' })
  entityId: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @Field(() => String, { nullable: true, description: 'JSON of the values before the change' })
  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the values after the change' })
  @Column({ type: 'text', nullable: true })
  after: string | null;
}

/** The audit trail as a read-only resource: scoped by the unit each change belongs to. */
export const AuditEventResource = declareResource<AuditEvent>({
  name: 'AuditEvent',
  entity: AuditEvent,
  fields: {
    action: { filter: 'eq' },
    entityType: { filter: 'eq' },
    entityId: { filter: 'eq' },
    actorId: { filter: 'eq' },
    unitId: { filter: 'eq' },
    at: { filter: 'range' },
  },
  defaultSort: { field: 'id', order: 'DESC' },
  scope: { kind: 'unit', property: 'unitId' },
  permissions: { read: Permission.ReadAudit },
});

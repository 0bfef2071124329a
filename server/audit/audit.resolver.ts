import { AuditEvent } from './audit-event.entity';
import { User, UserResource } from '../account/user.entity';
import { edges } from '../kit/crud';

/** The audit trail: read-only, scoped like everything else. */

const AuditEdges = edges<AuditEvent>(AuditEvent, 'AuditEvent', {
  actor: {
    type: () => User,
    target: UserResource,
    description: 'the account that made the change, when visible to you (see actorName)',
    resolve: (e, req, s) => s.account.byId(req, e.actorId),
  },
});

export const AUDIT_RESOLVERS: Function[] = [AuditEdges];

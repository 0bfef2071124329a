import { defineModule } from '../kit/module';
import { AuditEvent, AuditEventResource } from './audit-event.entity';
import { AUDIT_RESOLVERS } from './audit.resolver';

/** The audit trail (its service, `services.audit`, is part of every process: each write records through it). */
export default defineModule({
  name: 'audit',
  entities: [AuditEvent],
  resources: [AuditEventResource],
  resolvers: [...AUDIT_RESOLVERS],
});

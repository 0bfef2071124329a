import { OrgUnit, OrgUnitMove } from '../org/org-unit.entity';
import { Member } from '../member/member.entity';
import { User } from '../account/user.entity';
import { AuditEvent } from '../audit/audit-event.entity';

export const ENTITIES = [OrgUnit, OrgUnitMove, Member, User, AuditEvent];

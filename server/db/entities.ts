import { OrgUnit, OrgUnitMove } from '../org/org-unit.entity';
import { Member } from '../member/member.entity';
import { User } from '../account/user.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AwardType } from '../award/award-type.entity';
import { Nomination, NominationEvent } from '../award/nomination.entity';
import { Award, DecisionCounter } from '../award/award.entity';

export const ENTITIES = [OrgUnit, OrgUnitMove, Member, User, AuditEvent, AwardType, Nomination, NominationEvent, Award, DecisionCounter];

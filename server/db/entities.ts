import { OrgUnit, OrgUnitMove } from '../org/org-unit.entity';
import { Member } from '../member/member.entity';
import { User } from '../account/user.entity';
import { ApiToken } from '../account/api-token.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AwardType } from '../award/award-type.entity';
import { Nomination, NominationEvent } from '../award/nomination.entity';
import { Award, DecisionCounter } from '../award/award.entity';
import { ClusterEntry, EmulationCluster, EmulationMovement } from '../year/emulation.entity';
import { AnnualRating } from '../year/rating.entity';
import { Indicator, Target } from '../year/target.entity';
import { WelfareRecord } from '../year/welfare.entity';
import { Initiative, InitiativeAuthor } from '../year/initiative.entity';
import { CommitteeSeat, Congress } from '../year/congress.entity';
import { RuleThreshold } from '../year/threshold.entity';

/**
 * Every entity of the data source. Forgetting one fails at start: a declared resource whose entity
 * is missing here, or a located table, is refused by kit/checks.ts.
 */
export const ENTITIES: Function[] = [
  OrgUnit, OrgUnitMove, Member, User, ApiToken, AuditEvent,
  // commendations
  AwardType, Nomination, NominationEvent, Award, DecisionCounter,
  // the union's year
  EmulationMovement, EmulationCluster, ClusterEntry, AnnualRating, Indicator, Target, WelfareRecord, Initiative, InitiativeAuthor,
  Congress, CommitteeSeat, RuleThreshold,
];

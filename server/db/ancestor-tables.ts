import { OrgUnit } from '../org/org-unit.entity';
import { Member } from '../member/member.entity';
import { Nomination } from '../award/nomination.entity';
import { Award } from '../award/award.entity';

/**
 * The tables that carry the ancestor columns (federation_id, union_id, grassroots_union_id,
 * team_id). moveUnit rewrites them all in one transaction, so a moved unit keeps its members,
 * nominations and awards in its new place.
 */
export const ANCESTOR_TABLES = [OrgUnit, Member, Nomination, Award] as const;

/**
 * The tables whose rows are located by a member (their nominee): a member's transfer to another
 * grassroots union or team (updateMember) rewrites their ancestor columns in its transaction, so
 * the member's nominations and awards are read where the member now is.
 */
export const MEMBER_LOCATED_TABLES = [
  { entity: Nomination, column: 'nominee_member_id' },
  { entity: Award, column: 'nominee_member_id' },
] as const;

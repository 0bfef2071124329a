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

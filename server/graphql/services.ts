import { Db } from '../db/dialect';
import { Config } from '../config';
import { AuditService } from '../audit/audit.service';
import { OrgService, UnitService } from '../org/org.service';
import { UNIT_RESOURCES } from '../org/org.types';
import { UnitLevel } from '../org/org-level';
import { MemberService } from '../member/member.service';
import { AccountService } from '../account/account.service';
import { ApiTokenService } from '../account/api-token.service';
import { AwardTypeService } from '../award/award-type.service';
import { AwardService } from '../award/award.service';
import { NominationService } from '../award/nomination.service';
import { validateWorkflow } from '../award/workflow';
import { StatsService } from '../stats/stats.service';
import { CallerCache } from '../auth/caller-cache';
import { createYearServices, YearServices } from '../year/year.services';

/** The services of one server process, built once at start. */
export interface Services {
  db: Db;
  config: Config;
  audit: AuditService;
  org: OrgService;
  /** the CRUD of each unit type */
  units: Record<UnitLevel, UnitService>;
  member: MemberService;
  account: AccountService;
  /** personal API tokens (each account its own) */
  apiToken: ApiTokenService;
  awardType: AwardTypeService;
  award: AwardService;
  nomination: NominationService;
  stats: StatsService;
  /** the union's year: movements, clusters, ratings, targets, welfare, initiatives, congresses */
  year: YearServices;
}

export function createServices(db: Db, config: Config): Services {
  const audit = new AuditService(db);
  const callers = new CallerCache();
  const org = new OrgService(db, audit, callers);
  const units = Object.fromEntries(
    (Object.keys(UNIT_RESOURCES) as UnitLevel[]).map((level) => [level, new UnitService(UNIT_RESOURCES[level], level, org, db, audit)]),
  ) as Record<UnitLevel, UnitService>;
  const member = new MemberService(db, org, audit);
  const apiToken = new ApiTokenService(db, audit);
  const account = new AccountService(db, config, org, member, audit, callers, apiToken);
  // The workflow's transition map is checked once, before the first request.
  validateWorkflow();
  const awardType = new AwardTypeService(db, audit);
  const award = new AwardService(db, audit);
  const year = createYearServices(db, audit, org);
  const nomination = new NominationService(db, awardType, award, audit, year.facts);
  return { db, config, audit, org, units, member, account, apiToken, awardType, award, nomination, stats: new StatsService(db, member, award, nomination), year };
}

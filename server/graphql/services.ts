import { Db } from '../db/dialect';
import { Config } from '../config';
import { AuditService } from '../audit/audit.service';
import { OrgService } from '../org/org.service';
import { MemberService } from '../member/member.service';
import { AccountService } from '../account/account.service';
import { AwardTypeService } from '../award/award-type.service';
import { AwardService } from '../award/award.service';
import { NominationService } from '../award/nomination.service';
import { validateWorkflow } from '../award/workflow';
import { StatsService } from '../stats/stats.service';
import { CallerCache } from '../auth/caller-cache';

/** The services of one server process, built once at start. */
export interface Services {
  db: Db;
  config: Config;
  audit: AuditService;
  org: OrgService;
  member: MemberService;
  account: AccountService;
  awardType: AwardTypeService;
  award: AwardService;
  nomination: NominationService;
  stats: StatsService;
}

export function createServices(db: Db, config: Config): Services {
  const audit = new AuditService(db);
  const callers = new CallerCache();
  const org = new OrgService(db, audit, callers);
  const member = new MemberService(db, org, audit);
  const account = new AccountService(db, config, org, member, audit, callers);
  // The workflow's transition map is checked once, before the first request.
  validateWorkflow();
  const awardType = new AwardTypeService(db, audit);
  const award = new AwardService(db, audit);
  const nomination = new NominationService(db, awardType, award, audit);
  return { db, config, audit, org, member, account, awardType, award, nomination, stats: new StatsService(db) };
}

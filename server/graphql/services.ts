import { Db } from '../db/dialect';
import { Config } from '../config';
import { AuditService } from '../audit/audit.service';
import { OrgService } from '../org/org.service';
import { MemberService } from '../member/member.service';
import { AccountService } from '../account/account.service';

/** The services of one server process, built once at start. */
export interface Services {
  db: Db;
  config: Config;
  audit: AuditService;
  org: OrgService;
  member: MemberService;
  account: AccountService;
}

export function createServices(db: Db, config: Config): Services {
  const audit = new AuditService(db);
  const org = new OrgService(db, audit);
  const member = new MemberService(db, org, audit);
  const account = new AccountService(db, config, org, member, audit);
  return { db, config, audit, org, member, account };
}

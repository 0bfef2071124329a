import { AuditService } from '../audit/audit.service';
import { Db } from '../db/dialect';
import { OrgService } from '../org/org.service';
import {
  AnnualRatingService, ClusterEntryService, CommitteeSeatService, CongressService, EmulationClusterService, EmulationMovementService,
  IndicatorService, InitiativeService, RuleThresholdService, TargetService, WelfareRecordService,
} from './year.service';
import { INDICATOR_CATALOGUE, THRESHOLD_CATALOGUE } from './catalogue';
import { YearReportService } from './report.service';
import { CommendationFacts } from './commendation-facts';

/** The services of the union's year, built once per process. */
export function createYearServices(db: Db, audit: AuditService, org: OrgService) {
  const cluster = new EmulationClusterService(db, audit, org);
  const congress = new CongressService(db, audit, org);
  const target = new TargetService(db, audit, org);
  return {
    movement: new EmulationMovementService(db, audit, org),
    cluster,
    clusterEntry: new ClusterEntryService(db, audit, org, cluster),
    rating: new AnnualRatingService(db, audit, org),
    indicator: new IndicatorService(db, audit),
    target,
    welfare: new WelfareRecordService(db, audit, org),
    initiative: new InitiativeService(db, audit, org),
    congress,
    seat: new CommitteeSeatService(db, audit, org, congress),
    threshold: new RuleThresholdService(db, audit),
    report: new YearReportService(db, target, congress),
    /** what the commendation rules read of the year's records (ratings, initiatives, thresholds) */
    facts: new CommendationFacts(),
  };
}
export type YearServices = ReturnType<typeof createYearServices>;

/** The catalogues every database starts with (missing rows only). */
export async function ensureYearCatalogues(s: YearServices): Promise<number> {
  return (await s.indicator.ensureCatalogue(INDICATOR_CATALOGUE)) + (await s.threshold.ensureCatalogue(THRESHOLD_CATALOGUE));
}

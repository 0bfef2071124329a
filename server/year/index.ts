import { defineModule } from '../kit/module';
import { ClusterEntry, ClusterEntryResource, EmulationCluster, EmulationClusterResource, EmulationMovement, EmulationMovementResource } from './emulation.entity';
import { AnnualRating, AnnualRatingResource } from './rating.entity';
import { Indicator, IndicatorResource, Target, TargetResource } from './target.entity';
import { WelfareRecord, WelfareRecordResource } from './welfare.entity';
import { Initiative, InitiativeAuthor, InitiativeResource } from './initiative.entity';
import { CommitteeSeat, CommitteeSeatResource, Congress, CongressResource } from './congress.entity';
import { RuleThreshold, RuleThresholdResource } from './threshold.entity';
import { YearEndConference, YearEndConferenceResource, YearEndConferenceService } from './year-end-conference';
import { createYearServices, YearServices } from './year.services';
import { YEAR_RESOLVERS } from './year.resolver';

/** The union's year: movements, clusters, ratings, targets, welfare, initiatives, congresses, thresholds, the year report. */
export default defineModule({
  name: 'year',
  entities: [
    EmulationMovement, EmulationCluster, ClusterEntry, AnnualRating, Indicator, Target, WelfareRecord, Initiative, InitiativeAuthor,
    Congress, CommitteeSeat, RuleThreshold, YearEndConference,
  ],
  resources: [
    EmulationMovementResource, EmulationClusterResource, ClusterEntryResource, AnnualRatingResource, IndicatorResource, TargetResource,
    WelfareRecordResource, InitiativeResource, CongressResource, CommitteeSeatResource, RuleThresholdResource, YearEndConferenceResource,
  ],
  resolvers: [...YEAR_RESOLVERS],
  services: {
    /** the union's year: movements, clusters, ratings, targets, welfare, initiatives, congresses */
    year: ({ db, audit, services }): YearServices => createYearServices(db, audit, services.org),
    yearEndConference: ({ db, audit, services }): YearEndConferenceService => new YearEndConferenceService(db, audit, services.org),
  },
});

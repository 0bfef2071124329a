import { defineModule } from '../kit/module';
import { AwardType, AwardTypeResource } from './award-type.entity';
import { Nomination, NominationEvent, NominationResource } from './nomination.entity';
import { Award, AwardResource, DecisionCounter } from './award.entity';
import { AwardTypeService } from './award-type.service';
import { AwardService } from './award.service';
import { NominationService } from './nomination.service';
import { validateWorkflow } from './workflow';
import { AWARD_RESOLVERS } from './award.resolver';
import { AwardDecisionService } from './award-decision.service';
import { AwardDecisionIdResolver, AwardDecisionResolver } from './award-decision.resolver';

/** Commendations: award types, nominations and their review workflow, awards and their decisions. */
export default defineModule({
  name: 'award',
  entities: [AwardType, Nomination, NominationEvent, Award, DecisionCounter],
  resources: [AwardTypeResource, NominationResource, AwardResource],
  resolvers: [...AWARD_RESOLVERS, AwardDecisionResolver, AwardDecisionIdResolver],
  services: {
    awardType: ({ db, audit }): AwardTypeService => new AwardTypeService(db, audit),
    award: ({ db, audit }): AwardService => new AwardService(db, audit),
    awardDecision: ({ db, services }): AwardDecisionService => new AwardDecisionService(db, services.award),
    nomination: ({ db, audit, services }): NominationService => {
      // The workflow's transition map is checked once, before the first request.
      validateWorkflow();
      return new NominationService(db, services.awardType, services.award, audit, services.year.facts);
    },
  },
});

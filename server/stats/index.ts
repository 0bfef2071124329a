import { defineModule } from '../kit/module';
import { StatsService } from './stats.service';
import { STATS_RESOLVERS } from './stats.resolver';

/** Figures: members, awards and nominations by dimension, the overview. */
export default defineModule({
  name: 'stats',
  resolvers: [...STATS_RESOLVERS],
  services: {
    stats: ({ db, services }): StatsService => new StatsService(db, services.member, services.award, services.nomination),
  },
});

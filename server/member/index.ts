import { defineModule } from '../kit/module';
import { Member, MemberResource } from './member.entity';
import { MemberService } from './member.service';
import { MEMBER_RESOLVERS } from './member.resolver';

/** Members (đoàn viên): admission, transfer, leaving, import. */
export default defineModule({
  name: 'member',
  entities: [Member],
  resources: [MemberResource],
  resolvers: [...MEMBER_RESOLVERS],
  services: {
    member: ({ db, audit, services }): MemberService => new MemberService(db, services.org, audit),
  },
});

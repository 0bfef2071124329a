import { Field, ObjectType } from 'type-graphql';
import { User } from './user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'send as `Authorization: Bearer <token>`; expires (default 8 hours)' })
  token: string;

  @Field(() => User)
  user: User;
}


import { registerEnumType } from 'type-graphql';

export enum Role {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  FEDERATION_ADMIN = 'FEDERATION_ADMIN',
  UNION_ADMIN = 'UNION_ADMIN',
  GRASSROOTS_CHAIR = 'GRASSROOTS_CHAIR',
  ANALYST = 'ANALYST',
}
registerEnumType(Role, { name: 'Role' });

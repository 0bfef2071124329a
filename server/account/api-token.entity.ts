import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Permission } from '../auth/permissions';
import { declareResource } from '../kit/resource';

/** The widths of a token's text columns, in characters. */
export const API_TOKEN_TEXT = { name: 100, tokenHash: 64 } as const;

/**
 * A personal API token (table `api_token`): a script's way to act as its account. Only the SHA-256
 * of the secret is kept (api-token.ts); revoking deletes the row, so a revoked token is never found
 * again. Every account sees and revokes its own tokens, and no one else's.
 */
@ObjectType('ApiToken', { description: 'Khóa truy cập API (personal API token); the secret is shown only once, by createApiToken' })
@Entity('api_token')
@Index('idx_api_token_user', ['userId'])
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** The account it acts as. Not a GraphQL field: it is always the caller's own. */
  @Column({ type: 'int' })
  userId: number;

  @Field({ description: 'what the token is for (a script, a notebook)' })
  @Column({ type: 'varchar', length: API_TOKEN_TEXT.name })
  name: string;

  @Index('uq_api_token_hash', { unique: true })
  @Column({ type: 'varchar', length: API_TOKEN_TEXT.tokenHash })
  tokenHash: string;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: 'after this instant the token no longer works' })
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'last use, to the minute (null: never used)' })
  @Column({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null;
}

/**
 * Tokens as a resource: only one's own (scope `owner`), for every role (ManageOwnApiTokens),
 * read and revoked through the CRUD grammar; created by `createApiToken`, which answers the secret.
 */
export const ApiTokenResource = declareResource<ApiToken>({
  name: 'ApiToken',
  entity: ApiToken,
  fields: {
    name: { filter: 'eq' },
    createdAt: { filter: 'range' },
    expiresAt: { filter: 'range' },
    lastUsedAt: {},
  },
  defaultSort: { field: 'createdAt', order: 'DESC' },
  scope: { kind: 'owner', property: 'userId' },
  permissions: { read: Permission.ManageOwnApiTokens, delete: Permission.ManageOwnApiTokens },
  crud: { describe: { delete: 'revokes one of your tokens: it stops working at once' } },
  // Nothing to export: a handful of rows, and their secrets are not kept.
  exportable: false,
});

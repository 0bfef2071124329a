import type { Caller } from '../auth/caller';
import type { Services } from './services';
import { RequestLoaders } from '../kit/loaders';

export { byKeys, groupByKeys, RequestLoaders } from '../kit/loaders';

export interface Context {
  caller: Caller | null;
  services: Services;
  loaders: RequestLoaders;
  /** the client's address, for login throttling */
  ip: string;
}

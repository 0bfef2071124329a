import { Initial1763800000000 } from './1763800000000-initial';

/** Every migration, oldest first. A new one is added here and never edited after it lands. */
export const MIGRATIONS = [Initial1763800000000];

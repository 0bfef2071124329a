import { notFound } from '../common/errors';
import { idValue, preview } from '../common/input';

/**
 * The id of a single read or write by id (`Member(id)`, `updateMember(id)`): an id that cannot
 * exist reads as not found, like one that does not. Every other id argument goes through
 * `parseId` (common/input.ts), which answers BAD_USER_INPUT naming the argument.
 */
export function rowId(what: string, id: string | number): number {
  const n = idValue(id);
  if (n === null) throw notFound(what, preview(id));
  return n;
}

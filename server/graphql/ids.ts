import { notFound } from '../common/errors';

/** An ID argument as a row id; an id that cannot exist reads as not found. */
export function rowId(what: string, id: string | number): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n < 1) throw notFound(what, id);
  return n;
}

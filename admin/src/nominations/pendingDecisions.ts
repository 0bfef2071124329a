import { useSyncExternalStore } from 'react';

/**
 * The nominations with a decision in flight in this tab: approved with undo (the few seconds the
 * notification offers "Hoàn tác"), or sent and not yet answered. Every workflow button of such a
 * nomination is locked meanwhile, wherever it is shown (the approval desk's row, the nomination's
 * page), so that a second decision cannot race the first one from the same screen.
 *
 * react-admin's optimistic cache update does not reach the nomination's page (its getOne query has
 * no `meta`, the review's update has), hence this small store of its own.
 */
/** id → decision and when it began; an entry older than a minute is forgotten (its screen went away unanswered). */
const pending = new Map<string, { decision: string; at: number }>();
const MAX_AGE_MS = 60_000;
const listeners = new Set<() => void>();
let version = 0;

function emit() {
  version += 1;
  for (const l of listeners) l();
}

export function markPending(ids: Array<string | number>, decision: string) {
  for (const id of ids) pending.set(String(id), { decision, at: Date.now() });
  emit();
}

export function clearPending(ids: Array<string | number>) {
  for (const id of ids) pending.delete(String(id));
  emit();
}

export function pendingDecisionOf(id: string | number | undefined): string | undefined {
  const p = id == null ? undefined : pending.get(String(id));
  return p && Date.now() - p.at < MAX_AGE_MS ? p.decision : undefined;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The decision in flight for this nomination (re-renders when it changes), or undefined. */
export function usePendingDecision(record: { id?: string | number; pendingDecision?: string } | undefined): string | undefined {
  useSyncExternalStore(subscribe, () => version);
  if (!record) return undefined;
  return record.pendingDecision ?? pendingDecisionOf(record.id);
}

/** Re-renders on any change (lists deciding which rows can be selected). */
export function usePendingVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

import { useQuery } from '@tanstack/react-query';
import type { CongDoanDataProvider } from '../providers/dataProvider';

/**
 * The dashboard's figures, one query each. The dashboard asks for all of them as it renders and
 * hands them to the charts, so the charts' figures arrive while the charts' code (a chunk of its
 * own) is still loading, not after it, and no figure is asked for twice.
 */
export const useOverview = (dataProvider: CongDoanDataProvider) =>
  useQuery({ queryKey: ['overview', 'scope'], queryFn: () => dataProvider.overview(null) });

export const useMemberStats = (dataProvider: CongDoanDataProvider) =>
  useQuery({ queryKey: ['memberStats'], queryFn: () => dataProvider.memberStats(null) });

/** The awards chart's figures, also the dashboard's year card (one query, the same numbers). */
export const useAwardStats = (dataProvider: CongDoanDataProvider) =>
  useQuery({ queryKey: ['awardStats'], queryFn: () => dataProvider.awardStats() });

import { useMemo } from 'react';
import {
  detectAnomalies,
  anomalyId,
  type AnomalyFlag,
  type UnitPriceCount,
} from '../../../shared/analytics/anomalies';
import type { MonthPeriod } from '../../../shared/analytics/centerTotals';
import { useCostCenterOption } from '../costCenters';
import { loadAnomalyThresholds, useProfile } from '../settings';
import { useAnomalySources } from './queries';
import type { AnomalyDismissalRow } from '../../db/records';

export interface ShownFlag {
  id: string;
  flag: AnomalyFlag;
  dismissal: AnomalyDismissalRow | undefined;
}

/**
 * The flags of a period under the clerk's thresholds, each with its dismissal if any. Without the
 * cost-centre option every cost is "not charged": a centre's rise would only repeat the total's.
 */
export const useAnomalies = (
  period: MonthPeriod | null,
  unitPrices: readonly UnitPriceCount[] | undefined,
) => {
  const sources = useAnomalySources();
  const option = useCostCenterOption();
  const profile = useProfile();
  const flags = useMemo((): ShownFlag[] | null => {
    if (!sources || !period) return null;
    const thresholds = loadAnomalyThresholds(localStorage, profile.id);
    return detectAnomalies({
      rollups: sources.rollups,
      allocated: option === 'on' ? sources.allocated : [],
      unitPrices,
      thresholds,
      period,
    }).map((flag) => {
      const id = anomalyId(flag);
      return { id, flag, dismissal: sources.dismissals.get(id) };
    });
  }, [sources, option, profile.id, period, unitPrices]);
  return { flags, centerNames: sources?.centerNames, skipped: sources?.skipped };
};

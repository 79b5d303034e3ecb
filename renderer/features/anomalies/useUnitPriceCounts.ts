import { useEffect, useState } from 'react';
import type { UnitPriceCount } from '../../../shared/analytics/anomalies';
import { createRpc } from '../../workers/rpc';
import type { UnitPricePageSide, UnitPriceWorkerSide } from '../../workers/unitPrices/protocol';
import { useProfile } from '../settings';
import { useSyncRunMark } from './queries';

export type UnitPriceState =
  | { state: 'pending'; counts: undefined }
  | { state: 'ready'; counts: UnitPriceCount[] }
  | { state: 'failed'; counts: undefined };

/** The performance entry each count leaves: how long a pass over every line took (the bench and e2e read it). */
export const UNIT_PRICE_MEASURE = 'invoice-desk:unit-prices';

const countInWorker = async (databaseName: string): Promise<UnitPriceCount[]> => {
  const worker = new Worker(new URL('../../workers/unitPrices/unitPriceWorker.ts', import.meta.url), {
    type: 'module',
    name: 'invoice-desk-unit-prices',
  });
  const rpc = createRpc<UnitPricePageSide, UnitPriceWorkerSide>(worker, {});
  try {
    const started = performance.now();
    const answer = await rpc.call('count', { databaseName });
    performance.measure(UNIT_PRICE_MEASURE, {
      start: started,
      duration: performance.now() - started,
      detail: { lines: answer.lines, workerMs: Math.round(answer.elapsedMs) },
    });
    return answer.counts;
  } finally {
    rpc.dispose();
    worker.terminate();
  }
};

/** One count per archive and sync, shared by every panel that asks (the Overview and Analytics). */
let cached: { key: string; counts: Promise<UnitPriceCount[]> } | null = null;

const countsFor = (databaseName: string, mark: string): Promise<UnitPriceCount[]> => {
  const key = `${databaseName}|${mark}`;
  if (cached?.key !== key) cached = { key, counts: countInWorker(databaseName) };
  return cached.counts;
};

/**
 * The unit prices of every stored line, counted in a worker after each sync: the unusual-price
 * flag needs lines, which the rollups do not keep.
 */
export const useUnitPriceCounts = (): UnitPriceState => {
  const profile = useProfile();
  const mark = useSyncRunMark();
  const [state, setState] = useState<UnitPriceState>({ state: 'pending', counts: undefined });
  useEffect(() => {
    if (mark === undefined) return;
    let current = true;
    countsFor(profile.databaseName, mark).then(
      (counts) => {
        if (current) setState({ state: 'ready', counts });
      },
      () => {
        if (current) setState({ state: 'failed', counts: undefined });
      },
    );
    return () => {
      current = false;
    };
  }, [profile.databaseName, mark]);
  return state;
};

import type { UnitPriceCount } from '../../../shared/analytics/anomalies';
import type { SkippedRow } from '../../db/rowChecks';
import type { Nothing } from '../rpc';

/** The unit-price worker's one method, over workers/rpc.ts: a pass over every stored block. */
export interface UnitPriceWorkerSide {
  methods: {
    count: {
      params: { databaseName: string };
      result: { counts: UnitPriceCount[]; lines: number; skippedBlocks: SkippedRow[]; elapsedMs: number };
    };
  };
  events: Nothing;
}

export interface UnitPricePageSide {
  methods: Nothing;
  events: Nothing;
}

import { formatMoney, isMoney, parseMoney } from '../../../shared/core/money';
import { DEFAULT_PAPER_COST, type PaperCost } from '../../../shared/preferences/savings';
import { readProfileSetting, writeProfileSetting } from './localSettings';

/**
 * The cost of one paper invoice the savings count with, a device setting kept per profile as
 * decimal strings ("9.00"), never as a float. A missing or damaged value takes the default range.
 */
const LOW_KEY = 'invoice-desk.paper-cost-low';
const HIGH_KEY = 'invoice-desk.paper-cost-high';

const read = (storage: Storage, profileId: string | null, key: string): number | null => {
  const text = readProfileSetting(storage, profileId, key);
  return isMoney(text) && !text.startsWith('-') ? parseMoney(text) : null;
};

export const loadPaperCost = (storage: Storage, profileId: string | null): PaperCost => {
  const low = read(storage, profileId, LOW_KEY);
  const high = read(storage, profileId, HIGH_KEY);
  return low === null || high === null || low > high
    ? DEFAULT_PAPER_COST
    : { lowCentimes: low, highCentimes: high };
};

export const savePaperCost = (storage: Storage, profileId: string | null, cost: PaperCost): void => {
  if (cost.lowCentimes < 0 || cost.highCentimes < cost.lowCentimes)
    throw new RangeError('Paper cost out of range');
  writeProfileSetting(storage, profileId, LOW_KEY, formatMoney(cost.lowCentimes));
  writeProfileSetting(storage, profileId, HIGH_KEY, formatMoney(cost.highCentimes));
};

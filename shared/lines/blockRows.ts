import type { LineBlock } from './block';
import { dayToIso } from '../core/dates';
import type { LineRow } from './lineIndex';
import { lineReason } from './lineReason';

/**
 * A block's lines as explorer rows, for views that read one invoice straight from storage. They
 * know no assignments, so the cost-centre fields read as uncharged: such views leave those columns
 * out (the invoice's page does); the line explorer's rows come from the line index.
 */
export const blockRows = (block: LineBlock, invoiceNumber: string): LineRow[] =>
  Array.from({ length: block.count }, (_, i) => {
    const keys = {
      serviceCode: block.dict[block.serviceCode[i] ?? 0] ?? '',
      serviceDate: dayToIso(block.serviceDay[i] ?? 0),
      frankingLicence: block.dict[block.frankingLicence[i] ?? 0] ?? '',
      invoiceReference: block.dict[block.invoiceReference[i] ?? 0] ?? '',
    };
    const netCentimes = block.netCentimes[i] ?? 0;
    const vatCentimes = block.vatCentimes[i] ?? 0;
    return {
      invoiceId: block.invoiceId,
      invoiceNumber,
      lineNo: block.lineNo[i] ?? 0,
      ...keys,
      description: block.dict[block.description[i] ?? 0] ?? '',
      customerReference: block.customerReference[i] ?? null,
      quantityMilli: block.quantityMilli[i] ?? 0,
      unitPrice: block.unitPrice[i] ?? 0,
      netCentimes,
      vatRateBp: block.vatRateBp[i] ?? 0,
      vatCentimes,
      costCenters: [],
      parts: [{ costCenterCode: null, percent: 100, netCentimes, vatCentimes }],
      reason: lineReason(keys, undefined),
      chargedNetCentimes: null,
      chargedVatCentimes: null,
    };
  });

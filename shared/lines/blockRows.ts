import type { LineBlock } from './block';
import { dayToIso } from '../core/dates';
import type { LineRow } from './lineIndex';

/** A block's lines as explorer rows, for views that read one invoice straight from storage. */
export const blockRows = (block: LineBlock, invoiceNumber: string): LineRow[] =>
  Array.from({ length: block.count }, (_, i) => ({
    invoiceId: block.invoiceId,
    invoiceNumber,
    lineNo: block.lineNo[i] ?? 0,
    serviceCode: block.dict[block.serviceCode[i] ?? 0] ?? '',
    description: block.dict[block.description[i] ?? 0] ?? '',
    serviceDate: dayToIso(block.serviceDay[i] ?? 0),
    frankingLicence: block.dict[block.frankingLicence[i] ?? 0] ?? '',
    invoiceReference: block.dict[block.invoiceReference[i] ?? 0] ?? '',
    customerReference: block.customerReference[i] ?? null,
    quantityMilli: block.quantityMilli[i] ?? 0,
    unitPrice: block.unitPrice[i] ?? 0,
    netCentimes: block.netCentimes[i] ?? 0,
    vatRateBp: block.vatRateBp[i] ?? 0,
    vatCentimes: block.vatCentimes[i] ?? 0,
    costCenters: [],
  }));

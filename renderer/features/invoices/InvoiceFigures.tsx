import type { Language } from '../../../shared/i18n/languages';
import type { FiguresInvoice } from '../../../shared/invoices/reconciliationFigures';
import type { LineBlock } from '../../../shared/lines/block';
import { ReconciliationPanel } from './ReconciliationPanel';
import { VatBreakdown } from './VatBreakdown';

interface InvoiceFiguresProps {
  invoice: FiguresInvoice;
  blocks: readonly LineBlock[];
  language: Language;
}

/** The invoice's figures from its stored lines: VAT per rate and the reconciliation, side by side where they fit. */
export const InvoiceFigures = ({ invoice, blocks, language }: InvoiceFiguresProps) => (
  <div className="invoice-figures">
    <div className="card">
      <VatBreakdown blocks={blocks} language={language} />
    </div>
    <div className="card">
      <ReconciliationPanel invoice={invoice} blocks={blocks} language={language} />
    </div>
  </div>
);

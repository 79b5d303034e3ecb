/** The printed words of an invoice document, in the customer's language. */
import type { Language } from '../../shared/api/schemas';

export interface DocumentLabels {
  readonly invoice: string;
  readonly creditNote: string;
  readonly date: string;
  readonly dueDate: string;
  readonly period: string;
  readonly customerNumber: string;
  readonly debtorNumber: string;
  readonly invoiceReference: string;
  readonly corrects: string;
  readonly lineNo: string;
  readonly serviceDate: string;
  readonly service: string;
  readonly licence: string;
  readonly reference: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly vat: string;
  readonly lines: string;
  readonly summaryByService: string;
  readonly summaryNote: (lineCount: number) => string;
  readonly vatSummary: string;
  readonly vatRate: string;
  readonly netAmount: string;
  readonly totalNet: string;
  readonly totalVat: string;
  readonly totalGross: string;
  readonly receipt: string;
  readonly paymentPart: string;
  readonly account: string;
  readonly payableBy: string;
  readonly currency: string;
  readonly additionalInformation: string;
  readonly creditNotice: string;
  readonly page: (page: number, of: number) => string;
}

export const LABELS: Record<Language, DocumentLabels> = {
  de: {
    invoice: 'Rechnung',
    creditNote: 'Gutschrift',
    date: 'Datum',
    dueDate: 'Zahlbar bis',
    period: 'Leistungszeitraum',
    customerNumber: 'Kundennummer',
    debtorNumber: 'Debitor',
    invoiceReference: 'Rechnungsreferenz (RRN)',
    corrects: 'Korrektur zu Rechnung',
    lineNo: 'Pos.',
    serviceDate: 'Datum',
    service: 'Leistung',
    licence: 'Frankierlizenz',
    reference: 'Ihre Referenz',
    quantity: 'Menge',
    unitPrice: 'Preis',
    amount: 'Betrag CHF',
    vat: 'MWST %',
    lines: 'Positionen',
    summaryByService: 'Zusammenfassung nach Leistung',
    summaryNote: (n) => `${n} Positionen; die Einzelaufstellung ist als Datei verfügbar.`,
    vatSummary: 'Mehrwertsteuer',
    vatRate: 'Satz',
    netAmount: 'Nettobetrag',
    totalNet: 'Total exkl. MWST',
    totalVat: 'MWST',
    totalGross: 'Total inkl. MWST',
    receipt: 'Empfangsschein',
    paymentPart: 'Zahlteil',
    account: 'Konto / Zahlbar an',
    payableBy: 'Zahlbar durch',
    currency: 'Währung',
    additionalInformation: 'Zusätzliche Informationen',
    creditNotice: 'Der Betrag wird mit offenen Rechnungen verrechnet oder zurückerstattet.',
    page: (p, n) => `Seite ${p} von ${n}`,
  },
  fr: {
    invoice: 'Facture',
    creditNote: 'Note de crédit',
    date: 'Date',
    dueDate: 'Payable jusqu’au',
    period: 'Période de prestation',
    customerNumber: 'Numéro de client',
    debtorNumber: 'Débiteur',
    invoiceReference: 'Référence de facture (RRN)',
    corrects: 'Correction de la facture',
    lineNo: 'Pos.',
    serviceDate: 'Date',
    service: 'Prestation',
    licence: 'Licence d’affr.',
    reference: 'Votre référence',
    quantity: 'Quantité',
    unitPrice: 'Prix',
    amount: 'Montant CHF',
    vat: 'TVA %',
    lines: 'Positions',
    summaryByService: 'Récapitulation par prestation',
    summaryNote: (n) => `${n} positions; le détail est disponible sous forme de fichier.`,
    vatSummary: 'Taxe sur la valeur ajoutée',
    vatRate: 'Taux',
    netAmount: 'Montant net',
    totalNet: 'Total hors TVA',
    totalVat: 'TVA',
    totalGross: 'Total TVA incluse',
    receipt: 'Récépissé',
    paymentPart: 'Section paiement',
    account: 'Compte / Payable à',
    payableBy: 'Payable par',
    currency: 'Monnaie',
    additionalInformation: 'Informations supplémentaires',
    creditNotice: 'Le montant sera compensé avec des factures ouvertes ou remboursé.',
    page: (p, n) => `Page ${p} de ${n}`,
  },
  it: {
    invoice: 'Fattura',
    creditNote: 'Nota di credito',
    date: 'Data',
    dueDate: 'Pagabile entro',
    period: 'Periodo di prestazione',
    customerNumber: 'Numero cliente',
    debtorNumber: 'Debitore',
    invoiceReference: 'Riferimento fattura (RRN)',
    corrects: 'Correzione della fattura',
    lineNo: 'Pos.',
    serviceDate: 'Data',
    service: 'Prestazione',
    licence: 'Licenza d’affr.',
    reference: 'Vostro riferimento',
    quantity: 'Quantità',
    unitPrice: 'Prezzo',
    amount: 'Importo CHF',
    vat: 'IVA %',
    lines: 'Posizioni',
    summaryByService: 'Riepilogo per prestazione',
    summaryNote: (n) => `${n} posizioni; il dettaglio è disponibile come file.`,
    vatSummary: 'Imposta sul valore aggiunto',
    vatRate: 'Aliquota',
    netAmount: 'Importo netto',
    totalNet: 'Totale IVA esclusa',
    totalVat: 'IVA',
    totalGross: 'Totale IVA inclusa',
    receipt: 'Ricevuta',
    paymentPart: 'Sezione pagamento',
    account: 'Conto / Pagabile a',
    payableBy: 'Pagabile da',
    currency: 'Valuta',
    additionalInformation: 'Informazioni supplementari',
    creditNotice: 'L’importo sarà compensato con fatture aperte o rimborsato.',
    page: (p, n) => `Pagina ${p} di ${n}`,
  },
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    date: 'Date',
    dueDate: 'Payable by',
    period: 'Service period',
    customerNumber: 'Customer number',
    debtorNumber: 'Debtor',
    invoiceReference: 'Invoice reference (RRN)',
    corrects: 'Corrects invoice',
    lineNo: 'Line',
    serviceDate: 'Date',
    service: 'Service',
    licence: 'Franking licence',
    reference: 'Your reference',
    quantity: 'Quantity',
    unitPrice: 'Price',
    amount: 'Amount CHF',
    vat: 'VAT %',
    lines: 'Lines',
    summaryByService: 'Summary by service',
    summaryNote: (n) => `${n} lines; the itemised statement is available as a file.`,
    vatSummary: 'Value added tax',
    vatRate: 'Rate',
    netAmount: 'Net amount',
    totalNet: 'Total excl. VAT',
    totalVat: 'VAT',
    totalGross: 'Total incl. VAT',
    receipt: 'Receipt',
    paymentPart: 'Payment part',
    account: 'Account / Payable to',
    payableBy: 'Payable by',
    currency: 'Currency',
    additionalInformation: 'Additional information',
    creditNotice: 'The amount will be offset against open invoices or refunded.',
    page: (p, n) => `Page ${p} of ${n}`,
  },
};

import { KeyKindSchema, type KeyKind } from '../api/schemas';
import { foldHeader } from '../costCenters/vocabulary';
import { ASSIGNMENT_FILE_FIELDS, type AssignmentFileField } from './contract';

/**
 * The words assignment sheets use, in fr, de, it and en, folded as the cost-centre reader folds
 * them (no case, accents or punctuation): "Gültig ab", "gueltig ab" and "GÜLTIG AB" are one key.
 */

const HEADERS: Record<AssignmentFileField, readonly string[]> = {
  kind: [
    'kind',
    'key kind',
    'type',
    'key type',
    'assignment kind',
    'art',
    'typ',
    'schlusselart',
    'schluesselart',
    'zuordnungsart',
    'objektart',
    'genre',
    'type de cle',
    'nature',
    'sorte',
    'tipo',
    'tipo di chiave',
    'genere',
  ],
  key: [
    'key',
    'key value',
    'identifier',
    'number',
    'value',
    'schlussel',
    'schluessel',
    'nummer',
    'wert',
    'kennung',
    'cle',
    'valeur',
    'numero',
    'identifiant',
    'chiave',
    'valore',
    'identificativo',
  ],
  costCenter: [
    'cost centre',
    'cost center',
    'cost centre code',
    'cost center code',
    'cost centre no',
    'cost center no',
    'kostenstelle',
    'kostenstellen nr',
    'kostenstelle nr',
    'kst',
    'kst nr',
    'kostl',
    'centre de couts',
    'centre de cout',
    'centre de frais',
    'centre',
    'centro di costo',
    'centro di costi',
    'centro costo',
    'centro',
  ],
  percent: [
    'percent',
    'percentage',
    'share',
    'share percent',
    'split',
    'split percent',
    'prozent',
    'anteil',
    'anteil prozent',
    'prozentsatz',
    'anteil in prozent',
    'pourcentage',
    'part',
    'pourcent',
    'quote part',
    'percentuale',
    'quota',
    'percento',
    'parte',
  ],
  validFrom: [
    'valid from',
    'from',
    'start',
    'start date',
    'begin',
    'gultig ab',
    'gueltig ab',
    'ab',
    'von',
    'gultig von',
    'beginn',
    'valable des',
    'valable du',
    'valable a partir du',
    'des',
    'du',
    'debut',
    'date de debut',
    'valido dal',
    'valido da',
    'dal',
    'da',
    'inizio',
    'data di inizio',
  ],
  validTo: [
    'valid to',
    'valid until',
    'to',
    'until',
    'end',
    'end date',
    'gultig bis',
    'gueltig bis',
    'bis',
    'ende',
    'valable jusqu au',
    'jusqu au',
    'au',
    'fin',
    'date de fin',
    'valido fino al',
    'valido fino a',
    'fino al',
    'al',
    'fine',
    'data di fine',
  ],
};

const HEADER_LOOKUP = new Map<string, AssignmentFileField>(
  ASSIGNMENT_FILE_FIELDS.flatMap((field) => HEADERS[field].map((word) => [word, field] as const)),
);

/** The field a header cell names, or null. A lone "%" (which folding empties) is the percent. */
export const headerField = (text: string): AssignmentFileField | null => {
  const trimmed = text.trim();
  if (trimmed === '%') return 'percent';
  const folded = foldHeader(trimmed.replace(/%/g, ' percent '));
  return HEADER_LOOKUP.get(folded) ?? HEADER_LOOKUP.get(folded.replace(/ percent$/, '')) ?? null;
};

const KINDS: Record<KeyKind, readonly string[]> = {
  frankingLicence: [
    'frankinglicence',
    'franking licence',
    'franking license',
    'licence',
    'license',
    'frankierlizenz',
    'lizenz',
    'frankierlizenznummer',
    'licence d affranchissement',
    'licence affranchissement',
    'licenza',
    'licenza di affrancatura',
    'licenza d affrancatura',
  ],
  invoiceReference: [
    'invoicereference',
    'invoice reference',
    'reference',
    'referenz',
    'rechnungsreferenz',
    'referenznummer',
    'reference de facture',
    'reference facture',
    'riferimento',
    'riferimento fattura',
    'riferimento della fattura',
  ],
  service: [
    'service',
    'service code',
    'dienstleistung',
    'leistung',
    'dienst',
    'prestation',
    'prestation de service',
    'servizio',
    'prestazione',
  ],
};

const KIND_LOOKUP = new Map<string, KeyKind>(
  KeyKindSchema.options.flatMap((kind) => KINDS[kind].map((word) => [word, kind] as const)),
);

/** The contract's kind a cell names ("Lizenz", "référence", "frankingLicence"), or null. */
export const kindOf = (text: string): KeyKind | null => KIND_LOOKUP.get(foldHeader(text)) ?? null;

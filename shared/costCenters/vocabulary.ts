import type { CostObjectType } from '../api/schemas';
import { foldText } from '../designations/foldText';
import type { CostCenterField } from './fileContract';

/**
 * The words files use for cost-centre columns and values, in fr, de, it and en, as a folded lookup.
 * Folding (see `foldHeader`) drops case, accents and punctuation, so "Kostenstellen-Nr.",
 * "kostenstellen nr" and "KOSTENSTELLEN NR" are one key.
 */

/** Folds a header or value cell: no case, no accents, punctuation as spaces, single spaces. */
export const foldHeader = (text: string): string =>
  foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Header words that name a field for sure. The folded form is what is matched. */
const EXACT: Record<CostCenterField, readonly string[]> = {
  code: [
    'code',
    'kostenstelle',
    'kst',
    'kst nr',
    'kostenstellen nr',
    'kostenstellennummer',
    'kostenstelle nr',
    'nr',
    'nummer',
    'kost1',
    'kost 1',
    'kostl',
    'centre de couts',
    'centre de cout',
    'centre de frais',
    'n centre',
    'no centre',
    'numero',
    'code centre',
    'centro di costo',
    'centro di costo n',
    'centro di costo nr',
    'n centro di costo',
    'numero centro di costo',
    'codice',
    'cost center',
    'cost centre',
    'cost center code',
    'cost centre code',
    'cost center no',
    'cost centre no',
    'cost center number',
    'cost centre number',
    'no',
  ],
  name: [
    'name',
    'bezeichnung',
    'kostenstellenbezeichnung',
    'beschriftung',
    'kost1 beschriftung',
    'designation',
    'libelle',
    'nom',
    'denominazione',
    'descrizione breve',
    'ktext',
    'short text',
    'cost center name',
    'cost centre name',
  ],
  description: ['description', 'beschreibung', 'descrizione', 'ltext', 'long text', 'langtext'],
  owner: [
    'verantwortlich',
    'verantwortliche',
    'verantwortliche r',
    'verantwortlicher',
    'responsable',
    'responsabile',
    'owner',
    'manager',
    'person responsible',
    'verak',
  ],
  objectType: ['typ', 'objekttyp', 'type', 'tipo', 'object type', 'type d objet', 'tipo di oggetto'],
  monthlyBudget: [
    'budget',
    'monatsbudget',
    'budget mensuel',
    'budget mensile',
    'monthly budget',
    'budget chf',
    'monatsbudget chf',
  ],
  active: ['aktiv', 'actif', 'attivo', 'active', 'status', 'statut', 'stato'],
  validFrom: [
    'gultig ab',
    'valable des',
    'valable du',
    'valido dal',
    'valid from',
    'datab',
    'von',
    'gultig von',
  ],
  validTo: [
    'gultig bis',
    'valable jusqu au',
    'valable au',
    'valido fino al',
    'valido al',
    'valid to',
    'valid until',
    'datbi',
    'bis',
  ],
};

/** Parts of a header that hint at a field; a header holding one is a weak match the clerk confirms. */
const HINTS: ReadonlyArray<readonly [CostCenterField, readonly string[]]> = [
  ['validFrom', ['gultig ab', 'valable des', 'valido dal', 'valid from', 'start']],
  ['validTo', ['gultig bis', 'jusqu', 'fino al', 'valid to', 'valid until', 'end']],
  ['monthlyBudget', ['budget']],
  ['owner', ['verantwortlich', 'responsab', 'owner', 'manager']],
  ['active', ['aktiv', 'actif', 'attivo', 'active']],
  ['objectType', ['typ', 'type', 'tipo']],
  ['description', ['beschreibung', 'description', 'descrizione']],
  ['name', ['name', 'bezeichnung', 'designation', 'libelle', 'denominazione', 'nom', 'text']],
  ['code', ['kostenstelle', 'centre de cout', 'centro di costo', 'cost cent', 'code', 'kst', 'nr', 'numero']],
];

const EXACT_LOOKUP = new Map<string, CostCenterField>();
for (const field of Object.keys(EXACT) as CostCenterField[]) {
  for (const word of EXACT[field]) EXACT_LOOKUP.set(word, field);
}

/** SAP's technical column names (CSKS/CSKT): a header holding one is an SAP export. */
export const SAP_TECHNICAL = new Set(['kostl', 'ktext', 'ltext', 'verak', 'datab', 'datbi']);
/** The German long labels SAP writes for those columns. */
export const SAP_LABELS = new Set([
  'kostenstelle',
  'bezeichnung',
  'beschreibung',
  'verantwortlicher',
  'gultig ab',
  'gultig bis',
]);
/** DATEV's cost-centre columns. */
export const DATEV_CODES = new Set(['kost1', 'kost 1']);

export interface HeaderMatch {
  field: CostCenterField;
  strong: boolean;
}

/** What a (folded) header cell names, if anything. */
export const matchHeader = (folded: string): HeaderMatch | null => {
  if (folded === '') return null;
  const exact = EXACT_LOOKUP.get(folded);
  if (exact !== undefined) return { field: exact, strong: true };
  // Long cells are titles or sentences, not headers.
  if (folded.length > 40) return null;
  const padded = ` ${folded} `;
  for (const [field, hints] of HINTS) {
    for (const hint of hints) {
      // Short hints ("nr", "typ", "end") must be whole words; longer ones may start a word.
      if (hint.length <= 4 ? padded.includes(` ${hint} `) : padded.includes(` ${hint}`)) {
        return { field, strong: false };
      }
    }
  }
  return null;
};

const OBJECT_TYPES: Record<CostObjectType, readonly string[]> = {
  costCenter: [
    'costcenter',
    'kostenstelle',
    'kst',
    'centre de couts',
    'centre de cout',
    'centre de frais',
    'centro di costo',
    'cost center',
    'cost centre',
  ],
  costUnit: [
    'costunit',
    'kostentrager',
    'porteur de couts',
    'porteur de cout',
    'unita di costo',
    'cost unit',
    'cost object',
  ],
  wbsElement: [
    'wbselement',
    'psp element',
    'psp',
    'element d otp',
    'element otp',
    'elemento wbs',
    'wbs element',
    'wbs',
  ],
  internalOrder: ['internalorder', 'innenauftrag', 'ordre interne', 'ordine interno', 'internal order'],
};

const TYPE_LOOKUP = new Map<string, CostObjectType>();
for (const type of Object.keys(OBJECT_TYPES) as CostObjectType[]) {
  for (const word of OBJECT_TYPES[type]) TYPE_LOOKUP.set(word, type);
}

/** The object type a cell names ("Kostenträger", "ordre interne", "wbsElement"), or null. */
export const objectTypeOf = (folded: string): CostObjectType | null => TYPE_LOOKUP.get(folded) ?? null;

const ACTIVE_LOOKUP = new Map<string, boolean>([
  ...[
    'ja',
    'j',
    'oui',
    'o',
    'si',
    'yes',
    'y',
    '1',
    'true',
    'wahr',
    'vrai',
    'vero',
    'aktiv',
    'actif',
    'active',
    'attivo',
    'x',
  ].map((word): [string, boolean] => [word, true]),
  ...[
    'nein',
    'n',
    'non',
    'no',
    '0',
    'false',
    'falsch',
    'faux',
    'falso',
    'inaktiv',
    'inactif',
    'inactive',
    'inattivo',
  ].map((word): [string, boolean] => [word, false]),
]);

/** What an "active" cell says (ja/nein, oui/non, sì/no, yes/no, 1/0, ...), or null. */
export const activeOf = (folded: string): boolean | null => ACTIVE_LOOKUP.get(folded) ?? null;

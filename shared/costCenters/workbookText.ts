import type { CostObjectType, Language } from '../api/schemas';

/**
 * The words of the template and export workbook, per language. They are file content, not UI: a
 * clerk in Lausanne sends the file to a colleague in Zurich, and either import must read it whatever
 * the app's language. So they live here, beside the reader that must recognise them
 * (workbook.test.ts proves every header and value word is read back), not in the i18n catalogues.
 */

export type WorkbookColumn = 'code' | 'name' | 'owner' | 'objectType' | 'monthlyBudget' | 'active';
export const WORKBOOK_COLUMNS: readonly WorkbookColumn[] = [
  'code',
  'name',
  'owner',
  'objectType',
  'monthlyBudget',
  'active',
];

export interface WorkbookText {
  sheetName: string;
  notesSheetName: string;
  headers: Record<WorkbookColumn, string>;
  types: Record<CostObjectType, string>;
  yes: string;
  no: string;
  notesHeader: readonly [string, string];
  notes: Record<WorkbookColumn, string>;
  example: { code: string; name: string; owner: string };
}

export const WORKBOOK_TEXT: Record<Language, WorkbookText> = {
  de: {
    sheetName: 'Kostenstellen',
    notesSheetName: 'Hinweise',
    headers: {
      code: 'Kostenstelle',
      name: 'Bezeichnung',
      owner: 'Verantwortlich',
      objectType: 'Typ',
      monthlyBudget: 'Monatsbudget',
      active: 'Aktiv',
    },
    types: {
      costCenter: 'Kostenstelle',
      costUnit: 'Kostenträger',
      wbsElement: 'PSP-Element',
      internalOrder: 'Innenauftrag',
    },
    yes: 'ja',
    no: 'nein',
    notesHeader: ['Spalte', 'Hinweis'],
    notes: {
      code: 'Pflicht. 1 bis 20 Zeichen: Buchstaben, Ziffern und . _ / -. Führende Nullen bleiben erhalten ("0042"). Jede Kostenstelle nur einmal.',
      name: 'Pflicht. 1 bis 80 Zeichen.',
      owner: 'Freiwillig. Höchstens 80 Zeichen.',
      objectType: 'Kostenstelle, Kostenträger, PSP-Element oder Innenauftrag. Leer bedeutet Kostenstelle.',
      monthlyBudget:
        "Freiwillig. Betrag in CHF mit höchstens zwei Nachkommastellen, zum Beispiel 1250.00 oder 1'250.50.",
      active: 'ja oder nein. Leer bedeutet ja.',
    },
    example: { code: '4100', name: 'Verkauf Innendienst', owner: 'Anna Muster' },
  },
  fr: {
    sheetName: 'Centres de coûts',
    notesSheetName: 'Remarques',
    headers: {
      code: 'Centre de coûts',
      name: 'Désignation',
      owner: 'Responsable',
      objectType: 'Type',
      monthlyBudget: 'Budget mensuel',
      active: 'Actif',
    },
    types: {
      costCenter: 'Centre de coûts',
      costUnit: 'Porteur de coûts',
      wbsElement: "Élément d'OTP",
      internalOrder: 'Ordre interne',
    },
    yes: 'oui',
    no: 'non',
    notesHeader: ['Colonne', 'Remarque'],
    notes: {
      code: 'Obligatoire. 1 à 20 caractères : lettres, chiffres et . _ / -. Les zéros en tête sont conservés (« 0042 »). Chaque centre une seule fois.',
      name: 'Obligatoire. 1 à 80 caractères.',
      owner: 'Facultatif. 80 caractères au plus.',
      objectType:
        "Centre de coûts, porteur de coûts, élément d'OTP ou ordre interne. Vide : centre de coûts.",
      monthlyBudget:
        'Facultatif. Montant en CHF avec deux décimales au plus, par exemple 1250.00 ou 1 250,50.',
      active: 'oui ou non. Vide : oui.',
    },
    example: { code: '4100', name: 'Vente service interne', owner: 'Claire Exemple' },
  },
  it: {
    sheetName: 'Centri di costo',
    notesSheetName: 'Note',
    headers: {
      code: 'Centro di costo',
      name: 'Denominazione',
      owner: 'Responsabile',
      objectType: 'Tipo',
      monthlyBudget: 'Budget mensile',
      active: 'Attivo',
    },
    types: {
      costCenter: 'Centro di costo',
      costUnit: 'Unità di costo',
      wbsElement: 'Elemento WBS',
      internalOrder: 'Ordine interno',
    },
    yes: 'sì',
    no: 'no',
    notesHeader: ['Colonna', 'Nota'],
    notes: {
      code: 'Obbligatorio. Da 1 a 20 caratteri: lettere, cifre e . _ / -. Gli zeri iniziali restano ("0042"). Ogni centro una sola volta.',
      name: 'Obbligatorio. Da 1 a 80 caratteri.',
      owner: 'Facoltativo. Al massimo 80 caratteri.',
      objectType:
        'Centro di costo, unità di costo, elemento WBS o ordine interno. Vuoto significa centro di costo.',
      monthlyBudget:
        "Facoltativo. Importo in CHF con al massimo due decimali, per esempio 1250.00 o 1'250.50.",
      active: 'sì o no. Vuoto significa sì.',
    },
    example: { code: '4100', name: 'Vendite servizio interno', owner: 'Giulia Esempio' },
  },
  en: {
    sheetName: 'Cost centres',
    notesSheetName: 'Notes',
    headers: {
      code: 'Cost centre',
      name: 'Name',
      owner: 'Owner',
      objectType: 'Type',
      monthlyBudget: 'Monthly budget',
      active: 'Active',
    },
    types: {
      costCenter: 'Cost centre',
      costUnit: 'Cost unit',
      wbsElement: 'WBS element',
      internalOrder: 'Internal order',
    },
    yes: 'yes',
    no: 'no',
    notesHeader: ['Column', 'Note'],
    notes: {
      code: 'Required. 1 to 20 characters: letters, digits and . _ / -. Leading zeros are kept ("0042"). Each cost centre once only.',
      name: 'Required. 1 to 80 characters.',
      owner: 'Optional. At most 80 characters.',
      objectType: 'Cost centre, cost unit, WBS element or internal order. Empty means cost centre.',
      monthlyBudget: "Optional. An amount in CHF with at most two decimals, for example 1250.00 or 1'250.50.",
      active: 'yes or no. Empty means yes.',
    },
    example: { code: '4100', name: 'Sales back office', owner: 'Jane Example' },
  },
};

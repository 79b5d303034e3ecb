/**
 * The operator's service catalogue: about forty services a Swiss business customer finds on its
 * postal invoices, with names in the four contract languages, a category, a unit, the list price
 * for 2026 and the VAT treatment. Reserved letter services (the operator's letter monopoly) are
 * exempt; everything else carries the standard rate.
 */
import type { Service, ServiceCategory, ServiceUnit, VatRate } from '../../shared/api/schemas';
import { parseUnitPrice, parseVatRate } from '../../shared/core/money';

/** How many units one line typically carries; drives the generator. */
export type QuantityModel = 'letters' | 'parcels' | 'addon' | 'weight' | 'express' | 'mass' | 'once';

export interface CatalogueEntry {
  readonly code: string;
  readonly names: Service['names'];
  readonly category: ServiceCategory;
  readonly unit: ServiceUnit;
  /** list price 2026, exactly as printed */
  readonly price2026: string;
  readonly vatRate: VatRate;
  readonly quantity: QuantityModel;
}

export interface PricedService extends CatalogueEntry {
  readonly index: number;
  readonly priceTenThousandths: number;
  readonly priceDecimals: 2 | 4;
  readonly vatBasisPoints: number;
}

const entry = (
  code: string,
  [de, fr, it, en]: readonly [string, string, string, string],
  category: ServiceCategory,
  unit: ServiceUnit,
  price2026: string,
  vatRate: VatRate,
  quantity: QuantityModel,
): CatalogueEntry => ({ code, names: { de, fr, it, en }, category, unit, price2026, vatRate, quantity });

const EXEMPT = '0.0' satisfies VatRate;
const STANDARD = '8.1' satisfies VatRate;

const ENTRIES: readonly CatalogueEntry[] = [
  // letters
  entry(
    'A-STD',
    [
      'A-Post Standardbrief',
      'Lettre standard Courrier A',
      'Lettera standard Posta A',
      'A-Mail standard letter',
    ],
    'letters',
    'piece',
    '1.20',
    EXEMPT,
    'letters',
  ),
  entry(
    'B-STD',
    [
      'B-Post Standardbrief',
      'Lettre standard Courrier B',
      'Lettera standard Posta B',
      'B-Mail standard letter',
    ],
    'letters',
    'piece',
    '1.00',
    EXEMPT,
    'letters',
  ),
  entry(
    'A-MIDI',
    ['A-Post Midibrief', 'Lettre midi Courrier A', 'Lettera midi Posta A', 'A-Mail midi letter'],
    'letters',
    'piece',
    '1.40',
    EXEMPT,
    'letters',
  ),
  entry(
    'B-MIDI',
    ['B-Post Midibrief', 'Lettre midi Courrier B', 'Lettera midi Posta B', 'B-Mail midi letter'],
    'letters',
    'piece',
    '1.20',
    EXEMPT,
    'letters',
  ),
  entry(
    'A-GROSS',
    ['A-Post Grossbrief', 'Grande lettre Courrier A', 'Lettera grande Posta A', 'A-Mail large letter'],
    'letters',
    'piece',
    '2.00',
    STANDARD,
    'letters',
  ),
  entry(
    'B-GROSS',
    ['B-Post Grossbrief', 'Grande lettre Courrier B', 'Lettera grande Posta B', 'B-Mail large letter'],
    'letters',
    'piece',
    '1.80',
    STANDARD,
    'letters',
  ),
  entry(
    'A-PLUS',
    [
      'A-Post Plus (Sendungsverfolgung)',
      'Courrier A Plus (suivi)',
      'Posta A Plus (tracciamento)',
      'A-Mail Plus (tracked)',
    ],
    'letters',
    'piece',
    '2.80',
    STANDARD,
    'addon',
  ),
  entry(
    'R-LTR',
    ['Einschreiben (R)', 'Lettre recommandée (R)', 'Lettera raccomandata (R)', 'Registered letter (R)'],
    'letters',
    'piece',
    '5.30',
    STANDARD,
    'addon',
  ),
  entry(
    'GU-LTR',
    ['Gerichtsurkunde (GU)', 'Acte judiciaire (AJ)', 'Atto giudiziario (AG)', 'Court document (judicial)'],
    'letters',
    'piece',
    '9.50',
    STANDARD,
    'addon',
  ),
  entry(
    'RET-LTR',
    [
      'Retouren unzustellbarer Briefe',
      'Retours de lettres non distribuables',
      'Ritorni di lettere non recapitabili',
      'Returns of undeliverable letters',
    ],
    'letters',
    'piece',
    '0.50',
    STANDARD,
    'addon',
  ),
  // parcels
  entry(
    'PP-ECO',
    ['PostPac Economy', 'PostPac Economy', 'PostPac Economy', 'PostPac Economy parcel'],
    'parcels',
    'piece',
    '8.50',
    STANDARD,
    'parcels',
  ),
  entry(
    'PP-PRI',
    ['PostPac Priority', 'PostPac Priority', 'PostPac Priority', 'PostPac Priority parcel'],
    'parcels',
    'piece',
    '10.50',
    STANDARD,
    'parcels',
  ),
  entry(
    'PP-KG',
    [
      'Gewichtszuschlag Pakete über 10 kg',
      'Supplément de poids colis plus de 10 kg',
      'Supplemento peso pacchi oltre 10 kg',
      'Parcel weight surcharge above 10 kg',
    ],
    'parcels',
    'kg',
    '0.4500',
    STANDARD,
    'weight',
  ),
  entry(
    'PP-SPERR',
    ['Sperrgut', 'Encombrant', 'Ingombrante', 'Bulky goods'],
    'parcels',
    'piece',
    '18.00',
    STANDARD,
    'addon',
  ),
  entry(
    'PP-NN',
    ['Nachnahme', 'Remboursement', 'Rimborso', 'Cash on delivery'],
    'parcels',
    'piece',
    '18.00',
    STANDARD,
    'addon',
  ),
  entry(
    'PP-SI',
    ['Signatur (SI)', 'Signature (SI)', 'Firma (SI)', 'Signature on delivery (SI)'],
    'parcels',
    'piece',
    '1.50',
    STANDARD,
    'addon',
  ),
  entry(
    'PP-PERS',
    ['Persönliche Zustellung', 'Remise en main propre', 'Consegna personale', 'Personal delivery'],
    'parcels',
    'piece',
    '5.00',
    STANDARD,
    'addon',
  ),
  entry(
    'PP-SAM',
    ['Samstagszustellung', 'Distribution le samedi', 'Recapito il sabato', 'Saturday delivery'],
    'parcels',
    'piece',
    '6.00',
    STANDARD,
    'addon',
  ),
  entry(
    'PP-RET',
    ['Retourensendung Paket', 'Colis de retour', 'Pacco di ritorno', 'Parcel return'],
    'parcels',
    'piece',
    '8.00',
    STANDARD,
    'parcels',
  ),
  entry(
    'PP-VG',
    ['Sperrgut Velo', 'Encombrant vélo', 'Ingombrante bicicletta', 'Bulky goods: bicycle'],
    'parcels',
    'piece',
    '45.00',
    STANDARD,
    'express',
  ),
  // express
  entry(
    'EX-MOND',
    [
      'Swiss-Express «Mond»',
      'Swiss-Express «Lune»',
      'Swiss-Express «Luna»',
      'Swiss-Express "Moon" (next morning)',
    ],
    'express',
    'piece',
    '22.00',
    STANDARD,
    'express',
  ),
  entry(
    'EX-BLITZ',
    ['Kurier «Blitz»', 'Coursier «Éclair»', 'Corriere «Lampo»', 'Courier "Flash"'],
    'express',
    'piece',
    '65.00',
    STANDARD,
    'express',
  ),
  entry(
    'EX-SDAY',
    [
      'Same Day Abendzustellung',
      'Same Day distribution le soir',
      'Same Day recapito serale',
      'Same day evening delivery',
    ],
    'express',
    'piece',
    '39.00',
    STANDARD,
    'express',
  ),
  entry(
    'EX-KG',
    [
      'Gewichtszuschlag Express',
      'Supplément de poids express',
      'Supplemento peso espresso',
      'Express weight surcharge',
    ],
    'express',
    'kg',
    '1.2000',
    STANDARD,
    'weight',
  ),
  // international
  entry(
    'INT-LP',
    [
      'Brief International Priority',
      'Lettre internationale Priority',
      'Lettera internazionale Priority',
      'International letter Priority',
    ],
    'international',
    'piece',
    '2.50',
    STANDARD,
    'letters',
  ),
  entry(
    'INT-LE',
    [
      'Brief International Economy',
      'Lettre internationale Economy',
      'Lettera internazionale Economy',
      'International letter Economy',
    ],
    'international',
    'piece',
    '1.90',
    STANDARD,
    'letters',
  ),
  entry(
    'INT-R',
    [
      'Einschreiben International',
      'Recommandé international',
      'Raccomandata internazionale',
      'International registered',
    ],
    'international',
    'piece',
    '7.50',
    STANDARD,
    'addon',
  ),
  entry(
    'INT-PP',
    [
      'PostPac International Priority',
      'PostPac International Priority',
      'PostPac International Priority',
      'PostPac International Priority',
    ],
    'international',
    'piece',
    '45.00',
    STANDARD,
    'parcels',
  ),
  entry(
    'INT-PE',
    [
      'PostPac International Economy',
      'PostPac International Economy',
      'PostPac International Economy',
      'PostPac International Economy',
    ],
    'international',
    'piece',
    '38.00',
    STANDARD,
    'parcels',
  ),
  entry(
    'INT-KG',
    [
      'Warensendung International nach Gewicht',
      'Envoi de marchandises international au poids',
      'Invio di merci internazionale a peso',
      'International goods by weight',
    ],
    'international',
    'kg',
    '9.5000',
    STANDARD,
    'weight',
  ),
  entry(
    'INT-URG',
    ['URGENT International', 'URGENT International', 'URGENT Internazionale', 'URGENT International courier'],
    'international',
    'piece',
    '65.00',
    STANDARD,
    'express',
  ),
  // mass mailings and newspapers
  entry(
    'MM-PROMO',
    ['PromoPost unadressiert', 'PromoPost non adressé', 'PromoPost non indirizzato', 'PromoPost unaddressed'],
    'mass-mailing',
    'piece',
    '0.1950',
    STANDARD,
    'mass',
  ),
  entry(
    'MM-DIMA-B',
    [
      'Dialogmarketing B-Post',
      'Marketing direct Courrier B',
      'Marketing diretto Posta B',
      'Direct marketing B-Mail',
    ],
    'mass-mailing',
    'piece',
    '0.7400',
    STANDARD,
    'mass',
  ),
  entry(
    'MM-DIMA-A',
    [
      'Dialogmarketing A-Post',
      'Marketing direct Courrier A',
      'Marketing diretto Posta A',
      'Direct marketing A-Mail',
    ],
    'mass-mailing',
    'piece',
    '0.9300',
    STANDARD,
    'mass',
  ),
  entry(
    'MM-ZT',
    [
      'Zeitungen Tageszustellung',
      'Journaux distribution normale',
      'Giornali recapito normale',
      'Newspapers regular delivery',
    ],
    'mass-mailing',
    'piece',
    '0.4850',
    STANDARD,
    'mass',
  ),
  entry(
    'MM-ZF',
    [
      'Zeitungen Frühzustellung',
      'Journaux distribution matinale',
      'Giornali recapito mattutino',
      'Newspapers early-morning delivery',
    ],
    'mass-mailing',
    'piece',
    '0.6200',
    STANDARD,
    'mass',
  ),
  // other
  entry(
    'PF-MIETE',
    ['Postfachmiete', 'Location de case postale', 'Locazione casella postale', 'PO box rental'],
    'other',
    'month',
    '20.00',
    STANDARD,
    'once',
  ),
  entry(
    'NS-AUFTRAG',
    ['Nachsendeauftrag', 'Ordre de réexpédition', 'Ordine di rispedizione', 'Mail forwarding'],
    'other',
    'month',
    '12.00',
    STANDARD,
    'once',
  ),
  entry(
    'ADR-KORR',
    ['Adressberichtigung', 'Rectification d’adresse', 'Rettifica dell’indirizzo', 'Address correction'],
    'other',
    'piece',
    '0.50',
    STANDARD,
    'addon',
  ),
  entry(
    'FL-GEB',
    [
      'Grundgebühr Frankierlizenz',
      'Taxe de base licence d’affranchissement',
      'Tassa di base licenza d’affrancatura',
      'Franking licence base fee',
    ],
    'other',
    'flat',
    '15.00',
    STANDARD,
    'once',
  ),
  entry(
    'ABHOL',
    [
      'Abholauftrag am Firmendomizil',
      'Ordre d’enlèvement au domicile',
      'Ordine di ritiro al domicilio',
      'Pick-up at company premises',
    ],
    'other',
    'flat',
    '25.00',
    STANDARD,
    'once',
  ),
  entry(
    'EINL-SCH',
    [
      'Einlieferung am Schalter (Zuschlag)',
      'Dépôt au guichet (supplément)',
      'Impostazione allo sportello (supplemento)',
      'Counter posting surcharge',
    ],
    'other',
    'piece',
    '0.10',
    STANDARD,
    'letters',
  ),
];

export const CATALOGUE: readonly PricedService[] = ENTRIES.map((item, index) => {
  const decimals = item.price2026.split('.')[1]?.length === 4 ? 4 : 2;
  return {
    ...item,
    index,
    priceTenThousandths: parseUnitPrice(item.price2026),
    priceDecimals: decimals,
    vatBasisPoints: parseVatRate(item.vatRate),
  };
});

export const SERVICE_BY_CODE: ReadonlyMap<string, PricedService> = new Map(CATALOGUE.map((s) => [s.code, s]));

export const serviceAt = (index: number): PricedService => {
  const service = CATALOGUE[index];
  if (service === undefined) throw new Error(`no service at ${index}`);
  return service;
};

export const serviceByCode = (code: string): PricedService => {
  const service = SERVICE_BY_CODE.get(code);
  if (service === undefined) throw new Error(`unknown service ${code}`);
  return service;
};

/** The catalogue as the contract's Service objects. */
export const toContractService = (service: CatalogueEntry): Service => ({
  code: service.code,
  names: service.names,
  category: service.category,
  unit: service.unit,
});

const priceCache = new Map<number, number>();

/**
 * The list price in a given year: prices move by 3 % a year around 2026, on 1 January, rounded to
 * 5 centimes (or to the ten-thousandth for per-piece mass-mailing rates), as real tariffs are.
 */
export const priceInYear = (service: PricedService, year: number): number => {
  const key = service.index * 10_000 + year;
  const cached = priceCache.get(key);
  if (cached !== undefined) return cached;
  const percent = 100 + 3 * (Math.max(2015, Math.min(year, 2040)) - 2026);
  const granularity = service.priceDecimals === 4 ? 1 : 500;
  const raw = (service.priceTenThousandths * percent) / 100;
  const price = Math.max(granularity, Math.round(raw / granularity) * granularity);
  priceCache.set(key, price);
  return price;
};

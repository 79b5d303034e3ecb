/**
 * The business customer behind the demo credentials: a Swiss company with several debtors, each
 * billed under a few invoice reference numbers (RRN), each with its franking licences, following
 * the contract's billing hierarchy. Also each RRN's shipping habits, which drive line generation.
 */
import type { Customer, Language } from '../../shared/api/schemas';
import { CATALOGUE, serviceByCode } from './catalogue';
import type { ProfileName } from './profiles';
import { PROFILES } from './profiles';
import { createRng, hash32, pickWeighted, weightedTable, type Rng, type WeightedTable } from './prng';

export type ShippingHabit = 'correspondence' | 'e-commerce' | 'marketing' | 'export' | 'publishing' | 'mixed';

export interface RrnModel {
  readonly index: number;
  readonly number: string;
  readonly label: string;
  readonly debtorNumber: string;
  readonly habit: ShippingHabit;
  readonly licences: readonly string[];
  readonly licenceTable: WeightedTable<number>;
  readonly serviceTable: WeightedTable<number>;
  /** services billed once per invoice (rent, fees), printed first */
  readonly fixedServices: readonly number[];
  /** typical number of variable lines per monthly invoice */
  readonly baseLines: number;
  readonly customerReferenceRate: number;
}

export interface CustomerModel {
  readonly customer: Omit<Customer, 'costCenterOption'>;
  readonly rrns: readonly RrnModel[];
  readonly language: Language;
  /** the domain used for e-mail addresses in seeded preferences */
  readonly domain: string;
}

interface Identity {
  readonly name: string;
  readonly language: Language;
  readonly street: string;
  readonly town: string;
  readonly domain: string;
}

const IDENTITIES: readonly Identity[] = [
  {
    name: 'Bergmann Versand AG',
    language: 'de',
    street: 'Industriestrasse 21',
    town: '8604 Volketswil',
    domain: 'bergmann-versand.ch',
  },
  {
    name: 'Maison Rochat SA',
    language: 'fr',
    street: 'Chemin des Ateliers 8',
    town: '1023 Crissier',
    domain: 'rochat.ch',
  },
  {
    name: 'Fratelli Bernasconi SA',
    language: 'it',
    street: 'Via Cantonale 14',
    town: '6900 Lugano',
    domain: 'bernasconi.ch',
  },
  {
    name: 'Alpina Medien AG',
    language: 'de',
    street: 'Seefeldstrasse 120',
    town: '8008 Zürich',
    domain: 'alpina-medien.ch',
  },
  {
    name: 'Helvetic Trade Ltd',
    language: 'en',
    street: 'Aeschenvorstadt 55',
    town: '4051 Basel',
    domain: 'helvetic-trade.ch',
  },
];

const BRANCHES: Record<Language, readonly string[]> = {
  de: [
    'Hauptsitz',
    'Logistikzentrum Härkingen',
    'Filiale Bern',
    'Filiale Basel',
    'Kundendienst',
    'Verlag',
    'Filiale Luzern',
    'Filiale St. Gallen',
  ],
  fr: [
    'Siège',
    'Centre logistique Daillens',
    'Succursale Genève',
    'Succursale Neuchâtel',
    'Service clients',
    'Édition',
    'Succursale Sion',
    'Succursale Fribourg',
  ],
  it: [
    'Sede principale',
    'Centro logistico Cadenazzo',
    'Filiale Bellinzona',
    'Filiale Locarno',
    'Servizio clienti',
    'Editoria',
    'Filiale Mendrisio',
    'Filiale Chiasso',
  ],
  en: [
    'Head office',
    'Logistics centre Härkingen',
    'Branch Bern',
    'Branch Basel',
    'Customer service',
    'Publishing',
    'Branch Lucerne',
    'Branch St. Gallen',
  ],
};

const HABIT_LABELS: Record<Language, Record<ShippingHabit, string>> = {
  de: {
    correspondence: 'Korrespondenz',
    'e-commerce': 'Onlineshop Versand',
    marketing: 'Werbesendungen',
    export: 'Export',
    publishing: 'Zeitschriften',
    mixed: 'Allgemein',
  },
  fr: {
    correspondence: 'Correspondance',
    'e-commerce': 'Envois boutique en ligne',
    marketing: 'Publicité',
    export: 'Export',
    publishing: 'Périodiques',
    mixed: 'Général',
  },
  it: {
    correspondence: 'Corrispondenza',
    'e-commerce': 'Spedizioni shop online',
    marketing: 'Pubblicità',
    export: 'Export',
    publishing: 'Periodici',
    mixed: 'Generale',
  },
  en: {
    correspondence: 'Correspondence',
    'e-commerce': 'Web shop shipping',
    marketing: 'Advertising',
    export: 'Export',
    publishing: 'Magazines',
    mixed: 'General',
  },
};

const HABIT_WEIGHTS: readonly (readonly [ShippingHabit, number])[] = [
  ['correspondence', 3],
  ['e-commerce', 3],
  ['marketing', 2],
  ['export', 1],
  ['publishing', 1],
  ['mixed', 2],
];

// Relative weights of each service in an RRN's variable lines, by habit.
const SERVICE_MIX: Record<ShippingHabit, readonly (readonly [string, number])[]> = {
  correspondence: [
    ['A-STD', 30],
    ['B-STD', 40],
    ['A-MIDI', 8],
    ['B-MIDI', 8],
    ['A-GROSS', 6],
    ['B-GROSS', 6],
    ['R-LTR', 10],
    ['GU-LTR', 2],
    ['A-PLUS', 4],
    ['RET-LTR', 5],
    ['ADR-KORR', 4],
    ['INT-LP', 3],
    ['INT-R', 1],
    ['EINL-SCH', 2],
  ],
  'e-commerce': [
    ['PP-ECO', 40],
    ['PP-PRI', 25],
    ['PP-KG', 6],
    ['PP-SPERR', 3],
    ['PP-NN', 3],
    ['PP-SI', 8],
    ['PP-SAM', 2],
    ['PP-RET', 10],
    ['PP-PERS', 2],
    ['PP-VG', 1],
    ['EX-MOND', 3],
    ['EX-SDAY', 2],
    ['B-STD', 4],
    ['ADR-KORR', 2],
  ],
  marketing: [
    ['MM-PROMO', 10],
    ['MM-DIMA-B', 12],
    ['MM-DIMA-A', 5],
    ['B-STD', 10],
    ['B-GROSS', 4],
    ['RET-LTR', 6],
    ['ADR-KORR', 8],
  ],
  export: [
    ['INT-LP', 15],
    ['INT-LE', 15],
    ['INT-R', 6],
    ['INT-PP', 12],
    ['INT-PE', 12],
    ['INT-KG', 6],
    ['INT-URG', 3],
    ['EX-BLITZ', 1],
    ['EX-KG', 1],
    ['A-STD', 6],
  ],
  publishing: [
    ['MM-ZT', 20],
    ['MM-ZF', 10],
    ['B-GROSS', 8],
    ['A-GROSS', 3],
    ['RET-LTR', 6],
    ['ADR-KORR', 10],
    ['NS-AUFTRAG', 1],
  ],
  mixed: [
    ['A-STD', 15],
    ['B-STD', 15],
    ['R-LTR', 5],
    ['PP-ECO', 12],
    ['PP-PRI', 10],
    ['PP-SI', 3],
    ['EX-MOND', 2],
    ['EX-BLITZ', 1],
    ['INT-LP', 4],
    ['INT-PP', 2],
    ['MM-DIMA-B', 2],
    ['ADR-KORR', 2],
    ['EINL-SCH', 1],
  ],
};

const FIXED_SERVICES: Record<ShippingHabit, readonly string[]> = {
  correspondence: ['FL-GEB', 'PF-MIETE'],
  'e-commerce': ['FL-GEB', 'ABHOL'],
  marketing: ['FL-GEB'],
  export: ['FL-GEB', 'ABHOL'],
  publishing: ['FL-GEB', 'PF-MIETE'],
  mixed: ['FL-GEB'],
};

const REFERENCE_RATE: Record<ShippingHabit, number> = {
  correspondence: 0.1,
  'e-commerce': 0.55,
  marketing: 0.8,
  export: 0.35,
  publishing: 0.2,
  mixed: 0.25,
};

const uniqueNumber = (rng: Rng, used: Set<string>, make: (rng: Rng) => string): string => {
  for (;;) {
    const candidate = make(rng);
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
};

const serviceIndexTable = (mix: readonly (readonly [string, number])[]): WeightedTable<number> =>
  weightedTable(mix.map(([code, weight]) => [serviceByCode(code).index, weight] as const));

export const buildCustomerModel = (seed: number, profileName: ProfileName): CustomerModel => {
  const profile = PROFILES[profileName];
  const rng = createRng(hash32(seed, 0xc057));
  const identity = rng.pick(IDENTITIES);
  const language = identity.language;
  const used = new Set<string>();
  const customerNumber = uniqueNumber(rng, used, (r) => String(r.int(1_000_000, 9_999_999)));
  const branches = BRANCHES[language];
  const habitTable = weightedTable(HABIT_WEIGHTS);

  const rrns: RrnModel[] = [];
  const debtors: Customer['debtors'] = [];
  for (let d = 0; d < profile.debtors; d++) {
    const debtorNumber = uniqueNumber(rng, used, (r) => String(r.int(10_000_000, 99_999_999)));
    const branch = branches[d % branches.length] ?? branches[0] ?? '';
    const rrnCount = rng.int(profile.rrnsPerDebtor[0], profile.rrnsPerDebtor[1]);
    const invoiceReferences: Customer['debtors'][number]['invoiceReferences'] = [];
    for (let r = 0; r < rrnCount; r++) {
      const habit = r === 0 && d === 0 ? 'correspondence' : pickWeighted(habitTable, rng.next());
      // Most RRNs are 8 digits; newer ones were issued with 9.
      const number = uniqueNumber(rng, used, (x) =>
        x.next() < 0.75 ? String(x.int(30_000_000, 39_999_999)) : String(x.int(400_000_000, 499_999_999)),
      );
      const licenceCount = rng.int(1, profile.maxLicencesPerRrn);
      const licences = Array.from({ length: licenceCount }, () =>
        uniqueNumber(rng, used, (x) => String(x.int(60_000_000, 69_999_999))),
      );
      const label = `${HABIT_LABELS[language][habit]} ${branch}`;
      const rrnIndex = rrns.length;
      rrns.push({
        index: rrnIndex,
        number,
        label,
        debtorNumber,
        habit,
        licences,
        // The first licence carries most of the volume, as a main franking machine does.
        licenceTable: weightedTable(licences.map((_, i) => [i, i === 0 ? 4 : 1] as const)),
        serviceTable: serviceIndexTable(SERVICE_MIX[habit]),
        fixedServices: FIXED_SERVICES[habit].map((code) => serviceByCode(code).index),
        baseLines: profile.baseLines(createRng(hash32(seed, 0xba5e, rrnIndex)), habit),
        customerReferenceRate: REFERENCE_RATE[habit],
      });
      invoiceReferences.push({ number, label, frankingLicences: licences });
    }
    debtors.push({ number: debtorNumber, name: `${identity.name}, ${branch}`, invoiceReferences });
  }

  return {
    customer: {
      customerNumber,
      name: identity.name,
      language,
      address: [identity.name, identity.street, identity.town],
      debtors,
    },
    rrns,
    language,
    domain: identity.domain,
  };
};

/** Every catalogue index, to keep the catalogue and the mixes in sync (checked by tests). */
export const servicesUsedByHabits = (): ReadonlySet<string> =>
  new Set([
    ...Object.values(SERVICE_MIX).flatMap((mix) => mix.map(([code]) => code)),
    ...Object.values(FIXED_SERVICES).flat(),
  ]);

export const catalogueCodes = (): readonly string[] => CATALOGUE.map((s) => s.code);

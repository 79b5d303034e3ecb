/**
 * What a customer has already set up when the clerk first connects: a handful of cost centres,
 * assignments of some licences, RRNs and services to them, its own names for a few of them, and
 * default preferences. Derived from the customer model, so it suits the seeded customer.
 */
import type { Assignment, CostCenter, Designation, Language, Preferences } from '../../shared/api/schemas';
import type { CustomerModel } from '../data/customer';
import { makeEtag, type PersistedState } from './writableState';

const COST_CENTERS: Record<Language, readonly (readonly [string, string, string | null])[]> = {
  de: [
    ['1000', 'Geschäftsleitung', 'M. Keller'],
    ['2100', 'Marketing', 'S. Brunner'],
    ['3300', 'Logistik', 'P. Meier'],
    ['4100', 'Kundendienst', null],
    ['5200', 'Finanzen und Buchhaltung', 'R. Frei'],
  ],
  fr: [
    ['1000', 'Direction', 'C. Favre'],
    ['2100', 'Marketing', 'L. Rochat'],
    ['3300', 'Logistique', 'J. Morel'],
    ['4100', 'Service clients', null],
    ['5200', 'Finances et comptabilité', 'A. Girard'],
  ],
  it: [
    ['1000', 'Direzione', 'G. Bernasconi'],
    ['2100', 'Marketing', 'F. Rossi'],
    ['3300', 'Logistica', 'M. Ferrari'],
    ['4100', 'Servizio clienti', null],
    ['5200', 'Finanze e contabilità', 'L. Colombo'],
  ],
  en: [
    ['1000', 'Management', 'M. Keller'],
    ['2100', 'Marketing', 'S. Brunner'],
    ['3300', 'Logistics', 'P. Meier'],
    ['4100', 'Customer service', null],
    ['5200', 'Finance and accounting', 'R. Frei'],
  ],
};

const MAIN_MACHINE: Record<Language, string> = {
  de: 'Frankiermaschine Empfang',
  fr: 'Machine à affranchir réception',
  it: 'Affrancatrice ricezione',
  en: 'Franking machine reception',
};

export const seedResources = (model: CustomerModel, updatedAt: string): PersistedState => {
  let version = 0;
  const nextEtag = (content: unknown): string => makeEtag(++version, content);

  const costCenters: CostCenter[] = COST_CENTERS[model.language].map(([code, name, owner]) => {
    const content = {
      name,
      owner,
      active: true,
      objectType: 'costCenter' as const,
      monthlyBudget: code === '2100' ? '25000.00' : code === '3300' ? '40000.00' : null,
      code,
      updatedAt,
    };
    return { ...content, etag: nextEtag(content) };
  });

  const [first, second, third] = model.rrns;
  const assignmentContents = [
    first && {
      id: 'asg-licence-main',
      kind: 'frankingLicence' as const,
      key: first.licences[0] ?? '',
      splits: [{ costCenterCode: '4100', percent: 100 }],
      validFrom: null,
      validTo: null,
    },
    second && {
      id: 'asg-rrn-shared',
      kind: 'invoiceReference' as const,
      key: second.number,
      splits: [
        { costCenterCode: '3300', percent: 60 },
        { costCenterCode: '2100', percent: 40 },
      ],
      validFrom: '2025-01-01',
      validTo: null,
    },
    third && {
      id: 'asg-rrn-logistics',
      kind: 'invoiceReference' as const,
      key: third.number,
      splits: [{ costCenterCode: '3300', percent: 100 }],
      validFrom: null,
      validTo: null,
    },
    {
      id: 'asg-service-promo',
      kind: 'service' as const,
      key: 'MM-PROMO',
      splits: [{ costCenterCode: '2100', percent: 100 }],
      validFrom: null,
      validTo: null,
    },
  ];
  const assignments: Assignment[] = assignmentContents
    .filter((content) => content !== undefined)
    .map((content) => {
      const withTime = { ...content, updatedAt };
      return { ...withTime, etag: nextEtag(withTime) };
    });

  const designationContents: { kind: Designation['kind']; key: string; text: string }[] = [
    ...model.rrns
      .slice(0, 3)
      .map((rrn) => ({ kind: 'invoiceReference' as const, key: rrn.number, text: rrn.label })),
    ...(first?.licences[0] === undefined
      ? []
      : [{ kind: 'frankingLicence' as const, key: first.licences[0], text: MAIN_MACHINE[model.language] }]),
  ];
  const designations: Designation[] = designationContents.map((content) => ({
    ...content,
    etag: nextEtag(content),
  }));

  const preferences: Preferences = {
    notifications: { newDocuments: true, paymentReminders: true, emails: [`rechnungen@${model.domain}`] },
    paper: { invoiceByPost: false, detailedStatementByPost: false },
  };
  return {
    version: version + 1,
    costCenters,
    assignments,
    designations,
    preferences,
    preferencesEtag: makeEtag(version + 1, preferences),
  };
};

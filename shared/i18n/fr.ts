import type { Catalogue } from './en';

export const fr: Catalogue = {
  app: { name: 'Invoice Desk', tagline: 'Vos factures postales hors ligne, imputées à vos centres de coûts' },
  nav: {
    label: 'Navigation principale',
    overview: 'Aperçu',
    invoices: 'Factures',
    costCenters: 'Centres de coûts',
    analytics: 'Analyses',
    settings: 'Paramètres',
  },
  pages: {
    overview: { title: 'Aperçu', empty: 'Aucune facture synchronisée pour l’instant.' },
    invoices: { title: 'Factures', empty: 'Aucune facture synchronisée pour l’instant.' },
    costCenters: { title: 'Centres de coûts', empty: 'Aucun centre de coûts pour l’instant.' },
    analytics: { title: 'Analyses', empty: 'Rien à analyser pour l’instant.' },
    settings: { title: 'Paramètres' },
    notFound: { title: 'Page introuvable', back: 'Retour à l’aperçu' },
  },
  settings: {
    appearance: 'Apparence',
    language: 'Langue',
    theme: 'Thème',
    themeSystem: 'Comme le système',
    themeLight: 'Clair',
    themeDark: 'Sombre',
    about: 'À propos',
    version: 'Version {{version}} ({{platform}})',
  },
  languages: { de: 'Deutsch', fr: 'Français', it: 'Italiano', en: 'English' },
  ipc: {
    forbiddenSender: 'La demande provient d’une partie non fiable de la fenêtre.',
    invalidPayload: 'La demande était mal formée.',
    failed: 'L’application n’a pas pu exécuter la demande.',
    notAllowed: 'Cette action n’est pas autorisée.',
  },
};

import type { Catalogue } from './en';

export const de: Catalogue = {
  app: { name: 'Invoice Desk', tagline: 'Postrechnungen offline, auf Ihre Kostenstellen verteilt' },
  nav: {
    label: 'Hauptnavigation',
    overview: 'Übersicht',
    invoices: 'Rechnungen',
    costCenters: 'Kostenstellen',
    analytics: 'Auswertungen',
    settings: 'Einstellungen',
  },
  pages: {
    overview: { title: 'Übersicht', empty: 'Noch keine Rechnungen synchronisiert.' },
    invoices: { title: 'Rechnungen', empty: 'Noch keine Rechnungen synchronisiert.' },
    costCenters: { title: 'Kostenstellen', empty: 'Noch keine Kostenstellen.' },
    analytics: { title: 'Auswertungen', empty: 'Noch nichts auszuwerten.' },
    settings: { title: 'Einstellungen' },
    notFound: { title: 'Seite nicht gefunden', back: 'Zurück zur Übersicht' },
  },
  settings: {
    appearance: 'Darstellung',
    language: 'Sprache',
    theme: 'Farbschema',
    themeSystem: 'Wie das System',
    themeLight: 'Hell',
    themeDark: 'Dunkel',
    about: 'Über',
    version: 'Version {{version}} ({{platform}})',
  },
  languages: { de: 'Deutsch', fr: 'Français', it: 'Italiano', en: 'English' },
  ipc: {
    forbiddenSender: 'Die Anfrage kam aus einem nicht vertrauenswürdigen Teil des Fensters.',
    invalidPayload: 'Die Anfrage war fehlerhaft.',
    failed: 'Die Desktop-Anwendung konnte die Anfrage nicht ausführen.',
    notAllowed: 'Diese Aktion ist nicht erlaubt.',
  },
};

import type { Catalogue } from './en';

export const it: Catalogue = {
  app: { name: 'Invoice Desk', tagline: 'Le fatture postali offline, imputate ai vostri centri di costo' },
  nav: {
    label: 'Navigazione principale',
    overview: 'Panoramica',
    invoices: 'Fatture',
    costCenters: 'Centri di costo',
    analytics: 'Analisi',
    settings: 'Impostazioni',
  },
  pages: {
    overview: { title: 'Panoramica', empty: 'Nessuna fattura ancora sincronizzata.' },
    invoices: { title: 'Fatture', empty: 'Nessuna fattura ancora sincronizzata.' },
    costCenters: { title: 'Centri di costo', empty: 'Nessun centro di costo per ora.' },
    analytics: { title: 'Analisi', empty: 'Ancora niente da analizzare.' },
    settings: { title: 'Impostazioni' },
    notFound: { title: 'Pagina non trovata', back: 'Torna alla panoramica' },
  },
  settings: {
    appearance: 'Aspetto',
    language: 'Lingua',
    theme: 'Tema',
    themeSystem: 'Come il sistema',
    themeLight: 'Chiaro',
    themeDark: 'Scuro',
    about: 'Informazioni',
    version: 'Versione {{version}} ({{platform}})',
  },
  languages: { de: 'Deutsch', fr: 'Français', it: 'Italiano', en: 'English' },
  ipc: {
    forbiddenSender: 'La richiesta proviene da una parte non affidabile della finestra.',
    invalidPayload: 'La richiesta non era valida.',
    failed: 'L’applicazione non ha potuto eseguire la richiesta.',
    notAllowed: 'Questa azione non è consentita.',
  },
};

/** The reference catalogue: every other language must have exactly these keys. */
export const en = {
  app: { name: 'Invoice Desk', tagline: 'Postal invoices, offline and charged to your cost centres' },
  nav: {
    label: 'Main navigation',
    overview: 'Overview',
    invoices: 'Invoices',
    costCenters: 'Cost centres',
    analytics: 'Analytics',
    settings: 'Settings',
  },
  pages: {
    overview: { title: 'Overview', empty: 'No invoices synchronised yet.' },
    invoices: { title: 'Invoices', empty: 'No invoices synchronised yet.' },
    costCenters: { title: 'Cost centres', empty: 'No cost centres yet.' },
    analytics: { title: 'Analytics', empty: 'Nothing to analyse yet.' },
    settings: { title: 'Settings' },
    notFound: { title: 'Page not found', back: 'Back to the overview' },
  },
  settings: {
    appearance: 'Appearance',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'Follow the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    about: 'About',
    version: 'Version {{version}} ({{platform}})',
  },
  languages: { de: 'Deutsch', fr: 'Français', it: 'Italiano', en: 'English' },
  ipc: {
    forbiddenSender: 'The request came from an untrusted part of the window.',
    invalidPayload: 'The request was malformed.',
    failed: 'The desktop application could not complete the request.',
    notAllowed: 'This action is not allowed.',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof en>;

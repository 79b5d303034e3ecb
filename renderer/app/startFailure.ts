import type { Language } from '../../shared/i18n/languages';

// The catalogues are chunks of their own: when the app's files cannot be loaded (the browser build's
// server gone mid-start, a broken install), these few words are all it can say, so they live here.
export const startFailureTexts: Record<Language, { title: string; body: string; reload: string }> = {
  fr: {
    title: 'Invoice Desk n’a pas pu démarrer',
    body: 'Une partie de l’application n’a pas pu être chargée. Vos données ne sont pas touchées. Vérifiez la connexion au serveur de l’application, puis rechargez.',
    reload: 'Recharger',
  },
  de: {
    title: 'Invoice Desk konnte nicht starten',
    body: 'Ein Teil der Anwendung konnte nicht geladen werden. Ihre Daten sind unverändert. Prüfen Sie die Verbindung zum Server der Anwendung und laden Sie neu.',
    reload: 'Neu laden',
  },
  it: {
    title: 'Invoice Desk non ha potuto avviarsi',
    body: 'Una parte dell’applicazione non ha potuto essere caricata. I vostri dati non sono stati toccati. Verificate la connessione al server dell’applicazione, poi ricaricate.',
    reload: 'Ricarica',
  },
  en: {
    title: 'Invoice Desk could not start',
    body: 'Part of the app could not be loaded. Your data is untouched. Check the connection to the app’s server, then reload.',
    reload: 'Reload',
  },
};

/** Raised by the start when the clerk's catalogue did not load: keys must never reach the screen. */
export class CatalogueUnavailable extends Error {
  constructor(readonly language: Language) {
    super(`The ${language} catalogue could not be loaded`);
    this.name = 'CatalogueUnavailable';
  }
}

/** Replaces whatever the root holds with the failure, in plain DOM: React's own chunk may be what failed. */
export const showStartFailure = (root: HTMLElement, language: Language, reload: () => void): void => {
  const text = startFailureTexts[language];
  const doc = root.ownerDocument;
  const main = doc.createElement('main');
  main.className = 'archive-refused';
  main.setAttribute('role', 'alert');
  const title = doc.createElement('h1');
  title.textContent = text.title;
  const body = doc.createElement('p');
  body.textContent = text.body;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = text.reload;
  button.addEventListener('click', reload);
  main.append(title, body, button);
  root.replaceChildren(main);
  doc.documentElement.lang = language;
};

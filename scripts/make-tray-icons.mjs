// Draws the tray / menu-bar icons into resources/ (electron/tray.ts trayIconFile): an envelope, the
// app icon's motif, simplified for 16 px. macOS: trayTemplate.png and @2x, black on transparent,
// which the menu bar tints for light and dark. Windows and Linux: tray.png, white on the app's blue.
// Run once; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const envelope = (stroke) =>
  `<rect x="1.5" y="3.5" width="13" height="9" rx="1.5" fill="none" stroke="${stroke}" stroke-width="1.4"/>` +
  `<path d="M2 4.5 L8 9 L14 4.5" fill="none" stroke="${stroke}" stroke-width="1.4" stroke-linejoin="round"/>`;

const svg = (body) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">${body}</svg>`;

const render = (source, size, file) => {
  const png = new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(new URL(`../resources/${file}`, import.meta.url), png);
};

const template = svg(envelope('#000'));
render(template, 16, 'trayTemplate.png');
render(template, 32, 'trayTemplate@2x.png');
render(
  svg(`<rect x="0" y="0" width="16" height="16" rx="3" fill="#0b5cad"/>${envelope('#fff')}`),
  32,
  'tray.png',
);

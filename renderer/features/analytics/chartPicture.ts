/**
 * A chart as a PNG: the chart's SVG, with the theme's computed colours written onto every element
 * (the page's CSS variables mean nothing outside the page), drawn on a canvas under its title and
 * above its legend (recharts draws neither into the SVG here).
 */

export interface LegendEntry {
  label: string;
  colour: string;
}

// What the theme sets through CSS and an SVG drawn on its own must carry as attributes.
const STYLED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

const inlineStyles = (source: Element, target: Element) => {
  const computed = getComputedStyle(source);
  const styles = STYLED.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
  target.setAttribute('style', styles);
  for (let i = 0; i < source.children.length; i += 1) {
    const from = source.children[i];
    const to = target.children[i];
    if (from && to) inlineStyles(from, to);
  }
};

const loadImage = async (url: string): Promise<HTMLImageElement> => {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
};

const SCALE = 2;
const PAD = 16;
const TITLE = 28;
const LEGEND_ROW = 20;

export const chartToPng = async (
  container: HTMLElement,
  title: string,
  legend: readonly LegendEntry[],
): Promise<Uint8Array<ArrayBuffer>> => {
  const svg = container.querySelector('svg.recharts-surface');
  if (!(svg instanceof SVGSVGElement)) throw new Error('the chart has no picture to save');
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true);
  if (!(copy instanceof SVGSVGElement)) throw new Error('the chart has no picture to save');
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const page = getComputedStyle(container);
  const background = page.getPropertyValue('--surface').trim() || '#ffffff';
  const text = page.getPropertyValue('--text').trim() || '#000000';
  const font = page.getPropertyValue('font-family');

  const columns = Math.max(1, Math.floor((width - 2 * PAD) / 180));
  const legendHeight = Math.ceil(legend.length / columns) * LEGEND_ROW;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil((width + 2 * PAD) * SCALE);
  canvas.height = Math.ceil((height + TITLE + legendHeight + 3 * PAD) * SCALE);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas to draw the chart on');
  context.scale(SCALE, SCALE);
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = text;
  context.font = `600 15px ${font}`;
  context.textBaseline = 'middle';
  context.fillText(title, PAD, PAD + TITLE / 2);

  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    context.drawImage(await loadImage(url), PAD, PAD + TITLE, width, height);
  } finally {
    URL.revokeObjectURL(url);
  }

  context.font = `12px ${font}`;
  const columnWidth = (width - 2 * PAD) / columns;
  legend.forEach((entry, i) => {
    const x = PAD + (i % columns) * columnWidth;
    const y = 2 * PAD + TITLE + height + Math.floor(i / columns) * LEGEND_ROW;
    context.fillStyle = entry.colour;
    context.fillRect(x, y - 5, 10, 10);
    context.fillStyle = text;
    context.fillText(entry.label, x + 16, y, columnWidth - 20);
  });

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (made) => (made ? resolve(made) : reject(new Error('the picture could not be made'))),
      'image/png',
    ),
  );
  return new Uint8Array(await blob.arrayBuffer());
};

/** A resolved colour for the canvas: the legend's swatches name CSS variables. */
export const resolveColour = (element: Element, colour: string): string => {
  const variable = /^var\((--[\w-]+)\)$/.exec(colour)?.[1];
  return variable ? getComputedStyle(element).getPropertyValue(variable).trim() : colour;
};

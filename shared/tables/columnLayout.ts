/**
 * How a table's columns are laid out: which are shown, in what order, how wide. The clerk's choices
 * (a ColumnLayout) are kept apart from the columns' defaults, so a new column or a changed default
 * reaches every clerk who has not chosen otherwise, and "reset columns" is forgetting the choices.
 */

export interface ColumnSpec {
  id: string;
  /** Preferred width in pixels. */
  width: number;
  /** Narrower than this, the content is cut: amounts set it to their widest figure. */
  minWidth: number;
  /** 1: always shown by default. Larger: left out first when a narrow window cannot hold the defaults. */
  priority: number;
  /** Share of the room left over once every column has its preferred width. */
  grow?: number;
  /** Offered in the column menu, but not shown until the clerk asks for it. */
  hiddenByDefault?: boolean;
}

export interface ColumnLayout {
  /** Column ids in the clerk's order; ids not listed follow in their default order. */
  order: readonly string[];
  /** Widths the clerk set; a width set by hand is kept exactly, whatever the window. */
  widths: Readonly<Record<string, number>>;
  /** Columns the clerk showed or hid; the others follow their defaults and the window's width. */
  visible: Readonly<Record<string, boolean>>;
}

export interface FittedColumn {
  id: string;
  width: number;
}

export const EMPTY_LAYOUT: ColumnLayout = { order: [], widths: {}, visible: {} };

export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 800;
export const RESIZE_STEP = 16;

const clampWidth = (width: number) =>
  Math.round(Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, width)));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a stored layout; anything damaged or foreign is dropped, never thrown. */
export const parseColumnLayout = (text: string | null): ColumnLayout => {
  if (text === null) return EMPTY_LAYOUT;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return EMPTY_LAYOUT;
  }
  if (!isRecord(value)) return EMPTY_LAYOUT;
  const order = Array.isArray(value.order)
    ? value.order.filter((id): id is string => typeof id === 'string')
    : [];
  const widths: Record<string, number> = {};
  if (isRecord(value.widths)) {
    for (const [id, width] of Object.entries(value.widths)) {
      if (typeof width === 'number' && Number.isFinite(width)) {
        widths[id] = clampWidth(width);
      }
    }
  }
  const visible: Record<string, boolean> = {};
  if (isRecord(value.visible)) {
    for (const [id, shown] of Object.entries(value.visible)) {
      if (typeof shown === 'boolean') visible[id] = shown;
    }
  }
  return { order: [...new Set(order)], widths, visible };
};

export const serializeColumnLayout = (layout: ColumnLayout): string => JSON.stringify(layout);

export const isDefaultLayout = (layout: ColumnLayout): boolean =>
  layout.order.length === 0 &&
  Object.keys(layout.widths).length === 0 &&
  Object.keys(layout.visible).length === 0;

/** Every column id, the clerk's order first. */
export const orderedIds = (specs: readonly ColumnSpec[], layout: ColumnLayout): string[] => {
  const known = new Set(specs.map((spec) => spec.id));
  const first = layout.order.filter((id) => known.has(id));
  const listed = new Set(first);
  return [...first, ...specs.map((spec) => spec.id).filter((id) => !listed.has(id))];
};

/** Shown unless hidden: by the clerk, or by default. */
export const isChosen = (spec: ColumnSpec, layout: ColumnLayout): boolean =>
  layout.visible[spec.id] ?? !spec.hiddenByDefault;

/** The chosen columns in order, whatever the window's width (what an export writes). */
export const chosenIds = (specs: readonly ColumnSpec[], layout: ColumnLayout): string[] => {
  const byId = new Map(specs.map((spec) => [spec.id, spec]));
  return orderedIds(specs, layout).filter((id) => {
    const spec = byId.get(id);
    return spec !== undefined && isChosen(spec, layout);
  });
};

/** Moves a column by `delta` places among all columns (shown or not), staying within the ends. */
export const moveColumn = (
  specs: readonly ColumnSpec[],
  layout: ColumnLayout,
  id: string,
  delta: number,
): ColumnLayout => {
  const ids = orderedIds(specs, layout);
  const from = ids.indexOf(id);
  if (from < 0) return layout;
  const to = Math.max(0, Math.min(ids.length - 1, from + delta));
  if (to === from) return layout;
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return { ...layout, order: ids };
};

/** Puts a column where another is (dragging one header onto another). */
export const moveColumnTo = (
  specs: readonly ColumnSpec[],
  layout: ColumnLayout,
  id: string,
  targetId: string,
): ColumnLayout => {
  const ids = orderedIds(specs, layout);
  const from = ids.indexOf(id);
  const to = ids.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return layout;
  return moveColumn(specs, layout, id, to - from);
};

/**
 * Moves a column one step past the next of the `shown` columns in `direction`, so a step is never
 * spent on a column the window leaves out; without a shown neighbour, past the next column.
 */
export const moveColumnPast = (
  specs: readonly ColumnSpec[],
  layout: ColumnLayout,
  id: string,
  direction: -1 | 1,
  shown: readonly string[],
): ColumnLayout => {
  const ids = orderedIds(specs, layout);
  const from = ids.indexOf(id);
  if (from < 0) return layout;
  const neighbours = direction < 0 ? ids.slice(0, from).reverse() : ids.slice(from + 1);
  const target = neighbours.find((candidate) => shown.includes(candidate)) ?? neighbours[0];
  return target === undefined ? layout : moveColumnTo(specs, layout, id, target);
};

export const resizeColumn = (layout: ColumnLayout, id: string, width: number): ColumnLayout => ({
  ...layout,
  widths: { ...layout.widths, [id]: clampWidth(width) },
});

/** Shows or hides a column; the last shown column cannot be hidden. */
export const setColumnVisible = (
  specs: readonly ColumnSpec[],
  layout: ColumnLayout,
  id: string,
  visible: boolean,
): ColumnLayout => {
  const next = { ...layout, visible: { ...layout.visible, [id]: visible } };
  return chosenIds(specs, next).length === 0 ? layout : next;
};

/**
 * The columns shown in `available` pixels and their widths. A narrow window first shrinks the
 * columns toward their minimum widths, then leaves out the least important columns the clerk did
 * not ask for explicitly; spare room goes to the growing columns. Widths set by hand stay as set,
 * so if the clerk's own choices do not fit, the table scrolls inside itself.
 */
export const fitColumns = (
  specs: readonly ColumnSpec[],
  layout: ColumnLayout,
  available: number,
): FittedColumn[] => {
  const byId = new Map(specs.map((spec) => [spec.id, spec]));
  const shown = chosenIds(specs, layout).flatMap((id) => {
    const spec = byId.get(id);
    return spec ? [spec] : [];
  });
  // A width set by hand is kept, but never below what the content needs (an amount is never cut).
  const fixed = (spec: ColumnSpec) => {
    const width = layout.widths[spec.id];
    return width === undefined ? undefined : Math.max(width, spec.minWidth);
  };
  const least = (spec: ColumnSpec) => fixed(spec) ?? spec.minWidth;
  const sum = (columns: readonly ColumnSpec[], width: (spec: ColumnSpec) => number) =>
    columns.reduce((total, spec) => total + width(spec), 0);

  const kept = [...shown];
  while (sum(kept, least) > available) {
    // The least important automatic column goes first; among equals, the rightmost.
    let drop = -1;
    kept.forEach((spec, index) => {
      if (spec.priority <= 1 || layout.visible[spec.id] === true) return;
      if (drop < 0 || spec.priority >= (kept[drop]?.priority ?? 0)) drop = index;
    });
    if (drop < 0) break;
    kept.splice(drop, 1);
  }

  const preferred = (spec: ColumnSpec) => fixed(spec) ?? spec.width;
  const widths = new Map(kept.map((spec) => [spec.id, preferred(spec)]));
  const flexible = kept.filter((spec) => fixed(spec) === undefined);
  const total = sum(kept, preferred);
  if (total > available) {
    // Each flexible column gives up room in proportion to what it can spare above its minimum.
    const spare = (spec: ColumnSpec) => Math.max(0, spec.width - spec.minWidth);
    const slack = sum(flexible, spare);
    const deficit = Math.min(total - available, slack);
    for (const spec of flexible) {
      const share = slack === 0 ? 0 : (spare(spec) * deficit) / slack;
      widths.set(spec.id, Math.floor(spec.width - share));
    }
  } else if (total < available && Number.isFinite(available)) {
    // Before the table has measured itself there is no spare room to share out.
    const growing = flexible.filter((spec) => (spec.grow ?? 0) > 0);
    const shares = sum(growing, (spec) => spec.grow ?? 0);
    for (const spec of growing) {
      widths.set(spec.id, Math.floor(spec.width + ((available - total) * (spec.grow ?? 0)) / shares));
    }
  }
  return kept.map((spec) => ({ id: spec.id, width: widths.get(spec.id) ?? spec.width }));
};

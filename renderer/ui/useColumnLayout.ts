import { useCallback, useMemo, useState } from 'react';
import {
  chosenIds,
  EMPTY_LAYOUT,
  parseColumnLayout,
  serializeColumnLayout,
  type ColumnLayout,
} from '../../shared/tables/columnLayout';
import { readProfileSetting, useProfile, writeProfileSetting } from '../features/settings';
import { columnSpec, type Column } from './VirtualTable';

export interface ColumnLayoutState {
  layout: ColumnLayout;
  onChange: (layout: ColumnLayout) => void;
  reset: () => void;
  /** The chosen columns in order, whatever fits on screen: what an export writes. */
  chosen: string[];
}

const storageKey = (tableId: string) => `invoice-desk.columns.${tableId}`;

/** Reads the stored layout; `legacy` turns a value stored before layouts existed into one. */
const load = (profileId: string, tableId: string, legacy?: () => ColumnLayout | null): ColumnLayout => {
  const stored = readProfileSetting(localStorage, profileId, storageKey(tableId));
  if (stored !== null) return parseColumnLayout(stored);
  return legacy?.() ?? EMPTY_LAYOUT;
};

/** One table's column choices, remembered per profile like the other per-profile settings. */
export const useColumnLayout = <Row>(
  tableId: string,
  columns: readonly Column<Row>[],
  legacy?: () => ColumnLayout | null,
): ColumnLayoutState => {
  const profile = useProfile();
  const [layout, setLayout] = useState<ColumnLayout>(() => load(profile.id, tableId, legacy));
  const onChange = useCallback(
    (next: ColumnLayout) => {
      writeProfileSetting(localStorage, profile.id, storageKey(tableId), serializeColumnLayout(next));
      setLayout(next);
    },
    [profile.id, tableId],
  );
  const reset = useCallback(() => onChange(EMPTY_LAYOUT), [onChange]);
  const chosen = useMemo(() => chosenIds(columns.map(columnSpec), layout), [columns, layout]);
  return { layout, onChange, reset, chosen };
};

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNASSIGNED } from '../../../shared/allocation/assignments';
import { formatAmount, formatInteger, formatMonth } from '../../../shared/core/format';
import { exportFileName } from '../../../shared/export/filename';
import { lineGroupKeys, type LineGroup, type LineGroupKey } from '../../../shared/lines/lineIndex';
import { ExportNotice, type ExportState } from '../../ui/ExportNotice';
import { FilterField } from '../../ui/FilterField';
import { useLanguage } from '../../ui/useLanguage';
import { useLineIndexClient } from '../../workers/lineIndex/LineIndexContext';
import type { Names } from '../designations';
import { useSaveAndRecord } from '../exports';

interface LineGroupsProps {
  group: LineGroupKey | undefined;
  groups: readonly LineGroup[] | null;
  resultId: number | null;
  names: Names;
  onGroup: (group: LineGroupKey | undefined) => void;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Subtotals of the filtered lines by one key, their exact totals, and their export. */
export const LineGroups = ({ group, groups, resultId, names, onGroup }: LineGroupsProps) => {
  const { t } = useTranslation();
  const language = useLanguage();
  const saveAndRecord = useSaveAndRecord();
  const client = useLineIndexClient();
  const [exportState, setExportState] = useState<ExportState>(null);

  const labelOf = (key: string): string => {
    if (key === UNASSIGNED) return t('lines.unassigned');
    switch (group) {
      case 'service':
        return names.label('service', key);
      case 'licence':
        return names.label('frankingLicence', key);
      case 'reference':
        return names.label('invoiceReference', key);
      case 'month':
        return formatMonth(key, language, 'long');
      case 'costCenter':
      case undefined:
        return key;
    }
  };
  const groupName = group ? t(`lists.groups.${group}`) : '';
  // Under a cost-centre filter every subtotal also carries the share charged to it.
  const withCharged = (groups ?? []).some((entry) => entry.chargedNetCentimes !== null);
  const sum = (pick: (entry: LineGroup) => number) =>
    (groups ?? []).reduce((total, entry) => total + pick(entry), 0);

  const runExport = async (format: 'csv' | 'xlsx') => {
    if (resultId === null || !group) return;
    setExportState({ tone: 'ok', text: t('lists.exporting') });
    try {
      const bytes = await client.exportLines({
        resultId,
        view: 'groups',
        group,
        unassignedLabel: t('lines.unassigned'),
        format,
        columns: [],
        headers: {
          groupKey: groupName,
          groupName: `${groupName} (${t('designation.placeholder')})`,
          count: t('lists.groupLines'),
          net: t('invoice.columns.net'),
          vat: t('invoice.columns.vat'),
          gross: t('invoice.columns.gross'),
          charged: t('lines.chargedColumn'),
        },
        language,
        sheetName: t('lists.groupSheetName'),
      });
      const outcome = await saveAndRecord(
        {
          suggestedName: exportFileName(`lines-by-${group}`, new Date(), format),
          mimeType: format === 'csv' ? 'text/csv' : XLSX,
          bytes,
        },
        'lineGroups',
        0,
      );
      setExportState(outcome === 'saved' ? { tone: 'ok', text: t('lists.exported') } : null);
    } catch (error) {
      setExportState({ tone: 'error', error });
    }
  };

  return (
    <>
      <div className="filters line-groups__bar">
        <FilterField label={t('lists.groupBy')}>
          {(id) => (
            <select
              id={id}
              value={group ?? ''}
              onChange={(event) => {
                setExportState(null);
                onGroup(lineGroupKeys.find((key) => key === event.target.value));
              }}
            >
              <option value="">{t('lists.groupNone')}</option>
              {lineGroupKeys.map((key) => (
                <option key={key} value={key}>
                  {t(`lists.groups.${key}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        {group && groups && (
          <>
            <button
              type="button"
              className="secondary"
              disabled={groups.length === 0}
              onClick={() => void runExport('xlsx')}
            >
              {t('lists.exportGroupsXlsx')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={groups.length === 0}
              onClick={() => void runExport('csv')}
            >
              {t('lists.exportGroupsCsv')}
            </button>
          </>
        )}
      </div>
      <ExportNotice
        state={exportState}
        failed={(reason) => t('lists.exportFailed', { reason })}
        area="line subtotals export"
      />
      {group && groups && (
        <div className="line-groups">
          <table className="line-groups__table" aria-label={t('lists.groupTableLabel', { group: groupName })}>
            <thead>
              <tr>
                <th scope="col">{groupName}</th>
                <th scope="col" className="num">
                  {t('lists.groupLines')}
                </th>
                <th scope="col" className="num">
                  {t('invoice.columns.net')}
                </th>
                <th scope="col" className="num">
                  {t('invoice.columns.vat')}
                </th>
                <th scope="col" className="num">
                  {t('invoice.columns.gross')}
                </th>
                {withCharged && (
                  <th scope="col" className="num">
                    {t('lines.chargedColumn')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {groups.map((entry) => (
                <tr key={entry.key}>
                  <th scope="row">
                    {labelOf(entry.key)}
                    {/* A service shows its name alone elsewhere; here the code helps match the operator's list. */}
                    {group === 'service' && <span className="muted"> · {entry.key}</span>}
                  </th>
                  <td className="num">{formatInteger(entry.count, language)}</td>
                  <td className="num">{formatAmount(entry.netCentimes, language)}</td>
                  <td className="num">{formatAmount(entry.vatCentimes, language)}</td>
                  <td className="num">{formatAmount(entry.grossCentimes, language)}</td>
                  {withCharged && (
                    <td className="num">{formatAmount(entry.chargedNetCentimes ?? 0, language)}</td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('lists.groupTotal')}</th>
                <td className="num">
                  {formatInteger(
                    sum((entry) => entry.count),
                    language,
                  )}
                </td>
                <td className="num">
                  {formatAmount(
                    sum((entry) => entry.netCentimes),
                    language,
                  )}
                </td>
                <td className="num">
                  {formatAmount(
                    sum((entry) => entry.vatCentimes),
                    language,
                  )}
                </td>
                <td className="num">
                  {formatAmount(
                    sum((entry) => entry.grossCentimes),
                    language,
                  )}
                </td>
                {withCharged && (
                  <td className="num">
                    {formatAmount(
                      sum((entry) => entry.chargedNetCentimes ?? 0),
                      language,
                    )}
                  </td>
                )}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
};

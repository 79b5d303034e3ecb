import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText, type CenterRow } from '../../../shared/allocation/board';
import { ModalDialog } from '../../ui/ModalDialog';

interface AssignToDialogProps {
  count: number;
  centers: readonly CenterRow[];
  onChoose: (code: string) => void;
  onClose: () => void;
}

/**
 * The keyboard's way to a cost centre: a combobox whose list narrows as the clerk types a code or
 * a name; arrows move through it, Enter takes the highlighted centre.
 */
export const AssignToDialog = ({ count, centers, onChoose, onClose }: AssignToDialogProps) => {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => {
    const needle = foldText(text);
    return centers.filter(
      (center) => needle === '' || foldText(`${center.code} ${center.name}`).includes(needle),
    );
  }, [centers, text]);
  const activeIndex = Math.min(active, shown.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;
  const chosen = shown[activeIndex];

  return (
    <ModalDialog title={t('assignmentBoard.assignDialog.title', { count })} onClose={onClose}>
      <form
        className="board-assign"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen) onChoose(chosen.code);
        }}
      >
        <label htmlFor={`${id}-input`}>{t('assignmentBoard.assignDialog.centre')}</label>
        <input
          id={`${id}-input`}
          data-autofocus
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={chosen ? optionId(activeIndex) : undefined}
          autoComplete="off"
          placeholder={t('assignmentBoard.assignDialog.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            const moves: Record<string, number> = {
              ArrowDown: activeIndex + 1,
              ArrowUp: activeIndex - 1,
              Home: 0,
              End: shown.length - 1,
            };
            const target = moves[event.key];
            if (target === undefined || shown.length === 0) return;
            event.preventDefault();
            setActive(Math.max(0, Math.min(shown.length - 1, target)));
            document
              .getElementById(optionId(Math.max(0, Math.min(shown.length - 1, target))))
              ?.scrollIntoView({
                block: 'nearest',
              });
          }}
        />
        <ul
          id={`${id}-list`}
          role="listbox"
          className="board-assign__list"
          aria-label={t('assignmentBoard.assignDialog.centre')}
        >
          {shown.map((center, index) => (
            <li
              key={center.code}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'board-assign__option--active' : undefined}
              onClick={() => onChoose(center.code)}
            >
              <strong>{center.code}</strong> {center.name}
            </li>
          ))}
        </ul>
        {shown.length === 0 && <p role="status">{t('assignmentBoard.assignDialog.none')}</p>}
        <div className="board-dialog__buttons">
          <button type="submit" disabled={!chosen}>
            {t('assignmentBoard.assignDialog.choose')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('assignmentBoard.assignDialog.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
};

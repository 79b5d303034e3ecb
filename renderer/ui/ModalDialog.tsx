import { useEffect, useId, useRef, type ReactNode } from 'react';
import './modalDialog.css';

interface ModalDialogProps {
  title: string;
  /** Escape, the close button of the platform, or the caller's own buttons. */
  onClose: () => void;
  children: ReactNode;
  /** A wider dialog (a table inside). */
  wide?: boolean;
}

/**
 * A modal <dialog>: the browser keeps the focus inside and closes it on Escape. On open, the
 * element marked `data-autofocus` takes the focus (else the first control); on close the focus goes
 * back to where it was, so the clerk goes on in the table from the row they left.
 */
export const ModalDialog = ({ title, onClose, children, wide = false }: ModalDialogProps) => {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const before = document.activeElement;
    element.showModal();
    element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (element.open) element.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
      else document.querySelector<HTMLElement>('[role="grid"]')?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`cc-dialog modal-dialog${wide ? ' modal-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      // Escape closes a modal dialog natively; the page then forgets it (on "cancel", which comes
      // first, and on "close", which also follows a close by the platform).
      onCancel={onClose}
      onClose={onClose}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
};

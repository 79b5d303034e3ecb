import './pageDropFrame.css';

/**
 * The page-wide drop target shown while a file is dragged over the window (see `usePageFileDrop`):
 * a dashed frame over everything with what dropping does, in words. Hidden from assistive
 * technology: each page also offers a button that opens the same file picker.
 */
export const PageDropFrame = ({ text }: { text: string }) => (
  <div className="page-drop-frame" aria-hidden="true">
    <p>{text}</p>
  </div>
);

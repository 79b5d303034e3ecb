import { useEffect, useState } from 'react';

/**
 * The content-box width of `element`, kept current as the window or a surrounding panel resizes;
 * 0 until measured. Takes the element (from a callback ref) so it follows a remount.
 */
export const useElementWidth = (element: HTMLElement | null): number => {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return width;
};

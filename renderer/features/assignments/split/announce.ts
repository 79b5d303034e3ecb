/**
 * A polite live region that outlives the dialog: the split dialog closes on success, and what it
 * did must still be read out. One region for the document, created on first use.
 */
let region: HTMLElement | null = null;

export const announce = (text: string): void => {
  if (!region || !region.isConnected) {
    region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.className = 'visually-hidden';
    region.dataset.announcer = 'assignments';
    document.body.append(region);
  }
  // Cleared first, so the same sentence twice is read twice.
  region.textContent = '';
  const target = region;
  requestAnimationFrame(() => {
    target.textContent = text;
  });
};

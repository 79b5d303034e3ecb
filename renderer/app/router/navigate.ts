/**
 * Changes the route. `replace` is for typing (one history entry per search, not per keystroke);
 * everything else pushes, so Back undoes a filter change.
 */
export const navigate = (hash: string, options: { replace?: boolean } = {}): void => {
  if (window.location.hash === hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash);
    // replaceState fires no hashchange; the router listens for one.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
};

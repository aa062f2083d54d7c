import React, { useEffect } from 'react';

/**
 * Escape closes the panel; focus moves into it on open so keyboard users land on it, and goes back to where it was
 * (the function picker, the flame graph) when the panel closes.
 */
export function usePanelFocus(ref: React.RefObject<HTMLElement | null>, onClose: () => void) {
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    ref.current?.focus();
    return () => {
      // Only when focus went down with the panel: a query change that closes it must not pull focus from the picker
      // the user is typing in.
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && previous?.isConnected && previous !== document.body) {
        previous.focus();
      }
    };
    // Once per panel: the ref is the panel's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    // An open list inside the panel (the commit combobox) handles Escape itself and only closes the list.
    if (e.key === 'Escape' && !e.isDefaultPrevented()) {
      e.stopPropagation();
      onClose();
    }
  };
  return onKeyDown;
}

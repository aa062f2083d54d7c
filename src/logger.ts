// Linescope's diagnostics. Plugins must not write to the browser console (Grafana's plugin rules), so nothing is
// written unless someone asks: `localStorage.setItem('linescope.debug', '1')` in the browser, then reload.
export const DEBUG_STORAGE_KEY = 'linescope.debug';

const debugAsked = (): boolean => {
  try {
    return globalThis.localStorage?.getItem(DEBUG_STORAGE_KEY) === '1';
  } catch {
    // Storage can be refused (privacy settings, sandboxed frames): then nobody asked.
    return false;
  }
};

export const logger = {
  /** Something went wrong and Linescope worked around it. */
  warn(message: string): void {
    if (debugAsked()) {
      console.warn(`Linescope: ${message}`);
    }
  },
};

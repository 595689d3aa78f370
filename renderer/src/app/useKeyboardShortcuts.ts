import { useEffect } from 'react';
import { useSettingsStore } from '../settings/settingsStore';
import { FILTER_INPUT_ID, useListViewStore } from '../store/listViewStore';
import { useSitesStore } from '../store/sitesStore';

/** Shortcuts as shown in tooltips and aria-keyshortcuts. */
export const SHORTCUTS = {
  addSite: { keys: 'Control+N', label: 'Ctrl+N' },
  filter: { keys: 'Control+F', label: 'Ctrl+F' },
  settings: { keys: 'Control+Comma', label: 'Ctrl+,' },
} as const;

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  // An open dialog owns the keyboard (its own Escape, its own focus trap).
  if (document.querySelector('[aria-modal="true"]')) return;
  const command = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  const key = event.key.toLowerCase();

  if (command && key === 'n') {
    event.preventDefault();
    void useSitesStore.getState().addSite();
  } else if (command && key === 'f') {
    const input = document.getElementById(FILTER_INPUT_ID);
    if (!(input instanceof HTMLInputElement)) return;
    event.preventDefault();
    input.focus();
    input.select();
  } else if (command && key === ',') {
    event.preventDefault();
    useSettingsStore.getState().openSettings();
  } else if (event.key === 'Escape' && useListViewStore.getState().query) {
    useListViewStore.getState().clearQuery();
  }
}

/** Window-wide shortcuts: Ctrl+N add a site, Ctrl+F filter, Ctrl+, settings, Escape clears the filter. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

import { cleanup, render } from '@testing-library/react';
import { App } from '../app/App';
import { startApp } from '../app/startApp';
import { initialSettingsState, useSettingsStore } from '../settings/settingsStore';
import { initialListView, useListViewStore } from '../store/listViewStore';
import { initialSitesState, useSitesStore } from '../store/sitesStore';
import { applyTheme } from '../theme/applyTheme';
import type { FakeApi } from './fakeServerMarkApi';

let stopApp: (() => void) | null = null;

/** Starts the window as main.tsx does, against a fake API; undo with teardownApp(). */
export function renderApp(fake: FakeApi) {
  window.servermark = fake.api;
  useSitesStore.setState(initialSitesState());
  useListViewStore.setState(initialListView());
  useSettingsStore.setState(initialSettingsState());
  applyTheme('system');
  stopApp = startApp();
  return render(<App />);
}

export function teardownApp() {
  cleanup();
  stopApp?.();
  stopApp = null;
}

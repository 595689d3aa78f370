import { cleanup, render } from '@testing-library/react';
import { App } from '../app/App';
import { startApp } from '../app/startApp';
import { initialSitesState, useSitesStore } from '../store/sitesStore';
import type { FakeApi } from './fakeServerMarkApi';

let stopApp: (() => void) | null = null;

/** Starts the window as main.tsx does, against a fake API; undo with teardownApp(). */
export function renderApp(fake: FakeApi) {
  window.servermark = fake.api;
  useSitesStore.setState(initialSitesState());
  stopApp = startApp();
  return render(<App />);
}

export function teardownApp() {
  cleanup();
  stopApp?.();
  stopApp = null;
}

import type { ServerMarkApi } from '../../preload/serverMarkApi';

// Derived from the preload, so the window can never disagree with what it exposes.
declare global {
  interface Window {
    servermark: ServerMarkApi;
  }
}

export {};

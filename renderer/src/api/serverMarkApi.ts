import type { ServerMarkApi } from '../../../preload/serverMarkApi';

export type { ServerMarkApi };

/** The single way the window reaches main: read at call time, so tests can swap it. */
export function getServerMarkApi(): ServerMarkApi {
  const api = (window as Partial<Window>).servermark;
  if (!api) {
    throw new Error(
      'The connection to the ServerMark service is missing. Restart ServerMark; if this keeps happening, reinstall it.',
    );
  }
  return api;
}

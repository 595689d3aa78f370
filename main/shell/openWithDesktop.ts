import { shell } from 'electron';

/**
 * Opens a file in the desktop's default app (xdg-open): '' when it worked, else the reason.
 * Main computes the path; the window never sends one.
 */
export function openWithDesktop(path: string): Promise<string> {
  return shell.openPath(path);
}

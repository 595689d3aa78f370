import { Notification, shell } from 'electron';

// What the Linux desktop offers the app beyond its window: notifications and default apps.

/** Shows a desktop notification; `onClick` runs when the user clicks it. */
export function notify(title: string, body: string, onClick?: () => void): void {
  // Without a notification daemon (libnotify) there is nothing to show; the tray still says it.
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body, silent: false });
  if (onClick) notification.on('click', onClick);
  notification.show();
}

/**
 * Opens a file in the desktop's default app (xdg-open): '' when it worked, else the reason.
 * Main computes the path; the window never sends one.
 */
export function openWithDesktop(path: string): Promise<string> {
  return shell.openPath(path);
}

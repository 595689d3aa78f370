import { Notification } from 'electron';

/** Shows a desktop notification; `onClick` runs when the user clicks it. */
export function notify(title: string, body: string, onClick?: () => void): void {
  // Without a notification daemon (libnotify) there is nothing to show; the tray still says it.
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body, silent: false });
  if (onClick) notification.on('click', onClick);
  notification.show();
}

import type { Settings } from '../../../main/ipc/contract';

/** What main reports on a fresh install (DEFAULT_SETTINGS in the core). */
export const DEFAULT_TEST_SETTINGS: Settings = {
  notifications: true,
  startAtLogin: false,
  closeToTray: true,
  defaultPhp: null,
  logMaxBytes: 10 * 1024 * 1024,
  theme: 'system',
  quitNoticeShown: false,
};

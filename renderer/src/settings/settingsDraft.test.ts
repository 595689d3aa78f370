import { describe, expect, it } from 'vitest';
import type { Settings } from './settingsApi';
import { changeFrom, draftFrom } from './settingsDraft';

const saved: Settings = {
  notifications: true,
  startAtLogin: false,
  closeToTray: true,
  defaultPhp: null,
  logMaxBytes: 10 * 1024 * 1024,
  theme: 'system',
  quitNoticeShown: true,
};

describe('settings draft', () => {
  it('shows the stored values, the log cap in MiB', () => {
    expect(draftFrom(saved)).toEqual({
      theme: 'system',
      notifications: true,
      startAtLogin: false,
      closeToTray: true,
      defaultPhp: '',
      logMaxMiB: '10',
    });
    expect(draftFrom({ ...saved, logMaxBytes: 64 * 1024 }).logMaxMiB).toBe('0.063');
  });

  it('sends nothing when nothing changed, even an odd cap set elsewhere', () => {
    expect(changeFrom(saved, draftFrom(saved))).toEqual({ change: {} });
    const odd = { ...saved, logMaxBytes: 64 * 1024 };
    expect(changeFrom(odd, draftFrom(odd))).toEqual({ change: {} });
  });

  it('sends only the changed fields, converted', () => {
    const draft = {
      ...draftFrom(saved),
      theme: 'dark' as const,
      startAtLogin: true,
      defaultPhp: '  /usr/bin/php8.2 ',
      logMaxMiB: '25',
    };
    expect(changeFrom(saved, draft)).toEqual({
      change: {
        theme: 'dark',
        startAtLogin: true,
        defaultPhp: '/usr/bin/php8.2',
        logMaxBytes: 25 * 1024 * 1024,
      },
    });
  });

  it('turns an emptied PHP path back into "find it on PATH"', () => {
    const withPhp = { ...saved, defaultPhp: '/usr/bin/php8.2' };
    expect(changeFrom(withPhp, { ...draftFrom(withPhp), defaultPhp: ' ' })).toEqual({
      change: { defaultPhp: null },
    });
  });

  it('refuses a size that is not a number, and leaves the rest to main', () => {
    expect(changeFrom(saved, { ...draftFrom(saved), logMaxMiB: '' })).toHaveProperty('fieldError');
    expect(changeFrom(saved, { ...draftFrom(saved), logMaxMiB: 'ten' })).toHaveProperty(
      'fieldError',
    );
    // Out of range is main's call: it knows the limits.
    expect(changeFrom(saved, { ...draftFrom(saved), logMaxMiB: '0' })).toEqual({
      change: { logMaxBytes: 0 },
    });
  });
});

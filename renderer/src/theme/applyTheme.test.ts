// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme } from './applyTheme';

afterEach(() => applyTheme('system'));

describe('applyTheme', () => {
  it('pins light or dark on <html>', () => {
    applyTheme('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    applyTheme('light');
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
  });

  it('hands the choice back to the system', () => {
    applyTheme('dark');
    applyTheme('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});

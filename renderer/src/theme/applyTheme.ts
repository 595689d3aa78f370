export type ThemeChoice = 'system' | 'light' | 'dark';

/**
 * Pins the colour scheme on <html> (tokens.css reads data-theme), or lets the system decide:
 * 'system' removes the attribute so prefers-color-scheme applies again.
 */
export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

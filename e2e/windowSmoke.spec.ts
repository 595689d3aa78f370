import { expect, test } from './support/serverMarkTest';

// The smoke check for a packaged window: it loads, it is locked down, and it talks to main only
// through the typed API. In the "electron" project this runs against the real Electron binary.
test('the window loads locked down, with only the typed API exposed', async ({ app }) => {
  const { page } = app;
  await expect(page).toHaveTitle('ServerMark');
  await expect(page.getByRole('heading', { level: 1, name: 'ServerMark' })).toBeVisible();

  const surface = await page.evaluate(() => {
    const api = (window as unknown as { servermark: Record<string, unknown> }).servermark;
    return {
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: 'ipcRenderer' in window,
      apiKinds: [...new Set(Object.values(api).map((value) => typeof value))],
      csp:
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content') ?? '',
    };
  });
  expect(surface.require).toBe('undefined');
  expect(surface.process).toBe('undefined');
  expect(surface.ipcRenderer).toBe(false);
  expect(surface.apiKinds).toEqual(['function']);
  expect(surface.csp).toContain("default-src 'none'");
  expect(surface.csp).not.toContain('unsafe');

  // Inline script is refused by the CSP: a compromised string cannot become code.
  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
});

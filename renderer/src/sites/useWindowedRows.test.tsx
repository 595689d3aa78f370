// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';
import { rowAt, rowOffsets, rowWindow } from './useWindowedRows';

// Counts each render of a site row, by site name.
const rowRenders = vi.hoisted(() => [] as string[]);
vi.mock('./SiteRow', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./SiteRow')>();
  return {
    SiteRow(props: Parameters<typeof actual.SiteRow>[0]) {
      rowRenders.push(props.site.name);
      return actual.SiteRow(props);
    },
  };
});

afterEach(() => {
  teardownApp();
  rowRenders.length = 0;
  delete (Element.prototype as Partial<Element>).scrollIntoView;
  vi.restoreAllMocks();
});

describe('row window arithmetic', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  const offsets = rowOffsets(keys, new Map([['b', 200]]), 100);

  it('uses measured heights where known and the estimate elsewhere', () => {
    expect(offsets).toEqual([0, 100, 300, 400, 500, 600]);
  });

  it('finds the row under a position, clamped to the list', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 299)).toBe(1);
    expect(rowAt(offsets, 300)).toBe(2);
    expect(rowAt(offsets, 10_000)).toBe(4);
  });

  it('renders what the viewport shows plus the overscan, padding the rest', () => {
    expect(rowWindow(offsets, 310, 390, 0)).toEqual({
      start: 2,
      end: 3,
      padTop: 300,
      padBottom: 200,
    });
    expect(rowWindow(offsets, 310, 390, 1)).toMatchObject({ start: 1, end: 4 });
  });

  it('keeps a pinned row (the focused one) rendered wherever the viewport is', () => {
    expect(rowWindow(offsets, 510, 590, 0, [0])).toMatchObject({ start: 0, end: 5, padTop: 0 });
  });

  it('has nothing to render for an empty list', () => {
    expect(rowWindow(rowOffsets([], new Map(), 100), 0, 800, 3)).toEqual({
      start: 0,
      end: 0,
      padTop: 0,
      padBottom: 0,
    });
  });
});

describe('a long site list', () => {
  const manySites = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      siteStatus({
        site: `s${String(i).padStart(3, '0')}`,
        name: `site-${String(i).padStart(3, '0')}`,
      }),
    );

  it('renders only the rows near the viewport, each telling its place in the whole list', async () => {
    renderApp(createFakeApi(manySites(500)));
    const list = await screen.findByRole('list', { name: 'Sites' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]).toHaveProperty('ariaLabel', 'site-000');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('500');
    // The padding stands in for the 480-odd rows that are not there.
    expect(parseFloat(list.style.paddingBottom)).toBeGreaterThan(400 * 96);
  });

  it('shows a far row that main asks to show, and focuses it', async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    // jsdom has no layout: scrolling moves the list up by what the list asked for.
    let scrollY = 0;
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation((options) => {
      scrollY += (options as ScrollToOptions).top ?? 0;
    });
    vi.spyOn(HTMLUListElement.prototype, 'getBoundingClientRect').mockImplementation(
      () => ({ top: -scrollY }) as DOMRect,
    );
    const fake = createFakeApi(manySites(500));
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'site-000' });
    expect(screen.queryByRole('listitem', { name: 'site-400' })).toBeNull();

    act(() => fake.pushFocusSite('s400'));

    const row = await screen.findByRole('listitem', { name: 'site-400' });
    expect(row.getAttribute('aria-posinset')).toBe('401');
    expect(scrollBy).toHaveBeenCalledWith(
      expect.objectContaining({ top: expect.any(Number) as number }),
    );
    expect(scrolled).toEqual([row]);
    expect(document.activeElement).toBe(row);
    // Only the rows around it were rendered, not the 400 before it.
    expect(screen.getAllByRole('listitem').length).toBeLessThan(30);
  });

  it('re-renders only the row whose site changed when main pushes the whole list again', async () => {
    const sites = manySites(20);
    const fake = createFakeApi(sites);
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'site-003' });
    rowRenders.length = 0;

    // Every status is re-read (new readAt); only site-003 changed.
    act(() =>
      fake.push(
        sites.map((site) =>
          siteStatus({ ...site, state: site.site === 's003' ? 'running' : site.state }),
        ),
      ),
    );

    const row = screen.getByRole('listitem', { name: 'site-003' });
    expect(within(row).getByTestId('state-badge').textContent).toBe('Running');
    expect(rowRenders).toEqual(['site-003']);
  });
});

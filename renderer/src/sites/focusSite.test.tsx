// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result, SiteStatus } from '../../../main/ipc/contract';
import { createFakeApi, deferred, ok, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';

afterEach(() => {
  teardownApp();
  vi.useRealTimers();
  // jsdom has no scrollIntoView; the first test lends one.
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

const sites = () => [
  siteStatus({ site: 'a', name: 'shop' }),
  siteStatus({ site: 'b', name: 'blog' }),
];

describe('focus a site (a notification was clicked)', () => {
  it('scrolls the row into view, focuses it and flashes it briefly', async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const fake = createFakeApi(sites());
    renderApp(fake);
    const blog = await screen.findByRole('listitem', { name: 'blog' });

    vi.useFakeTimers({ toFake: ['setTimeout'] });
    act(() => fake.pushFocusSite('b'));

    expect(scrolled).toEqual([blog]);
    expect(document.activeElement).toBe(blog);
    expect(blog.hasAttribute('data-highlight')).toBe(true);
    act(() => vi.advanceTimersByTime(2_000));
    expect(blog.hasAttribute('data-highlight')).toBe(false);
  });

  it('clears a filter that hides the site', async () => {
    const fake = createFakeApi(sites());
    renderApp(fake);
    await userEvent.type(
      await screen.findByRole('searchbox', { name: 'Filter sites by name or path' }),
      'shop',
    );
    expect(screen.queryByRole('listitem', { name: 'blog' })).toBeNull();

    act(() => fake.pushFocusSite('b'));

    const blog = await screen.findByRole('listitem', { name: 'blog' });
    await waitFor(() => expect(document.activeElement).toBe(blog));
    expect(
      (screen.getByRole('searchbox', { name: 'Filter sites by name or path' }) as HTMLInputElement)
        .value,
    ).toBe('');
  });

  it('waits for the list when the request comes before it loaded', async () => {
    const fake = createFakeApi([]);
    const reply = deferred<Result<SiteStatus[]>>();
    fake.api.getStatus.mockReturnValueOnce(reply.promise);
    renderApp(fake);

    act(() => fake.pushFocusSite('b'));
    await act(async () => reply.resolve(ok(sites())));

    const blog = await screen.findByRole('listitem', { name: 'blog' });
    await waitFor(() => expect(document.activeElement).toBe(blog));
  });
});

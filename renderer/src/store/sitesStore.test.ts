// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Result, SiteStatus } from '../../../main/ipc/contract';
import { createFakeApi, deferred, ok, siteStatus } from '../testing/fakeServerMarkApi';
import { initialSitesState, useSitesStore } from './sitesStore';

beforeEach(() => {
  useSitesStore.setState(initialSitesState());
});

describe('sitesStore', () => {
  it('ignores a re-read that answers after a newer start reply', async () => {
    const stopped = siteStatus({ site: 'a', name: 'shop', state: 'stopped' });
    const fake = createFakeApi([stopped]);
    window.servermark = fake.api;
    await useSitesStore.getState().load();

    // A focus re-read leaves with the old state; the start reply is read later but arrives first.
    const staleRead = deferred<Result<SiteStatus[]>>();
    fake.api.getStatus.mockReturnValueOnce(staleRead.promise);
    const refresh = useSitesStore.getState().refresh();
    await useSitesStore.getState().toggle('a');
    staleRead.resolve(ok([stopped]));
    await refresh;

    expect(useSitesStore.getState().sites[0]?.state).toBe('running');
  });

  it('turns a rejected call into a row error and clears busy', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'running' })]);
    window.servermark = fake.api;
    await useSitesStore.getState().load();
    fake.api.stopWorkers.mockRejectedValueOnce(new Error('IPC channel closed'));

    await useSitesStore.getState().toggle('a');

    const state = useSitesStore.getState();
    expect(state.errors.a?.message).toBe('IPC channel closed');
    expect(state.errors.a?.operation).toBe('stopping');
    expect(state.busy).toEqual({});
  });

  it('does nothing when the folder picker is cancelled', async () => {
    const fake = createFakeApi([]);
    window.servermark = fake.api;
    await useSitesStore.getState().load();

    await useSitesStore.getState().addSite();

    expect(fake.api.getStatus).toHaveBeenCalledTimes(1);
    expect(useSitesStore.getState().addError).toBeNull();
    expect(useSitesStore.getState().adding).toBe(false);
  });
});

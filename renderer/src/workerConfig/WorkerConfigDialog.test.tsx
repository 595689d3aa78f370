// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldErrors, SiteWorkerConfig, WorkerOptions } from '../../../main/ipc/contract';
import { createFakeApi, deferred, ok, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';
import { fakeOptions, fakeSiteWorkerConfig, fakeWorker } from './testing/fakeWorkerConfig';
import { initialWorkerConfigState, useWorkerConfigStore } from './workerConfigStore';

beforeEach(() => useWorkerConfigStore.setState(initialWorkerConfigState()));
afterEach(teardownApp);

const SITE = 'site0001';

/** The text of everything a control is described by, as a screen reader reads it after its name. */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

interface SetupOptions {
  state?: 'running' | 'stopped';
  laravelVersion?: string;
  workers?: SiteWorkerConfig['workers'];
  /** What main answers to the next save, instead of saving it. */
  refuseWith?: FieldErrors;
}

function setup({
  state = 'running',
  laravelVersion = '8.83.26',
  workers,
  refuseWith,
}: SetupOptions = {}) {
  const fake = createFakeApi([siteStatus({ site: SITE, name: 'shop', state, laravelVersion })]);
  let config = fakeSiteWorkerConfig(
    SITE,
    'shop',
    workers ?? [fakeWorker('default', fakeOptions({ queues: ['high', 'default'] }))],
    laravelVersion,
  );
  fake.api.getWorkerConfig.mockImplementation(async () => ok(config));
  fake.api.setWorkerConfig.mockImplementation(async (_site, worker, patch) => {
    if (refuseWith) return ok({ ok: false, errors: refuseWith });
    config = {
      ...config,
      workers: config.workers.map((w) =>
        w.name === worker
          ? fakeWorker(w.name, { ...w.options, ...(patch as Partial<WorkerOptions>) })
          : w,
      ),
    };
    const processes = config.workers.find((w) => w.name === worker)!.options.processes;
    const restarted =
      state === 'running'
        ? Array.from({ length: processes }, (_, i) => `unit-${worker}@${i + 1}.service`)
        : [];
    return ok({
      ok: true,
      config,
      status: siteStatus({ site: SITE, name: 'shop' }),
      restarted,
      stopped: [],
    });
  });
  renderApp(fake);
  return { fake, config: () => config };
}

async function openConfig() {
  const row = await screen.findByRole('listitem', { name: 'shop' });
  await userEvent.click(within(row).getByRole('button', { name: 'Configure shop' }));
  const dialog = await screen.findByRole('dialog', { name: 'Worker settings · shop' });
  await within(dialog).findByRole('form', { name: 'Settings of worker default' });
  return dialog;
}

describe('Worker settings', () => {
  it('labels every option, shows its unit, and the exact command from main', async () => {
    setup();
    const dialog = await openConfig();
    const d = within(dialog);
    expect(d.getByRole('tab', { name: 'default' }).getAttribute('aria-selected')).toBe('true');
    expect(d.getByRole('combobox', { name: 'Connection' })).toBeTruthy();
    for (const [label, value] of [
      ['Sleep', '3'],
      ['Tries', '3'],
      ['Timeout', '60'],
      ['Backoff', '0'],
      ['Memory limit', '128'],
      ['Max jobs', '0'],
      ['Max time', '3600'],
      ['Rest', '0'],
      ['Processes', '1'],
      ['Stop wait', ''],
    ] as const) {
      expect((d.getByRole('spinbutton', { name: label }) as HTMLInputElement).value).toBe(value);
    }
    // The unit is on screen beside the number and in words in its description.
    const memory = d.getByRole('spinbutton', { name: 'Memory limit' });
    expect(memory.parentElement?.textContent).toContain('MB');
    expect(description(d.getByRole('spinbutton', { name: 'Timeout' }))).toContain('seconds');
    expect(d.getByRole('switch', { name: 'Run in maintenance mode' })).toBeTruthy();
    expect(d.getByRole('textbox', { name: 'PHP binary' })).toBeTruthy();
    expect(d.getByRole('group', { name: 'Environment variables' })).toBeTruthy();
    expect(d.getByRole('list', { name: 'Queues' }).textContent).toContain('high');
    expect(d.getByTestId('worker-command').textContent).toBe(
      '/usr/bin/php8.2 artisan queue:work --queue=high,default --sleep=3 --tries=3 --timeout=60',
    );
  });

  it('turns off what the site’s Laravel lacks, saying which version it needs', async () => {
    setup({ laravelVersion: '8.20.1' });
    const dialog = await openConfig();
    const json = within(dialog).getByRole('switch', { name: 'JSON output' }) as HTMLInputElement;
    expect(json.disabled).toBe(true);
    expect(description(json)).toContain('Needs Laravel 11.27+ (this site runs 8.20.1).');
    const rest = within(dialog).getByRole('spinbutton', { name: 'Rest' }) as HTMLInputElement;
    expect(rest.disabled).toBe(true);
    expect(description(rest)).toContain('Needs Laravel 8.32+');
    const maxJobs = within(dialog).getByRole('spinbutton', {
      name: 'Max jobs',
    }) as HTMLInputElement;
    expect(maxJobs.disabled).toBe(false);
  });

  it('shows main’s warnings beside the field they are about', async () => {
    const warning = {
      code: 'TIMEOUT_NOT_BELOW_RETRY_AFTER' as const,
      field: 'timeout' as const,
      message: 'The timeout (95 s) is not below retry_after (90 s on "database").',
    };
    setup({ workers: [fakeWorker('default', fakeOptions({ timeout: 95 }), [warning])] });
    const dialog = await openConfig();
    const timeout = within(dialog).getByRole('spinbutton', { name: 'Timeout' });
    expect(description(timeout)).toContain(warning.message);
    expect(description(within(dialog).getByRole('spinbutton', { name: 'Tries' }))).not.toContain(
      'retry_after',
    );
  });

  it('puts main’s refusal under each field, marks it invalid, and saves nothing', async () => {
    const { fake } = setup({
      refuseWith: {
        processes: 'must be a whole number from 1 to 64',
        memory: 'must be a whole number from 16 to 65536',
      },
    });
    const dialog = await openConfig();
    const d = within(dialog);
    const processes = d.getByRole('spinbutton', { name: 'Processes' });
    const memory = d.getByRole('spinbutton', { name: 'Memory limit' });
    await userEvent.clear(processes);
    await userEvent.type(processes, '0');
    await userEvent.clear(memory);
    await userEvent.type(memory, '8');
    await userEvent.click(d.getByRole('button', { name: 'Save and restart' }));

    expect(fake.api.setWorkerConfig).toHaveBeenCalledWith(SITE, 'default', {
      processes: 0,
      memory: 8,
    });
    await waitFor(() => expect(processes.getAttribute('aria-invalid')).toBe('true'));
    expect(description(processes)).toContain('Must be a whole number from 1 to 64.');
    expect(memory.getAttribute('aria-invalid')).toBe('true');
    expect(description(memory)).toContain('Must be a whole number from 16 to 65536.');
    expect(d.getByRole('alert').textContent).toContain('Nothing was saved: 2 values need fixing.');
    // The first field main named takes focus (memory comes first in the form).
    expect(document.activeElement).toBe(memory);
    // What the window shows as saved did not change: Discard puts the saved values back.
    expect(d.getByTestId('worker-command').textContent).toContain('--timeout=60');
    await userEvent.click(d.getByRole('button', { name: 'Discard changes' }));
    expect((processes as HTMLInputElement).value).toBe('1');
    expect(processes.getAttribute('aria-invalid')).toBeNull();
  });

  it('says "Save and restart" for a running worker, is busy while main works, then says what it did', async () => {
    const { fake } = setup();
    const reply = deferred<void>();
    const dialog = await openConfig();
    const d = within(dialog);
    const save = d.getByRole('button', { name: 'Save and restart' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const processes = d.getByRole('spinbutton', { name: 'Processes' });
    await userEvent.clear(processes);
    await userEvent.type(processes, '2');
    const real = fake.api.setWorkerConfig.getMockImplementation()!;
    fake.api.setWorkerConfig.mockImplementationOnce(async (...args) => {
      await reply.promise;
      return real(...args);
    });
    await userEvent.click(save);
    expect(save.getAttribute('aria-busy')).toBe('true');
    expect(save.textContent).toBe('Saving and restarting…');
    expect(save.disabled).toBe(true);

    await act(async () => reply.resolve());
    await waitFor(() =>
      expect(d.getByRole('status').textContent).toBe(
        'Saved. Restarted 2 processes with the new settings.',
      ),
    );
    expect(save.getAttribute('aria-busy')).toBeNull();
    expect((processes as HTMLInputElement).value).toBe('2');
    expect(d.getByRole('tab', { name: 'default' }).textContent).toBe('default');
  });

  it('says plain "Save" for a stopped worker', async () => {
    setup({ state: 'stopped' });
    const dialog = await openConfig();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Save and restart' })).toBeNull();
  });

  it('edits the queue list from the keyboard alone, focus following the moved queue', async () => {
    const { fake } = setup();
    const dialog = await openConfig();
    const d = within(dialog);
    const input = d.getByRole('textbox', { name: 'New queue name' });
    act(() => input.focus());
    await userEvent.keyboard('emails{Enter}');
    const names = () =>
      within(d.getByRole('list', { name: 'Queues' }))
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.queue-list__name')?.textContent);
    expect(names()).toEqual(['high', 'default', 'emails']);
    expect((input as HTMLInputElement).value).toBe('');

    act(() => d.getByRole('button', { name: 'Move emails up' }).focus());
    await userEvent.keyboard('{Enter}');
    expect(names()).toEqual(['high', 'emails', 'default']);
    expect(document.activeElement).toBe(d.getByRole('button', { name: 'Move emails up' }));
    await userEvent.keyboard('{Enter}');
    expect(names()).toEqual(['emails', 'high', 'default']);
    // "Move up" is off at the top, so focus moved to its "Move down".
    expect(document.activeElement).toBe(d.getByRole('button', { name: 'Move emails down' }));

    act(() => d.getByRole('button', { name: 'Remove queue high' }).focus());
    await userEvent.keyboard(' ');
    expect(names()).toEqual(['emails', 'default']);
    expect(document.activeElement).toBe(d.getByRole('button', { name: 'Remove queue default' }));

    // A duplicate is refused on the spot.
    act(() => input.focus());
    await userEvent.keyboard('emails{Enter}');
    expect(description(input)).toContain('“emails” is already in the list.');
    expect(names()).toEqual(['emails', 'default']);

    await userEvent.click(d.getByRole('button', { name: 'Save and restart' }));
    expect(fake.api.setWorkerConfig).toHaveBeenCalledWith(SITE, 'default', {
      queues: ['emails', 'default'],
    });
  });

  it('shows a refused environment variable under its own row', async () => {
    setup({ refuseWith: { 'env.1X': '"1X" is not a valid variable name' } });
    const dialog = await openConfig();
    const d = within(dialog);
    await userEvent.click(d.getByRole('button', { name: 'Add variable' }));
    expect(document.activeElement).toBe(d.getByRole('textbox', { name: 'Name of variable 1' }));
    await userEvent.keyboard('1X');
    await userEvent.type(d.getByRole('textbox', { name: 'Value of 1X' }), 'on');
    await userEvent.click(d.getByRole('button', { name: 'Save and restart' }));
    const name = d.getByRole('textbox', { name: 'Name of variable 1' });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(description(name)).toBe('"1X" is not a valid variable name.');
  });

  it('adds a worker by name, showing main’s message for a bad one', async () => {
    const { fake } = setup();
    const added = fakeSiteWorkerConfig(SITE, 'shop', [fakeWorker('default'), fakeWorker('emails')]);
    fake.api.addWorker
      .mockResolvedValueOnce(
        ok({ ok: false, errors: { name: 'must be 1 to 32 lowercase letters' } }),
      )
      .mockResolvedValueOnce(
        ok({
          ok: true,
          config: added,
          status: siteStatus({ site: SITE, name: 'shop' }),
          restarted: ['u'],
          stopped: [],
        }),
      );
    const dialog = await openConfig();
    const d = within(dialog);
    await userEvent.click(d.getByRole('button', { name: 'Add worker' }));
    const name = d.getByRole('textbox', { name: 'New worker name' });
    expect(document.activeElement).toBe(name);
    await userEvent.keyboard('Emails{Enter}');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(description(name)).toContain('Must be 1 to 32 lowercase letters.');

    await userEvent.clear(name);
    await userEvent.keyboard('emails{Enter}');
    await waitFor(() =>
      expect(d.getByRole('tab', { name: 'emails' }).getAttribute('aria-selected')).toBe('true'),
    );
    expect(fake.api.addWorker).toHaveBeenLastCalledWith(SITE, 'emails');
    expect(d.getByRole('status').textContent).toBe('Worker emails added and started.');
  });

  it('removes a worker only after a confirmation that starts on Cancel', async () => {
    const { fake } = setup({ workers: [fakeWorker('default'), fakeWorker('emails')] });
    fake.api.removeWorker.mockResolvedValue(ok(siteStatus({ site: SITE, name: 'shop' })));
    const dialog = await openConfig();
    const d = within(dialog);
    expect((d.getByRole('button', { name: 'Remove worker' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    await userEvent.click(d.getByRole('tab', { name: 'emails' }));
    await userEvent.click(d.getByRole('button', { name: 'Remove worker' }));
    expect(document.activeElement).toBe(d.getByRole('button', { name: 'Cancel' }));
    expect(fake.api.removeWorker).not.toHaveBeenCalled();

    fake.api.getWorkerConfig.mockResolvedValue(ok(fakeSiteWorkerConfig(SITE, 'shop')));
    await userEvent.click(d.getByRole('button', { name: 'Remove worker emails' }));
    expect(fake.api.removeWorker).toHaveBeenCalledWith(SITE, 'emails');
    await waitFor(() => expect(d.queryByRole('tab', { name: 'emails' })).toBeNull());
    expect(d.getByRole('tab', { name: 'default' }).getAttribute('aria-selected')).toBe('true');
    // The last worker cannot go: a site keeps at least one.
    expect((d.getByRole('button', { name: 'Remove worker' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('switches workers with the arrow keys and keeps unsaved edits of each', async () => {
    setup({ workers: [fakeWorker('default'), fakeWorker('emails')] });
    const dialog = await openConfig();
    const d = within(dialog);
    const sleep = () => d.getByRole('spinbutton', { name: 'Sleep' }) as HTMLInputElement;
    await userEvent.clear(sleep());
    await userEvent.type(sleep(), '7');
    act(() => d.getByRole('tab', { name: /^default/ }).focus());
    await userEvent.keyboard('{ArrowRight}');
    expect(d.getByRole('tab', { name: 'emails' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(d.getByRole('tab', { name: 'emails' }));
    expect(sleep().value).toBe('3');
    // The default tab says it has unsaved changes.
    expect(d.getByRole('tab', { name: 'default (unsaved changes)' })).toBeTruthy();
    await userEvent.keyboard('{ArrowLeft}');
    expect(sleep().value).toBe('7');
  });
});

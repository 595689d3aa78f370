import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeTray } from '../../testing/fakeElectron';
import type { TrayAction } from './trayMenuModel';
import { buildTrayModel } from './trayMenuModel';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);
const { createSystemTray } = await import('./systemTray');

describe('system tray glue', () => {
  it('rebuilds the menu on every change, swaps the icon by state and routes clicks to actions', () => {
    const actions: TrayAction[] = [];
    const tray = createSystemTray('/icons', (action) => actions.push(action));
    const native = FakeTray.created.at(-1)!;
    expect(native.image).toEqual({ path: '/icons/idle.png' });

    tray.show(buildTrayModel({ statuses: [], busy: new Set() }));
    const first = native.menu;
    tray.show(buildTrayModel({ statuses: null, busy: new Set(), error: 'No user manager' }));
    expect(native.menu).not.toBe(first);
    expect(native.image).toEqual({ path: '/icons/problem.png' });
    expect(native.tooltip).toBe('ServerMark — No user manager');

    native.menu.find((item) => item.label === 'Open ServerMark')!.click!();
    native.menu.find((item) => item.label === 'Quit ServerMark')!.click!();
    native.emit('click');
    expect(actions).toEqual([{ kind: 'open' }, { kind: 'quit' }, { kind: 'open' }]);
    expect(native.menu.find((item) => item.label === 'Start all')?.enabled).toBe(false);
  });
});

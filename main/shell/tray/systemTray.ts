import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { TrayAction, TrayIconState, TrayModel } from './trayMenuModel';

export interface SystemTray {
  /** Linux trays only pick up a new menu through setContextMenu: rebuild on every change. */
  show(model: TrayModel): void;
  destroy(): void;
}

export function createSystemTray(
  iconDir: string,
  onAction: (action: TrayAction) => void,
): SystemTray {
  // Electron picks `<state>@2x.png` beside each file on HiDPI screens.
  const icon = (state: TrayIconState) => nativeImage.createFromPath(join(iconDir, `${state}.png`));
  const tray = new Tray(icon('idle'));
  let shownIcon: TrayIconState = 'idle';
  tray.on('click', () => onAction({ kind: 'open' }));

  return {
    show(model) {
      if (model.icon !== shownIcon) {
        tray.setImage(icon(model.icon));
        shownIcon = model.icon;
      }
      tray.setToolTip(model.tooltip);
      const template: MenuItemConstructorOptions[] = model.items.map((item) =>
        item.type === 'separator'
          ? { type: 'separator' }
          : {
              label: item.label,
              type: item.type,
              checked: item.checked,
              enabled: item.enabled ?? true,
              click: item.action ? () => onAction(item.action!) : undefined,
            },
      );
      tray.setContextMenu(Menu.buildFromTemplate(template));
    },
    destroy: () => tray.destroy(),
  };
}

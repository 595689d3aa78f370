import { describe, expect, it } from 'vitest';
import { propertyInterface, SERVICE_INTERFACE, showText, UNIT_INTERFACE } from './unitPropertyText';

describe('showText', () => {
  it('prints timestamps as `show --timestamp=unix` does: whole seconds after @, empty when unset', () => {
    expect(showText('ActiveEnterTimestamp', 1_733_339_701_999_999)).toBe('@1733339701');
    expect(showText('ActiveEnterTimestamp', 0)).toBe('');
    expect(showText('ActiveEnterTimestamp', 2 ** 64)).toBe('');
  });

  it('prints numbers, strings and booleans as systemctl does', () => {
    expect(showText('MainPID', 4242)).toBe('4242');
    expect(showText('ExecMainStatus', -1)).toBe('-1');
    expect(showText('Result', 'start-limit-hit')).toBe('start-limit-hit');
    expect(showText('CanStart', true)).toBe('yes');
    expect(showText('CanStart', false)).toBe('no');
  });
});

describe('propertyInterface', () => {
  it('knows which part of the unit holds each state property', () => {
    for (const name of ['Result', 'MainPID', 'NRestarts', 'ExecMainCode', 'ExecMainStatus']) {
      expect(propertyInterface(name)).toBe(SERVICE_INTERFACE);
    }
    for (const name of ['LoadState', 'ActiveState', 'SubState', 'ActiveEnterTimestamp']) {
      expect(propertyInterface(name)).toBe(UNIT_INTERFACE);
    }
  });
});

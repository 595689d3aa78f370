import { describe, expect, it } from 'vitest';
import { fakeOptions } from './testing/fakeWorkerConfig';
import { draftFrom, envRow, isDirty, patchFrom } from './workerDraft';

describe('patchFrom', () => {
  it('sends nothing when nothing changed, so an option this Laravel lacks is never resent', () => {
    const options = fakeOptions({ queues: ['emails'], env: { A: '1' }, stopWaitSeconds: null });
    expect(patchFrom(options, draftFrom(options))).toEqual({ patch: {} });
    expect(isDirty(options, draftFrom(options))).toBe(false);
  });

  it('sends only the changed fields, numbers as numbers', () => {
    const options = fakeOptions();
    const draft = draftFrom(options);
    draft.numbers.processes = ' 2 ';
    draft.queues = ['emails', 'default'];
    draft.force = true;
    expect(patchFrom(options, draft)).toEqual({
      patch: { processes: 2, queues: ['emails', 'default'], force: true },
    });
  });

  it('passes text that is not a whole number through, for main to refuse with its range', () => {
    const options = fakeOptions();
    const draft = draftFrom(options);
    draft.numbers.memory = '1.5';
    draft.numbers.sleep = '';
    expect(patchFrom(options, draft)).toEqual({ patch: { memory: '1.5', sleep: '' } });
  });

  it('reads an empty stop wait, connection or PHP as "use the default" (null)', () => {
    const options = fakeOptions({
      stopWaitSeconds: 90,
      connection: 'redis',
      php: '/usr/bin/php8.3',
    });
    const draft = draftFrom(options);
    draft.numbers.stopWaitSeconds = '';
    draft.connection = '';
    draft.php = '  ';
    expect(patchFrom(options, draft)).toEqual({
      patch: { stopWaitSeconds: null, connection: null, php: null },
    });
  });

  it('builds the environment from its rows, skipping blank rows', () => {
    const options = fakeOptions({ env: { APP_DEBUG: 'false' } });
    const draft = draftFrom(options);
    draft.env = [envRow('APP_DEBUG', 'true'), envRow('', ''), envRow(' MAIL_MAILER ', 'log')];
    expect(patchFrom(options, draft)).toEqual({
      patch: { env: { APP_DEBUG: 'true', MAIL_MAILER: 'log' } },
    });
  });

  it('refuses a variable named twice here, since one object cannot carry both to main', () => {
    const options = fakeOptions();
    const draft = draftFrom(options);
    draft.env = [envRow('A', '1'), envRow('A', '2')];
    expect(patchFrom(options, draft)).toEqual({ errors: { env: 'A is listed twice.' } });
  });
});

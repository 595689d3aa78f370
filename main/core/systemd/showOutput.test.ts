import { describe, expect, it } from 'vitest';
import { parseShowOutput } from './showOutput';

describe('parseShowOutput', () => {
  it('keys blocks by Id, whatever order systemd prints properties in', () => {
    const out = [
      'ActiveState=active',
      'Id=a@1.service',
      'MainPID=10',
      'ExecMainStatus=0',
      '',
      'Id=a@2.service',
      'ActiveState=failed',
      'Result=start-limit-hit',
      'ActiveEnterTimestamp=',
      '',
    ].join('\n');
    const units = parseShowOutput(out);
    expect([...units.keys()]).toEqual(['a@1.service', 'a@2.service']);
    expect(units.get('a@1.service')).toEqual({
      ActiveState: 'active',
      Id: 'a@1.service',
      MainPID: '10',
      ExecMainStatus: '0',
    });
    expect(units.get('a@2.service')).toEqual({
      Id: 'a@2.service',
      ActiveState: 'failed',
      Result: 'start-limit-hit',
      ActiveEnterTimestamp: '',
    });
  });

  it('keeps everything after the first "=" in a value', () => {
    const units = parseShowOutput('Id=x.service\nDescription=a=b = c\nEnvironment=A=1 B=2');
    expect(units.get('x.service')).toMatchObject({
      Description: 'a=b = c',
      Environment: 'A=1 B=2',
    });
  });

  it('handles a missing unit, several blank lines and a trailing newline', () => {
    const out =
      'Id=gone.service\nLoadState=not-found\nActiveState=inactive\n\n\n\nId=b.service\nLoadState=loaded\n';
    const units = parseShowOutput(out);
    expect(units.get('gone.service')).toMatchObject({ LoadState: 'not-found' });
    expect(units.get('b.service')).toMatchObject({ LoadState: 'loaded' });
    expect(units.size).toBe(2);
  });

  it('ignores blocks without an Id and empty output', () => {
    expect(parseShowOutput('').size).toBe(0);
    expect(parseShowOutput('ActiveState=active\n').size).toBe(0);
    expect(parseShowOutput('=x\nnot a property\n').size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { statsCli } from './stats-cli';
import { emptyLimits } from './stats-limits';

describe('the docker commands of the stats domain', () => {
  it('says each command with its flags', () => {
    expect(statsCli.statsAll()).toBe('docker stats --no-stream');
    expect(statsCli.stats('web')).toBe('docker stats web');
    expect(statsCli.top('web')).toBe('docker top web');
    expect(statsCli.update('web', { ...emptyLimits(), memory: '96m', cpus: '0.5' })).toBe(
      'docker update --memory 96m --cpus 0.5 web',
    );
  });
});

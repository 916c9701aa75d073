import { describe, expect, it } from 'vitest';
import { volumesCli } from '../../../vm-backend/api/rules/volumes-cli';
import { parsePairs } from './volume-actions';

describe('create volume form', () => {
  it('reads key=value lines, keeping = in values and naming a bad line', () => {
    expect(parsePairs('type=tmpfs\n\n o = size=1m \n')).toEqual({ pairs: { type: 'tmpfs', o: 'size=1m' }, bad: [] });
    expect(parsePairs('novalue\n=x').bad).toEqual(['novalue', '=x']);
  });
  it('shows the docker volume create command it stands for', () => {
    expect(volumesCli.create({ name: 'data', driverOpts: { type: 'tmpfs' }, labels: { 'a b': '1' } })).toBe(
      "docker volume create --opt type=tmpfs --label 'a b=1' data",
    );
    expect(volumesCli.prune(true)).toBe('docker volume prune -a -f');
    expect(volumesCli.prune(false)).toBe('docker volume prune -f');
  });
});

import { describe, expect, it } from 'vitest';
import { engineKind } from './engine-kind';

const targets = [
  { name: 'local', engine: 'local' },
  { name: 'vm', engine: 'vm' },
  { name: 'pi', engine: 'ssh://me@pi:22' },
  { name: 'odd', engine: 'tcp://10.0.0.2:2375' },
];

describe('engineKind', () => {
  it('reads the active target’s engine from the targets list', () => {
    expect(engineKind('local', targets)).toBe('local');
    expect(engineKind('vm', targets)).toBe('vm');
    expect(engineKind('pi', targets)).toBe('ssh');
    expect(engineKind('odd', targets)).toBe('other');
  });

  it('does not guess while the target or the list is unknown', () => {
    expect(engineKind(undefined, targets)).toBeUndefined();
    expect(engineKind('local', undefined)).toBeUndefined();
    expect(engineKind('gone', targets)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../api/contract';
import type { ScopeContext } from '../engine/scope-context';
import { scopeHandlers } from './scope-domains';

// A domain only picks its fields from the context when its handlers are made; no call runs here.
const handlers = scopeHandlers({} as ScopeContext);

describe('scope domains (the compiler checks the same; this checks what is built at run time)', () => {
  it('serve every call of the contract but the targets and the VM, each with a function', () => {
    const scopeCalls = CALL_NAMES.filter((n) => !/^(targets|vm|host):/.test(n));
    expect(Object.keys(handlers).sort()).toEqual([...scopeCalls].sort());
    for (const [name, h] of Object.entries(handlers)) expect(typeof h, name).toBe('function');
  });
});

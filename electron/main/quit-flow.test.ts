import { describe, expect, it, vi } from 'vitest';
import type { VmStateName } from '../../vm-backend/api/vm-types';
import type { QuitAnswer, QuitVmPreference } from './quit-decision';
import { quitFlow } from './quit-flow';

function setup(o: { vm: VmStateName | null; pref?: QuitVmPreference; answer?: QuitAnswer; remember?: boolean }) {
  let release: (v: { answer: QuitAnswer; remember: boolean }) => void = () => {};
  const calls: string[] = [];
  const deps = {
    vmState: vi.fn(async () => o.vm),
    preference: () => o.pref ?? 'ask',
    savePreference: vi.fn((p: QuitVmPreference) => void calls.push(`save:${p}`)),
    ask: vi.fn(() => {
      calls.push('ask');
      return o.answer
        ? Promise.resolve({ answer: o.answer, remember: o.remember ?? false })
        : new Promise<{ answer: QuitAnswer; remember: boolean }>((r) => (release = r));
    }),
    stopVm: vi.fn(async () => void calls.push('stop-vm')),
    closeBackend: vi.fn(async () => void calls.push('close')),
    exit: vi.fn(() => void calls.push('exit')),
  };
  const flow = quitFlow(deps);
  const quit = () => {
    const prevent = vi.fn();
    flow.request(prevent);
    return prevent;
  };
  return { deps, flow, quit, calls, release: (a: QuitAnswer, remember = false) => release({ answer: a, remember }) };
}

describe('quitFlow', () => {
  it('no VM running: closes the backend and quits without asking', async () => {
    const t = setup({ vm: 'stopped' });
    expect(t.quit()).toHaveBeenCalled();
    expect(await t.flow.settled()).toEqual({ kind: 'quit' });
    expect(t.calls).toEqual(['close', 'exit']);
    // The exit's own before-quit passes through.
    expect(t.quit()).not.toHaveBeenCalled();
  });

  it('VM running: asks once even when quit is pressed again, then stops the VM before quitting', async () => {
    const t = setup({ vm: 'running' });
    t.quit();
    await vi.waitFor(() => expect(t.deps.ask).toHaveBeenCalled());
    expect(t.quit()).toHaveBeenCalled();
    t.quit();
    t.release('stop', true);
    expect(await t.flow.settled()).toEqual({ kind: 'stop-vm' });
    expect(t.calls).toEqual(['ask', 'save:stop', 'stop-vm', 'close', 'exit']);
    expect(t.deps.ask).toHaveBeenCalledTimes(1);
  });

  it('keep: quits without stopping the VM, remembering nothing unless asked to', async () => {
    const t = setup({ vm: 'starting', answer: 'keep' });
    t.quit();
    expect(await t.flow.settled()).toEqual({ kind: 'keep-vm' });
    expect(t.calls).toEqual(['ask', 'close', 'exit']);
  });

  it('cancel: stays open, and the next quit asks again', async () => {
    const t = setup({ vm: 'running' });
    t.quit();
    await vi.waitFor(() => expect(t.deps.ask).toHaveBeenCalled());
    t.release('cancel', true);
    expect(await t.flow.settled()).toBeNull();
    expect(t.deps.exit).not.toHaveBeenCalled();
    t.quit();
    await vi.waitFor(() => expect(t.deps.ask).toHaveBeenCalledTimes(2));
  });

  it('a remembered answer is followed without asking', async () => {
    const t = setup({ vm: 'running', pref: 'stop' });
    t.quit();
    await t.flow.settled();
    expect(t.calls).toEqual(['stop-vm', 'close', 'exit']);
  });

  it('a VM state that cannot be read, a failing stop or a stuck backend never keep Wharf open', async () => {
    const t = setup({ vm: 'running', pref: 'stop' });
    t.deps.vmState.mockRejectedValueOnce(new Error('backend gone'));
    t.quit();
    expect(await t.flow.settled()).toEqual({ kind: 'quit' });
    const u = setup({ vm: 'running', pref: 'stop' });
    u.deps.stopVm.mockRejectedValueOnce(new Error('QMP gone'));
    u.deps.closeBackend.mockImplementationOnce(() => new Promise(() => {}));
    const flow = quitFlow({ ...u.deps, closeTimeoutMs: 20 });
    flow.request(() => {});
    expect(await flow.settled()).toEqual({ kind: 'stop-vm' });
    expect(u.deps.exit).toHaveBeenCalledTimes(1);
  });
});

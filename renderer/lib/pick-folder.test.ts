import { describe, expect, it, vi } from 'vitest';
import { canPickFolder, pickFolder } from './pick-folder';

describe('pickFolder', () => {
  it('web mode (no window.wharf): no dialog, null', async () => {
    expect(canPickFolder(undefined)).toBe(false);
    expect(await pickFolder(undefined)).toBeNull();
    // The default argument reads window.wharf; this Node test has no window at all.
    expect(await pickFolder()).toBeNull();
  });

  it("desktop: the preload's answer, null when cancelled or when the IPC fails", async () => {
    const api = { pickFolder: vi.fn(async (): Promise<string | null> => '/home/me/app') };
    expect(canPickFolder(api)).toBe(true);
    expect(await pickFolder(api)).toBe('/home/me/app');
    api.pickFolder.mockResolvedValueOnce(null);
    expect(await pickFolder(api)).toBeNull();
    api.pickFolder.mockRejectedValueOnce(new Error('IPC refused'));
    expect(await pickFolder(api)).toBeNull();
  });
});

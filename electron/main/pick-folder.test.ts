import { describe, expect, it, vi } from 'vitest';
import { FOLDER_DIALOG_OPTIONS, pickFolder } from './pick-folder';

describe('pickFolder', () => {
  it('asks for one folder and answers its absolute path', async () => {
    const show = vi.fn(async () => ({ canceled: false, filePaths: ['/home/me/app'] }));
    expect(await pickFolder(show)).toBe('/home/me/app');
    expect(show).toHaveBeenCalledWith(FOLDER_DIALOG_OPTIONS);
    expect(FOLDER_DIALOG_OPTIONS.properties).toContain('openDirectory');
    expect(FOLDER_DIALOG_OPTIONS.properties).not.toContain('multiSelections');
    expect(FOLDER_DIALOG_OPTIONS.properties).not.toContain('openFile');
  });

  it('answers null when cancelled, empty or not an absolute path', async () => {
    for (const r of [
      { canceled: true, filePaths: ['/home/me/app'] },
      { canceled: false, filePaths: [] },
      { canceled: false, filePaths: ['relative/dir'] },
    ]) {
      expect(await pickFolder(async () => r), JSON.stringify(r)).toBeNull();
    }
  });
});

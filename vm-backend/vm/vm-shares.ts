// The folders this VM shares with the guest: which ones (settings, else the home folder), and
// whether a list the user gave can be used (the rules in api/rules/vm-share-rules.ts, then the file
// system: each must exist and be a folder). A bad list is a coded error and nothing is saved.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { WharfError } from '../api/errors';
import type { ErrorCode } from '../api/error-codes';
import { effectiveShares, type ShareIssueCode, shareIssues } from '../api/rules/vm-share-rules';
import type { VmSettingsView } from '../api/contract.vm';
import type { VmSettings } from './vm-settings';

const TEXT: Record<ShareIssueCode, { code: ErrorCode; message: (p: string, o?: string) => string; hint: string }> = {
  root: {
    code: 'VM_SHARE_ROOT',
    message: () => 'The whole disk (/) cannot be shared with the VM.',
    hint: 'Share your home folder or a project folder instead.',
  },
  system: {
    code: 'VM_SHARE_INVALID',
    message: (p) => `"${p}" would hide one of the VM's own folders (its system, root's home or Docker's data).`,
    hint: 'Share a folder of yours instead, such as your projects folder.',
  },
  relative: {
    code: 'VM_SHARE_INVALID',
    message: (p) => `"${p}" is not a full folder path.`,
    hint: 'Give a path that starts with / and has no "..", such as /home/you/projects.',
  },
  control: {
    code: 'VM_SHARE_INVALID',
    message: () => 'A shared folder path has a line break or another control character.',
    hint: 'Choose a folder whose name has only ordinary characters.',
  },
  duplicate: {
    code: 'VM_SHARE_NESTED',
    message: (p) => `"${p}" is in the list twice.`,
    hint: 'Remove one of them.',
  },
  nested: {
    code: 'VM_SHARE_NESTED',
    message: (p, o) => `"${p}" and "${o}" are one inside the other.`,
    hint: 'Keep only the outer folder: everything inside it is shared already.',
  },
  'too-many': {
    code: 'VM_SHARE_INVALID',
    message: () => 'Too many shared folders.',
    hint: 'Share at most 8 folders; a parent folder shares everything inside it.',
  },
};

/** Throws the first problem with `paths` as a WharfError; returns nothing when all can be shared. */
export function checkShares(paths: readonly string[]): void {
  const issue = shareIssues(paths)[0];
  if (issue) {
    const t = TEXT[issue.code];
    throw new WharfError({
      code: t.code,
      message: t.message(issue.path, issue.other),
      hint: t.hint,
      detail: `${issue.code}: ${issue.path}${issue.other ? ` / ${issue.other}` : ''}`,
    });
  }
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      throw new WharfError({
        code: 'VM_SHARE_MISSING',
        message: `The folder "${p}" does not exist on this computer.`,
        hint: 'Check the path, or create the folder first.',
        detail: (e as Error).message,
      });
    }
    if (!isDir)
      throw new WharfError({
        code: 'VM_SHARE_MISSING',
        message: `"${p}" is a file, not a folder.`,
        hint: 'Share the folder that holds it.',
        detail: `not a directory: ${p}`,
      });
  }
}

/** What a boot mounts: the settings' list (home by default), minus folders gone since they were chosen. */
export function bootShares(settings: VmSettings, home = homedir()): { shares: string[]; missing: string[] } {
  // A hand-edited settings.json is held to the same rules: a folder that breaks them is not mounted.
  const all = effectiveShares(settings.shares, home).filter((p) => shareIssues([p]).length === 0);
  const shares: string[] = [];
  const missing: string[] = [];
  for (const p of all) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {}
    (dir ? shares : missing).push(p);
  }
  return { shares, missing };
}

/** Settings as the VM panel shows them: the shared folders spelled out (home when none were chosen). */
export function settingsView(s: VmSettings | null, home = homedir()): VmSettingsView | null {
  if (!s) return null;
  const { shares, ...rest } = s;
  return { ...rest, shares: effectiveShares(shares, home) };
}

// Calls for engine targets (`wharf context`): list, add/edit, remove, test, and switch the engine.
// Inputs are checked here for shape; target-validate.ts checks what they mean (names, keys).
import { z } from 'zod';
import { call } from './define';
import type { EngineStatus, SettingsNotice, WharfErrorShape } from './types';

export interface TargetView {
  name: string;
  /** `local`, `vm` or `ssh://user@host:port`. */
  engine: string;
  identity?: string;
}

/** The last `targets:test` of a target in this run. */
export interface TargetTestResult {
  ok: boolean;
  /** Epoch ms. */
  at: number;
  apiVersion?: string;
  engineVersion?: string;
  /** SSH: the host key's fingerprint (SHA256:...). */
  hostKey?: string;
  /** True when this test pinned the key (trust on first use). */
  hostKeyFirstUse?: boolean;
  error?: WharfErrorShape;
}

export interface TargetsOverview {
  targets: TargetView[];
  active: string;
  /** The target being switched to, while a switch runs. */
  switching?: string;
  tests: Record<string, TargetTestResult>;
  /** Settings files Wharf could not use and set aside (targets, registries, the VM's): the app shows them. */
  settingsNotices?: SettingsNotice[];
  /** Wharf's data folder (or the registries' folder) is not writable: SETTINGS_WRITE_FAILED, found at start. */
  dataDirProblem?: WharfErrorShape;
}

const text = (max: number) => z.string().max(max);
const name = z.object({ name: text(64) }).strict();
const empty = z.object({}).strict();
const save = z
  .object({
    name: text(64),
    /** `user@host[:port]` (or with ssh://). */
    address: text(300),
    identity: text(4096).optional(),
    /** Editing: the name the target had (renames it). */
    previous: text(64).optional(),
  })
  .strict();

export type TargetSaveInput = z.infer<typeof save>;

export const targetCalls = {
  'targets:list': call<typeof empty, TargetsOverview>(empty),
  'targets:save': call<typeof save, TargetsOverview>(save),
  'targets:remove': call<typeof name, TargetsOverview>(name),
  'targets:test': call<typeof name, TargetTestResult>(name),
  /** Switches the engine; answers once the new one is reached or refused. */
  'targets:use': call<typeof name, { overview: TargetsOverview; status: EngineStatus }>(name),
};

// Reads electron-builder.yml the way electron-builder does (js-yaml, which it depends on), for the
// tests that hold the packaging config to what the shell's hardening and the VM need.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };

export function loadBuilderConfig(file = join(REPO_ROOT, 'electron-builder.yml')): Record<string, unknown> {
  const config = yaml.load(readFileSync(file, 'utf8'));
  if (config === null || typeof config !== 'object') throw new Error(`${file} is not a YAML mapping`);
  return config as Record<string, unknown>;
}

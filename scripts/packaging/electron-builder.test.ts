// The packaged app's fuses (Electron's security checklist, item "fuses"): each one is set to the
// value below in electron-builder.yml, so removing or flipping one in the config fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, REPO_ROOT } from './electron-builder-config';

const FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

describe('electron-builder.yml', () => {
  const config = loadBuilderConfig();

  it('packs the app into an asar (the integrity fuses check it)', () => {
    expect(config.asar).toBe(true);
  });

  it.each(Object.entries(FUSES))('sets the fuse %s to %s', (fuse, value) => {
    const fuses = config.electronFuses as Record<string, unknown> | undefined;
    expect(fuses, 'electronFuses is missing').toBeTypeOf('object');
    expect(fuses?.[fuse]).toBe(value);
  });
});

describe('electron-builder.yml: the VM inside the app', () => {
  const config = loadBuilderConfig();
  const copies = (section: unknown): { from: string; to: string }[] =>
    ((section as { extraResources?: { from: string; to: string }[] } | undefined)?.extraResources ?? []).map(
      ({ from, to }) => ({ from, to }),
    );

  it('copies the fetched VM image to <resources>/vm-image, where image-locate.ts looks', () => {
    expect(copies(config)).toContainEqual({ from: 'vendor/vm-image', to: 'vm-image' });
  });

  it("copies each platform's QEMU build to <resources>/qemu, where qemu-locate.ts looks", () => {
    expect(copies(config.mac)).toContainEqual({ from: 'vendor/qemu/mac-${arch}', to: 'qemu' });
    expect(copies(config.win)).toContainEqual({ from: 'vendor/qemu/win-${arch}', to: 'qemu' });
  });
});

describe('electron-builder.yml: signing from the environment', () => {
  const config = loadBuilderConfig();
  const mac = config.mac as Record<string, unknown>;
  const win = config.win as Record<string, unknown>;

  it("passes electron-builder's own schema (a misspelt key fails here, not at release time)", async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('signs macOS with the hardened runtime and only the entitlements Wharf needs', () => {
    expect(mac.hardenedRuntime).toBe(true);
    for (const key of ['entitlements', 'entitlementsInherit'] as const) {
      const plist = readFileSync(join(REPO_ROOT, String(mac[key])), 'utf8');
      const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
      expect(granted.sort(), key).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.hypervisor']);
    }
  });

  it('leaves identities, certificates, passwords and notarization to the environment', () => {
    // notarize unset: electron-builder notarizes when the APPLE_* variables are there, skips otherwise.
    expect(mac.notarize).toBeUndefined();
    for (const key of ['identity', 'provisioningProfile']) expect(mac[key], key).toBeUndefined();
    const text = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*(certificateFile|certificatePassword|cscLink|cscKeyPassword)\s*:/m);
    expect((win.signtoolOptions as { signingHashAlgorithms?: string[] }).signingHashAlgorithms).toEqual(['sha256']);
  });
});

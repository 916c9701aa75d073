// The packaged app's fuses (Electron's security checklist, item "fuses"): each one is set to the
// value below in electron-builder.yml, so removing or flipping one in the config fails here.
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig } from './electron-builder-config';

const FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
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

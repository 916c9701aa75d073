// Registry secrets at rest in the desktop app: sealed with the OS keychain (Keychain, DPAPI,
// libsecret/kwallet) through Electron's safeStorage. Where only its plain-text fallback exists
// (Linux without a keyring), none is returned and the secret stays in the 0600 file as in web mode.
import type { SecretCodec } from '../../vm-backend/registry/registry-store';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export function keychainCodec(
  safeStorage: SafeStorageLike,
  platform: string = process.platform,
): SecretCodec | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (
    platform === 'linux' &&
    ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend?.() ?? 'unknown')
  )
    return undefined;
  return {
    kind: 'electron-safeStorage',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

// The VM image an installed app downloads on its first start when the installer carries none: its
// manifest's address and the manifest's own sha256 (the manifest then pins every file's sha256).
// packaging/vm-resources.json names the same image for the installers; a test keeps the two equal.
// Where releases are published is the release owner's choice: RELEASES is that one place.
import type { GuestArch } from '../guest-arch';

export interface DefaultImage {
  version: string;
  manifestUrl: string;
  manifestSha256: string;
}

export const RELEASES = 'https://github.com/wharf-app/wharf/releases/download';

/** No aarch64 image is published yet: an arm64 computer needs a bundled one or WHARF_VM_IMAGE_URL. */
export const DEFAULT_IMAGES: Partial<Record<GuestArch, DefaultImage>> = {
  x86_64: {
    version: '2-bookworm-6.1.0-57-amd64-2bf0e61198',
    manifestUrl: `${RELEASES}/vm-image-2-bookworm-6.1.0-57-amd64-2bf0e61198/manifest.json`,
    manifestSha256: '2e5746f2de62479c455fe6bffa5269092fcd9a6edd7967804db64c5a340bfd3b',
  },
};

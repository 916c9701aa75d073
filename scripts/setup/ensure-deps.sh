#!/usr/bin/env bash
# Makes sure the system packages the tests need are present. As root on a Debian-like system it
# installs what is missing; otherwise it prints exactly what to install and fails.
set -euo pipefail

# command -> Debian package that provides it
declare -A NEED=(
  [dockerd]=docker.io
  [docker]=docker.io
  [docker-registry]=docker-registry
  [sshd]=openssh-server
  [ssh-keygen]=openssh-client
  [chromium]=chromium
  [busybox]=busybox-static
  [curl]=curl
  [fuser]=psmisc
  [htpasswd]=apache2-utils
  # npm run bench: a bare TCP relay in front of the Docker socket, the floor for ssh_api_ratio.
  [socat]=socat
  # Compose projects (issue 19): Debian's standalone docker-compose.
  [docker-compose]=docker-compose
  # npm run lint: the shell scripts.
  [shellcheck]=shellcheck
  # Wharf's own VM: build the guest image (debootstrap, cpio for its initrd, mke2fs for its root
  # disk: build time only, the VM's data disk is formatted in the guest), run it under QEMU.
  [qemu-system-x86_64]=qemu-system-x86
  [qemu-img]=qemu-utils
  [debootstrap]=debootstrap
  [cpio]=cpio
  [mke2fs]=e2fsprogs
)

missing_pkgs=()
for cmd in "${!NEED[@]}"; do
  if ! command -v "$cmd" >/dev/null 2>&1 && ! [ -x "/usr/sbin/$cmd" ]; then
    missing_pkgs+=("${NEED[$cmd]}")
  fi
done
# busybox from another package may be dynamic; the fixtures need the static one.
if command -v busybox >/dev/null 2>&1 && ! [ -x /bin/busybox ] && ! file -L "$(command -v busybox)" 2>/dev/null | grep -q static; then
  missing_pkgs+=(busybox-static)
fi

# The guest boots the host's Debian kernel build.
ls /boot/vmlinuz-*-amd64 >/dev/null 2>&1 || missing_pkgs+=(linux-image-amd64)

if [ ${#missing_pkgs[@]} -eq 0 ]; then
  exit 0
fi
mapfile -t missing_pkgs < <(printf '%s\n' "${missing_pkgs[@]}" | sort -u)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing ${missing_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >/dev/null
  exit 0
fi

cat >&2 <<MSG
setup: these system packages are missing: ${missing_pkgs[*]}
Install them, then run the tests again:
  sudo apt-get install --no-install-recommends ${missing_pkgs[*]}
(On a system without apt, install the equivalents: Docker Engine, a Docker registry v2,
OpenSSH server, Chromium, docker-compose, a static busybox, curl, psmisc, apache2-utils, socat, and for the VM tests
QEMU (x86_64 system + qemu-img), debootstrap, cpio, e2fsprogs and a Debian kernel.)
MSG
exit 1

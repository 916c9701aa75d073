#!/bin/sh
# The ACPI power button (QEMU's QMP system_powerdown) powers the guest off cleanly, as a button
# press on a PC would: how Wharf stops a VM whose SSH is gone, so Docker still stops its containers
# (SIGTERM, their stop timeout) and the disks are unmounted. This guest has no logind or acpid to act
# on the button, so each "Power Button" input device is read here: one event from it is a press.
# No udev to load drivers: the ACPI button driver (LNXPWRBN) and evdev are modules, loaded here;
# devtmpfs makes /dev/input/event*.
set -u
TTY=/dev/ttyS0; [ -e /dev/ttyAMA0 ] && TTY=/dev/ttyAMA0
console() { printf '%s\n' "$*" >"$TTY" 2>/dev/null || true; }
modprobe button 2>/dev/null || true
modprobe evdev 2>/dev/null || true
# The input device shows up a moment after the driver binds.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  grep -qx 'Power Button' /sys/class/input/event*/device/name 2>/dev/null && break
  sleep 0.2
done
found=0
for dev in /sys/class/input/event*; do
  [ "$(cat "$dev/device/name" 2>/dev/null)" = "Power Button" ] || continue
  node=/dev/input/${dev##*/}
  [ -c "$node" ] || continue
  found=1
  # One input_event is 24 bytes on 64-bit (a read shorter than that is refused); on 32-bit (16) the
  # key's release follows its press at once, so 24 bytes come either way.
  (head -c 24 "$node" >/dev/null && console "wharf: power button pressed, powering off" && systemctl poweroff --no-block) &
done
[ $found = 1 ] || { console "wharf: no ACPI power button; a stop without SSH ends the VM after its timeout"; exit 0; }
wait

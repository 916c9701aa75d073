// Lesson 11: VM vs container. Text to read: a container shares the Linux kernel of the computer
// its engine runs on; macOS and Windows have none, so Wharf (like Docker Desktop) runs the engine
// in a small Linux VM. The checks read where the active engine runs (targets list): local, vm, ssh.
import type { Lesson } from './lesson-model';

const known = (s: { engine?: string }): boolean => s.engine !== undefined;

export const vmLesson: Lesson = {
  id: 'vm',
  image: 'busybox',
  usesImage: false,
  web: false,
  needs: ['engine'],
  steps: [
    {
      id: 'kernel',
      terms: ['container', 'namespace'],
      cli: () => "docker info --format '{{.OperatingSystem}} {{.KernelVersion}}'",
      check: known,
    },
    {
      id: 'why-vm',
      terms: ['vm'],
      cli: () => "docker version --format 'client {{.Client.Os}}, engine {{.Server.Os}}'",
      check: known,
    },
    {
      id: 'where',
      terms: ['vm'],
      cli: () => 'wharf context ls',
      action: () => ({ kind: 'view', view: 'containers' }),
      // Green with the engine's kind read; the text names it ({{engine}}).
      check: known,
    },
  ],
};

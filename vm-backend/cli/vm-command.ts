// `wharf vm create|start|stop|status|logs|delete`: the VM from a terminal. QEMU runs daemonized,
// so the VM keeps running after `wharf vm start` returns; every command reconciles first.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { wharfDataDir } from '../connection/data-dir';
import type { VmManager } from '../vm/lifecycle/vm-manager';
import { diagnoseBundle } from '../vm/diagnose/vm-diagnose';
import { dataSummary, deleteVmData, resetVm } from '../vm/vm-reset';
import { createVmManager } from '../vm/vm-setup';
import type { VmSettings } from '../vm/vm-settings';
import type { VmStatus } from '../vm/lifecycle/vm-state';
import { UsageError } from './args';

const VM_USAGE = `usage: wharf vm create [--cpus N] [--memory MIB] [--disk GIB] [--no-network] [--share DIR]... [--no-share]
       wharf vm start | stop [--force] | restart | status [--json] | logs | settings [--cpus N] [--memory MIB] [--disk GIB] [--share DIR]... [--no-share]
       --share DIR: a folder of this computer the VM mounts at the same path (repeat it; the list replaces the
         current one, your home folder by default); --no-share: none
       wharf vm reset          fresh root disk and SSH host key; images, containers and volumes stay
       wharf vm delete-data --yes   empty data disk: every image, container and volume is lost
       wharf vm diagnose [--out FILE.tar.gz]   logs, state and host facts for a bug report (no keys)
       wharf vm delete --yes
  env: WHARF_DATA_DIR, WHARF_VM_IMAGE (image folder), WHARF_VM_ACCEL (force hvf|kvm|whpx|tcg)`;

function parseVmSettings(argv: string[]): Partial<VmSettings> {
  const out: Partial<VmSettings> = {};
  const num = (v: string | undefined, flag: string): number => {
    if (!v || !/^\d+$/.test(v)) throw new UsageError(`${flag} needs a whole number, got "${v ?? ''}"`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cpus') out.cpus = num(argv[++i], a);
    else if (a === '--memory') out.memoryMiB = num(argv[++i], a);
    else if (a === '--disk') out.diskGiB = num(argv[++i], a);
    else if (a === '--no-network') out.network = false;
    else if (a === '--share') {
      const dir = argv[++i];
      if (!dir) throw new UsageError('--share needs a folder');
      out.shares = [...(out.shares ?? []), dir];
    } else if (a === '--no-share') out.shares = [];
    else throw new UsageError(`unknown option ${a}\n${VM_USAGE}`);
  }
  return out;
}

export function describeStatus(s: VmStatus, now = Date.now()): string {
  const lines = [`${s.name}: ${s.state}${s.phase ? ` (${s.phase})` : ''} - ${s.progress}`];
  if (s.accel) lines.push(`  accelerator: ${s.accel}`);
  if (s.sshPort) lines.push(`  ssh: root@127.0.0.1:${s.sshPort}`);
  if (s.bootedAt && s.state === 'running') lines.push(`  uptime: ${Math.round((now - s.bootedAt) / 1000)} s`);
  if (s.notice) lines.push(`  note: ${s.notice}`);
  if (s.warning) lines.push(`  warning: ${s.warning.message} ${s.warning.hint}`);
  if (s.problem)
    lines.push(
      `  problem: ${s.problem.message}`,
      `  way out: ${s.problem.hint}`,
      ...(s.problem.detail ? [`  detail: ${s.problem.detail.slice(0, 500)}`] : []),
    );
  return lines.join('\n');
}

export async function vmCommand(argv: string[]): Promise<void> {
  const vm = createVmManager(wharfDataDir());
  try {
    await vmSubcommand(vm, argv);
  } finally {
    vm.close(); // the running VM's watch (an SSH link) must not keep the command alive
  }
}

async function vmSubcommand(vm: VmManager, argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  await vm.reconcile();
  const t0 = Date.now();
  vm.machine.onChange((s) =>
    console.error(
      `[${((Date.now() - t0) / 1000).toFixed(1)} s] ${s.state}${s.phase ? `/${s.phase}` : ''}: ${s.progress}`,
    ),
  );
  let s: VmStatus;
  switch (sub) {
    case 'create':
      s = await vm.create(parseVmSettings(rest));
      break;
    case 'start':
      s = await vm.start();
      break;
    case 'stop':
      s = await vm.stop(rest.includes('--force'));
      break;
    case 'restart':
      s = await vm.restart();
      break;
    case 'reset':
      console.error(
        'reset: the root disk (the system inside the VM) is made fresh, with a new SSH host key; images, containers and volumes stay',
      );
      s = await resetVm(vm);
      break;
    case 'delete-data': {
      const lost = await dataSummary(vm);
      const what =
        lost.images === null
          ? 'all images, containers and volumes'
          : `${lost.images} images, ${lost.containers} containers and ${lost.volumes} volumes`;
      if (!rest.includes('--yes'))
        throw new UsageError(`delete-data empties the VM's data disk: ${what} are lost. Add --yes to do it.`);
      console.error(`deleting the data disk: ${what}`);
      s = await deleteVmData(vm);
      break;
    }
    case 'diagnose': {
      const i = rest.indexOf('--out');
      const b = await diagnoseBundle(vm);
      const out = i >= 0 ? rest[i + 1] : b.name;
      if (!out) throw new UsageError('--out needs a file name');
      writeFileSync(out, b.data, { mode: 0o600 });
      return void console.log(`${out} (${b.data.length} bytes: ${b.files.join(', ')})`);
    }
    case 'status':
      if (rest.includes('--json'))
        return void console.log(JSON.stringify({ ...vm.status, settings: vm.settings() }, null, 2));
      s = vm.status;
      break;
    case 'logs':
      try {
        return void process.stdout.write(readFileSync(vm.files.serialLog, 'utf8'));
      } catch {
        throw new UsageError('no VM console log yet: start the VM first');
      }
    case 'settings': {
      const plan = vm.changeSettings(parseVmSettings(rest));
      for (const r of plan.refused) console.error(`refused: ${r.field}: ${r.reason}`);
      console.log(JSON.stringify(plan.settings));
      if (plan.restartNeeded)
        console.log(`takes effect after a restart: ${plan.needsRestart.join(', ')} (wharf vm stop && wharf vm start)`);
      if (!plan.applied) process.exitCode = 1;
      return;
    }
    case 'delete':
      if (!rest.includes('--yes'))
        throw new UsageError(
          'delete removes the VM with its data disk (all images, containers and volumes): add --yes',
        );
      await vm.stop(true);
      rmSync(vm.files.dir, { recursive: true, force: true });
      return void console.log('deleted');
    default:
      throw new UsageError(`unknown vm command: ${sub ?? ''}\n${VM_USAGE}`);
  }
  console.log(describeStatus(s));
  if (s.state === 'error' || s.state === 'broken') process.exitCode = 1;
}

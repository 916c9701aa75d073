// `wharf vm diagnose` and the panel's Diagnose button: the VM's logs, state and this computer's
// facts as one .tar.gz to attach to a bug report. Never the SSH private key, the seed or the boot
// nonce: those files are not read, and the nonce is blanked wherever a log repeats it.
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { arch, cpus, freemem, platform, release, totalmem, type as osType } from 'node:os';
import { promisify } from 'node:util';
import { type Bundle, TicketShelf } from './diagnose-tickets';
import { guestConnection, guestRun } from '../guest/guest-ssh';
import { qemuBinary, readText } from '../qemu/qemu-driver';
import { tarGz, type TarEntry } from './tar-gz';
import { hostFacts } from '../lifecycle/vm-checks';
import { tail } from './vm-tail';
import type { VmManager } from '../lifecycle/vm-manager';
import { readRuntime } from '../lifecycle/vm-runtime';

const run = promisify(execFile);

/** Blanks what must not leave the machine: the boot nonce (wherever a log repeats it) and any
 *  private key block that might have been printed. */
export function redact(text: string, secrets: string[]): string {
  let out = text.replace(
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
    '[private key removed]',
  );
  out = out.replace(/\b(WHARF-HOSTKEY|WHARF_NONCE=?)\s*[A-Za-z0-9]+/g, '$1 [nonce]');
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[nonce]');
  return out;
}

async function qemuVersion(): Promise<string> {
  try {
    return (await run(qemuBinary(), ['--version'], { timeout: 10_000 })).stdout.split('\n')[0] ?? '';
  } catch (e) {
    return `not available: ${(e as Error).message}`;
  }
}

async function engineJournal(m: VmManager, timeoutMs: number): Promise<string> {
  const rt = readRuntime(m.files);
  if (rt?.phase !== 'running' || m.opts.driver.alivePid(m.files) === null)
    return '(the VM is not running: no engine journal)\n';
  const conn = guestConnection(m.files, rt.sshPort);
  try {
    const out = await guestRun(conn, 'journalctl -u docker -u containerd -n 300 --no-pager 2>&1', timeoutMs);
    return out ?? '(the VM did not answer over SSH: no engine journal)\n';
  } catch (e) {
    return `(the engine journal could not be read: ${(e as Error).message})\n`;
  } finally {
    await conn.close();
  }
}

function folderListing(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => {
        const p = `${d.parentPath ?? dir}/${d.name}`;
        const s = statSync(p);
        return `${p.slice(dir.length + 1)}\t${s.size} bytes\t${s.blocks * 512} on disk`;
      })
      .join('\n');
  } catch (e) {
    return `(cannot list: ${(e as Error).message})`;
  }
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/** Builds the bundle in memory (a few hundred KB at most). */
export async function diagnoseBundle(
  m: VmManager,
  now = new Date(),
  journalTimeoutMs = 15_000,
): Promise<{ name: string; data: Buffer; files: string[] }> {
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const name = `wharf-vm-diagnose-${m.status.name}-${stamp}`;
  const rt = readRuntime(m.files);
  const secrets = rt?.nonce ? [rt.nonce] : [];
  const { nonce: _n, ...runtime } = rt ?? ({} as Record<string, unknown>);
  let image: unknown;
  try {
    image = (await m.opts.image()).manifest;
  } catch (e) {
    image = { error: (e as Error).message };
  }
  const accel = await m.opts.accel().catch((e: Error) => ({ error: e.message }));
  let disk: unknown;
  try {
    const f = hostFacts(m.files);
    disk = { freeDiskBytes: f.freeDiskBytes, dataDiskUsedBytes: f.dataDiskUsedBytes };
  } catch (e) {
    disk = { error: (e as Error).message };
  }
  const host = {
    os: `${osType()} ${release()}`,
    platform: platform(),
    arch: arch(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    totalMemBytes: totalmem(),
    freeMemBytes: freemem(),
    vmFolder: disk,
    qemu: await qemuVersion(),
    accelerator: accel,
    node: process.version,
  };
  const entries: TarEntry[] = [
    {
      name: 'README.txt',
      data: `Wharf VM diagnose bundle for "${m.status.name}", made ${now.toISOString()}.\nNo private keys, seed or boot nonce are included.\n`,
    },
    { name: 'status.json', data: json(m.status) },
    { name: 'settings.json', data: json(m.settings()) },
    { name: 'runtime.json', data: json(rt ? runtime : null) },
    { name: 'image-manifest.json', data: json(image) },
    { name: 'host.json', data: json(host) },
    { name: 'vm-folder.txt', data: `${folderListing(m.files.dir)}\n` },
    { name: 'serial.log', data: tail(m.files.serialLog, 512 * 1024) },
    { name: 'qemu.log', data: readText(m.files.qemuLog).slice(-256 * 1024) },
    { name: 'engine-journal.txt', data: await engineJournal(m, journalTimeoutMs) },
  ];
  const safe = entries.map((e) => ({ name: `${name}/${e.name}`, data: redact(String(e.data), secrets) }));
  return { name: `${name}.tar.gz`, data: tarGz(safe, now.getTime()), files: entries.map((e) => e.name) };
}

// One-time tickets: the web page fetches the bundle with a plain GET (GET /download/vm-diagnose).
const shelf = new TicketShelf();
export const issueDiagnoseTicket = (name: string, data: Buffer): string => shelf.issue(name, data);
export const takeDiagnoseTicket = (ticket: string): Bundle => shelf.take(ticket);

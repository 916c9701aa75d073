import { spawn } from 'node:child_process';

/** Opens a URL in the user's browser; failure is reported, never fatal. */
export function openBrowser(url: string, platform = process.platform): void {
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => console.error(`Could not open a browser; open ${url} yourself.`));
    child.unref();
  } catch {
    console.error(`Could not open a browser; open ${url} yourself.`);
  }
}

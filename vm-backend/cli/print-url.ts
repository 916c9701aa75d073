// `wharf web --print-url`: prints the address (token included) of each `wharf web` still running
// for this user, newest first: the line `wharf web` printed when it started, for a page opened
// without its token.
import { runningWebAddresses } from '../server/web-addresses';

export function printWebUrls(dataDir: string, out: (line: string) => void = console.log): boolean {
  const urls = runningWebAddresses(dataDir);
  if (urls.length === 0) {
    console.error('wharf web is not running: start it with "wharf web" (npm run web); it prints the address to open.');
    return false;
  }
  for (const u of urls) out(`Wharf web UI: ${u}`);
  return true;
}

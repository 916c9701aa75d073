// Which URLs Wharf opens outside itself: published container ports on this machine and Docker's
// docs/Hub. Pure: used by Electron's main process and by the web renderer alike.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const DOC_HOSTS = new Set(['docs.docker.com', 'hub.docker.com']);

export function isAllowedExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (LOCAL_HOSTS.has(u.hostname)) return u.protocol === 'http:' || u.protocol === 'https:';
  return u.protocol === 'https:' && DOC_HOSTS.has(u.hostname) && (u.port === '' || u.port === '443');
}

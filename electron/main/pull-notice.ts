// A native notification when a pull ends while Wharf's window is not focused (the user went
// elsewhere while a big image downloaded). Pure: progress events in, at most one notice per pull out.
import type { PullProgress } from '../../vm-backend/api/contract.pull';
import type { ShellText } from './shell-text';

export interface Notice {
  title: string;
  body: string;
}

const ENDED = 200;

function isProgress(p: unknown): p is Pick<PullProgress, 'pull' | 'ref' | 'state'> {
  const o = p as Partial<PullProgress> | null;
  return typeof o?.pull === 'string' && typeof o.ref === 'string' && typeof o.state === 'string';
}

export class PullNotices {
  /** Pulls that ended (the last ENDED of them): a repeated end event never notifies twice. */
  private readonly ended: string[] = [];

  constructor(private readonly t: ShellText) {}

  /** The notice for this 'pull:progress' payload, or null (still running, cancelled, focused, seen). */
  next(payload: unknown, windowFocused: boolean): Notice | null {
    if (!isProgress(payload) || payload.state === 'running') return null;
    if (this.ended.includes(payload.pull)) return null;
    this.ended.push(payload.pull);
    if (this.ended.length > ENDED) this.ended.shift();
    // The user cancelled it, or is looking at the window already (the page shows the result).
    if (windowFocused || payload.state === 'cancelled' || payload.state === 'interrupted') return null;
    const ref = payload.ref.slice(0, 200);
    return payload.state === 'done'
      ? { title: this.t('pullDoneTitle'), body: this.t('pullDoneBody', { ref }) }
      : { title: this.t('pullFailedTitle'), body: this.t('pullFailedBody', { ref }) };
  }
}

// Pull ids. A window outlives the backend (web mode reconnects to a restarted one) and engine
// switches replace the pull manager: an id seen before must never name a new pull, or the window
// would take the new pull's progress for the old, ended one's.
import { randomBytes } from 'node:crypto';

/** This backend process's run. */
const RUN = randomBytes(5).toString('hex');
let counter = 0;

/** `pull-<run>-<n>`: unique across engine scopes and backend restarts. */
export const newPullId = (): string => `pull-${RUN}-${++counter}`;

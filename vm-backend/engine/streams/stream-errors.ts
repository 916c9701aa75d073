// Log and terminal streams refused: too many open, one that ended, no window to stream to.
import { WharfError } from '../../api/errors';

export const tooManyStreams = (limit: number): WharfError =>
  new WharfError({
    code: 'TOO_MANY_STREAMS',
    message: 'This window has too many logs and terminals open.',
    hint: 'Close some log or shell tabs, then try again.',
    detail: `limit ${limit} per window`,
  });

export const streamNotFound = (id: string): WharfError =>
  new WharfError({
    code: 'STREAM_NOT_FOUND',
    message: 'This log or terminal has already ended.',
    hint: 'Open it again.',
    detail: `stream ${id}`,
  });

export const streamNeedsWindow = (): WharfError =>
  new WharfError({
    code: 'NO_CLIENT',
    message: 'Streams can only be opened from a Wharf window.',
    hint: 'Open the logs or terminal from the app.',
    detail: 'invoke without a ClientLink',
  });

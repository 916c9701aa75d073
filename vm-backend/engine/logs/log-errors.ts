import { WharfError } from '../../api/errors';
import { readFailure, toWharfError } from '../errors';

/** The log driver keeps nothing readable (`none`, or a remote driver without a local cache). */
export function logsUnavailable(driver: string, detail: string): WharfError {
  return new WharfError({
    code: 'LOGS_UNAVAILABLE',
    message: `This container's logs cannot be read: its log driver is "${driver}".`,
    hint: 'Logs are readable with the json-file, local or journald drivers (docker run --log-driver json-file).',
    detail,
    params: { driver },
  });
}

export function logsError(err: unknown, subject: string, driver: string): WharfError {
  const f = readFailure(err);
  if (/does not support reading|configured logging driver/i.test(f.message)) return logsUnavailable(driver, f.message);
  return toWharfError(err, { subject });
}

/** A "Download full log" ticket that is unknown, used or too old. */
export const logDownloadExpired = (): WharfError =>
  new WharfError({
    code: 'DOWNLOAD_EXPIRED',
    message: 'This download link has expired.',
    hint: 'Click Download again.',
    detail: 'unknown or used ticket',
  });

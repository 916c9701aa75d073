// Reads what compose printed when it failed (v1 and v2 word things differently) and names the
// problem with a coded error; anything unrecognised is COMPOSE_FAILED with compose's own words.
import type { WharfError } from '../../api/errors';
import {
  composeFailed,
  composeFileInvalid,
  composeImageNotFound,
  composePortInUse,
  composeUnknownService,
} from './compose-errors';

/** The last lines of compose's output: where its error is. */
function tail(output: string, lines = 40): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

/** "line 4, column 12" (v1, PyYAML) or "yaml: line 4:" (v2): the first line number named. */
export function errorLine(output: string): number | null {
  const m = /\bline (\d+)/i.exec(output);
  return m ? Number(m[1]) : null;
}

/** The file and line of a compose file error, from `config`'s output. */
export function configError(output: string, file: string): WharfError {
  const named = /in "([^"]+)", line \d+/.exec(output)?.[1];
  const shown = named && !named.startsWith('./') ? named : file;
  return composeFileInvalid(shown, errorLine(output), tail(output));
}

export function classifyFailure(command: string, output: string, service?: string): WharfError {
  const text = tail(output);
  const unknown = /no such service:?\s*"?([\w.-]+)/i.exec(text);
  if (unknown) return composeUnknownService(unknown[1] ?? service ?? '', text);
  const port =
    /Bind for [\d.:[\]a-f]*:(\d+) failed: port is already allocated/i.exec(text) ??
    /(?:listen tcp[46]? |bind host port |failed to bind host port )[\d.:[\]a-f]*:(\d+)/i.exec(text) ??
    /:(\d+): bind: address already in use/i.exec(text);
  if (port) return composePortInUse(port[1] ?? '', text);
  const image =
    /pull access denied for ([^\s,]+)/i.exec(text) ??
    /manifest for ([^\s]+) not found/i.exec(text) ??
    /No such image: ([^\s]+)/i.exec(text) ??
    /repository ([^\s]+) not found/i.exec(text) ??
    /Error (?:response from daemon: )?.*?(?:pulling image|image) "?([^\s"]+)"?.*(?:not found|unknown)/i.exec(text);
  if (image) return composeImageNotFound(image[1] ?? '', text);
  // v1 names the image it pulls ("Pulling web (shop/api:1)..."); a pull that failed ends there.
  const pulling = /Pulling [\w.-]+ \(([^)]+)\)\.\.\./.exec(text);
  const last = text.split('\n').pop() ?? '';
  if (pulling && /registry|dial tcp|no such host|not found|denied|unauthorized|manifest/i.test(last))
    return composeImageNotFound(pulling[1] ?? '', text);
  if (/yaml|invalid compose project|is invalid because|Unsupported config option|validating/i.test(text))
    return composeFileInvalid('', errorLine(text), text);
  return composeFailed(command, text);
}

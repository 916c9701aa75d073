// One build's log in a terminal (ANSI kept): what is on disk first (build:log), then the live
// chunks from where that ended, so nothing is lost or doubled when the view is reopened mid-build.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { createTerminal, type TerminalHost } from '../terminal/create-terminal';
import { onBuildOutput } from './build-store';
import type { BuildOutput } from '../../../vm-backend/api/contract.build';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The part of a chunk at or after byte `from` of the log. */
function tailFrom(o: BuildOutput, from: number): string {
  if (o.offset >= from) return o.text;
  const bytes = encoder.encode(o.text);
  return from >= o.offset + bytes.length ? '' : decoder.decode(bytes.subarray(from - o.offset));
}

export function BuildLog({ build }: { build: string }): React.JSX.Element {
  const { t } = useTranslation();
  const host = useRef<TerminalHost>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const bridge = getBridge();
    const w = createTerminal(el, bridge, { convertEol: true, disableStdin: true, scrollback: 50_000 });
    el.wharfTerminal = w.term;
    const fitNow = (): void => {
      try {
        w.fit.fit();
      } catch {
        // not laid out yet
      }
    };
    fitNow();
    const resize = new ResizeObserver(fitNow);
    resize.observe(el);
    let next = -1; // bytes written so far; -1 until the stored log is in
    const early: BuildOutput[] = [];
    const off = onBuildOutput((o) => {
      if (o.build !== build) return;
      if (next < 0) early.push(o);
      else {
        w.term.write(tailFrom(o, next));
        next = Math.max(next, o.offset + encoder.encode(o.text).length);
      }
    });
    let stopped = false;
    void (async () => {
      let from = 0;
      for (;;) {
        const part = await bridge.call('build:log', { build, from }).catch(() => null);
        if (stopped || !part) break;
        if (part.text) w.term.write(part.text);
        from = part.next;
        if (part.next >= part.size || !part.text) break;
      }
      if (stopped) return;
      next = from;
      for (const o of early) {
        w.term.write(tailFrom(o, next));
        next = Math.max(next, o.offset + encoder.encode(o.text).length);
      }
    })();
    return () => {
      stopped = true;
      off();
      resize.disconnect();
      w.dispose();
    };
  }, [build]);
  return <div className="build-log" ref={host} role="log" aria-label={t('build.log')} data-testid="build-log" />;
}

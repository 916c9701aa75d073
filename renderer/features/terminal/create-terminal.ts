// One xterm.js terminal with the addons every Wharf terminal uses: fit to the panel, search,
// clickable links (opened through the bridge's allow-listed opener), WebGL with DOM fallback, and
// the page's light or dark colours, switched live when the theme changes.
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { type ITerminalOptions, Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { Bridge } from '../../bridge';
import { followTheme } from '../theme/theme';
import { TERMINAL_THEMES } from './terminal-themes';

export interface WharfTerminal {
  term: Terminal;
  fit: FitAddon;
  search: SearchAddon;
  renderer: 'webgl' | 'dom';
  dispose(): void;
}

/** WebGL2 drawn by the GPU. A software one (SwiftShader, llvmpipe: --disable-gpu, VMs, headless)
 *  is slower than xterm's DOM renderer: measured 2.1-2.3 s vs 0.6-1.7 s for writing 13 MB. */
function hardwareWebgl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}

/** The element keeps a reference to its terminal so end-to-end tests can read the buffer. */
export type TerminalHost = HTMLDivElement & { wharfTerminal?: Terminal };

export function createTerminal(host: TerminalHost, bridge: Bridge, options: ITerminalOptions): WharfTerminal {
  const term = new Terminal({
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: 12,
    allowProposedApi: true,
    ...options,
  });
  const stopTheme = followTheme((theme) => {
    term.options.theme = TERMINAL_THEMES[theme];
    host.dataset.theme = theme;
  });
  const fit = new FitAddon();
  const search = new SearchAddon();
  term.loadAddon(fit);
  term.loadAddon(search);
  term.loadAddon(new WebLinksAddon((_e, uri) => bridge.openExternal(uri)));
  term.open(host);
  let renderer: 'webgl' | 'dom' = 'dom';
  if (hardwareWebgl()) {
    try {
      const webgl = new WebglAddon();
      webgl.onContextLoss(() => webgl.dispose());
      term.loadAddon(webgl);
      renderer = 'webgl';
    } catch {
      // No WebGL2 after all: xterm's DOM renderer stays.
    }
  }
  host.wharfTerminal = term;
  host.dataset.renderer = renderer;
  try {
    fit.fit();
  } catch {
    // Not laid out yet; the resize observer fits it later.
  }
  const observer = new ResizeObserver(() => {
    try {
      fit.fit();
    } catch {
      // Hidden panel.
    }
  });
  observer.observe(host);
  return {
    term,
    fit,
    search,
    renderer,
    dispose: () => {
      observer.disconnect();
      stopTheme();
      delete host.wharfTerminal;
      term.dispose();
    },
  };
}

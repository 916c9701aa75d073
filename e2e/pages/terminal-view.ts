import type { Locator } from '@playwright/test';

interface XtermLike {
  buffer: {
    active: {
      length: number;
      getLine(i: number): { isWrapped: boolean; translateToString(trim: boolean): string } | undefined;
    };
  };
}

/**
 * An xterm.js terminal in the page. Its text lives in a canvas (WebGL) or in rows of spans, so it
 * is read from the terminal's own buffer (the host element keeps a reference for this).
 */
export class TerminalView {
  constructor(readonly host: Locator) {}

  /** The buffer's text, wrapped rows joined back into their lines. */
  text(): Promise<string> {
    return this.host.evaluate((el) => {
      const term = (el as unknown as { wharfTerminal?: XtermLike }).wharfTerminal;
      if (!term) return '';
      const b = term.buffer.active;
      let out = '';
      for (let i = 0; i < b.length; i++) {
        const line = b.getLine(i);
        if (!line) continue;
        out += (i > 0 && !line.isWrapped ? '\n' : '') + line.translateToString(true);
      }
      return out.replace(/\n+$/, '');
    });
  }

  lines(): Promise<string[]> {
    return this.text().then((t) => t.split('\n'));
  }

  /** Types into the terminal as a person would (the terminal must accept input). */
  async type(text: string): Promise<void> {
    await this.host.click();
    await this.host.page().keyboard.type(text);
  }
}

// Splits a command line into words the way a POSIX shell would for the cases tutorials use:
// 'single' and "double" quotes, backslash escapes, and backslash-newline continuations. Pure.

export type Words = { ok: true; words: string[] } | { ok: false; reason: 'unclosedQuote'; quote: string };

export function splitWords(text: string): Words {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next === '\r' && text[i + 2] === '\n') {
        i += 3;
        continue;
      }
      if (next !== undefined) {
        cur += next;
        inWord = true;
        i += 2;
        continue;
      }
      i += 1;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { ok: false, reason: 'unclosedQuote', quote: "'" };
      cur += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i += 1;
      let closed = false;
      while (i < n) {
        const d = text[i] as string;
        if (d === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (d === '\\' && i + 1 < n && '"\\$`\n'.includes(text[i + 1] as string)) {
          if (text[i + 1] !== '\n') cur += text[i + 1];
          i += 2;
          continue;
        }
        cur += d;
        i += 1;
      }
      if (!closed) return { ok: false, reason: 'unclosedQuote', quote: '"' };
      inWord = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i += 1;
      continue;
    }
    cur += c;
    inWord = true;
    i += 1;
  }
  if (inWord) words.push(cur);
  return { ok: true, words };
}

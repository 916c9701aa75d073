import { describe, expect, it } from 'vitest';
import { LineMerger, serviceColour, servicePrefix } from './line-merger';

describe('LineMerger', () => {
  it('prefixes every complete line and holds a partial one until its end', () => {
    const out: string[] = [];
    const m = new LineMerger('A| ', (t) => out.push(t));
    m.write('one\ntw');
    expect(out.join('')).toBe('A| one\n');
    m.write('o\nthree\n');
    expect(out.join('')).toBe('A| one\nA| two\nA| three\n');
  });

  it('keeps two containers from sharing a line', () => {
    const out: string[] = [];
    const a = new LineMerger('a| ', (t) => out.push(t));
    const b = new LineMerger('b| ', (t) => out.push(t));
    a.write('half');
    b.write('whole\n');
    a.write(' done\n');
    expect(out.join('')).toBe('b| whole\na| half done\n');
  });

  it('flushes a last line without its newline', () => {
    const out: string[] = [];
    const m = new LineMerger('x| ', (t) => out.push(t));
    m.write('end');
    m.flush();
    m.flush();
    expect(out.join('')).toBe('x| end\n');
  });

  it('gives a service the same colour every time and pads the label', () => {
    expect(serviceColour('web')).toBe(serviceColour('web'));
    expect(servicePrefix('web', 'web', 6)).toBe(`\x1b[${serviceColour('web')}mweb    |\x1b[39m `);
  });
});

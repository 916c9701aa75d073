import { describe, expect, it } from 'vitest';
import { emptyForm, portRow, type RunForm } from './run-form';
import { parseDockerRun } from './run-parse';
import { validateRunForm } from './run-validate';

const codes = (f: RunForm): Record<string, string> =>
  Object.fromEntries(validateRunForm(f).map((e) => [e.field, e.code]));

describe('validateRunForm', () => {
  it('accepts a plain form', () => {
    expect(
      validateRunForm({ ...emptyForm('wharf-fixture/httpd:1'), name: 'web-1', ports: [portRow('80', '5000')] }),
    ).toEqual([]);
  });
  it('takes the image references the backend accepts, and no others', () => {
    for (const ok of [
      'nginx',
      'app:RC1',
      'localhost:5000/team/app:1.0',
      'sha256:0123abcd',
      `x@sha256:${'a'.repeat(64)}`,
    ])
      expect(codes(emptyForm(ok)).image, ok).toBeUndefined();
    for (const bad of ['Nginx', 'a/../b', 'a b', ':x', 'x@sha256:short'])
      expect(codes(emptyForm(bad)).image, bad).toBe('imageInvalid');
  });
  it('checks the name against the engine rule', () => {
    for (const bad of ['-x', 'a', 'has space', 'é1', '_x', 'a/b'])
      expect(codes({ ...emptyForm('x'), name: bad }).name).toBe('nameInvalid');
    for (const good of ['ab', 'web-1', 'a.b_c', '9lives'])
      expect(codes({ ...emptyForm('x'), name: good }).name).toBeUndefined();
  });
  it('catches bad ports inline: 0, 70000, letters, backwards ranges, mismatched ranges', () => {
    const f = {
      ...emptyForm('x'),
      ports: [
        portRow('80', '0'),
        portRow('80', '70000'),
        portRow('abc', 'http'),
        portRow('80', '5002-5000'),
        portRow('80-81', '5000-5002'),
        portRow('', '5000'),
      ],
    };
    expect(codes(f)).toEqual({
      'ports.0.hostPort': 'port_outOfRange',
      'ports.1.hostPort': 'port_outOfRange',
      'ports.2.containerPort': 'port_notNumber',
      'ports.2.hostPort': 'port_notNumber',
      'ports.3.hostPort': 'port_backwards',
      'ports.4.hostPort': 'rangeMismatch',
      'ports.5.containerPort': 'port_empty',
    });
  });
  it('checks host address, env keys, volumes, restart and image', () => {
    const f: RunForm = {
      ...emptyForm('Bad Image'),
      autoRemove: true,
      restart: 'always',
      command: 'echo "x',
      ports: [portRow('80', '8080', 'tcp', '300.1.1.1')],
      env: [
        { key: 'A B', value: '' },
        { key: 'X', value: '1' },
        { key: 'X', value: '2' },
        { key: '', value: '' },
      ],
      volumes: [
        { kind: 'bind', source: 'relative', target: 'data', readOnly: false },
        { kind: 'volume', source: 'v', target: '/d', readOnly: false },
        { kind: 'volume', source: 'w', target: '/d', readOnly: false },
      ],
    };
    expect(codes({ ...emptyForm('x'), network: 'host', ports: [portRow('80', '8080')] }).network).toBe(
      'hostNetworkPorts',
    );
    expect(codes(f)).toEqual({
      image: 'imageInvalid',
      restart: 'restartWithRm',
      command: 'commandQuote',
      'ports.0.hostIp': 'hostIpInvalid',
      'env.0.key': 'envKeyInvalid',
      'env.2.key': 'envKeyDuplicate',
      'volumes.0.target': 'volumeTarget',
      'volumes.0.source': 'bindSource',
      'volumes.2.target': 'volumeTargetDuplicate',
    });
  });
});

// Hostile and random input: nothing throws, and every rejection names a field, a code and a message.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const ALPHABET = [
  '-',
  '--',
  ' ',
  '"',
  "'",
  '\\',
  '\n',
  ':',
  '=',
  '/',
  'd',
  'p',
  'e',
  'v',
  'it',
  'name',
  'rm',
  '80',
  '0',
  '70000',
  'x',
  '\u0000',
  '😀',
  '[',
  ']',
  '::1',
  'ro',
  'restart',
  'on-failure:',
  'udp',
  '$(rm -rf /)',
  '`',
  ';',
  '|',
];

describe('fuzz', () => {
  it('parser and validator never throw and always explain a rejection', () => {
    const r = rng(42);
    const pick = (): string => ALPHABET[Math.floor(r() * ALPHABET.length)] as string;
    for (let n = 0; n < 5000; n++) {
      const len = Math.floor(r() * 30);
      let s = r() < 0.7 ? 'docker run ' : '';
      for (let k = 0; k < len; k++)
        s += r() < 0.5 ? pick() : r() < 0.5 ? ' ' : String.fromCharCode(Math.floor(r() * 0x3000));
      const parsed = parseDockerRun(s);
      for (const p of parsed.problems) {
        expect(p.code).toMatch(/^[a-zA-Z]+$/);
        expect(p.message.length).toBeGreaterThan(5);
      }
      const f = parsed.form;
      f.name = s.slice(0, 20);
      f.ports.push(portRow(s.slice(0, 6), s.slice(3, 9), 'tcp', s.slice(0, 4)));
      f.env.push({ key: s.slice(0, 5), value: s });
      f.volumes.push({
        kind: r() < 0.5 ? 'bind' : 'volume',
        source: s.slice(0, 8),
        target: s.slice(2, 9),
        readOnly: false,
      });
      for (const e of validateRunForm(f)) {
        expect(e.field).toMatch(/^[a-zA-Z]+(\.\d+\.[a-zA-Z]+)?$/);
        expect(e.code).toMatch(/^[a-zA-Z_]+$/);
        expect(e.message.length).toBeGreaterThan(5);
      }
    }
  });
});

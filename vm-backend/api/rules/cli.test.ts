import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dockerCli, shellQuote } from './cli';

/** What a POSIX shell makes of the quoted text: the one argument it stands for. */
const throughShell = (quoted: string): string =>
  execFileSync('/bin/sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });

describe('shellQuote', () => {
  it('leaves plain words alone', () => {
    for (const s of ['web-1', 'busybox:1.36', 'host:5000/a/b:tag', 'a@sha256:abc', 'k=v,x+y%z', '0123abcd'])
      expect(shellQuote(s)).toBe(s);
  });
  it('quotes the empty string', () => {
    expect(shellQuote('')).toBe("''");
  });
  it('quotes spaces, $, globs and other metacharacters', () => {
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
    expect(shellQuote('*')).toBe("'*'");
    expect(shellQuote('a;rm -rf ~')).toBe("'a;rm -rf ~'");
  });
  it('escapes single quotes', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
  it('quotes non-ASCII text', () => {
    expect(shellQuote('café')).toBe("'café'");
  });
  it('round-trips every nasty string through a real shell as one argument', () => {
    const nasty = [
      '',
      ' ',
      'a b',
      "it's",
      "''",
      '"x"',
      '$HOME',
      '$(id)',
      '`id`',
      '\\',
      'a\nb',
      '!x',
      '*',
      '~',
      '#c',
      'a|b&c;d<e>f',
      '한글 이름',
      '-rf',
      '{a,b}',
      '%s',
    ];
    for (const s of nasty) expect(throughShell(shellQuote(s))).toBe(s);
  });
});

describe('dockerCli', () => {
  it('container ls with and without -a', () => {
    expect(dockerCli.containerList(false)).toBe('docker container ls');
    expect(dockerCli.containerList(true)).toBe('docker container ls -a');
  });
  it('container actions name every container, quoted', () => {
    expect(dockerCli.containerAction('start', ['web'])).toBe('docker container start web');
    expect(dockerCli.containerAction('unpause', ['a', 'b c'])).toBe("docker container unpause a 'b c'");
    for (const a of ['stop', 'restart', 'pause'] as const)
      expect(dockerCli.containerAction(a, ['x'])).toBe(`docker container ${a} x`);
  });
  it('container rm flags', () => {
    expect(dockerCli.containerRemove(['a', 'b'], { force: false, volumes: false })).toBe('docker container rm a b');
    expect(dockerCli.containerRemove(['a'], { force: true, volumes: false })).toBe('docker container rm -f a');
    expect(dockerCli.containerRemove(['a'], { force: false, volumes: true })).toBe('docker container rm -v a');
    expect(dockerCli.containerRemove(['a'], { force: true, volumes: true })).toBe('docker container rm -f -v a');
  });
  it('inspect, image ls/rm/prune/inspect', () => {
    expect(dockerCli.containerInspect('web')).toBe('docker container inspect web');
    expect(dockerCli.imageList()).toBe('docker image ls');
    expect(dockerCli.imageRemove('busybox:1', false)).toBe('docker image rm busybox:1');
    expect(dockerCli.imageRemove('host:5000/a/b:tag', true)).toBe('docker image rm -f host:5000/a/b:tag');
    expect(dockerCli.imagePrune()).toBe('docker image prune -f');
    expect(dockerCli.imageInspect('sha256:abc')).toBe('docker image inspect sha256:abc');
  });
  it('a hostile name stays one argument when the command is pasted into a shell', () => {
    const cmd = dockerCli.containerInspect('x; touch /tmp/pwned');
    expect(cmd).toBe("docker container inspect 'x; touch /tmp/pwned'");
    const args = execFileSync('/bin/sh', ['-c', `set -- ${cmd.replace(/^docker /, '')}; printf '%s\\n' "$#" "$3"`], {
      encoding: 'utf8',
    });
    expect(args).toBe('3\nx; touch /tmp/pwned\n');
  });
});

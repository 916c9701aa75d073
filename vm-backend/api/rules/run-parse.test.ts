import { describe, expect, it } from 'vitest';
import { buildRunCommand } from './run-cli';
import { emptyForm, parseEnvBlock, portRow, type RunForm } from './run-form';
import { parseDockerRun, parsePortFlag, parseVolumeFlag } from './run-parse';
import { splitWords } from './run-words';

describe('splitWords', () => {
  it('handles quotes, escapes and line continuations', () => {
    expect(splitWords(`a 'b c' "d \\"e\\"" f\\ g \\\n h`)).toEqual({
      ok: true,
      words: ['a', 'b c', 'd "e"', 'f g', 'h'],
    });
    expect(splitWords(`x ''`)).toEqual({ ok: true, words: ['x', ''] });
  });
  it('reports an unclosed quote', () => {
    expect(splitWords(`echo "hi`)).toEqual({ ok: false, reason: 'unclosedQuote', quote: '"' });
    expect(splitWords(`echo 'hi`)).toMatchObject({ ok: false, quote: "'" });
  });
});

describe('parseDockerRun', () => {
  it('fills the form from the tutorial command', () => {
    const { form, problems } = parseDockerRun('docker run -d -p 6000:6379 --name cache redis:4.0');
    expect(form).toMatchObject({ image: 'redis:4.0', name: 'cache', detached: true, interactive: false, command: '' });
    expect(form.ports).toEqual([{ hostIp: '127.0.0.1', hostPort: '6000', containerPort: '6379', protocol: 'tcp' }]);
    // -p without an address would listen everywhere: said as a note, not an error.
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['portAllInterfaces', 'note']]);
  });
  it('reads every common flag, long forms, = forms and quoted values', () => {
    const { form, problems } = parseDockerRun(
      `$ sudo docker container run -dit --rm --name=web -p 0.0.0.0:8080:80 --publish 53:53/udp -e "GREETING=hello world" --env A=1 ` +
        `-v data:/data -v /srv/site:/usr/share/html:ro --restart on-failure:3 --net mynet nginx:1.27 sh -c 'echo "hi there"'`,
    );
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(form).toMatchObject({
      image: 'nginx:1.27',
      name: 'web',
      detached: true,
      interactive: true,
      autoRemove: true,
      restart: 'on-failure',
      restartMax: '3',
      network: 'mynet',
    });
    expect(form.ports).toEqual([portRow('80', '8080', 'tcp', '0.0.0.0'), portRow('53', '53', 'udp', '127.0.0.1')]);
    expect(form.env).toEqual([
      { key: 'GREETING', value: 'hello world' },
      { key: 'A', value: '1' },
    ]);
    expect(form.volumes).toEqual([
      { kind: 'volume', source: 'data', target: '/data', readOnly: false },
      { kind: 'bind', source: '/srv/site', target: '/usr/share/html', readOnly: true },
    ]);
    expect(splitWords(form.command)).toEqual({ ok: true, words: ['sh', '-c', 'echo "hi there"'] });
  });
  it('reports unknown flags with their values, and still finds the image', () => {
    const { form, problems } = parseDockerRun(
      'docker run --shm-size 512m --privileged --user=1000 -w /app alpine ls -l',
    );
    expect(form.image).toBe('alpine');
    expect(form.command).toBe('ls -l');
    expect(problems.map((p) => p.token)).toEqual(['--shm-size 512m', '--privileged', '--user 1000', '-w /app']);
    expect(problems.every((p) => p.code === 'unknownFlag' && p.severity === 'error')).toBe(true);
  });
  it('reads the limits (-m/--memory, --memory-swap, --cpus, -c/--cpu-shares, --pids-limit) and writes them back', () => {
    const cmd = 'docker run -m 64m --memory-swap=128m --cpus 0.5 -c 512 --pids-limit 50 alpine';
    const { form, problems } = parseDockerRun(cmd);
    expect(problems).toEqual([]);
    expect(form.limits).toEqual({ memory: '64m', memorySwap: '128m', cpus: '0.5', cpuShares: '512', pidsLimit: '50' });
    expect(buildRunCommand(form)).toBe(
      'docker container run --memory 64m --memory-swap 128m --cpus 0.5 --cpu-shares 512 --pids-limit 50 alpine',
    );
    expect(parseDockerRun(buildRunCommand(form)).form).toEqual(form);
  });
  it('rejects what is not a docker run command, bad values and a missing image', () => {
    expect(parseDockerRun('ls -la').problems[0]?.code).toBe('notDockerRun');
    expect(parseDockerRun('docker run -p 80:http x').problems[0]?.code).toBe('badPort');
    expect(parseDockerRun('docker run -v nocolon x').problems[0]?.code).toBe('badVolume');
    expect(parseDockerRun('docker run --restart sometimes x').problems[0]?.code).toBe('badRestart');
    expect(parseDockerRun('docker run -d').problems.map((p) => p.code)).toEqual(['noImage']);
    expect(parseDockerRun('docker run --name').problems.map((p) => p.code)).toEqual(['missingValue', 'noImage']);
    expect(parseDockerRun(`docker run "x`).problems[0]?.code).toBe('unclosedQuote');
  });
  it('parses port and volume flags', () => {
    expect(parsePortFlag('[::1]:8080:80')).toEqual(portRow('80', '8080', 'tcp', '::1'));
    expect(parsePortFlag('5000-5002:80-82/udp')).toEqual(portRow('80-82', '5000-5002', 'udp', ''));
    expect(parsePortFlag('80')).toEqual(portRow('80', '', 'tcp', '127.0.0.1'));
    expect(parsePortFlag('a:b')).toBeNull();
    expect(parsePortFlag('80/sctp')).toBeNull();
    expect(parseVolumeFlag('/cache')).toEqual({ kind: 'volume', source: '', target: '/cache', readOnly: false });
    expect(parseVolumeFlag('./site:/www:ro')).toEqual({
      kind: 'bind',
      source: './site',
      target: '/www',
      readOnly: true,
    });
  });
});

describe('buildRunCommand', () => {
  it('writes the command a tutorial would, quoting only what needs it', () => {
    const f: RunForm = {
      ...emptyForm('wharf-fixture/httpd:1'),
      name: 'web-1',
      ports: [portRow('80', '5000')],
      env: [{ key: 'MSG', value: "it's ok" }],
    };
    expect(buildRunCommand(f)).toBe(
      `docker container run -d --name web-1 -p 127.0.0.1:5000:80 -e 'MSG=it'\\''s ok' wharf-fixture/httpd:1`,
    );
    expect(
      buildRunCommand({
        ...emptyForm('busybox'),
        detached: false,
        interactive: true,
        autoRemove: true,
        command: 'sh -c "echo hi"',
      }),
    ).toBe(`docker container run -it --rm busybox sh -c 'echo hi'`);
    expect(
      buildRunCommand({
        ...emptyForm('x'),
        restart: 'on-failure',
        restartMax: '5',
        network: 'n',
        volumes: [{ kind: 'volume', source: '', target: '/d', readOnly: true }],
      }),
    ).toBe('docker container run -d -v /d:ro --restart on-failure:5 --network n x');
  });
  it('round-trips through the parser', () => {
    const f: RunForm = {
      ...emptyForm('nginx:1.27'),
      name: 'a.b_c-1',
      interactive: true,
      autoRemove: true,
      network: 'net1',
      command: `sh -c 'echo "$HOME" \\ x'`,
      ports: [
        portRow('80', '8080', 'tcp', '0.0.0.0'),
        portRow('53-54', '5353-5354', 'udp'),
        portRow('9000', '', 'tcp', '::1'),
      ],
      env: [
        { key: 'A', value: 'x y' },
        { key: 'EMPTY', value: '' },
        { key: 'Q', value: `"'$` },
      ],
      volumes: [
        { kind: 'volume', source: 'v', target: '/v', readOnly: false },
        { kind: 'bind', source: '/h o', target: '/c', readOnly: true },
      ],
    };
    const back = parseDockerRun(buildRunCommand(f));
    expect(back.problems).toEqual([]);
    expect({ ...back.form, command: splitWords(back.form.command) }).toEqual({ ...f, command: splitWords(f.command) });
  });
});

describe('parseEnvBlock', () => {
  it('reads a .env block', () => {
    const r = parseEnvBlock('# comment\nA=1\nexport B="two words"\nC=\'x=y\'\nD=plain # trailing\nnot a line\n\n');
    expect(r.rows).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two words' },
      { key: 'C', value: 'x=y' },
      { key: 'D', value: 'plain' },
    ]);
    expect(r.skipped).toEqual(['not a line']);
  });
});

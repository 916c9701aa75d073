import { describe, expect, it } from 'vitest';
import type { NetworkRow } from '../../../vm-backend/api/contract.networks';
import type { ContainerRow, ContainerState, ImageRow } from '../../../vm-backend/api/types';
import { advance } from './advance';
import { lessonDockerfile } from '../../../vm-backend/api/rules/learn-dockerfile';
import { buildLesson } from './lesson-build';
import { composeLesson } from './lesson-compose';
import { dataLesson } from './lesson-data';
import { MIB } from './inspect-facts';
import { imageContainerLesson } from './lesson-image-container';
import { insideLesson } from './lesson-inside';
import { interactiveLesson } from './lesson-interactive';
import type { LearnState, LessonContext } from './lesson-model';
import { networksLesson } from './lesson-networks';
import { portsLesson } from './lesson-ports';
import { tagsLesson } from './lesson-tags';
import { versionsLesson } from './lesson-versions';
import { vmLesson } from './lesson-vm';
import { normalRef } from './state-queries';

const ctr = (name: string, image: string, state: ContainerState, hostPorts: number[] = []): ContainerRow => ({
  id: `id-${name}`,
  name,
  image,
  imageId: 'sha256:x',
  command: '',
  state,
  status: '',
  statusAt: 0,
  created: 0,
  ports: hostPorts.map((hostPort) => ({ hostIp: '0.0.0.0', hostPort, containerPort: 80, protocol: 'tcp' })),
});
const img = (...repoTags: string[]): ImageRow => ({
  id: `sha256:${repoTags[0]}`,
  repoTags,
  repoDigests: [],
  size: 1,
  created: 0,
});
const st = (containers: ContainerRow[], images: ImageRow[] = []): LearnState => ({
  containers,
  images,
  volumes: [],
  networks: [],
});
const hello: LessonContext = { image: 'hello-world', port: 80 };
const web: LessonContext = { image: 'wharf-fixture/httpd:1', port: 80 };
const states = (s: ReturnType<typeof advance>) => Object.fromEntries(s.steps.map((x) => [x.id, x.state]));

describe('image and container', () => {
  it('walks the steps as the engine changes, done steps staying done', () => {
    let s = advance(imageContainerLesson, [], st([]), hello);
    expect(states(s)).toMatchObject({ pull: 'active', run: 'waiting' });
    s = advance(imageContainerLesson, s.done, st([], [img('hello-world:latest')]), hello);
    expect(states(s)).toMatchObject({ pull: 'done', run: 'active' });
    s = advance(
      imageContainerLesson,
      s.done,
      st([ctr('learn-hello', 'hello-world', 'exited')], [img('hello-world:latest')]),
      hello,
    );
    // Run and "see it exit" both hold at once: the walk goes on.
    expect(s.done).toEqual(['pull', 'run', 'exited']);
    expect(states(s)['remove-container']).toBe('active');
    s = advance(imageContainerLesson, s.done, st([], [img('hello-world:latest')]), hello);
    expect(states(s)).toMatchObject({ 'remove-container': 'done', 'remove-image': 'active' });
    s = advance(imageContainerLesson, s.done, st([]), hello);
    expect(s.finished).toBe(true);
  });

  it('does not take the later "gone" checks before their turn', () => {
    const s = advance(imageContainerLesson, [], st([], [img('hello-world:latest')]), hello);
    expect(s.done).toEqual(['pull']);
  });

  it('hints at another tag, another name, a container still running, an image in use', () => {
    const hintOf = (s: ReturnType<typeof advance>) => s.steps.find((x) => x.state === 'active')?.hint?.key;
    expect(hintOf(advance(imageContainerLesson, [], st([], [img('hello-world:linux')]), hello))).toBe('otherTag');
    expect(
      hintOf(
        advance(
          imageContainerLesson,
          ['pull'],
          st([ctr('brave_bose', 'hello-world', 'exited')], [img('hello-world:latest')]),
          hello,
        ),
      ),
    ).toBe('otherName');
    expect(
      hintOf(advance(imageContainerLesson, ['pull', 'run'], st([ctr('learn-hello', 'hello-world', 'running')]), hello)),
    ).toBe('stillRunning');
    const inUse = advance(
      imageContainerLesson,
      ['pull', 'run', 'exited', 'remove-container'],
      st([ctr('x', 'hello-world:latest', 'exited')], [img('hello-world:latest')]),
      hello,
    );
    expect(inUse.steps.at(-1)?.hint).toEqual({ key: 'imageInUse', params: { name: 'x' } });
  });
});

describe('ports', () => {
  it('says the container runs but port 5000 is not published', () => {
    const s = advance(portsLesson, [], st([ctr('learn-web', web.image, 'running')]), web);
    expect(s.steps[0]).toMatchObject({ state: 'active', hint: { key: 'noPort', params: { port: 5000 } } });
    const other = advance(portsLesson, [], st([ctr('learn-web', web.image, 'running', [8080])]), web);
    expect(other.steps[0]?.hint).toMatchObject({ key: 'otherPort', params: { have: '8080' } });
  });

  it('takes run-web, then both others, then stopped, then gone', () => {
    const running = [ctr('learn-web', web.image, 'running', [5000]), ctr('learn-web-2', web.image, 'running', [5001])];
    let s = advance(portsLesson, [], st(running), web);
    expect(states(s)).toMatchObject({ 'run-web': 'done', more: 'active' });
    s = advance(portsLesson, s.done, st([...running, ctr('learn-web-3', web.image, 'running', [5002])]), web);
    expect(states(s)).toMatchObject({ more: 'done', stop: 'active' });
    const stopped = ['learn-web', 'learn-web-2', 'learn-web-3'].map((n) => ctr(n, web.image, 'exited'));
    s = advance(portsLesson, s.done, st(stopped), web);
    expect(states(s)).toMatchObject({ stop: 'done', cleanup: 'active' });
    expect(advance(portsLesson, s.done, st([]), web).finished).toBe(true);
  });

  it('offers to run only the missing ones', () => {
    const s = st([ctr('learn-web-2', web.image, 'running', [5001])]);
    const action = portsLesson.steps[1]?.action?.(web, s);
    expect(action?.kind === 'run' && action.forms.map((f) => [f.name, f.ports[0]?.hostPort])).toEqual([
      ['learn-web-3', '5002'],
    ]);
  });
});

describe('normalRef', () => {
  it('adds :latest only where no tag or digest is given', () => {
    expect(normalRef('hello-world')).toBe('hello-world:latest');
    expect(normalRef('127.0.0.1:5000/a/b')).toBe('127.0.0.1:5000/a/b:latest');
    expect(normalRef('127.0.0.1:5000/a/b:1')).toBe('127.0.0.1:5000/a/b:1');
    expect(normalRef('a@sha256:00')).toBe('a@sha256:00');
  });
});

describe('data', () => {
  const bb: LessonContext = { image: 'wharf-fixture/busybox:1', port: 80 };
  const vol = (...users: string[]) => ({
    id: 'learn-data',
    name: 'learn-data',
    driver: 'local',
    mountpoint: '',
    created: 0,
    labels: {},
    anonymous: false,
    users: users.map((name) => ({ id: `id-${name}`, name, running: false })),
  });
  const withVols = (containers: ContainerRow[], volumes: ReturnType<typeof vol>[]): LearnState => ({
    ...st(containers),
    volumes,
  });

  it('needs the volume mounted, not only a container of that name', () => {
    const done = ['write', 'gone', 'volume'];
    const c2 = ctr('learn-data-2', bb.image, 'exited');
    const without = advance(dataLesson, done, withVols([c2], [vol()]), bb);
    expect(without.steps[3]).toMatchObject({ state: 'active', hint: { key: 'noVolume' } });
    expect(states(advance(dataLesson, done, withVols([c2], [vol('learn-data-2')]), bb))['write-volume']).toBe('done');
  });

  it('the volume must outlive the container', () => {
    const done = ['write', 'gone', 'volume', 'write-volume'];
    const lost = advance(dataLesson, done, withVols([], []), bb);
    expect(lost.steps[4]).toMatchObject({ state: 'active', hint: { key: 'volumeGone' } });
    expect(states(advance(dataLesson, done, withVols([], [vol()]), bb))['remove-again']).toBe('done');
  });
});

describe('tags', () => {
  const reg: LessonContext = { image: 'reg:5000/wharf/busybox:1', port: 80 };
  const one = { ...img('reg:5000/wharf/busybox:1'), id: 'sha256:a' };
  const latest = { ...img('reg:5000/wharf/busybox:latest'), id: 'sha256:b' };

  it('wants the second tag of the same repository, then a tag of its own on the same image', () => {
    let s = advance(tagsLesson, [], st([], [one]), reg);
    expect(states(s)).toMatchObject({ 'pull-one': 'done', 'pull-two': 'active' });
    s = advance(tagsLesson, s.done, st([], [one, latest]), reg);
    expect(states(s)['own-tag']).toBe('active');
    // The own tag on the other image: close, but not the same bytes.
    const wrong = advance(
      tagsLesson,
      s.done,
      st([], [one, { ...latest, repoTags: [...latest.repoTags, 'learn/my-image:v1'] }]),
      reg,
    );
    expect(wrong.steps[2]).toMatchObject({ state: 'active', hint: { key: 'tagElsewhere' } });
    s = advance(
      tagsLesson,
      s.done,
      st([], [{ ...one, repoTags: [...one.repoTags, 'learn/my-image:v1'] }, latest]),
      reg,
    );
    expect(states(s)).toMatchObject({ 'own-tag': 'done', 'remove-all': 'active' });
    expect(advance(tagsLesson, s.done, st([], []), reg).finished).toBe(true);
  });
});

describe('networks', () => {
  const bb: LessonContext = { image: 'wharf-fixture/busybox:1', port: 80 };
  const net = (name: string, ...names: string[]) =>
    ({ id: name, name, containers: names.map((n) => ({ id: `id-${n}`, name: n })) }) as unknown as NetworkRow;
  const withNets = (containers: ContainerRow[], networks: NetworkRow[]): LearnState => ({
    ...st(containers),
    networks,
  });
  const run = (...names: string[]) => names.map((n) => ctr(n, bb.image, 'running'));

  it('wants both on the bridge, then both on learn-net; a container elsewhere gets its hint', () => {
    let s = advance(
      networksLesson,
      [],
      withNets(run('learn-net-a', 'learn-net-b'), [net('bridge', 'learn-net-a', 'learn-net-b')]),
      bb,
    );
    expect(states(s)).toMatchObject({ bridge: 'done', create: 'active' });
    const cs = run('learn-net-a', 'learn-net-b', 'learn-net-c', 'learn-net-d');
    const wrong = advance(
      networksLesson,
      s.done,
      withNets(cs, [net('bridge', 'learn-net-c'), net('learn-net', 'learn-net-d')]),
      bb,
    );
    expect(wrong.steps[2]).toMatchObject({
      state: 'active',
      hint: { key: 'notOnNetwork', params: { name: 'learn-net-c' } },
    });
    s = advance(networksLesson, s.done, withNets(cs, [net('learn-net', 'learn-net-c', 'learn-net-d')]), bb);
    expect(states(s)).toMatchObject({ 'by-name': 'done', cleanup: 'active' });
    expect(advance(networksLesson, s.done, withNets([], [net('bridge')]), bb).finished).toBe(true);
  });
});

describe('compose', () => {
  const bb: LessonContext = { image: 'wharf-fixture/busybox:1', port: 80 };
  const svc = (name: string, state: ContainerState, project?: string): ContainerRow => ({
    ...ctr(name, bb.image, state),
    ...(project ? { project } : {}),
  });

  it('wants both services running in the project, then none left; stop is not down', () => {
    // Both run, but made by docker run: not a compose project.
    const alone = advance(
      composeLesson,
      [],
      st([svc('learn-compose-web', 'running'), svc('learn-compose-db', 'running')]),
      bb,
    );
    expect(alone.steps[0]).toMatchObject({ state: 'active', hint: { key: 'notInProject' } });
    const up = [
      svc('learn-compose-web', 'running', 'learn-compose'),
      svc('learn-compose-db', 'running', 'learn-compose'),
    ];
    let s = advance(composeLesson, [], st(up), bb);
    expect(states(s)).toMatchObject({ up: 'done', down: 'active' });
    const stopped = up.map((c) => ({ ...c, state: 'exited' as const }));
    expect(advance(composeLesson, s.done, st(stopped), bb).steps[1]?.hint?.key).toBe('stoppedNotDown');
    s = advance(composeLesson, s.done, st([]), bb);
    expect(s.finished).toBe(true);
  });

  it('writes a file that names both containers with the lesson image', () => {
    const cli = composeLesson.steps[0]?.cli(bb) ?? '';
    expect(cli).toContain('container_name: learn-compose-web');
    expect(cli).toContain('container_name: learn-compose-db');
    expect(cli.match(/image: wharf-fixture\/busybox:1/g)).toHaveLength(2);
  });
});

describe('two versions side by side', () => {
  const redis: LessonContext = { image: 'redis:4.0', port: 6379 };
  const at = (name: string, image: string, hostPort: number, state: ContainerState = 'running') => ({
    ...ctr(name, image, state, [hostPort]),
    ports: [{ hostIp: '0.0.0.0', hostPort, containerPort: 6379, protocol: 'tcp' as const }],
  });
  const hintOf = (s: ReturnType<typeof advance>) => s.steps.find((x) => x.state === 'active')?.hint;

  it("runs the other tag on 6000, the lesson's tag on 6001, both at once, then none", () => {
    expect(versionsLesson.steps[0]?.cli(redis)).toBe(
      'docker container run -d -p 6000:6379 --name learn-ver-new redis:latest',
    );
    let s = advance(versionsLesson, [], st([at('learn-ver-new', 'redis', 6000)]), redis);
    expect(states(s)).toMatchObject({ 'run-new': 'done', 'run-old': 'active' });
    const both = st([at('learn-ver-new', 'redis', 6000), at('learn-ver-old', 'redis:4.0', 6001)]);
    s = advance(versionsLesson, s.done, both, redis);
    expect(states(s)).toMatchObject({ 'run-old': 'done', 'side-by-side': 'done', cleanup: 'active' });
    expect(advance(versionsLesson, s.done, st([]), redis).finished).toBe(true);
  });

  it('does not take one version for both: the second must not replace the first', () => {
    const s = advance(versionsLesson, ['run-new', 'run-old'], st([at('learn-ver-old', 'redis:4.0', 6001)]), redis);
    expect(states(s)['side-by-side']).toBe('active');
    expect(hintOf(s)).toBeNull();
    const stopped = st([at('learn-ver-new', 'redis', 6000, 'exited'), at('learn-ver-old', 'redis:4.0', 6001)]);
    expect(hintOf(advance(versionsLesson, ['run-new', 'run-old'], stopped, redis))).toEqual({
      key: 'notRunning',
      params: { name: 'learn-ver-new' },
    });
  });

  it('hints at the same tag twice and at the wrong host port', () => {
    const sameTag = advance(versionsLesson, ['run-new'], st([at('learn-ver-old', 'redis:latest', 6001)]), redis);
    expect(hintOf(sameTag)).toEqual({
      key: 'otherImage',
      params: { name: 'learn-ver-old', have: 'redis:latest', want: 'redis:4.0' },
    });
    const port = advance(versionsLesson, [], st([at('learn-ver-new', 'redis', 6001)]), redis);
    expect(hintOf(port)).toMatchObject({ key: 'otherPort', params: { port: 6000, have: '6001' } });
    const none = advance(versionsLesson, [], st([ctr('learn-ver-new', 'redis', 'running')]), redis);
    expect(hintOf(none)).toMatchObject({ key: 'noPort', params: { port: 6000 } });
  });

  it("pairs :latest with :1 when the lesson's own image is latest", () => {
    const ctx: LessonContext = { image: 'wharf-fixture/httpd', port: 80 };
    expect(versionsLesson.steps[0]?.cli(ctx)).toContain('--name learn-ver-new wharf-fixture/httpd:1');
    expect(versionsLesson.steps[1]?.cli(ctx)).toContain('-p 6001:80 --name learn-ver-old wharf-fixture/httpd:latest');
  });
});

describe('interactive', () => {
  const box: LessonContext = { image: 'wharf-fixture/busybox:1', port: 80 };
  const facts = (tty: boolean, openStdin: boolean, state = 'running') => ({ state, tty, openStdin, memory: 0 });
  const withFacts = (c: ContainerRow, f: ReturnType<typeof facts>): LearnState => ({
    ...st([c]),
    inspected: { [c.id]: f },
  });

  it('takes -it from the inspect, then the exit, then the removal', () => {
    const shell = ctr('learn-shell', box.image, 'running');
    // Listed but not inspected yet: not done, and no hint guessed.
    let s = advance(interactiveLesson, [], st([shell]), box);
    expect(s.steps[0]).toMatchObject({ state: 'active', hint: null });
    s = advance(interactiveLesson, [], withFacts(shell, facts(true, true)), box);
    expect(states(s)).toMatchObject({ 'run-it': 'done', exit: 'active' });
    const exited = ctr('learn-shell', box.image, 'exited');
    s = advance(interactiveLesson, s.done, withFacts(exited, facts(true, true, 'exited')), box);
    expect(states(s)).toMatchObject({ exit: 'done', cleanup: 'active' });
    expect(advance(interactiveLesson, s.done, st([]), box).finished).toBe(true);
  });

  it('hints when the shell was started without -it (or with only one of them)', () => {
    const shell = ctr('learn-shell', box.image, 'exited');
    for (const [tty, stdin] of [
      [false, false],
      [true, false],
      [false, true],
    ] as const) {
      const s = advance(interactiveLesson, [], withFacts(shell, facts(tty, stdin, 'exited')), box);
      expect(s.steps[0]).toMatchObject({ state: 'active', hint: { key: 'notInteractive' } });
    }
  });

  it('offers the Run dialog with -it and sh', () => {
    const a = interactiveLesson.steps[0]?.action?.(box, st([]));
    expect(a?.kind === 'run' && a.forms[0]).toMatchObject({ name: 'learn-shell', command: 'sh', interactive: true });
  });
});

describe('inside: processes and limits', () => {
  const box: LessonContext = { image: 'wharf-fixture/busybox:1', port: 80 };
  const limited = (memory: number, state: ContainerState = 'running'): LearnState => {
    const c = ctr('learn-limits', box.image, state);
    return { ...st([c]), inspected: { [c.id]: { state, tty: false, openStdin: false, memory } } };
  };
  const hintOf = (s: ReturnType<typeof advance>) => s.steps.find((x) => x.state === 'active')?.hint;

  it('takes a running container with exactly 64 MiB, then its removal', () => {
    expect(insideLesson.steps[0]?.cli(box)).toBe(
      'docker container run -d --memory 64m --name learn-limits wharf-fixture/busybox:1 sleep 3600',
    );
    const s = advance(insideLesson, [], limited(64 * MIB), box);
    expect(states(s)).toMatchObject({ 'run-limited': 'done', processes: 'done', stats: 'done', cleanup: 'active' });
    expect(advance(insideLesson, s.done, st([]), box).finished).toBe(true);
  });

  it('hints at no limit, another limit, a stopped container; nothing before the inspect', () => {
    expect(hintOf(advance(insideLesson, [], limited(0), box))).toEqual({
      key: 'noMemoryLimit',
      params: { name: 'learn-limits', want: 64 },
    });
    expect(hintOf(advance(insideLesson, [], limited(128 * MIB), box))).toMatchObject({
      key: 'otherMemoryLimit',
      params: { have: 128, want: 64 },
    });
    const stopped = advance(insideLesson, [], limited(64 * MIB, 'exited'), box);
    expect(stopped.done).toEqual([]);
    expect(hintOf(stopped)).toMatchObject({ key: 'notRunning' });
    expect(advance(insideLesson, [], st([ctr('learn-limits', box.image, 'running')]), box).done).toEqual([]);
  });

  it('fills the Run dialog with --memory 64m', () => {
    const a = insideLesson.steps[0]?.action?.(box, st([]));
    expect(a?.kind === 'run' && a.forms[0]?.limits?.memory).toBe('64m');
  });
});

describe('build', () => {
  const box: LessonContext = { image: 'wharf-fixture/busybox:1', port: 80 };
  const tag = 'learn/hello-web:1';
  const hintOf = (s: ReturnType<typeof advance>) => s.steps.find((x) => x.state === 'active')?.hint;

  it('offers a Dockerfile from the lesson image serving on 3000', () => {
    const file = lessonDockerfile(box);
    expect(file.split('\n')[0]).toBe('FROM wharf-fixture/busybox:1');
    expect(file).toContain('EXPOSE 3000');
    expect(buildLesson.steps[0]?.cli(box)).toContain(`docker image build -t ${tag} .`);
  });

  it('takes the built tag, then a container from it on 3000, then both gone', () => {
    let s = advance(buildLesson, [], st([], [img(tag)]), box);
    expect(states(s)).toMatchObject({ build: 'done', run: 'active' });
    s = advance(buildLesson, s.done, st([ctr('learn-build-web', tag, 'running', [3000])], [img(tag)]), box);
    expect(states(s)).toMatchObject({ run: 'done', cleanup: 'active' });
    s = advance(buildLesson, s.done, st([], [img(tag)]), box);
    expect(states(s)).toMatchObject({ cleanup: 'done', 'remove-image': 'active' });
    expect(advance(buildLesson, s.done, st([]), box).finished).toBe(true);
  });

  it('hints at another image, no port, another port, an image still in use', () => {
    const run = (c: ContainerRow) => hintOf(advance(buildLesson, ['build'], st([c], [img(tag)]), box));
    expect(run(ctr('learn-build-web', box.image, 'running', [3000]))).toMatchObject({ key: 'otherImage' });
    expect(run(ctr('learn-build-web', tag, 'running'))).toMatchObject({ key: 'noPort', params: { port: 3000 } });
    expect(run(ctr('mine', tag, 'running', [8080]))).toMatchObject({ key: 'otherPort', params: { have: '8080' } });
    const inUse = advance(buildLesson, ['build', 'run', 'cleanup'], st([ctr('x', tag, 'exited')], [img(tag)]), box);
    expect(hintOf(inUse)).toEqual({ key: 'imageInUse', params: { name: 'x' } });
  });
});

describe('VM vs container', () => {
  const box: LessonContext = { image: 'busybox', port: 80 };
  it('waits for the engine to be known, then every reading step is done', () => {
    expect(advance(vmLesson, [], st([]), box).done).toEqual([]);
    for (const engine of ['local', 'vm', 'ssh'] as const)
      expect(advance(vmLesson, [], { ...st([]), engine }, box).finished).toBe(true);
  });
});

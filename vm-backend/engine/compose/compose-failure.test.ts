import { describe, expect, it } from 'vitest';
import { classifyFailure, configError } from './compose-failure';

const cmd = 'docker compose up -d';

describe('classifyFailure', () => {
  it('reads v1 and v2 words for the same problem', () => {
    expect(classifyFailure(cmd, 'No such service: nosuch').code).toBe('COMPOSE_UNKNOWN_SERVICE');
    expect(classifyFailure(cmd, 'no such service: nosuch').params).toEqual({ service: 'nosuch' });
    const v1Port =
      'ERROR: for web  Cannot start service web: driver failed programming external connectivity on endpoint x_web_1 (abc): Bind for 127.0.0.1:8080 failed: port is already allocated';
    expect(classifyFailure(cmd, v1Port).params).toEqual({ port: '8080' });
    const v2Port =
      'Error response from daemon: driver failed programming external connectivity on endpoint x-web-1: Error starting userland proxy: listen tcp4 0.0.0.0:5000: bind: address already in use';
    expect(classifyFailure(cmd, v2Port)).toMatchObject({ code: 'COMPOSE_PORT_IN_USE', params: { port: '5000' } });
  });

  it('names the image that cannot be pulled', () => {
    const v1 =
      'Pulling app (shop/api:1)...\nGet "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host';
    expect(classifyFailure(cmd, v1)).toMatchObject({
      code: 'COMPOSE_IMAGE_NOT_FOUND',
      params: { image: 'shop/api:1' },
    });
    const v2 = 'Error response from daemon: pull access denied for shop/api, repository does not exist';
    expect(classifyFailure(cmd, v2).params).toEqual({ image: 'shop/api' });
  });

  it('keeps anything else as compose said it, with the command', () => {
    const e = classifyFailure(cmd, 'something odd happened');
    expect(e.code).toBe('COMPOSE_FAILED');
    expect(e.detail).toBe(`${cmd}\nsomething odd happened`);
  });

  it('gives a file error its line, v1 and v2', () => {
    const v1 = `yaml.parser.ParserError: while parsing a flow sequence\n  in "./compose.yaml", line 4, column 12\nexpected ',' or ']'`;
    expect(configError(v1, '/p/compose.yaml')).toMatchObject({
      code: 'COMPOSE_FILE_INVALID',
      params: { line: 4, file: '/p/compose.yaml' },
    });
    const v2 = "yaml: line 7: did not find expected ',' or ']'";
    expect(configError(v2, '/p/compose.yaml').params?.line).toBe(7);
    const schema = 'validating /p/compose.yaml: services.web Additional property bogus is not allowed';
    expect(configError(schema, '/p/compose.yaml').params?.line).toBe('');
  });
});

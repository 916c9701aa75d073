import { describe, expect, it } from 'vitest';
import { networkError, networkInUse, subnetInvalid } from './network-errors';

/** A dockerode failure as docker-modem builds it: status and the daemon's JSON message. */
const engine = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message}`), { statusCode, json: { message } });

describe('network errors', () => {
  it("maps the daemon's own words (Docker 20.10) to codes, keeping them in detail", () => {
    const cases: [number, string, string][] = [
      [403, 'Pool overlaps with other one on this address space', 'NETWORK_SUBNET_OVERLAP'],
      [409, 'network with name lab already exists', 'NETWORK_NAME_TAKEN'],
      [403, 'bridge is a pre-defined network and cannot be removed', 'NETWORK_BUILTIN'],
      [403, 'endpoint with name web already exists in network lab', 'NETWORK_ALREADY_CONNECTED'],
      [500, 'container 0123456789ab is not connected to network lab', 'NETWORK_NOT_CONNECTED'],
      [404, 'network lab not found', 'NETWORK_NOT_FOUND'],
      [400, 'invalid CIDR address: 10.0.0/8', 'NETWORK_INVALID'],
    ];
    for (const [status, message, code] of cases) {
      const e = networkError(engine(status, message), { subject: 'lab', container: 'web' });
      expect(e.code, message).toBe(code);
      expect(e.detail).toBe(message);
    }
    // Anything else falls to the engine's general mapping.
    expect(networkError(engine(404, 'No such container: web')).code).toBe('CONTAINER_NOT_FOUND');
  });
  it('names the containers of a network in use, and each subnet problem on its field', () => {
    const e = networkInUse('lab', ['web', 'db'], 'has active endpoints');
    expect(e.message).toContain('web, db');
    expect(e.params).toMatchObject({ network: 'lab', containers: 'web, db' });
    expect(subnetInvalid({ kind: 'gateway-outside', gateway: '10.2.0.1', subnet: '10.1.0.0/24' }).params).toMatchObject(
      {
        field: 'gateway',
        problem: 'gateway-outside',
      },
    );
    expect(
      subnetInvalid({ kind: 'subnet-overlap', subnet: '10.1.0.0/16', network: 'a', other: '10.1.5.0/24' }).code,
    ).toBe('NETWORK_SUBNET_OVERLAP');
  });
});

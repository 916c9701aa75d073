// The networks domain's refusals, in words a beginner can act on; the engine's own words in detail.
// Matched on the daemon's message (engine/errors.ts reads it), else the engine's general mapping.
import { WharfError } from '../../api/errors';
import type { SubnetProblem } from '../../api/rules/network-subnets';
import { type ErrorContext, readFailure, toWharfError } from '../errors';

/** A create's subnet or gateway that cannot work, before the engine is asked. */
export function subnetInvalid(p: SubnetProblem, detail = ''): WharfError {
  if (p.kind === 'subnet-overlap')
    return new WharfError({
      code: 'NETWORK_SUBNET_OVERLAP',
      message: `The subnet ${p.subnet} overlaps ${p.other}, which the network "${p.network}" already uses.`,
      hint: 'Choose a subnet that no other network uses (for example 10.123.0.0/24), or leave it empty and Docker picks one.',
      detail,
      params: { subnet: p.subnet, other: p.other, network: p.network, field: 'subnet' },
    });
  const field = p.kind.startsWith('gateway') ? 'gateway' : 'subnet';
  const texts: Record<Exclude<SubnetProblem['kind'], 'subnet-overlap'>, [string, string]> = {
    'subnet-malformed': [
      `"${'subnet' in p ? p.subnet : ''}" is not a subnet.`,
      'Write it as an address and a prefix length with the host part zero, like 10.123.0.0/24.',
    ],
    'gateway-malformed': [
      `"${'gateway' in p ? p.gateway : ''}" is not an IP address.`,
      'Write the gateway as one address inside the subnet, like 10.123.0.1.',
    ],
    'gateway-without-subnet': [
      'A gateway needs a subnet.',
      'Give the subnet too, or leave the gateway empty and Docker picks one.',
    ],
    'gateway-outside': [
      `The gateway ${'gateway' in p ? p.gateway : ''} is outside the subnet ${'subnet' in p ? p.subnet : ''}.`,
      'Choose a gateway inside the subnet (usually its first address, like 10.123.0.1).',
    ],
    'gateway-is-network': [
      `The gateway ${'gateway' in p ? p.gateway : ''} is the subnet's own network address.`,
      'Choose the next address (usually .1) as the gateway.',
    ],
  };
  const [message, hint] = texts[p.kind];
  return new WharfError({
    code: 'NETWORK_INVALID',
    message,
    hint,
    detail,
    params: {
      ...('subnet' in p ? { subnet: p.subnet } : {}),
      ...('gateway' in p ? { gateway: p.gateway } : {}),
      field,
      problem: p.kind,
    },
  });
}

export function networkInUse(network: string, containers: string[], detail: string): WharfError {
  return new WharfError({
    code: 'NETWORK_IN_USE',
    message: `The network "${network}" is used by ${containers.join(', ') || 'a container'}.`,
    hint: 'Disconnect those containers (or remove them) first, then remove the network.',
    detail,
    params: { network, containers: containers.join(', ') },
  });
}

/** Maps the engine's refusal of a networks call; `ctx.subject` names the network. */
export function networkError(err: unknown, ctx: ErrorContext & { container?: string } = {}): WharfError {
  if (err instanceof WharfError) return err;
  const f = readFailure(err);
  const m = f.message;
  const network = ctx.subject ?? '';
  const container = ctx.container ?? '';
  const make = (
    code:
      | 'NETWORK_NAME_TAKEN'
      | 'NETWORK_BUILTIN'
      | 'NETWORK_NOT_FOUND'
      | 'NETWORK_ALREADY_CONNECTED'
      | 'NETWORK_NOT_CONNECTED',
    message: string,
    hint: string,
  ): WharfError => new WharfError({ code, message, hint, detail: m, params: { network, container } });
  if (/Pool overlaps/i.test(m))
    return new WharfError({
      code: 'NETWORK_SUBNET_OVERLAP',
      message: 'That subnet overlaps one another network already uses.',
      hint: 'Choose a subnet that no other network uses (for example 10.123.0.0/24), or leave it empty and Docker picks one.',
      detail: m,
      params: { field: 'subnet' },
    });
  if (/invalid (CIDR|address)|no matching subnet|invalid pool|invalid subnet|gateway/i.test(m) && f.status === 400)
    return new WharfError({
      code: 'NETWORK_INVALID',
      message: 'The engine refused the subnet or gateway.',
      hint: 'Write the subnet like 10.123.0.0/24 and a gateway inside it, like 10.123.0.1.',
      detail: m,
      params: { field: 'subnet' },
    });
  if (/already exists/i.test(m) && /network with name/i.test(m))
    return make('NETWORK_NAME_TAKEN', `A network named "${network}" already exists.`, 'Choose another name.');
  if (/pre-defined network/i.test(m))
    return make(
      'NETWORK_BUILTIN',
      `"${network}" is one of Docker's own networks and cannot be removed.`,
      'Only networks you created can be removed.',
    );
  if (/endpoint with name .* already exists|already (exists|connected) in network/i.test(m))
    return make(
      'NETWORK_ALREADY_CONNECTED',
      `${container || 'The container'} is already connected to "${network}".`,
      'Disconnect it first if you want to connect it again with another alias.',
    );
  if (/is not connected to (the )?network/i.test(m))
    return make(
      'NETWORK_NOT_CONNECTED',
      `${container || 'The container'} is not connected to "${network}".`,
      'Pick a network the container is on.',
    );
  if (f.status === 404 && /network/i.test(m))
    return make(
      'NETWORK_NOT_FOUND',
      `The network "${network}" does not exist (any more).`,
      'The list shows the networks the engine has now.',
    );
  return toWharfError(err, ctx);
}

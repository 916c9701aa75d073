// The domains an engine scope serves, one line each. A new domain adds its folder, with its
// <domain>-handlers.ts taking the ScopeContext (engine/scope-context.ts), and one line here.
import type { CallName } from '../api/contract';
import type { HandlerMap } from '../api/handler';
import { composeHandlers } from '../engine/compose/compose-handlers';
import { containerHandlers } from '../engine/containers/container-handlers';
import { engineHandlers } from '../engine/engine-handlers';
import { execHandlers } from '../engine/exec/exec-handlers';
import { fileHandlers } from '../engine/files/file-handlers';
import { imageHandlers } from '../engine/images/image-handlers';
import { learnHandlers } from '../engine/learn/learn-handlers';
import { logHandlers } from '../engine/logs/log-handlers';
import { networkHandlers } from '../engine/networks/network-handlers';
import { pullHandlers } from '../engine/pull/pull-handlers';
import { runHandlers } from '../engine/run/run-handlers';
import type { ScopeContext } from '../engine/scope-context';
import { statsHandlers } from '../engine/stats/stats-handlers';
import { streamHandlers } from '../engine/streams/stream-handlers';
import { volumeHandlers } from '../engine/volumes/volume-handlers';
import { registryHandlers } from '../registry/registry-handlers';
import { buildHandlers } from '../engine/build/build-handlers';
import { pushHandlers } from '../engine/push/push-handlers';

const SCOPE_DOMAINS = [
  engineHandlers,
  containerHandlers,
  imageHandlers,
  runHandlers,
  logHandlers,
  execHandlers,
  streamHandlers,
  pullHandlers,
  registryHandlers,
  networkHandlers,
  volumeHandlers,
  fileHandlers,
  buildHandlers,
  pushHandlers,
  composeHandlers,
  statsHandlers,
  learnHandlers,
] as const;

/** Calls served beside the engine, whichever it is: the targets, the VM, the host's paths (backend.ts). */
export type BackendCall = Extract<CallName, `targets:${string}` | `vm:${string}` | `host:${string}`>;
type ScopeCall = Exclude<CallName, BackendCall>;
export type ScopeHandlers = HandlerMap<ScopeCall>;

// Checked by the compiler: the domains serve every scope call, each exactly once, and nothing else.
// A broken rule fails `npm run typecheck` here and names the calls.
type CallsOf<D> = D extends (ctx: never) => infer M ? keyof M : never;
type Twice<L extends readonly unknown[]> = L extends readonly [infer D, ...infer Rest]
  ? (CallsOf<D> & CallsOf<Rest[number]>) | Twice<Rest>
  : never;
type Served = CallsOf<(typeof SCOPE_DOMAINS)[number]>;
type None<T extends never> = T;
// biome-ignore lint/correctness/noUnusedVariables: read by the compiler only
type ScopeDomainsChecked = [
  None<Exclude<ScopeCall, Served>>, // a scope call no domain serves
  None<Exclude<Served, ScopeCall>>, // a domain serving a call that is not the scope's
  None<Twice<typeof SCOPE_DOMAINS>>, // a call two domains serve
];

/** Every scope call's handler, from each domain's handlers over one scope's context. */
export function scopeHandlers(ctx: ScopeContext): ScopeHandlers {
  return Object.assign({}, ...SCOPE_DOMAINS.map((domain) => domain(ctx)));
}

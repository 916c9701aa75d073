// The backend pieces the build and push benches drive in-process. Bundled by esbuild
// (scripts/bench.sh); a require, so the e2e typecheck does not pull vm-backend in.

export interface BackendSession {
  client(): unknown;
  start(): Promise<void>;
  close(): Promise<void>;
}
interface Finished {
  state: string;
  error?: unknown;
}
interface BuildManagerLike {
  start(input: unknown): Promise<{ id: string }>;
  wait(id: string): Promise<Finished>;
}
interface PushManagerLike {
  start(client: unknown, ref: string): Promise<{ push: string }>;
  wait(id: string): Promise<Finished>;
}

export function backendModules(): {
  buildInput: { parse(v: unknown): unknown };
  BuildManager: new (deps: {
    client(): unknown;
    target: string;
    store: unknown;
    emit(event: string, payload: unknown): void;
  }) => BuildManagerLike;
  BuildStore: new (dir: string) => unknown;
  PushManager: new (client: () => unknown, registries: { get(h: string): Promise<undefined> }) => PushManagerLike;
  localSession(): Promise<BackendSession>;
} {
  const { buildInput } = require('../../vm-backend/api/contract.build');
  const { BuildManager } = require('../../vm-backend/engine/build/build-manager');
  const { BuildStore } = require('../../vm-backend/engine/build/build-store');
  const { PushManager } = require('../../vm-backend/engine/push/push-manager');
  const { EngineSession } = require('../../vm-backend/engine/session');
  const { localConnectionFromEnv } = require('../../vm-backend/connection/local');
  return {
    buildInput,
    BuildManager,
    BuildStore,
    PushManager,
    localSession: async () => {
      const s = new EngineSession(localConnectionFromEnv(), {
        state: () => {},
        containers: () => {},
        images: () => {},
      });
      await s.start();
      return s;
    },
  };
}

// The engine's own image search (`docker search`: Docker Hub through the engine), handed to the
// registry's search as a function so registry/ needs no engine session.
import type { EngineSearch } from '../../registry/hub';
import type { EngineSession } from '../session';

export const engineSearch =
  (session: EngineSession): EngineSearch =>
  (term) =>
    session.client().searchImages({ term, limit: 25 }) as ReturnType<EngineSearch>;

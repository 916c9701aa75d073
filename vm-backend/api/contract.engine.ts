import { z } from 'zod';
import { call } from './define';
import type { EngineStatus } from './types';

export const engineCalls = {
  'engine:status': call<z.ZodObject<{}>, EngineStatus>(z.object({}).strict()),
  /** Try to reach the engine now instead of waiting for the next automatic retry. */
  'engine:retry': call<z.ZodObject<{}>, EngineStatus>(z.object({}).strict()),
};

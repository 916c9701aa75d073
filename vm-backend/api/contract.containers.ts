import { z } from 'zod';
import { call } from './define';
import { containerRef, containerRefs } from './ids';
import type { BulkItemResult, ContainerInspect, ContainerRow, Listing } from './types';

export const containerActionName = z.enum(['start', 'stop', 'restart', 'pause', 'unpause']);
export type ContainerActionName = z.infer<typeof containerActionName>;

export const containerCalls = {
  'containers:list': call<z.ZodObject<{}>, Listing<ContainerRow>>(z.object({}).strict()),
  'containers:inspect': call<z.ZodObject<{ id: typeof containerRef }>, ContainerInspect>(
    z.object({ id: containerRef }).strict(),
  ),
  'containers:action': call<
    z.ZodObject<{ ids: typeof containerRefs; action: typeof containerActionName }>,
    BulkItemResult[]
  >(z.object({ ids: containerRefs, action: containerActionName }).strict()),
  'containers:remove': call<
    z.ZodObject<{ ids: typeof containerRefs; force: z.ZodBoolean; removeVolumes: z.ZodBoolean }>,
    BulkItemResult[]
  >(z.object({ ids: containerRefs, force: z.boolean(), removeVolumes: z.boolean() }).strict()),
};

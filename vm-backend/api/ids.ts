import { z } from 'zod';

/** A container or image id (full or short hex) or a name: what the engine accepts in a path. */
export const engineRef = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/@+-]*$/, 'not a valid id or name');

/** Container id or name only: no ':' '/' '@' (those would change the engine URL path). */
export const containerRef = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'not a valid container id or name');

export const containerRefs = z.array(containerRef).min(1).max(500);

/** An image reference (repo[:tag][@digest]; a tag may hold capitals) or id ("sha256:<hex>" or hex). */
export const imageRef = z
  .string()
  .min(1)
  .max(512)
  .regex(
    /^(?!.*\/\.\.?(\/|$))(sha256:[a-f0-9]{4,64}|[a-z0-9][a-z0-9._\-/:]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?(@sha256:[a-f0-9]{64})?)$/,
    'not a valid image reference or id',
  );

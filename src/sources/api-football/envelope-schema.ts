import { z } from 'zod';

/**
 * `errors` of a response: an empty list when all went well, otherwise an
 * object keyed by field (`requests`, `token`, `league`, ...) and, in some
 * answers, a list of such objects or strings.
 */
export const responseErrorsSchema = z.union([
  z.array(z.union([z.string(), z.record(z.string(), z.string())])),
  z.record(z.string(), z.string()),
]);

export type ResponseErrors = z.infer<typeof responseErrorsSchema>;

/** The envelope every API-Football v3 response shares. */
export const envelopeSchema = z.object({
  get: z.string(),
  parameters: z.union([z.record(z.string(), z.string()), z.array(z.never())]),
  errors: responseErrorsSchema,
  results: z.number().int(),
  paging: z
    .object({ current: z.number().int(), total: z.number().int() })
    .optional(),
  response: z.unknown(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

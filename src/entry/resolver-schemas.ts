import type { ZodType, ZodTypeDef } from 'zod';
import { PAYLOAD_SCHEMAS, type ResolverKey, type ResolverPayload } from '../contract';

export type PayloadCheck<K extends ResolverKey> =
  { ok: true; payload: ResolverPayload<K> } | { ok: false; message: string };

/** The payload as the service takes it, or one sentence naming every field that is wrong. */
export function checkPayload<K extends ResolverKey>(key: K, payload: unknown): PayloadCheck<K> {
  const schema: ZodType<ResolverPayload<K>, ZodTypeDef, unknown> = PAYLOAD_SCHEMAS[key];
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, payload: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys')
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    const field = issue.path.join('.');
    return field ? `${field} ${issue.message}` : issue.message;
  });
  return { ok: false, message: `The request was not valid: ${problems.join('; ')}.` };
}

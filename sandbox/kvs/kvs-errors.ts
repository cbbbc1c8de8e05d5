/** An answer the Forge key-value store gives with an error code (status + `{ code, message }`). */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const KEY_MAX_CHARS = 500;
export const VALUE_MAX_BYTES = 240 * 1024;
export const VALUE_MAX_DEPTH = 32;
export const TRANSACTION_MAX_OPS = 25;
export const BATCH_MAX_ITEMS = 25;
export const QUERY_MAX_LIMIT = 100;
export const QUERY_DEFAULT_LIMIT = 10;

// Forge's documented key syntax (handling-errors-kvs): letters, digits, `:._-#` and spaces, not only spaces.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export function checkKey(key: unknown): string {
  if (typeof key !== 'string')
    throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid: key must be a string');
  if (key.length === 0) throw new KvsError(400, 'EMPTY_KEY', 'Key cannot be empty.');
  if (key.length > KEY_MAX_CHARS)
    throw new KvsError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${KEY_MAX_CHARS} characters.`);
  if (!KEY_PATTERN.test(key))
    throw new KvsError(
      400,
      'INVALID_KEY',
      `The provided key "${key}" does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/`,
    );
  return key;
}

function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  for (const v of Object.values(value as Record<string, unknown>)) max = Math.max(max, depth(v));
  return max + 1;
}

/** Checks a value the way the store does and returns its JSON size in bytes. */
export function checkValue(value: unknown): number {
  if (value === undefined) throw new KvsError(400, 'BAD_REQUEST', 'Provided request body is invalid: value is missing');
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > VALUE_MAX_BYTES)
    throw new KvsError(
      400,
      'MAX_SIZE',
      `The provided value (${bytes} bytes) has exceeded the maximum size limit (${VALUE_MAX_BYTES} bytes).`,
    );
  if (depth(value) > VALUE_MAX_DEPTH)
    throw new KvsError(
      400,
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${VALUE_MAX_DEPTH}) limit.`,
    );
  return bytes;
}

export function checkLimit(limit: unknown, code: string): number {
  if (limit === undefined || limit === null) return QUERY_DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > QUERY_MAX_LIMIT) {
    throw new KvsError(400, code, `The page limit must be set between 1 and ${QUERY_MAX_LIMIT}.`);
  }
  return limit;
}

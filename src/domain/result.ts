/** A refusal the domain explains in a sentence, instead of throwing. */
export type DomainError = { code: 'invalid' | 'not-allowed' | 'not-found'; message: string };

export type DomainResult<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function ok<T>(value: T): DomainResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: DomainError['code'], message: string): DomainResult<T> {
  return { ok: false, error: { code, message } };
}

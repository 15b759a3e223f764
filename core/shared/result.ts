/**
 * Errors as values at every boundary: a function that can fail for reasons outside the
 * programmer's control (a user's input, a file, the disk) returns a Result instead of throwing.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

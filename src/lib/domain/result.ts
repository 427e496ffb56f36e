/** A problem with one field of a record or one cell of an input. */
export interface Problem {
	field: string;
	message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Parsed<T> => ({ ok: false, error });

import type { Outcome } from '$lib/domain/lifecycle';

/** The value of an allowed move; fails the test with the refusal when it was refused. */
export function value<T>(r: Outcome<T>): T {
	if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
	return r.value;
}

/** The sentence of a refused move; fails the test when it was allowed. */
export function reason<T>(r: Outcome<T>): string {
	if (r.ok) throw new Error('expected a refusal');
	return r.reason;
}

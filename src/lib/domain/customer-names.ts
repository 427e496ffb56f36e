import type { Codec } from './codecs';
import { ok } from './result';
import type { Id } from './records';

/** What name matching needs of a customer: its name and the other names its files have used. */
export interface NamedCustomer {
	id: Id;
	name: string;
	otherNames?: readonly string[];
}

/**
 * A company name as people read it: `ACME Facilities, Inc.`, `Acme  Facilities Inc` and
 * `acme facilities inc.` are one name, and so are `Café Nord` and `Cafe Nord`. Legal suffixes are
 * kept (`Acme` and `Acme Inc.` may be two companies): a name the person has told us means a
 * customer is remembered instead.
 */
export function nameKey(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]/gu, '');
}

export type NameMatch = { kind: 'one'; id: Id } | { kind: 'none' } | { kind: 'ambiguous'; ids: Id[] };

/**
 * Finds the customer a file's Customer cell names, by name or remembered other name. A name two
 * customers answer to is ambiguous and never guessed; the person's choice for this file
 * (`choices`, by name key) settles it.
 */
export class CustomerNameIndex {
	readonly #ids = new Map<string, Id[]>();

	constructor(
		customers: readonly NamedCustomer[],
		private readonly choices: Readonly<Record<string, Id>> = {}
	) {
		for (const c of customers) {
			for (const n of [c.name, ...(c.otherNames ?? [])]) {
				const key = nameKey(n);
				if (key === '') continue;
				const ids = this.#ids.get(key);
				if (!ids) this.#ids.set(key, [c.id]);
				else if (!ids.includes(c.id)) ids.push(c.id);
			}
		}
	}

	match(name: string): NameMatch {
		return this.matchKey(nameKey(name));
	}

	/** The same, for a name already as nameKey gives it. */
	matchKey(key: string): NameMatch {
		const chosen = this.choices[key];
		if (chosen !== undefined) return { kind: 'one', id: chosen };
		const ids = this.#ids.get(key) ?? [];
		if (ids.length === 1) return { kind: 'one', id: ids[0]! };
		return ids.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', ids: [...ids] };
	}
}

/** Rows as a person reads them: `row 14`, `rows 14–20, 31`. Ranges are [first, last] spreadsheet rows. */
export function rowsText(ranges: readonly (readonly [number, number])[], more = 0): string {
	const count = ranges.reduce((n, [a, b]) => n + b - a + 1, 0) + more;
	const parts = ranges.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
	return `${count === 1 ? 'row' : 'rows'} ${parts.join(', ')}${more ? ` and ${more} more` : ''}`;
}

/**
 * Other names as one cell: `ACME Corp.; Acme Facility Services`. A semicolon parts them (a
 * company name holds commas); a name that reads like one already kept is dropped.
 */
export const otherNamesCodec: Codec<string[]> = {
	parse: (t) => {
		const seen = new Set<string>();
		return ok(
			t
				.split(';')
				.map((n) => n.trim())
				.filter((n) => n !== '' && !seen.has(nameKey(n)) && (seen.add(nameKey(n)), true))
		);
	},
	// The grid's filters hand a formatter the text it already made: that text is shown as it is.
	format: (v) => (Array.isArray(v) ? v.join('; ') : String(v ?? ''))
};

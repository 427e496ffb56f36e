import { fieldsOf, normaliseHeader, type ImportKind } from './fields';
import type { ValueOptions } from './values';

/** Field key -> the header name (as the file spells it) of the column that fills it. */
export type FieldMapping = Record<string, string>;

/**
 * What may follow a synonym in a header that only qualifies it: a currency or unit in brackets
 * or after a dash (`Unit Price (USD)`, `Qty [EA]`, `Amount - EUR`), or a bare currency code.
 * A word does not (`Buyer Contact` is not the buyer, `Quantity Received` not the quantity).
 */
const QUALIFIER = /^\s*([([{\-–/:,#]|(usd|eur|gbp|cad|aud|chf|ea|each)\b)/i;

/** The original text after the first `length` letters and digits of `header` (what normaliseHeader keeps). */
function restAfter(header: string, length: number): string {
	let kept = 0;
	let i = 0;
	for (; i < header.length && kept < length; i++) if (normaliseHeader(header[i]!) !== '') kept++;
	return header.slice(i);
}

/**
 * Suggested columns for the fields of one kind, from header synonyms. Exact matches (after
 * normalising) win, and among columns matching one field the one matching its earlier synonym
 * (fields.ts lists them best first), so the choice never depends on the order of the columns;
 * then a header that is a synonym with a qualifier (`Unit Price (USD)`), longest synonym first.
 * Each column fills at most one field.
 */
export function suggestMapping(kind: ImportKind, header: readonly string[]): FieldMapping {
	const mapping: FieldMapping = {};
	const used = new Set<number>();
	const norm = header.map(normaliseHeader);
	const defs = fieldsOf(kind);
	for (const def of defs) {
		for (const name of [def.label, ...def.synonyms].map(normaliseHeader)) {
			const i = norm.findIndex((h, j) => !used.has(j) && h !== '' && h === name);
			if (i !== -1) {
				mapping[def.key] = header[i]!;
				used.add(i);
				break;
			}
		}
	}
	const prefixes = defs
		// `Customer PO`, `Company Code` and `Client ID` are not the company's name; a wrong Customer column would ask about every row's name.
		.filter((d) => !(d.key in mapping) && d.key !== 'customer')
		.flatMap((d) => [d.label, ...d.synonyms].map((s) => ({ key: d.key, s: normaliseHeader(s) })))
		.filter((x) => x.s.length >= 3)
		.sort((a, b) => b.s.length - a.s.length);
	for (const { key, s } of prefixes) {
		if (key in mapping) continue;
		const i = norm.findIndex((h, j) => !used.has(j) && h.startsWith(s) && QUALIFIER.test(restAfter(header[j]!, s.length)));
		if (i !== -1) {
			mapping[key] = header[i]!;
			used.add(i);
		}
	}
	return mapping;
}

/**
 * The same headers give the same signature whatever their order, case or punctuation, so a
 * mapping saved for one buyer's export is found again for their next export.
 */
export function headerSignature(header: readonly string[]): string {
	return [...new Set(header.map(normaliseHeader).filter((h) => h !== ''))].sort().join('|');
}

export interface MappingProblem {
	/** The field at fault; null when the problem is a column. */
	field: string | null;
	column: string | null;
	message: string;
}

/** Why a mapping cannot be used on this header: a required field unmapped, a column that is not there, or one column filling two fields. */
export function validateMapping(kind: ImportKind, mapping: FieldMapping, header: readonly string[]): MappingProblem[] {
	const problems: MappingProblem[] = [];
	const defs = fieldsOf(kind);
	const present = new Set(header);
	for (const def of defs) {
		const column = mapping[def.key];
		if (column === undefined || column === '') {
			if (def.required) problems.push({ field: def.key, column: null, message: `Choose the column that holds ${def.label}` });
		} else if (!present.has(column)) {
			problems.push({ field: def.key, column, message: `${def.label} is mapped to "${column}", which is not a column of this file` });
		}
	}
	for (const key of Object.keys(mapping)) {
		if (mapping[key] !== '' && !defs.some((d) => d.key === key)) problems.push({ field: key, column: mapping[key]!, message: `"${key}" is not a field of this import` });
	}
	const byColumn = new Map<string, string[]>();
	for (const def of defs) {
		const column = mapping[def.key];
		if (column) byColumn.set(column, [...(byColumn.get(column) ?? []), def.label]);
	}
	for (const [column, labels] of byColumn) {
		if (labels.length > 1) problems.push({ field: null, column, message: `Column "${column}" is mapped to both ${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}: one column fills one field` });
	}
	return problems;
}

/** The stored shape of a saved mapping (ColumnMapping in src/lib/db/database.ts); io does not import the database. */
export interface SavedMapping {
	customerId: string;
	kind: ImportKind;
	headerSignature: string;
	mapping: FieldMapping;
	/** How that file wrote numbers and dates; a buyer's export writes them the same way each time. */
	options?: ValueOptions;
}

/**
 * The mapping to start the wizard with: the one saved for this customer and these headers when it
 * still fits the file, else the suggestion from synonyms. `saved` says which it is.
 */
export function initialMapping(
	kind: ImportKind,
	header: readonly string[],
	customerId: string | null,
	stored: readonly SavedMapping[]
): { mapping: FieldMapping; saved: boolean; options?: ValueOptions } {
	const signature = headerSignature(header);
	const hit = stored.find((m) => m.kind === kind && m.customerId === (customerId ?? '') && m.headerSignature === signature);
	if (hit && validateMapping(kind, hit.mapping, header).length === 0) return { mapping: { ...hit.mapping }, saved: true, ...(hit.options ? { options: { ...hit.options } } : {}) };
	return { mapping: suggestMapping(kind, header), saved: false };
}

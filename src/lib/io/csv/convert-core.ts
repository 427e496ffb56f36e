import type { Problem } from '$lib/domain/result';
import type { Parsed } from '$lib/domain/result';
import type { Customer, Id, IdGen, Site } from '$lib/domain/records';
import type { LocalDate } from '$lib/domain/dates';
import { clip } from '$lib/domain/limits';
import { CustomerNameIndex, nameKey } from '$lib/domain/customer-names';
import { fieldDef, type ImportKind } from './fields';
import type { FieldMapping } from './mapping';
import type { ParsedTable, TableRow } from './parse';
import { capProblems, hasErrors, refuse, warn, type ImportProblem } from './problem';
import { cellText, type ValueOptions } from './values';

export type ConvertOptions = ValueOptions;

export interface ConvertContext {
	fileName: string;
	/** PO kind: the customer chosen in the wizard. Work orders and invoices: the customer for rows whose Customer cell is blank or unmapped. */
	customerId: Id | null;
	/** Every customer, to find a Customer cell's customer by name (and a PO's default terms). */
	customers: readonly Customer[];
	/** Every site, to find a work order's Site cell by name within its customer. */
	sites?: readonly Site[];
	/** The person's answer, for this file, to a name two customers answer to (by nameKey). */
	nameChoices?: Readonly<Record<string, Id>>;
	today: LocalDate;
	idGen: IdGen;
	/** Told the share of the file's rows converted so far (the wizard's "Checking… 40%"). */
	progress?: (fraction: number) => void;
}

/** Every record the file holds, or every problem that stops it (then nothing is imported). */
export type Converted<T> =
	| {
			ok: true;
			groups: T[];
			warnings: ImportProblem[];
			/** The fields the mapping fills: a re-import leaves fields it does not fill as they are. */
			mapped: string[];
	  }
	| { ok: false; problems: ImportProblem[] };

/** Reads mapped cells of a parsed table and collects problems located by row and column header. */
export class Sheet {
	readonly problems: ImportProblem[] = [];
	private readonly index = new Map<string, number>();
	#rowsDone = 0;
	#told = 0;

	constructor(
		readonly kind: ImportKind,
		readonly table: ParsedTable,
		readonly mapping: FieldMapping,
		readonly file: string,
		private readonly progress?: (fraction: number) => void
	) {
		for (const [key, column] of Object.entries(mapping)) {
			const i = table.header.indexOf(column);
			if (column !== '' && i !== -1) this.index.set(key, i);
		}
	}

	/** `n` more rows converted: progress is told every 2% or so, not per row. */
	converted(n: number): void {
		this.#rowsDone += n;
		const fraction = this.table.rows.length ? this.#rowsDone / this.table.rows.length : 1;
		if (fraction - this.#told < 0.02 && fraction < 1) return;
		this.#told = fraction;
		this.progress?.(fraction);
	}

	has(key: string): boolean {
		return this.index.has(key);
	}

	get mapped(): string[] {
		return [...this.index.keys()];
	}

	column(key: string): string | null {
		return this.has(key) ? this.mapping[key]! : null;
	}

	label(key: string): string {
		return fieldDef(this.kind, key)?.label ?? key;
	}

	/** The cell as the record gets it; '' when the field is unmapped. */
	text(r: TableRow, key: string): string {
		const i = this.index.get(key);
		return i === undefined ? '' : cellText(r.cells[i]!);
	}

	error(row: number | null, key: string | null, message: string) {
		this.problems.push(refuse(this.file, row, key === null ? null : this.column(key), message));
	}

	warning(row: number | null, key: string | null, message: string) {
		this.problems.push(warn(this.file, row, key === null ? null : this.column(key), message));
	}

	/** A parsed cell, or `fallback` when it is blank or unmapped; a bad value is a problem and yields the fallback. */
	value<T>(r: TableRow, key: string, parse: (text: string) => Parsed<T>, fallback: T, requiredWhenMapped = false): T {
		const text = this.text(r, key);
		if (text === '') {
			if (requiredWhenMapped && this.has(key)) this.error(r.row, key, `${this.label(key)} is empty`);
			return fallback;
		}
		const p = parse(text);
		if (p.ok) return p.value;
		// A parser quotes the cell back, and a cell may be long.
		this.error(r.row, key, `${this.label(key)}: ${clip(p.error, 300)}`);
		return fallback;
	}

	/**
	 * Domain validator problems, moved onto the row and the column that filled the field; for a
	 * record's header fields, onto the row that gave the value when it was not the first.
	 */
	validated(row: number, problems: Problem[], keyOf: Record<string, string>, head?: HeaderFields) {
		for (const p of problems) {
			const key = keyOf[p.field] ?? null;
			this.error((key !== null && head?.rowOf(key)) || row, key, p.message);
		}
	}

	result<T>(groups: T[]): Converted<T> {
		// In file order, as the user will fix them; problems of the whole file first.
		const sorted = [...this.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		if (hasErrors(sorted)) return { ok: false, problems: capProblems(sorted, this.file) };
		return { ok: true, groups, warnings: capProblems(sorted, this.file), mapped: this.mapped };
	}
}

/**
 * The header fields of one PO, job or invoice, repeated on each of its rows. A blank cell on a
 * later row repeats nothing (report-style exports fill the header on the first row only); a
 * different value is an error naming both rows, never a silent pick.
 */
export class HeaderFields {
	private readonly seen = new Map<string, { text: string; value: unknown; row: number }>();

	constructor(
		private readonly sheet: Sheet,
		private readonly what: string
	) {}

	/** Reads a header field off one row; rows that disagree are an error. `same` says what agreeing is (default: equal values). */
	take<T>(r: TableRow, key: string, parse: (text: string) => Parsed<T>, same: (a: T, b: T) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b)) {
		const text = this.sheet.text(r, key);
		if (text === '') return;
		const before = this.seen.get(key);
		// The same text as an earlier row: nothing new to read (the common case, on every row of a big PO).
		if (before && before.text === text) return;
		const p = parse(text);
		if (!p.ok) {
			this.sheet.error(r.row, key, `${this.sheet.label(key)}: ${clip(p.error, 300)}`);
			return;
		}
		if (!before) this.seen.set(key, { text, value: p.value, row: r.row });
		else if (!same(before.value as T, p.value)) {
			this.sheet.error(r.row, key, `${this.what}: ${this.sheet.label(key)} is "${clip(before.text)}" on row ${before.row} but "${clip(text)}" on row ${r.row}`);
		}
	}

	/** The value given on some row, or undefined when no row gave one. */
	get<T>(key: string): T | undefined {
		return this.seen.get(key)?.value as T | undefined;
	}

	/** The row that gave a header field its value, or undefined when no row gave one. */
	rowOf(key: string): number | undefined {
		return this.seen.get(key)?.row;
	}

	/** The fields some row of this record gave a value for. */
	given(): string[] {
		return [...this.seen.keys()];
	}
}

export const normaliseName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Rows grouped by a key cell, in the order each key first appears. */
export function groupRows(sheet: Sheet, key: string, what: string): Map<string, TableRow[]> {
	const groups = new Map<string, TableRow[]>();
	for (const r of sheet.table.rows) {
		const k = sheet.text(r, key);
		if (k === '') {
			sheet.error(r.row, key, `${sheet.label(key)} is empty: every row names its ${what}`);
			continue;
		}
		const g = groups.get(k);
		if (g) g.push(r);
		else groups.set(k, [r]);
	}
	return groups;
}

/** An error for each row that repeats a number another row of the same record already uses. */
export function checkUnique(sheet: Sheet, rows: readonly { row: number; value: string | number }[], key: string, what: string) {
	const first = new Map<string | number, number>();
	for (const { row, value } of rows) {
		const before = first.get(value);
		if (before === undefined) first.set(value, row);
		else sheet.error(row, key, `${what}: ${sheet.label(key)} ${typeof value === 'string' ? clip(value) : value} is on row ${before} and again on row ${row}`);
	}
}


const indexes = new WeakMap<ConvertContext, { names: CustomerNameIndex; byId: Map<Id, Customer> }>();

/** Built once per conversion: a big file asks on every row. */
function indexOf(ctx: ConvertContext) {
	let x = indexes.get(ctx);
	if (!x) indexes.set(ctx, (x = { names: new CustomerNameIndex(ctx.customers, ctx.nameChoices), byId: new Map(ctx.customers.map((c) => [c.id, c])) }));
	return x;
}

/**
 * The customer a Customer cell names (by name, remembered other name, or the person's choice for
 * this file), or an error on its row saying why none: a name is never guessed, nor a customer made up.
 */
export function customerNamed(sheet: Sheet, row: number, name: string, what: string, ctx: ConvertContext): Customer | null {
	const { names, byId } = indexOf(ctx);
	const m = names.match(name);
	if (m.kind === 'one') return byId.get(m.id) ?? null;
	if (m.kind === 'none') sheet.error(row, 'customer', `${what}: no customer is named "${clip(name)}"; add it in the wizard or fix the name`);
	else sheet.error(row, 'customer', `${what}: "${clip(name)}" could be ${m.ids.map((id) => byId.get(id)?.name ?? id).join(' or ')}; choose which in the wizard`);
	return null;
}

/** The customer chosen in the wizard for rows that name none, or null. */
export const chosenCustomer = (ctx: ConvertContext): Customer | null => (ctx.customerId === null ? null : (indexOf(ctx).byId.get(ctx.customerId) ?? null));

/** Each customer's name by id, for sentences a person reads (never an id): undefined for one not on file. */
export const customerNames =
	(customers: readonly Customer[]) =>
	(id: Id): string | undefined =>
		customers.find((c) => c.id === id)?.name;

/**
 * The customer of a job or invoice: its Customer cell matched by name, else the customer chosen
 * in the wizard. A name that matches no customer is an error, never a customer made up.
 */
export function customerFor(sheet: Sheet, head: HeaderFields, row: number, what: string, ctx: ConvertContext): Customer | null {
	const name = head.get<string>('customer');
	if (name !== undefined) return customerNamed(sheet, head.rowOf('customer') ?? row, name, what, ctx);
	const chosen = chosenCustomer(ctx);
	if (!chosen) sheet.error(row, sheet.has('customer') ? 'customer' : null, `${what}: no customer: fill the Customer column or choose a customer for the whole file`);
	return chosen;
}

export const text = (t: string): Parsed<string> => ({ ok: true, value: t });

/**
 * Whether two Customer cells of one job or invoice name the same customer: the one they both
 * match (by name, remembered name or this file's choice), or the same name written with other
 * case, spacing or punctuation. "ACME FACILITIES." on a job's second row is no disagreement.
 */
export function sameCustomer(ctx: ConvertContext): (a: string, b: string) => boolean {
	const { names } = indexOf(ctx);
	const key = (name: string) => {
		const m = names.match(name);
		return m.kind === 'one' ? `id:${m.id}` : `name:${nameKey(name)}`;
	};
	return (a, b) => key(a) === key(b);
}

import type { Codec } from '$lib/domain/codecs';
import type { Cell } from './block';

/** A displayed column as pastes, fills and clears see it. */
export interface SheetColumn {
	header: string;
	/** The record field and how its text is read, as a typed cell reads it; absent: worked out, never typed. */
	edit?: { field: string; codec: Codec<unknown> };
}

/** The grid's displayed rows, in the order shown. */
export interface SheetRows<T> {
	count: number;
	at(row: number): T;
	/** Whether this row's cell may be typed into (a sent invoice's lines may not). */
	editable(row: number, col: number): boolean;
}

/** One record's new values: an existing row (`id`), or a row to add (`id` null). `at` is its displayed row. */
export interface RowWrite {
	at: number;
	id: string | null;
	patch: Record<string, unknown>;
}

export type Plan = { ok: true; rows: RowWrite[] } | { ok: false; refused: string[] };

interface Refusal {
	row: number;
	header: string;
	message: string;
}

const WORKED_OUT = 'is worked out from other cells, not typed';
const LOCKED = 'cannot be changed on this row';

/**
 * Refused cells by row number (as counted on screen, from 1) and column header; the same reason
 * in one column over consecutive rows is one line ("Rows 3–40, Amount: …"), so a long paste onto
 * a worked-out column does not bury the other reasons.
 */
export function refusalLines(refused: readonly Refusal[]): string[] {
	const runs: { from: number; to: number; header: string; message: string }[] = [];
	const open = new Map<string, (typeof runs)[number]>();
	for (const r of refused) {
		const key = `${r.header}\u0000${r.message}`;
		const run = open.get(key);
		if (run && run.to === r.row - 1) run.to = r.row;
		else if (!run || run.to !== r.row) {
			const next = { from: r.row, to: r.row, header: r.header, message: r.message };
			runs.push(next);
			open.set(key, next);
		}
	}
	runs.sort((a, b) => a.from - b.from);
	return runs.map((r) => `${r.from === r.to ? `Row ${r.from}` : `Rows ${r.from}–${r.to}`}, ${r.header}: ${r.message}`);
}

/** Collects each row's patch and the refused cells, in the order they are met. */
class PlanBuilder {
	readonly refused: Refusal[] = [];
	readonly #rows = new Map<number, RowWrite>();

	refuse(row: number, header: string, message: string): void {
		this.refused.push({ row: row + 1, header, message });
	}

	set(at: number, id: string | null, field: string, value: unknown): void {
		let w = this.#rows.get(at);
		if (!w) this.#rows.set(at, (w = { at, id, patch: {} }));
		w.patch[field] = value;
	}

	done(): Plan {
		if (this.refused.length) return { ok: false, refused: refusalLines(this.refused) };
		return { ok: true, rows: [...this.#rows.values()] };
	}
}

const same = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));

/** Rows read between pauses, so a paste of 10,000 rows never holds the page for long. */
export const PLAN_SLICE = 1_000;

/**
 * A pasted block laid over the grid from cell `at`: each text read by its column exactly as a
 * typed cell is, rows past the last added where the grid can add rows. All or nothing: any refused
 * cell (worked out, locked, not readable, or rows the grid cannot add) refuses the whole paste.
 */
export async function planPaste<T extends { id: string }>(
	cells: readonly (readonly string[])[],
	at: Cell,
	columns: readonly SheetColumn[],
	rows: SheetRows<T>,
	canAdd: boolean,
	pause: () => Promise<void> = () => Promise.resolve()
): Promise<Plan> {
	const width = Math.max(0, ...cells.map((r) => r.length));
	if (at.col + width > columns.length) {
		const room = columns.length - at.col;
		return { ok: false, refused: [`The block is ${width} columns wide; from ${columns[at.col]?.header || 'here'} to the grid's last column there ${room === 1 ? 'is 1' : `are ${room}`}.`] };
	}
	const over = at.row + cells.length - rows.count;
	if (over > 0 && !canAdd) {
		return { ok: false, refused: [`Rows ${rows.count + 1}–${at.row + cells.length}: this grid cannot add rows, so at most ${rows.count - at.row} rows can be pasted from row ${at.row + 1}.`] };
	}
	const plan = new PlanBuilder();
	for (let r = 0; r < cells.length; r++) {
		if (r > 0 && r % PLAN_SLICE === 0) await pause();
		const row = at.row + r;
		const record = row < rows.count ? (rows.at(row) as Record<string, unknown> & { id: string }) : null;
		const line = cells[r]!;
		for (let c = 0; c < line.length; c++) {
			const col = columns[at.col + c]!;
			if (!col.edit) {
				plan.refuse(row, col.header, WORKED_OUT);
				continue;
			}
			if (record && !rows.editable(row, at.col + c)) {
				plan.refuse(row, col.header, LOCKED);
				continue;
			}
			const parsed = col.edit.codec.parse(line[c]!);
			if (!parsed.ok) plan.refuse(row, col.header, parsed.error);
			else if (!record || !same(record[col.edit.field], parsed.value)) plan.set(row, record?.id ?? null, col.edit.field, parsed.value);
		}
	}
	return plan.done();
}

/**
 * Fill down: the first of `rows` (in the order shown) gives its value in each of `cols` to the
 * others, as stored (not re-read from text), like a spreadsheet's Ctrl+D.
 */
export function planFill<T extends { id: string }>(targets: readonly number[], cols: readonly number[], columns: readonly SheetColumn[], rows: SheetRows<T>): Plan {
	const [top, ...below] = targets;
	if (top === undefined || !below.length) return { ok: false, refused: ['Select the cells to fill first: the top cell and the cells below it (Shift+Down), or several rows.'] };
	const source = rows.at(top) as Record<string, unknown>;
	const plan = new PlanBuilder();
	for (const row of below) {
		const record = rows.at(row) as Record<string, unknown> & { id: string };
		for (const c of cols) {
			const col = columns[c]!;
			if (!col.edit) plan.refuse(row, col.header, WORKED_OUT);
			else if (!rows.editable(row, c)) plan.refuse(row, col.header, LOCKED);
			else if (!same(record[col.edit.field], source[col.edit.field])) plan.set(row, record.id, col.edit.field, source[col.edit.field]);
		}
	}
	return plan.done();
}

/** Clearing cells: each takes what its column reads from an empty cell; a column that needs a value refuses, saying why. */
export function planClear<T extends { id: string }>(targets: readonly number[], cols: readonly number[], columns: readonly SheetColumn[], rows: SheetRows<T>): Plan {
	const plan = new PlanBuilder();
	for (const row of targets) {
		const record = rows.at(row) as Record<string, unknown> & { id: string };
		for (const c of cols) {
			const col = columns[c]!;
			if (!col.edit) {
				plan.refuse(row, col.header, WORKED_OUT);
				continue;
			}
			if (!rows.editable(row, c)) {
				plan.refuse(row, col.header, LOCKED);
				continue;
			}
			const blank = col.edit.codec.parse('');
			if (!blank.ok) plan.refuse(row, col.header, `${blank.error.startsWith('""') ? 'needs a value' : blank.error}, so it cannot be cleared`);
			else if (!same(record[col.edit.field], blank.value)) plan.set(row, record.id, col.edit.field, blank.value);
		}
	}
	return plan.done();
}

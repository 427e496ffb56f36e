import type { Cause } from '$lib/db/cause';
import { eventOf, splitKey, type HistoryRow } from '$lib/db/history';
import { fieldLabel, fieldValue } from '$lib/domain/field-labels';
import { sentenceStart } from '$lib/domain/words';

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/**
 * What a change was, in the words an Undo button and a record's history use: "paste of 500 rows",
 * "import of buyer-po.csv", "sign off". `total` is how many records it touched.
 */
export function changeWords(cause: Pick<Cause, 'kind' | 'file' | 'label'>, total: number): string {
	const label = cause.label ?? '';
	switch (cause.kind) {
		case 'edit':
			return total > 1 ? `edit of ${n(total, 'record')}` : 'edit';
		case 'paste':
			return `paste of ${n(total, 'row')}`;
		case 'fill':
			return `fill of ${n(total, 'row')}`;
		case 'clear':
			return `clear of ${n(total, 'row')}`;
		case 'delete':
			return label ? `delete of ${label}` : total > 1 ? `delete of ${n(total, 'record')}` : 'delete';
		case 'create':
			return label ? `new ${label}` : total > 1 ? `${n(total, 'new record')}` : 'new record';
		case 'import':
			return cause.file ? `import of ${cause.file}` : 'import';
		case 'restore':
			return cause.file ? `restore of ${cause.file}` : 'restore';
		case 'invoice':
			return label || 'invoice made from jobs';
		case 'action':
			return label ? label.charAt(0).toLowerCase() + label.slice(1) : 'action';
		case 'sample':
			return 'sample workbook';
		case 'undo':
			return label ? `undo of ${label}` : 'undo';
		case 'redo':
			return label ? `redo of ${label}` : 'redo';
	}
}

/** The change as a history line's cause: "Edit", "Import of buyer-po.csv", "Undo of paste of 3 rows". */
export function causeTitle(cause: Pick<Cause, 'kind' | 'file' | 'label'>, total: number): string {
	return sentenceStart(changeWords(cause, total));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "5 Dec 2026 14:02", in the computer's own time zone. */
export function whenWords(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * One line of a record's history: when, what caused it, what it did to the record, e.g.
 * `5 Dec 2026 14:02 · Edit · Cost centre: "CC-410" → (blank)` or `… · Import of buyer-po.csv · created`.
 */
export function historyLine(row: HistoryRow, key: string): string {
	const { table } = splitKey(key);
	const e = eventOf(row, key);
	const what =
		!e ? '' : e.kind === 'created' ? (row.cause.kind === 'restore' ? 'restored' : row.cause.kind === 'undo' || row.cause.kind === 'redo' ? 'brought back' : 'created') : e.kind === 'deleted' ? (row.cause.kind === 'undo' || row.cause.kind === 'redo' ? 'taken away' : 'deleted') : Object.keys(e.after).map((f) => `${fieldLabel(table, f)}: ${fieldValue(f, e.before[f])} → ${fieldValue(f, e.after[f])}`).join(' · ');
	return `${whenWords(row.at)} · ${causeTitle(row.cause, row.total)} · ${what}`;
}

import { newTask } from './factories';
import { formatMoney } from './money';
import { formatQuantity } from './quantity';
import type { PoLine, Task } from './records';

/** The task fields a PO line supplies, and the PO line field each comes from. */
const FROM_LINE = { description: 'description', unit: 'unit', rateCents: 'unitPriceCents', buyerItemCode: 'buyerItemCode' } as const satisfies Partial<Record<keyof Task, keyof PoLine>>;
type Filled = keyof typeof FROM_LINE;
export const FILLED_FROM_PO_LINE = Object.keys(FROM_LINE) as Filled[];

const BLANK = newTask('', '', '');

/**
 * The edit that points a task at PO line `lineNo`: the line's description, unit, rate and buyer
 * item code come with it, so they are not typed twice. What the person typed is kept: a field is
 * filled only while it is blank, still as a new task starts, or still as the previously chosen
 * line filled it; and a PO line's blank field never blanks the task's.
 */
export function choosePoLine(task: Task, lineNo: number | null, lines: readonly PoLine[]): Partial<Task> {
	const patch: Partial<Task> = { poLineNo: lineNo };
	const chosen = lineNo === null ? undefined : lineOf(lines, lineNo);
	if (!chosen) return patch;
	const previous = task.poLineNo === null ? undefined : lineOf(lines, task.poLineNo);
	for (const k of FILLED_FROM_PO_LINE) {
		const value = chosen[FROM_LINE[k]];
		if (value === '' || value === task[k]) continue;
		const untouched = task[k] === '' || task[k] === BLANK[k] || (previous !== undefined && task[k] === previous[FROM_LINE[k]]);
		if (untouched) (patch as Record<string, unknown>)[k] = value;
	}
	return patch;
}

/** The line with this number (the smallest id when the buyer repeated a number, as reconciliation resolves it). */
function lineOf(lines: readonly PoLine[], lineNo: number): PoLine | undefined {
	let found: PoLine | undefined;
	for (const l of lines) if (l.lineNo === lineNo && (!found || l.id < found.id)) found = l;
	return found;
}

/** How a PO line reads in a list to choose from: `2 · MAT-114 · Filters, 12 ea × $18.50`. */
export function poLineLabel(l: PoLine): string {
	const qty = `${formatQuantity(l.qtyMilli)}${l.unit ? ` ${l.unit}` : ''}`;
	return [String(l.lineNo), l.buyerItemCode, `${l.description || 'no description'}, ${qty} × ${formatMoney(l.unitPriceCents)}`].filter(Boolean).join(' · ');
}

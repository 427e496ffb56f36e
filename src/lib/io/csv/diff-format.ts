import { formatDate } from '$lib/domain/dates';
import { formatMoney } from '$lib/domain/money';
import { formatQuantity } from '$lib/domain/quantity';

/** How a field's value is shown to people in a revision diff. */
export type Shown = 'text' | 'money' | 'moneyOrNone' | 'quantity' | 'date' | 'boolean' | 'integer' | 'list';

/** One field that an import changes, with both values formatted for people. */
export interface FieldChange {
	field: string;
	label: string;
	from: string;
	to: string;
}

export function show(value: unknown, as: Shown): string {
	if (value === null || value === undefined || value === '') return '(blank)';
	switch (as) {
		case 'money':
		case 'moneyOrNone':
			return formatMoney(value as number);
		case 'quantity':
			return formatQuantity(value as number);
		case 'date':
			return formatDate(value as string);
		case 'boolean':
			return value ? 'yes' : 'no';
		case 'list':
			return (value as string[]).join(', ') || '(blank)';
		case 'integer':
			return String(value);
		default:
			return `"${String(value)}"`;
	}
}

export interface Compared<T> {
	field: keyof T & string;
	label: string;
	as: Shown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `fields` whose value differs between `before` and `after`. */
export function changesBetween<T>(before: T, after: T, fields: readonly Compared<T>[]): FieldChange[] {
	const out: FieldChange[] = [];
	for (const f of fields) {
		if (!same(before[f.field], after[f.field])) out.push({ field: f.field, label: f.label, from: show(before[f.field], f.as), to: show(after[f.field], f.as) });
	}
	return out;
}

export const describeChanges = (changes: readonly FieldChange[]) => changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join(', ');

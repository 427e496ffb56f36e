import type { ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import {
	boolCodec,
	dateCodec,
	enumCodec,
	intCodec,
	moneyCodec,
	optionalDateCodec,
	optionalIntCodec,
	optionalMoneyCodec,
	qtyCodec,
	requiredTextCodec,
	termsCodec,
	textCodec,
	tolerancesCodec,
	type Codec
} from '$lib/domain/codecs';
import { otherNamesCodec } from '$lib/domain/customer-names';
import { formatMoney } from '$lib/domain/money';
import { ok } from '$lib/domain/result';
import type { ExportAs, ExportContext } from './export';

/** What a column edits: the record field and how its text is read. The grid never writes rows itself. */
export interface EditContext extends ExportContext {
	field: string;
	codec: Codec<unknown>;
	/** A price per unit: not summed by the totals row. */
	perUnit?: boolean;
}

type Opts<T> = Partial<ColDef<T>>;

function editable<T>(field: keyof T & string, headerName: string, codec: Codec<never>, opts: Opts<T> = {}, exportAs: ExportAs = 'text'): ColDef<T> {
	return {
		field: field as unknown as ColDef<T>["field"],
		headerName,
		editable: true,
		// AG Grid copies column definitions, so the kind is named here rather than read off the codec later.
		context: { field, codec, exportAs } satisfies EditContext as EditContext,
		valueFormatter: (p: ValueFormatterParams<T>) => (codec as Codec<unknown>).format(p.value),
		cellEditorParams: { useFormatter: true },
		...opts
	};
}

const NUM: Opts<never> = { type: 'rightAligned', cellClass: 'num', filter: 'agNumberColumnFilter' };

export const textCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, textCodec as Codec<never>, { filter: 'agTextColumnFilter', ...o });
export const requiredTextCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) =>
	editable<T>(f, h, requiredTextCodec as Codec<never>, { filter: 'agTextColumnFilter', ...o });
export const moneyCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, moneyCodec as Codec<never>, { ...(NUM as Opts<T>), width: 120, ...o }, 'money');
export const optionalMoneyCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) =>
	editable<T>(f, h, optionalMoneyCodec as Codec<never>, { ...(NUM as Opts<T>), width: 120, ...o }, 'money');
/** A price per unit (a rate, a unit price): money, but adding it up over rows means nothing, so the totals row leaves it out. */
export const rateCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}): ColDef<T> => {
	const col = moneyCol<T>(f, h, o);
	return { ...col, context: { ...(col.context as EditContext), perUnit: true } };
};
export const qtyCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, qtyCodec as Codec<never>, { ...(NUM as Opts<T>), width: 90, ...o }, 'qty');
export const intCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, intCodec as Codec<never>, { ...(NUM as Opts<T>), width: 80, ...o }, 'int');
export const optionalIntCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) =>
	editable<T>(f, h, optionalIntCodec as Codec<never>, { ...(NUM as Opts<T>), width: 80, ...o }, 'int');
export const dateCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, dateCodec as Codec<never>, { width: 120, ...o });
export const optionalDateCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, optionalDateCodec as Codec<never>, { width: 120, ...o });
export const tolerancesCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, tolerancesCodec as Codec<never>, { width: 220, ...o });
export const otherNamesCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, otherNamesCodec as Codec<never>, { filter: 'agTextColumnFilter', width: 240, ...o });
export const termsCol = <T>(f: keyof T & string, h: string, o: Opts<T> = {}) => editable<T>(f, h, termsCodec as Codec<never>, { width: 120, ...o });

/** A choice from a fixed list, edited with a drop-down. */
export function enumCol<T>(f: keyof T & string, h: string, values: readonly string[], o: Opts<T> = {}): ColDef<T> {
	return editable<T>(f, h, enumCodec(values) as Codec<never>, {
		cellEditor: 'agSelectCellEditor',
		cellEditorParams: { values: [...values] },
		filter: 'agTextColumnFilter',
		filterValueGetter: (p: ValueGetterParams<T>) => String((p.data as Record<string, unknown>)?.[f] ?? '').replace(/_/g, ' '),
		...o
	});
}

export function boolCol<T>(f: keyof T & string, h: string, o: Opts<T> = {}): ColDef<T> {
	return editable<T>(f, h, boolCodec as Codec<never>, {
		// A key typed on the cell (y, n, t, f, 1, 0, or yes…) opens a text editor the codec reads, as in a
		// spreadsheet; Enter, F2 or a double-click open the Yes/No list.
		cellEditorSelector: (p) => (p.eventKey && p.eventKey.length === 1 ? { component: 'agTextCellEditor' } : { component: 'agSelectCellEditor', params: { values: [true, false] } }),
		width: 80,
		...o
	});
}

/** A pointer to another record (customer, site), shown by name and chosen from a list of ids. */
export function refCol<T>(f: keyof T & string, h: string, options: () => { id: string; name: string }[], o: Opts<T> = {}): ColDef<T> {
	const nameOf = (id: unknown) => options().find((x) => x.id === id)?.name ?? '';
	const codec: Codec<string | null> = {
		parse: (t) => {
			const hit = options().find((x) => x.id === t || x.name === t);
			return t === '' ? ok(null) : hit ? ok(hit.id) : { ok: false, error: `"${t}" is not one of the choices` };
		},
		format: nameOf
	};
	return editable<T>(f, h, codec as Codec<never>, {
		cellEditor: 'agSelectCellEditor',
		cellEditorParams: () => ({ values: options().map((x) => x.id), formatValue: nameOf }),
		comparator: (a, b) => nameOf(a).localeCompare(nameOf(b)),
		filter: 'agTextColumnFilter',
		...o
	});
}

/** A value worked out from the record (amount, total, due date): shown, sorted, never edited. */
export function computedCol<T>(colId: string, headerName: string, get: (row: T) => string | number | null, o: Opts<T> = {}): ColDef<T> {
	return {
		colId,
		headerName,
		editable: false,
		valueGetter: (p: ValueGetterParams<T>) => (p.data ? get(p.data) : null),
		cellClass: 'computed',
		filter: 'agTextColumnFilter',
		...o
	};
}

export function computedMoneyCol<T>(colId: string, headerName: string, get: (row: T) => number | null, o: Opts<T> = {}): ColDef<T> {
	return computedCol<T>(colId, headerName, get, {
		type: 'rightAligned',
		cellClass: ['computed', 'num'],
		context: { exportAs: 'money' } satisfies ExportContext,
		width: 120,
		filter: 'agNumberColumnFilter',
		valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatMoney(p.value as number)),
		...o
	});
}

/**
 * The columns with editing off for rows `locked` says may not change (a sent, paid or void invoice
 * and its lines): the cell then refuses to open, instead of opening and being refused on save.
 */
export function lockedWhen<T>(columns: ColDef<T>[], locked: (row: T) => boolean): ColDef<T>[] {
	return columns.map((c) => {
		const own = c.editable;
		if (!own) return c;
		return { ...c, editable: (p) => !!p.data && !locked(p.data) && (typeof own === 'function' ? own(p) : true) };
	});
}

import type { ColDef, GridApi, ICellRendererComp, ICellRendererParams, IRowNode } from 'ag-grid-community';
import type { Finding, Severity } from '$lib/reconcile';
import type { FindingChanges } from '$lib/state/findings.svelte';
import type { EditContext } from './columns';

/** Looks up the findings of one cell, or of a whole row when `field` is null. */
export type FindingLookup = (id: string, field: string | null) => Finding[];

/** Reconciliation findings for one grid's records: looked up per cell, pushed when they change. */
export interface GridFindings {
	lookup: FindingLookup;
	subscribe(listener: (changes: FindingChanges) => void): () => void;
}

/** The row marker column's id. */
const MARKER = 'findings';

const ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };
const SEVERITY_CLASSES = ['finding-error', 'finding-warning', 'finding-info'];

export function worst(list: readonly Finding[]): Severity | null {
	if (list.some((f) => f.severity === 'error')) return 'error';
	if (list.some((f) => f.severity === 'warning')) return 'warning';
	return list.length ? 'info' : null;
}

export const sentences = (list: readonly Finding[]) => list.map((f) => `${LABEL[f.severity]}: ${f.message}`).join('\n');

/**
 * Marks the grid cell itself: severity class (colour and icon, so it reads without colour),
 * `data-findings` with the codes, and the sentences as its accessible description. The tooltip
 * is the grid's own (`tooltipValueGetter` in withFindings), which survives the cell's redraws.
 * Text only ever goes in as text, never as HTML.
 */
function decorate(cell: HTMLElement, list: readonly Finding[]): void {
	cell.classList.remove(...SEVERITY_CLASSES);
	const sev = worst(list);
	if (!sev) {
		delete cell.dataset.findings;
		cell.removeAttribute('aria-description');
		return;
	}
	cell.classList.add(`finding-${sev}`);
	cell.dataset.findings = [...new Set(list.map((f) => f.code))].join(' ');
	cell.setAttribute('aria-description', sentences(list));
}

/** The hover text of a cell: its findings' sentences, or the column's own hint when it has none. */
function tooltip(lookup: FindingLookup, field: string | null, own?: ColDef['tooltipValueGetter']): ColDef['tooltipValueGetter'] {
	return (p) => {
		const id = (p.data as { id?: string } | undefined)?.id;
		const list = id ? lookup(id, field) : [];
		return list.length ? sentences(list) : own ? own(p) : undefined;
	};
}

interface Params extends ICellRendererParams {
	lookup: FindingLookup;
	field: string | null;
}

/** An AG Grid cell renderer whose element is one span, redrawn in place on refresh. */
abstract class SpanCell implements ICellRendererComp {
	protected gui = document.createElement('span');

	init(p: Params): void {
		this.refresh(p);
	}

	getGui(): HTMLElement {
		return this.gui;
	}

	abstract refresh(p: Params): boolean;
}

/** Renders a cell's formatted value as text and marks the cell with its findings. */
class FindingCell extends SpanCell {
	refresh(p: Params): boolean {
		this.gui.textContent = p.valueFormatted ?? (p.value === null || p.value === undefined ? '' : String(p.value));
		if (p.data?.id) decorate(p.eGridCell, p.lookup(p.data.id, p.field));
		return true;
	}
}

/** The row marker: worst severity icon and count of every finding on the row's record. */
class RowMarker extends SpanCell {
	refresh(p: Params): boolean {
		const list = p.data?.id ? p.lookup(p.data.id, null) : [];
		const sev = worst(list);
		this.gui.textContent = sev ? `${ICON[sev]} ${list.length}` : '';
		this.gui.className = sev ? `marker marker-${sev}` : 'marker';
		if (p.data?.id) decorate(p.eGridCell, list);
		return true;
	}
}

/** The field whose findings a column shows (what `withFindings` gives its cells). */
const findingField = (c: ColDef<unknown>): string | null => (c.context as EditContext | undefined)?.field ?? c.colId ?? null;

/**
 * The columns to redraw when findings naming these fields changed: theirs and the row marker (a
 * field this grid does not show needs no cell redrawn). Null when a column cannot be named, so
 * the caller redraws every cell.
 */
export function findingColumns(columns: readonly ColDef<unknown>[], fields: Iterable<string>): string[] | null {
	const out = new Set<string>([MARKER]);
	for (const field of fields) {
		const shown = columns.filter((c) => findingField(c) === field);
		for (const c of shown) {
			const id = c.colId ?? (c.field as string | undefined);
			if (!id) return null;
			out.add(id);
		}
	}
	return [...out];
}

/**
 * Redraws what changed findings touch: on each record's row, the cells showing the fields they
 * name and the row marker (a finding over a PO line names one cell on each of its hundred lines;
 * redrawing whole rows cost more than the rest of an edit). Every cell when `changes` is null.
 */
export function redrawFindings<T extends { id: string }>(api: GridApi<T>, columns: readonly ColDef<T>[], changes: FindingChanges): void {
	api.expireValueCache();
	if (changes === null) return void api.refreshCells({ force: true });
	const rowNodes = [...changes.keys()].map((id) => api.getRowNode(id)).filter((n): n is IRowNode<T> => !!n);
	if (!rowNodes.length) return;
	const shown = findingColumns(columns as readonly ColDef<unknown>[], rowNodes.flatMap((n) => [...(changes.get(n.id!) ?? [])]));
	api.refreshCells({ rowNodes, columns: shown ?? undefined, force: true });
}

/** Adds the findings marker column and routes every cell through FindingCell. */
export function withFindings<T>(columns: ColDef<T>[], lookup: FindingLookup): ColDef<T>[] {
	const marker: ColDef<T> = {
		colId: MARKER,
		// Named for screen readers (axe: empty-table-header); the 58 px column shows only its sort arrow.
		headerName: 'Findings',
		headerClass: 'findings-header',
		headerTooltip: 'Findings on this row',
		width: 58,
		pinned: 'left',
		editable: false,
		sortable: true,
		filter: false,
		resizable: false,
		valueGetter: (p) => (p.data ? lookup((p.data as unknown as { id: string }).id, null).length : 0),
		cellRenderer: RowMarker,
		cellRendererParams: { lookup, field: null },
		tooltipValueGetter: tooltip(lookup, null),
		// The count is no text anyone searches for.
		getQuickFilterText: () => ''
	};
	return [
		marker,
		...columns.map((c) => ({
			...c,
			cellRenderer: FindingCell,
			cellRendererParams: { lookup, field: findingField(c as ColDef<unknown>) },
			tooltipValueGetter: tooltip(lookup, findingField(c as ColDef<unknown>), c.tooltipValueGetter as ColDef['tooltipValueGetter'])
		}))
	];
}

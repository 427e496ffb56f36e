import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';

/**
 * Cell editors that offer the records a cell may point at, named the way a person recognises
 * them. AG Grid Community's select editor can only show the cell's own formatted value (a PO line
 * would read "2"), and it has no combo box, so these use the browser's own controls. Either
 * hands the grid text, read through the column's codec as any typed cell is.
 */

/** `choices(row)`: what the cell may hold, as stored text, with the words to show for each. */
export interface ChoiceParams<T> {
	choices: (row: T | undefined) => readonly { value: string; label: string }[];
}

type Params<T> = ICellEditorParams<T, unknown> & ChoiceParams<T>;

let lists = 0;

/** The value the editor starts from: a typed character starts the edit with it, as in the grid's own text editor. */
const startText = <T>(p: Params<T>): string => (p.eventKey && p.eventKey.length === 1 ? p.eventKey : p.value === null || p.value === undefined ? '' : String(p.value));

abstract class ChoiceEditor<T> implements ICellEditorComp<T, string> {
	protected root = document.createElement('div');
	protected abstract control: HTMLInputElement | HTMLSelectElement;

	getGui(): HTMLElement {
		return this.root;
	}

	afterGuiAttached(): void {
		this.control.focus();
	}

	getValue(): string {
		return this.control.value;
	}

	protected mount(p: Params<T>, ...extra: HTMLElement[]): void {
		this.control.setAttribute('aria-label', `${p.colDef.headerName ?? ''}: ${this.hint}`);
		this.root.className = 'ag-cell-edit-wrapper choice-editor';
		this.root.append(this.control, ...extra);
	}

	protected abstract hint: string;
}

/** Free text with the choices suggested (`<datalist>`): a PO number not imported yet can still be typed. */
export class SuggestEditor<T> extends ChoiceEditor<T> {
	protected control = document.createElement('input');
	protected hint = 'type, or choose from the list';

	init(p: Params<T>): void {
		const list = document.createElement('datalist');
		list.id = `choices-${++lists}`;
		for (const c of p.choices(p.data)) list.append(new Option(c.label, c.value));
		this.control.className = 'ag-input-field-input ag-text-field-input';
		this.control.setAttribute('list', list.id);
		this.control.autocomplete = 'off';
		this.control.value = startText(p);
		this.mount(p, list);
	}

	override afterGuiAttached(): void {
		super.afterGuiAttached();
		const end = this.control.value.length;
		this.control.setSelectionRange(end, end);
	}
}

/** One of the choices, or none (`<select>`): arrows move through them, Enter keeps the one shown. */
export class PickEditor<T> extends ChoiceEditor<T> {
	protected control = document.createElement('select');
	protected hint = 'choose with the arrow keys, Enter to keep';

	init(p: Params<T>): void {
		const start = startText(p);
		this.control.append(new Option('— none —', ''));
		for (const c of p.choices(p.data)) this.control.append(new Option(c.label, c.value));
		// A value the list does not hold stays as it was rather than being silently replaced.
		if (start !== '' && ![...this.control.options].some((o) => o.value === start)) this.control.append(new Option(start, start));
		this.control.value = start;
		this.mount(p);
	}
}

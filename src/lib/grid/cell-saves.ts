import { restated } from '$lib/domain/codecs';
import type { EditContext } from './columns';
import type { EditRefusal } from '$lib/state/update-one';
import { EditStarts } from './edit-setters';
import { typedText } from './open-edits';

/** Typed text this long (or spanning lines) is offered to copy beside a refusal: retyping it would cost. */
export const KEEP_TYPED_FROM = 80;

/** What a grid gives its cell saves: read at each save, so they follow the grid's current props. */
export interface CellSaveHooks<T> {
	/** Stores one field; resolves to why not, and whether the record is gone. Absent: the grid is read-only. */
	edit(): ((row: T, field: string, value: unknown, startedAs: unknown) => Promise<EditRefusal | null>) | undefined;
	/** "PO 884120 line 3". */
	rowName(row: T): string;
	/** The refusal under the grid (null clears it), with what was typed when worth copying. */
	show(message: string | null, typed: string | null): void;
	/** A message that stays, with what was typed to copy: there is no grid to show it under. */
	keepTyped(message: string, typed: string): void;
	/** Asks whether to store what was typed in its normal form (terms); true saves it, false keeps the cell as it was. */
	confirmRestated(question: RestatedQuestion): Promise<boolean>;
}

/** Text typed in another shape than it would be stored in: the person accepts the stored form first. */
export interface RestatedQuestion {
	/** "Invoice INV-1044". */
	name: string;
	header: string;
	typed: string;
	stored: string;
	/** What the cell holds now, and keeps on a no. */
	current: string;
}

/**
 * A grid's cell edits from the editor opening to the value stored or refused: the value the edit
 * began from (so another tab's change is not silently undone), the row's name as it was then (a
 * name may read a record deleted before the save is refused), and where each refusal is told.
 */
export class CellSaves<T extends { id: string }> {
	readonly starts = new EditStarts();
	readonly #names = new Map<string, string>();

	constructor(private readonly hooks: CellSaveHooks<T>) {}

	/** An editor opened on this row's field. */
	began(row: T | undefined, field: string | undefined): void {
		this.starts.began(row, field);
		if (row) this.#names.set(row.id, this.nameOf(row));
	}

	nameOf(row: T): string {
		try {
			return this.#names.get(row.id) ?? this.hooks.rowName(row);
		} catch {
			return 'The row';
		}
	}

	/**
	 * Parses and saves one typed value. `orphan` is an edit the grid closed itself because its row
	 * went or the grid is going: there is no grid to show a refusal under, so what was typed goes
	 * into a message that stays, to copy.
	 */
	async save(row: T, ctx: EditContext, header: string, newValue: unknown, orphan = false, shown?: string): Promise<void> {
		const edit = this.hooks.edit();
		if (!edit) return;
		const name = this.nameOf(row);
		const typed = shown ?? typedText(newValue, ctx, false);
		const text = newValue === null || newValue === undefined ? '' : String(newValue);
		const parsed = ctx.codec.parse(text);
		if (!parsed.ok) {
			if (orphan) this.hooks.keepTyped(`${name}, ${header}: ${parsed.error}, so what you typed was not saved. It is below, to copy.`, typed);
			else this.#refuse(`${name}, ${header}: ${parsed.error}. Nothing was saved.`, typed);
			return;
		}
		const startedAs = this.starts.take(row, ctx.field);
		const stored = restated(ctx.codec, text);
		if (stored !== null) {
			// Nobody is left to ask when the grid itself closed the edit: the typing is kept instead.
			if (orphan) this.hooks.keepTyped(`${name}, ${header}: "${text.trim()}" would be saved as "${stored}", so it was not saved. It is below, to copy.`, typed);
			if (orphan || !(await this.hooks.confirmRestated({ name, header, typed: text.trim(), stored, current: ctx.codec.format(startedAs) }))) {
				this.#names.delete(row.id);
				return;
			}
		}
		const refused = await edit(row, ctx.field, parsed.value, startedAs);
		this.#names.delete(row.id);
		if (refused?.gone) {
			this.hooks.keepTyped(`${name} was deleted in another tab while you were editing its ${header}. What you typed is below, to copy.`, typed);
			this.hooks.show(null, null);
		} else if (refused && orphan) {
			this.hooks.keepTyped(`${name}, ${header}: ${refused.message.replace(/ Nothing was saved\.$/, '')} What you typed was not saved; it is below, to copy.`, typed);
		} else if (refused) this.#refuse(`${name}, ${header}: ${refused.message}`, typed);
		else this.hooks.show(null, null);
	}

	#refuse(message: string, typed: string): void {
		this.hooks.show(message, typed.length >= KEEP_TYPED_FROM || typed.includes('\n') ? typed : null);
	}
}

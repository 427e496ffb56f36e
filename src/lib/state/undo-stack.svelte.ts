import { onCommitted, type CommittedChange } from '$lib/db/history';
import { undoChange } from '$lib/db/undo';
import { RecordError, describeStorageError } from '$lib/db/errors';
import { app } from './app.svelte';
import { notices } from './notices.svelte';
import { changeWords } from './change-words';

/** One step of the stack: a change in the history and what it was, in words. */
export interface Step {
	change: string;
	words: string;
}

/** Steps kept per list: older ones fall off, as in a spreadsheet. */
const KEPT = 100;

/*
 * This tab's undo and redo lists. Per tab, as a spreadsheet window's: another tab's changes are
 * not undone from here (they are still checked: an undo that another tab's later change would
 * overwrite is refused). Kept in sessionStorage, which is the tab's own and survives a reload of
 * it, so a reload does not lose the way back; closing the tab does (the history stays).
 */
class UndoStack {
	undo = $state<Step[]>([]);
	redo = $state<Step[]>([]);
	/** True while an undo or redo is being written; keys pressed meanwhile do nothing. */
	busy = $state(false);
	#db = '';
	#stop: (() => void) | null = null;

	get key(): string {
		return `tieout:undo:${this.#db}`;
	}

	/** Listens to this tab's changes to workbook `db`, and picks up the lists kept before a reload. */
	start(db: string): void {
		this.#stop?.();
		this.#db = db;
		try {
			const kept = JSON.parse(sessionStorage.getItem(this.key) ?? 'null') as { undo: Step[]; redo: Step[] } | null;
			this.undo = Array.isArray(kept?.undo) ? kept.undo : [];
			this.redo = Array.isArray(kept?.redo) ? kept.redo : [];
		} catch {
			/* no sessionStorage (blocked): the lists live as long as the page */
		}
		this.#stop = onCommitted((c) => this.#heard(c));
	}

	#heard(c: CommittedChange): void {
		if (c.db !== this.#db) return;
		const step = { change: c.change, words: c.cause.kind === 'undo' || c.cause.kind === 'redo' ? (c.cause.label ?? '') : changeWords(c.cause, c.total) };
		if (c.cause.kind === 'restore') {
			// The workbook was replaced: the changes the lists name are not the ones now stored.
			this.undo = [];
			this.redo = [];
		} else if (c.cause.kind === 'undo') this.redo = [...this.redo, step].slice(-KEPT);
		else if (c.cause.kind === 'redo') this.undo = [...this.undo, step].slice(-KEPT);
		else {
			this.undo = [...this.undo, step].slice(-KEPT);
			this.redo = [];
		}
		this.#save();
	}

	#save(): void {
		try {
			sessionStorage.setItem(this.key, JSON.stringify({ undo: this.undo, redo: this.redo }));
		} catch {
			/* sessionStorage full or blocked: the lists still work until the tab reloads */
		}
	}

	/** "Undo paste of 500 rows", or null when there is nothing to undo. */
	get undoTitle(): string | null {
		const last = this.undo.at(-1);
		return last ? `Undo ${last.words}` : null;
	}

	get redoTitle(): string | null {
		const last = this.redo.at(-1);
		return last ? `Redo ${last.words}` : null;
	}

	undoLast = (): Promise<void> => this.#takeBack('undo');
	redoLast = (): Promise<void> => this.#takeBack('redo');

	async #takeBack(kind: 'undo' | 'redo'): Promise<void> {
		const list = kind === 'undo' ? this.undo : this.redo;
		let step = list.at(-1);
		if (!step || this.busy) return;
		this.busy = true;
		app.pendingWrites++;
		try {
			await app.started;
			// A write of this tab still in flight is the change the person means to take back: wait for it to be listed.
			for (let waited = 0; app.pendingWrites > 1 && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
			step = (kind === 'undo' ? this.undo.at(-1) : this.redo.at(-1)) ?? step;
			// Taken off first: a refused step (overwritten since) would otherwise stand in front of every older one.
			this.#drop(kind, step);
			await undoChange(app.wb.db, step.change, { kind, label: step.words });
			notices.push('success', `${kind === 'undo' ? 'Undid' : 'Redid'} ${step.words}.`);
		} catch (err) {
			const message = describeStorageError(err);
			// Storage failed: the step is still there to try again.
			if (!(err instanceof RecordError)) this.#restore(kind, step);
			notices.push('error', err instanceof RecordError ? `Could not ${kind} ${step.words}. ${message}` : message);
		} finally {
			app.pendingWrites--;
			this.busy = false;
		}
	}

	#drop(kind: 'undo' | 'redo', step: Step): void {
		if (kind === 'undo') this.undo = this.undo.filter((s) => s !== step);
		else this.redo = this.redo.filter((s) => s !== step);
		this.#save();
	}

	#restore(kind: 'undo' | 'redo', step: Step): void {
		if (kind === 'undo') this.undo = [...this.undo, step];
		else this.redo = [...this.redo, step];
		this.#save();
	}
}

export const undoStack = new UndoStack();

/** True when a key goes to text being typed (an input, a grid cell's editor), whose own undo applies. */
export function typingIn(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	if (!el || typeof el.closest !== 'function') return false;
	return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .ag-cell-inline-editing, .ag-popup-editor');
}

/** Ctrl+Z undoes; Ctrl+Y and Ctrl+Shift+Z redo (⌘ on a Mac); not while typing in a field. */
export function onUndoKeys(e: KeyboardEvent): void {
	if (!(e.ctrlKey || e.metaKey) || e.altKey || typingIn(e.target)) return;
	const key = e.key.toLowerCase();
	if (key === 'z' && !e.shiftKey) {
		e.preventDefault();
		void undoStack.undoLast();
	} else if (key === 'y' || (key === 'z' && e.shiftKey)) {
		e.preventDefault();
		void undoStack.redoLast();
	}
}

import type { TableName } from '$lib/db/database';
import { describeStorageProblem } from '$lib/db/errors';
import { historyOf, keyOf } from '$lib/db/history';
import { app } from './app.svelte';
import { historyLine } from './change-words';

interface Shown {
	/** "Site Tower A": whose history it is. */
	title: string;
	/** Newest first; null while being read. */
	lines: string[] | null;
	error: string | null;
}

/** The record whose history the history dialog shows (ui/HistoryDialog.svelte), read from storage when asked. */
class RecordHistory {
	current = $state<Shown | null>(null);
	/** Which request the dialog shows (state wraps what it is given, so the object itself cannot tell). */
	#asked = 0;

	async show(table: TableName, id: string, title: string): Promise<void> {
		const shown: Shown = { title, lines: null, error: null };
		const asked = ++this.#asked;
		this.current = shown;
		try {
			await app.started;
			const rows = await historyOf(app.wb.db, table, id);
			if (asked === this.#asked && this.current) this.current = { ...shown, lines: rows.map((r) => historyLine(r, keyOf(table, id))) };
		} catch (err) {
			if (asked === this.#asked && this.current) this.current = { ...shown, error: `Could not read the history from storage: ${describeStorageProblem(err)}` };
		}
	}

	close(): void {
		this.#asked++;
		this.current = null;
	}
}

export const recordHistory = new RecordHistory();

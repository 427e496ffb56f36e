import { SvelteSet } from 'svelte/reactivity';

/**
 * What a reload would cut short, so an update waits for it (update-offer.svelte.ts): a grid's
 * open cell editor (DataGrid.svelte adds itself while one is open) and an import being checked
 * or written (csv-import.svelte.ts). Writes under way are counted by `app.pendingWrites`.
 */
export class ReloadHolds {
	readonly editors = new SvelteSet<object>();
	readonly imports = new SvelteSet<object>();

	/** Why a reload must wait, as the button says it; null when a reload loses nothing. */
	reason(pendingWrites: number): string | null {
		if (this.editors.size) return 'Finish editing the cell to reload';
		if (this.imports.size) return 'Reload once the import is done';
		if (pendingWrites > 0) return 'Reload once your change is saved';
		return null;
	}
}

export const reloadHolds = new ReloadHolds();

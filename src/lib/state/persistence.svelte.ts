import type { Workbook } from './workbook.svelte';

/**
 * Asks the browser to keep the workbook through storage pressure (persistent storage) once it
 * holds a record: at the first one stored, or at once when it opens with records. Asking for an
 * empty workbook would only spend the browser's one answer on nothing to keep.
 */
export function askPersistenceOnceFilled(wb: Workbook, ask: () => Promise<void>): () => void {
	let asked = false;
	return $effect.root(() => {
		$effect(() => {
			if (asked || !wb.ready || wb.isEmpty) return;
			asked = true;
			void ask();
		});
	});
}

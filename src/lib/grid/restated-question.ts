import { confirmer } from '$lib/state/confirm.svelte';
import type { RestatedQuestion } from './cell-saves';

/**
 * Asks whether typed text may be saved in its normal form ("2% 10 net 30" as "2/10 Net 30").
 * Escape or "Keep" leaves the cell as it was; `refocus` runs after the dialog either way, as the
 * dialog hands focus back to whatever was focused when it opened, which the grid may have redrawn.
 */
export async function askRestated(q: RestatedQuestion, refocus: () => void): Promise<boolean> {
	const yes = await confirmer.ask(
		`Save ${q.header} as “${q.stored}”?`,
		`${q.name}, ${q.header}: you typed “${q.typed}”. It is saved as “${q.stored}”, the one form invoices, PDFs and PO checks use.`,
		`Save as ${q.stored}`,
		q.current ? `Keep ${q.current}` : 'Leave it blank'
	);
	requestAnimationFrame(refocus);
	return yes;
}

import { browser } from '$app/environment';
import { app } from '$lib/state/app.svelte';
import { openFastStart } from '$lib/fast-start';
import { afterPaint } from '$lib/ui/paint';

// IndexedDB, AG Grid and jsPDF exist only in the browser: prerender the shell, render on the client.
export const prerender = true;
export const ssr = false;

export function load(): void {
	if (!browser) return;
	// State imports neither ui nor grid (README, Layout): what it needs of them is handed in here.
	void app.open({ afterPaint, fastStart: openFastStart });
}

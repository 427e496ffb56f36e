import { browser } from '$app/environment';
import { app } from '$lib/state/app.svelte';
import { firstRowsDrawn, openFastStart } from '$lib/fast-start';
import { afterPaint } from '$lib/ui/paint';

// IndexedDB, AG Grid and jsPDF exist only in the browser: prerender the shell, render on the client.
export const prerender = true;
export const ssr = false;

export async function load(): Promise<void> {
	if (!browser) return;
	// The last visit's first rows go on screen first (static/first-rows.js), then the workbook opens.
	await firstRowsDrawn();
	// State imports neither ui nor grid (README, Layout): what it needs of them is handed in here.
	void app.open({ afterPaint, fastStart: openFastStart });
}

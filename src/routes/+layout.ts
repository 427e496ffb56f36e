import { browser } from '$app/environment';
import { app } from '$lib/state/app.svelte';
import { firstRowsDrawn } from '$lib/grid/first-rows';

// IndexedDB, AG Grid and jsPDF exist only in the browser: prerender the shell, render on the client.
export const prerender = true;
export const ssr = false;

export async function load(): Promise<void> {
	if (!browser) return;
	// The last visit's first rows go on screen first (static/first-rows.js), then the workbook opens.
	await firstRowsDrawn();
	void app.open();
}

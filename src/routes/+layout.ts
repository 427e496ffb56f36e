import { browser } from '$app/environment';
import { app } from '$lib/state/app.svelte';

// IndexedDB, AG Grid and jsPDF exist only in the browser: prerender the shell, render on the client.
export const prerender = true;
export const ssr = false;

export function load(): void {
	// Start opening the workbook while the page's components are still loading.
	if (browser) void app.open();
}

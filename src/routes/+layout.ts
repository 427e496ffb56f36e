// IndexedDB, AG Grid and jsPDF exist only in the browser: prerender the shell, render on the client.
export const prerender = true;
export const ssr = false;

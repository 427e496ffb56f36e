// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** The app's version from package.json, set by vite.config.ts. */
	const __TIEOUT_VERSION__: string;
}
export {};

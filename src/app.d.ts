// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		/** On a phone, the job open over the list: its own history entry, so the phone's Back returns to the list. */
		interface PageState {
			phoneJob?: string;
		}
	}
	/** The app's version from package.json, set by vite.config.ts. */
	const __TIEOUT_VERSION__: string;
}
export {};

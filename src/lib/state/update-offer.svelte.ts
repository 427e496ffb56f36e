/**
 * A new build of Tieout is offered, never forced. Its service worker installs beside the running
 * one and waits; this tab says so, and once the person presses Reload (and nothing would be lost:
 * `waitReason`), the waiting worker is asked to take over and the tab reloads when it has. A tab
 * moved to a new build by another tab keeps running its own build (its files stay cached, see
 * src/lib/offline/cache-plan.ts) and is told to reload when ready.
 */

/** `update`: a new build is installed and waiting. `elsewhere`: another tab applied one already. */
export type OfferKind = 'update' | 'elsewhere';

export interface OfferEnv {
	container: Pick<ServiceWorkerContainer, 'controller' | 'register' | 'addEventListener' | 'removeEventListener'>;
	document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
	reload: () => void;
	/** Why a reload would lose something now (an open editor, an import, a write under way), or null. */
	waitReason: () => string | null;
}

export const UPDATE_TEXT: Record<OfferKind, string> = {
	update: 'Tieout was updated: reload when ready.',
	elsewhere: 'Tieout was updated in another tab: reload when ready.'
};

export class UpdateOffer {
	kind = $state<OfferKind | null>(null);
	#env: OfferEnv;
	#registration: ServiceWorkerRegistration | null = null;
	/** This tab asked the waiting worker to take over: its arrival is the cue to reload. */
	#asked = false;
	#reloaded = false;

	constructor(env: OfferEnv) {
		this.#env = env;
	}

	get waitReason(): string | null {
		return this.#env.waitReason();
	}

	/** Registers the worker and watches for new builds; resolves to the function that stops watching. */
	async start(scriptUrl: string): Promise<() => void> {
		const { container, document } = this.#env;
		let controller = container.controller;
		const controllerChanged = () => {
			const had = controller;
			controller = container.controller;
			if (this.#asked) this.#reload();
			// No controller before: the first install took this page over, nothing changed under it.
			else if (had) this.kind = 'elsewhere';
		};
		container.addEventListener('controllerchange', controllerChanged);
		const stop = () => container.removeEventListener('controllerchange', controllerChanged);

		const registration = await container.register(scriptUrl);
		this.#registration = registration;
		const offerIfWaiting = () => {
			// Without a controller this page came from the network (first visit, hard reload): it already runs the newest build.
			if (registration.waiting && container.controller) this.kind = 'update';
		};
		offerIfWaiting();
		registration.addEventListener('updatefound', () => {
			const worker = registration.installing;
			worker?.addEventListener('statechange', () => {
				if (worker.state === 'installed') offerIfWaiting();
			});
		});
		const check = () => {
			// Offline, or the server is down: the next check will do.
			if (registration.active) registration.update().catch(() => {});
		};
		const visible = () => {
			if (document.visibilityState === 'visible') check();
		};
		check();
		document.addEventListener('visibilitychange', visible);
		return () => {
			stop();
			document.removeEventListener('visibilitychange', visible);
		};
	}

	/** The Reload button: does nothing while `waitReason` says why; the person presses again once it is over. */
	apply(): void {
		if (this.waitReason || this.#reloaded) return;
		const waiting = this.#registration?.waiting;
		if (!waiting) {
			this.#reload();
			return;
		}
		this.#asked = true;
		waiting.addEventListener('statechange', () => {
			if (waiting.state === 'activated') this.#reload();
		});
		waiting.postMessage({ type: 'skip-waiting' });
	}

	#reload(): void {
		if (this.#reloaded) return;
		this.#reloaded = true;
		this.#env.reload();
	}
}

import { describe, expect, it } from 'vitest';
import { UpdateOffer, type OfferEnv } from './update-offer.svelte';

class FakeWorker extends EventTarget {
	state = 'installing';
	messages: unknown[] = [];
	postMessage(m: unknown) {
		this.messages.push(m);
	}
	become(state: string) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	active: FakeWorker | null = null;
	checks = 0;
	failChecks = false;
	update() {
		this.checks++;
		return this.failChecks ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve();
	}
	/** A new build's worker is found and installed: it waits, as every update does. */
	newBuildInstalled(): FakeWorker {
		const w = new FakeWorker();
		this.installing = w;
		this.dispatchEvent(new Event('updatefound'));
		this.installing = null;
		this.waiting = w;
		w.become('installed');
		return w;
	}
}

class FakeContainer extends EventTarget {
	controller: FakeWorker | null = null;
	registered: string[] = [];
	constructor(readonly registration: FakeRegistration) {
		super();
	}
	register(url: string) {
		this.registered.push(url);
		return Promise.resolve(this.registration);
	}
	/** `worker` takes this page over (a first install's claim, or a waiting worker activated). */
	takeOver(worker: FakeWorker) {
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

class FakeDocument extends EventTarget {
	visibilityState: DocumentVisibilityState = 'visible';
	show(state: DocumentVisibilityState) {
		this.visibilityState = state;
		this.dispatchEvent(new Event('visibilitychange'));
	}
}

/** A tab whose page was served by `active` (null: the first visit, not yet controlled). */
function tab(active: FakeWorker | null) {
	const registration = new FakeRegistration();
	registration.active = active;
	const container = new FakeContainer(registration);
	container.controller = active;
	const document = new FakeDocument();
	const state = { reloads: 0, reason: null as string | null };
	const offer = new UpdateOffer({
		container: container as unknown as OfferEnv['container'],
		document: document as unknown as OfferEnv['document'],
		reload: () => state.reloads++,
		waitReason: () => state.reason
	});
	return { offer, registration, container, document, state };
}

const running = () => {
	const w = new FakeWorker();
	w.state = 'activated';
	return w;
};

describe('UpdateOffer', () => {
	it('offers nothing on a first visit: installing the worker and taking the page over changes nothing the person sees', async () => {
		const t = tab(null);
		await t.offer.start('/service-worker.js');
		expect(t.container.registered).toEqual(['/service-worker.js']);
		const first = new FakeWorker();
		t.registration.installing = first;
		t.registration.dispatchEvent(new Event('updatefound'));
		first.become('installed');
		first.become('activated');
		t.container.takeOver(first);
		expect(t.offer.kind).toBeNull();
		expect(t.state.reloads).toBe(0);
	});

	it('offers a new build once its worker is installed and waiting, and never reloads by itself', async () => {
		const t = tab(running());
		await t.offer.start('/service-worker.js');
		expect(t.offer.kind).toBeNull();
		t.registration.newBuildInstalled();
		expect(t.offer.kind).toBe('update');
		expect(t.state.reloads).toBe(0);
	});

	it('offers a build that was already waiting when the page opened', async () => {
		const t = tab(running());
		t.registration.waiting = new FakeWorker();
		t.registration.waiting.state = 'installed';
		await t.offer.start('/service-worker.js');
		expect(t.offer.kind).toBe('update');
	});

	it('does not apply the update while something would be lost, and applies it on the next press once that is over', async () => {
		const t = tab(running());
		await t.offer.start('/service-worker.js');
		const next = t.registration.newBuildInstalled();
		t.state.reason = 'Finish editing the cell to reload';
		expect(t.offer.waitReason).toBe('Finish editing the cell to reload');
		t.offer.apply();
		expect(next.messages).toEqual([]);
		expect(t.state.reloads).toBe(0);
		// The editor closes: nothing happens until the person presses Reload again.
		t.state.reason = null;
		expect(t.state.reloads).toBe(0);
		t.offer.apply();
		expect(next.messages).toEqual([{ type: 'skip-waiting' }]);
		// Reloads once the new worker controls the page, not before: the reload must get the new build.
		expect(t.state.reloads).toBe(0);
		next.become('activating');
		t.container.takeOver(next);
		next.become('activated');
		expect(t.state.reloads).toBe(1);
	});

	it('tells a tab moved to a new build by another tab, and its Reload just reloads', async () => {
		const t = tab(running());
		await t.offer.start('/service-worker.js');
		const next = t.registration.newBuildInstalled();
		expect(t.offer.kind).toBe('update');
		// Another tab pressed Reload.
		t.registration.waiting = null;
		t.registration.active = next;
		t.container.takeOver(next);
		expect(t.offer.kind).toBe('elsewhere');
		expect(t.state.reloads).toBe(0);
		t.state.reason = 'Reload once your change is saved';
		t.offer.apply();
		expect(t.state.reloads).toBe(0);
		t.state.reason = null;
		t.offer.apply();
		expect(t.state.reloads).toBe(1);
	});

	it('checks for a new build when the page opens and whenever the tab is shown again, and shrugs off a failed check', async () => {
		const t = tab(running());
		t.registration.failChecks = true;
		await t.offer.start('/service-worker.js');
		expect(t.registration.checks).toBe(1);
		t.document.show('hidden');
		expect(t.registration.checks).toBe(1);
		t.document.show('visible');
		expect(t.registration.checks).toBe(2);
		// The failed checks' rejections were handled: an unhandled one would fail this test run.
		await new Promise((r) => setTimeout(r, 0));
	});

	it('stops listening when stopped', async () => {
		const t = tab(running());
		const stop = await t.offer.start('/service-worker.js');
		stop();
		t.document.show('visible');
		t.container.takeOver(new FakeWorker());
		expect(t.registration.checks).toBe(1);
		expect(t.offer.kind).toBeNull();
	});
});

// The question waiting for a yes or no is state, not UI: actions ask it (state/actions.ts, workflow.ts)
// and ui/ConfirmDialog.svelte shows it, so it lives below both.

interface Request {
	title: string;
	body: string;
	action: string;
	cancel: string;
	resolve: (ok: boolean) => void;
}

class Confirmer {
	current = $state<Request | null>(null);

	/** Ask before something that cannot be undone; resolves true only on an explicit yes. */
	ask(title: string, body: string, action = 'Delete', cancel = 'Cancel'): Promise<boolean> {
		this.current?.resolve(false);
		return new Promise((resolve) => {
			this.current = { title, body, action, cancel, resolve };
		});
	}

	answer(ok: boolean): void {
		const c = this.current;
		this.current = null;
		c?.resolve(ok);
	}
}

export const confirmer = new Confirmer();

export interface Notice {
	id: number;
	kind: 'error' | 'info' | 'success';
	text: string;
	/** Text the person typed that could not be saved, shown to copy: the notice stays until dismissed. */
	typed?: string;
}

let seq = 0;

/** Messages for the person: errors, and anything holding typed text, stay until dismissed; confirmations fade. */
class Notices {
	list = $state<Notice[]>([]);

	push(kind: Notice['kind'], text: string): void {
		const n = { id: ++seq, kind, text };
		this.list = [...this.list, n];
		if (kind !== 'error') setTimeout(() => this.dismiss(n.id), 5000);
	}

	/**
	 * Typed text that has nowhere to go (its record was deleted while it was being typed): the
	 * message says what happened, and the text stays beside it to copy until the person dismisses it.
	 */
	keepTyped(text: string, typed: string): void {
		this.list = [...this.list, { id: ++seq, kind: 'error', text, typed }];
	}

	dismiss(id: number): void {
		this.list = this.list.filter((n) => n.id !== id);
	}
}

export const notices = new Notices();

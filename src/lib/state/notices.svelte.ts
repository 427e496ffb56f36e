export interface Notice {
	id: number;
	kind: 'error' | 'info' | 'success';
	text: string;
}

let seq = 0;

/** Messages for the person: errors stay until dismissed; confirmations fade. */
class Notices {
	list = $state<Notice[]>([]);

	push(kind: Notice['kind'], text: string): void {
		const n = { id: ++seq, kind, text };
		this.list = [...this.list, n];
		if (kind !== 'error') setTimeout(() => this.dismiss(n.id), 5000);
	}

	dismiss(id: number): void {
		this.list = this.list.filter((n) => n.id !== id);
	}
}

export const notices = new Notices();

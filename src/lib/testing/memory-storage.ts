/**
 * localStorage as a browser has it (key and length too, which cleanups walk), for Node tests.
 * `full` refuses writes as a browser whose quota is used up does; `refuse` refuses removals.
 */
export class MemoryStorage implements Storage {
	map = new Map<string, string>();
	full = false;
	refuse = false;
	get length() {
		return this.map.size;
	}
	clear() {
		this.map.clear();
	}
	getItem(k: string) {
		return this.map.get(k) ?? null;
	}
	key(i: number) {
		return [...this.map.keys()][i] ?? null;
	}
	removeItem(k: string) {
		if (this.refuse) throw new DOMException('refused', 'SecurityError');
		this.map.delete(k);
	}
	setItem(k: string, v: string) {
		if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.map.set(String(k), String(v));
	}
}

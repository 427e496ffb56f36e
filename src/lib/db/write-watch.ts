/**
 * What a long write tells, and takes, while it runs: how far it is, a request to stop, and the
 * moment past which it can no longer be stopped (the commit). An import of 100,000 lines takes
 * seconds to write; the person sees it move and may take it back until it is committing.
 */
export interface WriteWatch {
	/** Aborted: the write throws WriteCancelled at its next checkpoint and its transaction takes everything back. */
	signal?: AbortSignal;
	/** Records handled so far, of the whole write. */
	progress?(done: number, total: number): void;
	/** Called once, after the last checkpoint: from here the write commits, whatever is asked. */
	committing?(): void;
}

/** The person stopped the write; nothing of it was stored. */
export class WriteCancelled extends Error {
	constructor() {
		super('The write was cancelled; nothing was saved');
		this.name = 'WriteCancelled';
	}
}

/** Inside a write transaction: stops it (throwing aborts the transaction) when asked to. */
export function checkpoint(watch: WriteWatch | undefined): void {
	if (watch?.signal?.aborted) throw new WriteCancelled();
}

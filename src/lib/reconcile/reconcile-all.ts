import { Index } from './keys/indexes';
import { evaluateAllScopes } from './scopes';
import { byKey } from './sort';
import type { Finding, Workbook } from './types';

/** Every finding of the workbook, computed from scratch, sorted by key. */
export function reconcileAll(wb: Workbook): Finding[] {
	const idx = Index.from(wb);
	const all: Finding[] = [];
	evaluateAllScopes(idx, (_scope, findings) => {
		for (const f of findings) all.push(f);
	});
	return all.sort(byKey);
}

/** True when two flat records hold the same values (line records have no nested objects). */
export function sameRecord(a: Record<string, unknown> | undefined, b: Record<string, unknown>): boolean {
	if (!a) return false;
	const keys = Object.keys(b);
	if (keys.length !== Object.keys(a).length) return false;
	for (const k of keys) if (a[k] !== b[k]) return false;
	return true;
}

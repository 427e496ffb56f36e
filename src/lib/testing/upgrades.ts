import { readdirSync, readFileSync } from 'node:fs';
import { fieldDifferences, NEW_RECORDS } from '../db/shapes';
import type { StoredKind } from '../db/migrations';
import { customerAddressFields, parseAddress, remitAddressFields } from '../domain/addresses';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `original`, stored by an older version, as today's schema must hold it after its upgrade:
 * every field it had, with its value unchanged, and every field added since at the value a new
 * record of its kind starts with. Upgrades are additive; one that is not must say so here.
 * Version 4 is not, for addresses: a one-text address becomes its parts (`parseAddress`). Version
 * 6 gives a history row stored before it the keys it is found by: all of its records.
 */
export function expectedUpgrade(kind: StoredKind, original: Record<string, unknown>): Record<string, unknown> {
	const out = structuredClone(original);
	const split = (o: Record<string, unknown>, field: string, parts: (a: ReturnType<typeof parseAddress>) => object) => {
		if (typeof o[field] !== 'string') return;
		const a = parseAddress(o[field] as string);
		delete o[field];
		Object.assign(o, parts(a));
	};
	if (kind === 'customers') split(out, 'billingAddress', customerAddressFields);
	if (kind === 'sites') split(out, 'address', (a) => a);
	if (kind === 'history' && !('lookup' in out)) out.lookup = structuredClone(out.keys);
	if (kind === 'settings' && isObject(out.business)) {
		split(out.business, 'address', (a) => a);
		split(out.business, 'remitTo', remitAddressFields);
	}
	for (let missing = fieldDifferences(kind, out).missing; missing.length; missing = fieldDifferences(kind, out).missing) {
		for (const path of missing) {
			const keys = path.split('.');
			const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, out);
			const value = keys.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), NEW_RECORDS[kind]);
			parent[keys[keys.length - 1]!] = structuredClone(value);
		}
	}
	return out;
}

export const byId = <T extends { id: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The frozen files of a fixture folder whose names match `pattern`, parsed. */
export function frozenFiles<T>(folder: string, pattern: RegExp): { file: string; data: T }[] {
	return readdirSync(folder)
		.filter((f) => pattern.test(f))
		.sort()
		.map((file) => ({ file, data: JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) as T }));
}

/**
 * A workbook's tables as a backup holds them, without the history rows of restores: a restore
 * brings the backup's own history back and adds one change of its own (every record, "restored").
 */
export function withoutRestores<T extends Record<string, unknown[]>>(tables: T): T {
	const history = (tables.history ?? []) as { cause: { kind: string } }[];
	return { ...tables, history: history.filter((h) => h.cause.kind !== 'restore') };
}

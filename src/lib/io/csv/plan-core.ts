import type { Id } from '$lib/domain/records';
import { changesBetween, describeChanges, type Compared, type FieldChange } from './diff-format';

/** A compared field and the import field that fills it: unmapped fields keep their stored value. */
export type PlanField<T> = Compared<T> & { key: string };

export interface ChildChange {
	key: string | number;
	id: Id;
	changes: FieldChange[];
}

export interface RecordPlan<H, C> {
	key: string;
	status: 'new' | 'changed' | 'unchanged';
	/** As it will be stored: a matched record keeps its id. */
	record: H;
	/** Every child as it will be stored, matched ones keeping their ids. */
	children: C[];
	headerChanges: FieldChange[];
	added: C[];
	changed: ChildChange[];
	removed: C[];
	summary: string;
}

export interface MatchSpec<H extends { id: Id }, C extends { id: Id }> {
	/** What a record is called in a summary: `Work order WO-1`. */
	name: (h: H) => string;
	key: (h: H) => string;
	childKey: (c: C) => string | number;
	childName: (c: C) => string;
	headerFields: readonly PlanField<H>[];
	childFields: readonly PlanField<C>[];
	parentOf: (c: C) => Id;
	withParent: (c: C, parentId: Id) => C;
}

function overlay<T>(stored: T, file: T, fields: readonly PlanField<T>[], filled: ReadonlySet<string>): T {
	const next = { ...stored };
	for (const f of fields) if (filled.has(f.key)) (next as Record<string, unknown>)[f.field] = file[f.field];
	return next;
}

/**
 * Imported records against stored ones: matched by key, children by child key; matched records
 * keep their ids, and only the fields the file fills are compared and replaced.
 */
export function planMatched<H extends { id: Id }, C extends { id: Id }>(
	spec: MatchSpec<H, C>,
	imported: readonly { record: H; children: C[]; given: string[] }[],
	mapped: readonly string[],
	stored: { records: readonly H[]; children: readonly C[] },
	fileName: string
): RecordPlan<H, C>[] {
	const mappedSet = new Set(mapped);
	const byKey = new Map(stored.records.map((h) => [spec.key(h), h]));
	const childrenOf = new Map<Id, C[]>();
	for (const c of stored.children) childrenOf.set(spec.parentOf(c), [...(childrenOf.get(spec.parentOf(c)) ?? []), c]);
	return imported.map((item) => {
		const key = spec.key(item.record);
		const old = byKey.get(key);
		if (!old) {
			const n = item.children.length;
			return { key, status: 'new', record: item.record, children: item.children, headerChanges: [], added: item.children, changed: [], removed: [], summary: `${spec.name(item.record)}: new from ${fileName} with ${n} line${n === 1 ? '' : 's'}` };
		}
		const record = { ...overlay(old, item.record, spec.headerFields, new Set(item.given)), id: old.id };
		const headerChanges = changesBetween(old, record, spec.headerFields);
		const oldChildren = childrenOf.get(old.id) ?? [];
		const oldByKey = new Map(oldChildren.map((c) => [spec.childKey(c), c]));
		const fileKeys = new Set(item.children.map(spec.childKey));
		const children: C[] = [];
		const added: C[] = [];
		const changed: ChildChange[] = [];
		for (const c of item.children) {
			const match = oldByKey.get(spec.childKey(c));
			if (!match) {
				const fresh = spec.withParent(c, old.id);
				added.push(fresh);
				children.push(fresh);
				continue;
			}
			const next = overlay(match, c, spec.childFields, mappedSet);
			const changes = changesBetween(match, next, spec.childFields);
			if (changes.length) changed.push({ key: spec.childKey(match), id: match.id, changes });
			children.push(next);
		}
		const removed = oldChildren.filter((c) => !fileKeys.has(spec.childKey(c)));
		const status = headerChanges.length + added.length + changed.length + removed.length > 0 ? 'changed' : 'unchanged';
		const parts = [
			...(headerChanges.length ? [describeChanges(headerChanges)] : []),
			...changed.map((c) => `${c.key}: ${describeChanges(c.changes)}`),
			...added.map((c) => `added ${spec.childName(c)}`),
			...removed.map((c) => `removed ${spec.childName(c)}`)
		];
		const summary = status === 'unchanged' ? `${spec.name(record)}: no change from ${fileName}` : `${spec.name(record)} from ${fileName}: ${parts.join('; ')}`;
		return { key, status, record, children, headerChanges, added, changed, removed, summary };
	});
}

/** The records and children a set of plans writes, and the children it deletes. */
export function writesOf<H extends { id: Id }, C extends { id: Id }>(plans: readonly RecordPlan<H, C>[]): { records: H[]; children: C[]; deleteChildren: Id[] } {
	const records: H[] = [];
	const children: C[] = [];
	const deleteChildren: Id[] = [];
	for (const p of plans) {
		if (p.status === 'unchanged') continue;
		records.push(p.record);
		const changedIds = new Set(p.changed.map((c) => c.id));
		children.push(...(p.status === 'new' ? p.children : p.children.filter((c) => p.added.includes(c) || changedIds.has(c.id))));
		deleteChildren.push(...p.removed.map((c) => c.id));
	}
	return { records, children, deleteChildren };
}

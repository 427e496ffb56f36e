import { newChangeOrder, newCustomer, newInvoice, newInvoiceLine, newPoLine, newPurchaseOrder, newSite, newTask, newWorkOrder } from '../domain/factories';
import { defaultSettings, ZERO_TOLERANCES } from '../domain/records';
import type { Attachment, ColumnMapping, PoRevision } from './database';
import type { HistoryRow } from './history';
import type { StoredKind } from './migrations';
import type { RecordOf } from './records';

/** Attachments as a backup carries them: the bytes in base64 instead of a Blob. */
export interface BackedUpAttachment extends Omit<Attachment, 'data'> {
	base64: string;
}

const DAY = '2000-01-01';

/**
 * One record of every stored kind with every field present, nested ones included. Typed
 * `Required<…>`, so a field added to a record's interface cannot compile until it is added here,
 * and then schema.test.ts fails until the field sets of a new schema version are frozen. Fields
 * that may be empty hold a value here too, so that the kind of value they take is known.
 */
export const FULL_SHAPES = {
	customers: { ...newCustomer('id'), tolerances: { ...ZERO_TOLERANCES }, otherNames: ['Other'] } satisfies Required<RecordOf['customers']>,
	sites: newSite('id', 'c') satisfies Required<RecordOf['sites']>,
	workOrders: { ...newWorkOrder('id', 'WO-1', 'c', DAY), siteId: 's', scheduledStart: DAY, scheduledEnd: DAY, nteCents: 0, signedOffOn: DAY, completedOn: DAY } satisfies Required<RecordOf['workOrders']>,
	tasks: { ...newTask('id', 'w', 'T1'), poLineNo: 1 } satisfies Required<RecordOf['tasks']>,
	changeOrders: { ...newChangeOrder('id', 'w', 'CO-1'), approvedOn: DAY } satisfies Required<RecordOf['changeOrders']>,
	purchaseOrders: { ...newPurchaseOrder('id', 'c', '1', DAY), blanketLimitCents: 0 } satisfies Required<RecordOf['purchaseOrders']>,
	poLines: { ...newPoLine('id', 'p', 1), needBy: DAY } satisfies Required<RecordOf['poLines']>,
	invoices: newInvoice('id', 'INV-1', 'c', DAY, 'Net 30') satisfies Required<RecordOf['invoices']>,
	invoiceLines: { ...newInvoiceLine('id', 'i', 1), poLineNo: 1 } satisfies Required<RecordOf['invoiceLines']>,
	settings: { ...defaultSettings(), lastBackupOn: DAY } satisfies Required<RecordOf['settings']>,
	mappings: { id: 'id', customerId: 'c', kind: 'po', headerSignature: '', mapping: {}, options: { decimal: '.', dateOrder: 'mdy' } } satisfies Required<ColumnMapping>,
	attachments: { id: 'id', workOrderId: 'w', name: '', type: '', addedOn: DAY, base64: '' } satisfies Required<BackedUpAttachment>,
	poRevisions: { id: 'id', poId: 'p', revision: 1, appliedOn: DAY, summary: '' } satisfies Required<PoRevision>,
	history: { id: 'id', change: 'c', at: DAY, cause: { kind: 'edit', file: '', label: '' }, undoes: '', total: 1, keys: ['customers:id'], lookup: ['customers:id'], updated: [], deleted: [] } satisfies Required<HistoryRow>
} as const satisfies Record<StoredKind, object>;

/** Fields that may be absent from a stored record (older records were saved without them). */
export const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['mappings.options']);

/** Fields whose value is a free-form map (column → field), not a record of fixed fields. */
const FREE_MAPS: ReadonlySet<string> = new Set(['mappings.mapping']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Blob);

/** Every field path of `x` ("business.legalName"), sorted: what the schema freeze compares. */
export function fieldPaths(kind: StoredKind, x: object, prefix = ''): string[] {
	const out: string[] = [];
	for (const [k, v] of Object.entries(x)) {
		const path = prefix ? `${prefix}.${k}` : k;
		out.push(path);
		if (isPlainObject(v) && !FREE_MAPS.has(`${kind}.${path}`)) out.push(...fieldPaths(kind, v, path));
	}
	return out.sort();
}

/**
 * How a stored record differs in its fields from today's shape: fields it lacks (except optional
 * ones, and the insides of an object field it holds as null) and fields Tieout does not keep.
 */
export function fieldDifferences(kind: StoredKind, record: object): { missing: string[]; unknown: string[] } {
	const want = fieldPaths(kind, FULL_SHAPES[kind]);
	const have = new Set(fieldPaths(kind, record));
	const wanted = new Set(want);
	const parentPresent = (path: string) => {
		const dot = path.lastIndexOf('.');
		return dot < 0 || have.has(path.slice(0, dot)) && isPlainObject(valueAt(record, path.slice(0, dot)));
	};
	return {
		missing: want.filter((p) => !have.has(p) && !OPTIONAL_FIELDS.has(`${kind}.${p}`) && parentPresent(p)),
		unknown: [...have].filter((p) => !wanted.has(p))
	};
}

function valueAt(x: object, path: string): unknown {
	return path.split('.').reduce<unknown>((v, k) => (isPlainObject(v) ? v[k] : undefined), x);
}

/** New records as the app makes them: a field is nullable where a new record starts out null. */
export const NEW_RECORDS: Record<StoredKind, object> = {
	...FULL_SHAPES,
	customers: newCustomer('id'),
	workOrders: newWorkOrder('id', 'WO-1', 'c', DAY),
	tasks: newTask('id', 'w', 'T1'),
	changeOrders: newChangeOrder('id', 'w', 'CO-1'),
	purchaseOrders: newPurchaseOrder('id', 'c', '1', DAY),
	poLines: newPoLine('id', 'p', 1),
	invoiceLines: newInvoiceLine('id', 'i', 1),
	settings: defaultSettings()
};

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'object' : typeof v);

/**
 * Each field of `record` that holds the wrong kind of value ("holds text where a number
 * belongs"), or nothing where a value is needed: a field is nullable where a new record of its
 * kind starts out null. Missing and unknown fields are `fieldDifferences`' business.
 */
export function kindProblems(kind: StoredKind, record: Record<string, unknown>): string[] {
	const out: string[] = [];
	const walk = (shape: Record<string, unknown>, defaults: Record<string, unknown> | undefined, rec: Record<string, unknown>, prefix: string) => {
		for (const [field, model] of Object.entries(shape)) {
			if (!(field in rec)) continue;
			const path = prefix + field;
			const value = rec[field];
			if (value === null) {
				if (defaults?.[field] !== null) out.push(`the field "${path}" is empty`);
			} else if (kindOf(value) !== kindOf(model)) {
				out.push(`the field "${path}" holds ${KIND_WORD[kindOf(value)]} where ${KIND_WORD[kindOf(model)]} belongs`);
			} else if (isPlainObject(model) && isPlainObject(value)) {
				if (FREE_MAPS.has(`${kind}.${path}`)) {
					if (Object.values(value).some((v) => typeof v !== 'string')) out.push(`the field "${path}" holds something other than text`);
				} else walk(model, isPlainObject(defaults?.[field]) ? (defaults[field] as Record<string, unknown>) : undefined, value, `${path}.`);
			}
		}
	};
	walk(FULL_SHAPES[kind] as Record<string, unknown>, NEW_RECORDS[kind] as Record<string, unknown>, record, '');
	return out;
}

const KIND_WORD: Record<string, string> = { null: 'nothing', list: 'a list', object: 'a group of fields', string: 'text', number: 'a number', boolean: 'yes/no', undefined: 'nothing' };

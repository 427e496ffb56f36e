import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as b from '$lib/testing/builders';
import {
	BUSINESS_FIELDS,
	CHANGE_ORDER_FIELDS,
	CUSTOMER_FIELDS,
	INVOICE_FIELDS,
	INVOICE_LINE_FIELDS,
	LOGO_MAX_CHARS,
	PO_LINE_FIELDS,
	PURCHASE_ORDER_FIELDS,
	SETTINGS_FIELDS,
	SITE_FIELDS,
	TASK_FIELDS,
	TEXT_LIMITS,
	WORK_ORDER_FIELDS,
	type FieldRule,
	type TextKind
} from './limits';
import type { Problem } from './result';
import {
	validateChangeOrder,
	validateCustomer,
	validateInvoice,
	validateInvoiceLine,
	validatePoLine,
	validatePurchaseOrder,
	validateSettings,
	validateSite,
	validateTask,
	validateWorkOrder
} from './validate';

/** The sentence for each kind, written out as the person reads it. */
const SENTENCES: Record<TextKind, [string, string]> = {
	identifier: ['Unit is 65 characters; the most is 64', 'Unit'],
	name: ['Buyer is 201 characters; the most is 200', 'Buyer'],
	address: ['Street is 501 characters; the most is 500', 'Street'],
	description: ['Description is 2,001 characters; the most is 2,000', 'Description'],
	note: ['Notes is 10,001 characters; the most is 10,000', 'Notes']
};

/** Text of exactly `n` characters that the field's other rules accept (terms must parse, an email must look like one). */
function textOf(field: string, n: number): string {
	if (/terms$/i.test(field)) return 'Net 30'.padEnd(n, ' ');
	if (/email$/i.test(field)) return '@b.co'.padStart(n, 'a');
	return 'x'.repeat(n);
}

type Kind<T> = { name: string; make: () => T; validate: (x: T) => Problem[]; rules: Record<string, FieldRule>; prefix?: string; nest?: (x: T, field: string, v: unknown) => T };

const set = <T>(x: T, field: string, v: unknown): T => ({ ...x, [field]: v });
const KINDS: Kind<never>[] = [
	{ name: 'customer', make: b.customer, validate: validateCustomer, rules: CUSTOMER_FIELDS },
	{ name: 'site', make: b.site, validate: validateSite, rules: SITE_FIELDS },
	{ name: 'work order', make: b.workOrder, validate: validateWorkOrder, rules: WORK_ORDER_FIELDS },
	{ name: 'task', make: () => b.task({ extra: true }), validate: validateTask, rules: TASK_FIELDS },
	{ name: 'change order', make: b.changeOrder, validate: validateChangeOrder, rules: CHANGE_ORDER_FIELDS },
	{ name: 'purchase order', make: b.purchaseOrder, validate: validatePurchaseOrder, rules: PURCHASE_ORDER_FIELDS },
	{ name: 'PO line', make: b.poLine, validate: validatePoLine, rules: PO_LINE_FIELDS },
	{ name: 'invoice', make: b.invoice, validate: validateInvoice, rules: INVOICE_FIELDS },
	{ name: 'invoice line', make: b.invoiceLine, validate: validateInvoiceLine, rules: INVOICE_LINE_FIELDS },
	{ name: 'settings', make: b.settings, validate: validateSettings, rules: SETTINGS_FIELDS },
	{
		name: 'business profile',
		make: b.settings,
		validate: validateSettings,
		rules: BUSINESS_FIELDS,
		prefix: 'business.',
		nest: (s: never, field: string, v: unknown) => ({ ...(s as object), business: { ...(s as { business: object }).business, [field]: v } }) as never
	}
] as never;

describe('every text field is held to the limit of its kind', () => {
	for (const kind of KINDS) {
		const texts = Object.entries(kind.rules).filter((e): e is [string, { kind: TextKind; label: string }] => typeof e[1] === 'object');
		for (const [field, rule] of texts) {
			it(`${kind.name} ${field}: ${TEXT_LIMITS[rule.kind]} characters (${rule.kind}) accepted, one more refused with the sentence`, () => {
				const max = TEXT_LIMITS[rule.kind];
				const put = (v: string) => {
					const value = Array.isArray((kind.make() as Record<string, unknown>)[field]) ? [v] : v;
					return (kind.nest ?? set)(kind.make(), field, value);
				};
				const on = (x: never) => kind.validate(x).filter((p) => p.field === (kind.prefix ?? '') + field);
				expect(on(put(textOf(field, max)))).toEqual([]);
				const over = on(put(textOf(field, max + 1)));
				expect(over).toHaveLength(1);
				const label = Array.isArray((kind.make() as Record<string, unknown>)[field]) ? `One of the ${rule.label.toLowerCase()}s` : rule.label;
				expect(over[0]!.message).toBe(`${label} is ${(max + 1).toLocaleString('en-US')} characters; the most is ${max.toLocaleString('en-US')}`);
			});
		}
	}

	it('says each kind as a sentence naming the field, the length given and the limit', () => {
		expect(validateTask(b.task({ unit: 'x'.repeat(65) })).map((p) => p.message)).toContain(SENTENCES.identifier[0]);
		expect(validatePurchaseOrder(b.purchaseOrder({ buyer: 'x'.repeat(201) })).map((p) => p.message)).toEqual([SENTENCES.name[0]]);
		expect(validateSite(b.site({ street: 'x'.repeat(501) })).map((p) => p.message)).toEqual([SENTENCES.address[0]]);
		expect(validatePoLine(b.poLine({ description: 'x'.repeat(2001) })).map((p) => p.message)).toEqual([SENTENCES.description[0]]);
		expect(validateInvoice(b.invoice({ notes: 'x'.repeat(10_001) })).map((p) => p.message)).toEqual([SENTENCES.note[0]]);
		expect(validatePoLine(b.poLine({ description: 'x'.repeat(2345) })).map((p) => p.message)).toEqual(['Description is 2,345 characters; the most is 2,000']);
	});

	it('names an over-long field of a record stored before limits existed, whichever field an edit changed', () => {
		const stored = b.workOrder({ completionNotes: 'n'.repeat(12_000) });
		const edited = { ...stored, assignedTo: 'Dana' };
		expect(validateWorkOrder(edited)).toEqual([{ field: 'completionNotes', message: 'Completion notes is 12,000 characters; the most is 10,000' }]);
	});

	it('quotes no more than the start of a huge value in any message (regression: a 50 MB value made a 50 MB message)', () => {
		const huge = 'W'.repeat(5_000_000);
		const problems = [
			...validateWorkOrder(b.workOrder({ number: `${huge}!`, openedOn: huge, customerId: huge })),
			...validateInvoice(b.invoice({ number: `${huge} `, terms: huge })),
			...validateCustomer(b.customer({ apEmail: huge, defaultTerms: huge })),
			...validateSettings({ ...b.settings(), invoicePrefix: `${huge}?` })
		];
		expect(problems.length).toBeGreaterThan(5);
		for (const p of problems) expect(p.message.length, p.message.slice(0, 80)).toBeLessThan(200);
		expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['number', 'openedOn', 'customerId', 'terms', 'apEmail', 'defaultTerms', 'invoicePrefix']));
	});

	it('refuses a logo over its byte cap, and takes one at it', () => {
		const at = `data:image/png;base64,${'A'.repeat(LOGO_MAX_CHARS - 'data:image/png;base64,'.length)}`;
		const s = b.settings();
		expect(validateSettings({ ...s, business: { ...s.business, logoDataUrl: at } })).toEqual([]);
		const over = validateSettings({ ...s, business: { ...s.business, logoDataUrl: `${at}AAAA` } });
		expect(over).toEqual([{ field: 'business.logoDataUrl', message: expect.stringMatching(/^The logo is about \d+ kB; the most is 300 kB$/) }]);
	});

	it('gives every field kind its documented limit', () => {
		expect(TEXT_LIMITS).toEqual({ identifier: 64, name: 200, address: 500, description: 2000, note: 10000 });
	});

	it('docs/field-limits.md lists every text field with its kind and limit', () => {
		const doc = readFileSync(new URL('../../../docs/field-limits.md', import.meta.url), 'utf8');
		for (const kind of KINDS) {
			for (const [field, rule] of Object.entries(kind.rules)) {
				if (typeof rule !== 'object') continue;
				expect(doc, `${kind.name} ${field}`).toContain(`| \`${field}\` | ${rule.label} | ${rule.kind} | ${TEXT_LIMITS[rule.kind].toLocaleString('en-US')} |`);
			}
		}
	});
});

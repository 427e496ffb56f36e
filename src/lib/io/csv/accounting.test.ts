import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { addDays } from '../../domain/dates';
import { parseMoney } from '../../domain/money';
import { lineAmount, parseQuantity } from '../../domain/quantity';
import { invoiceTotals } from '../../domain/totals';
import { newCustomer, newInvoice, newInvoiceLine } from '../../domain/factories';
import { defaultSettings, INVOICE_LINE_KINDS, type Invoice, type InvoiceLine } from '../../domain/records';
import { toQuickBooksCsv, toXeroCsv, XERO_MAX_INVOICES, type AccountingExport, type AccountingExportInput } from './accounting';
import { xeroAddress } from './accounting-xero';

const parseRows = (result: AccountingExport): string[][] => {
	if (!result.ok) throw new Error(`export refused: ${result.problems.map((p) => p.message).join(' | ')}`);
	return Papa.parse<string[]>(result.csv, { delimiter: ',', skipEmptyLines: true }).data;
};

const acme = newCustomer('c1', { name: 'Acme Facilities', apEmail: 'ap@acme.test', billingStreet: '100 Main St\nSuite 4', billingCity: 'Dayton', billingRegion: 'OH', billingPostalCode: '45402', billingCountry: 'USA' });
const beta = newCustomer('c2', { name: 'Beta Corp', billingStreet: 'PO Box 9' });

const inv1 = newInvoice('i1', 'INV-1001', 'c1', '2027-01-15', '2/10 Net 30', { poNumber: '4500012345', workOrderNumbers: ['WO-18472'], status: 'sent' });
const inv2 = newInvoice('i2', 'INV-1002', 'c2', '2027-02-01', '', { notes: '=HYPERLINK("x")' });
const lines: InvoiceLine[] = [
	newInvoiceLine('l2', 'i1', 2, { kind: 'material', description: 'Filter, 20x25', qtyMilli: 2000, rateCents: 1250, poLineNo: 2, buyerItemCode: 'FLT-2025' }),
	newInvoiceLine('l1', 'i1', 1, { kind: 'labor', description: 'Replace compressor', qtyMilli: 1500, rateCents: 9500, poLineNo: 1, buyerItemCode: 'LAB-HVAC' }),
	newInvoiceLine('l3', 'i1', 3, { kind: 'tax', description: 'Sales tax 8.25%', qtyMilli: 1000, rateCents: 1382 }),
	newInvoiceLine('l4', 'i2', 1, { kind: 'fee', description: 'Trip charge', qtyMilli: 1000, rateCents: 7500 }),
	newInvoiceLine('l5', 'i2', 2, { kind: 'discount', description: '', qtyMilli: 1000, rateCents: -500 }),
	newInvoiceLine('lx', 'other', 1, { description: 'not selected' })
];
const input = (x: Partial<AccountingExportInput> = {}): AccountingExportInput => ({
	invoices: [inv1, inv2],
	lines,
	customers: [acme, beta],
	settings: defaultSettings(),
	...x
});

const problems = (result: AccountingExport) => (result.ok ? [] : result.problems);

describe('QuickBooks Online invoice import CSV', () => {
	it('writes the template header exactly', () => {
		const result = toQuickBooksCsv(input());
		expect(result.ok && result.csv.split('\r\n')[0]).toBe(
			'*InvoiceNo,*Customer,*InvoiceDate,*DueDate,Terms,Location,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,*ItemAmount,Taxable,TaxRate,Service Date,P.O. Number'
		);
	});

	it('writes one row per line, cell by cell, lines in line-number order', () => {
		const result = toQuickBooksCsv(input());
		expect(result.ok && [result.invoiceCount, result.rowCount]).toEqual([2, 5]);
		const memo1 = 'PO 4500012345; Job WO-18472';
		expect(parseRows(result).slice(1)).toEqual([
			['INV-1001', 'Acme Facilities', '01/15/2027', '02/14/2027', '2/10 Net 30', '', memo1, 'Labor', 'Replace compressor (PO line 1, item LAB-HVAC)', '1.5', '95.00', '142.50', 'N', '', '', '4500012345'],
			['INV-1001', 'Acme Facilities', '01/15/2027', '02/14/2027', '2/10 Net 30', '', memo1, 'Materials', 'Filter, 20x25 (PO line 2, item FLT-2025)', '2', '12.50', '25.00', 'N', '', '', '4500012345'],
			['INV-1001', 'Acme Facilities', '01/15/2027', '02/14/2027', '2/10 Net 30', '', memo1, 'Sales Tax', 'Sales tax 8.25%', '1', '13.82', '13.82', 'N', '', '', '4500012345'],
			// Blank terms fall back to the settings' default; Feb 1 + 30 days is Mar 3 in 2027.
			['INV-1002', 'Beta Corp', '02/01/2027', '03/03/2027', 'Net 30', '', '\'=HYPERLINK("x")', 'Fee', 'Trip charge', '1', '75.00', '75.00', 'N', '', '', ''],
			['INV-1002', 'Beta Corp', '02/01/2027', '03/03/2027', 'Net 30', '', '\'=HYPERLINK("x")', 'Discount', 'Discount', '1', '-5.00', '-5.00', 'N', '', '', '']
		]);
	});

	it('books each kind to the product/service given', () => {
		const rows = parseRows(toQuickBooksCsv(input(), { itemByKind: { labor: 'Service:HVAC labor' } }));
		expect(rows.map((r) => r[7])).toEqual(['Item(Product/Service)', 'Service:HVAC labor', 'Materials', 'Sales Tax', 'Fee', 'Discount']);
	});

	it('refuses an invoice number longer than QuickBooks keeps', () => {
		const long = { ...inv1, number: 'INV-2027-0000000000001' };
		expect(problems(toQuickBooksCsv(input({ invoices: [long] })))).toEqual([
			{ invoiceNumber: 'INV-2027-0000000000001', message: 'Invoice INV-2027-0000000000001 has a number longer than QuickBooks allows (21 characters).' }
		]);
		expect(toXeroCsv(input({ invoices: [long] })).ok).toBe(true);
	});
});

describe('Xero sales invoice import CSV', () => {
	it('writes the template header exactly', () => {
		const result = toXeroCsv(input());
		expect(result.ok && result.csv.split('\r\n')[0]).toBe(
			'*ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,BrandingTheme'
		);
	});

	it('writes one row per line, cell by cell, with the PO and job in Reference', () => {
		const acmeCells = ['Acme Facilities', 'ap@acme.test', '100 Main St', 'Suite 4', '', '', 'Dayton', 'OH', '45402', 'USA', 'INV-1001', 'PO 4500012345; Job WO-18472', '01/15/2027', '02/14/2027', '', ''];
		const betaCells = ['Beta Corp', '', 'PO Box 9', '', '', '', '', '', '', '', 'INV-1002', '', '02/01/2027', '03/03/2027', '', ''];
		const tail = ['200', 'Tax Exempt', '', '', '', '', '', '', ''];
		expect(parseRows(toXeroCsv(input())).slice(1)).toEqual([
			[...acmeCells, 'Replace compressor (PO line 1, item LAB-HVAC)', '1.5', '95.00', '', ...tail],
			[...acmeCells, 'Filter, 20x25 (PO line 2, item FLT-2025)', '2', '12.50', '', ...tail],
			[...acmeCells, 'Sales tax 8.25%', '1', '13.82', '', ...tail],
			[...betaCells, 'Trip charge', '1', '75.00', '', ...tail],
			[...betaCells, 'Discount', '1', '-5.00', '', ...tail]
		]);
	});

	it('writes day-first dates, account codes, tax type and currency as chosen', () => {
		const rows = parseRows(toXeroCsv(input(), { dateOrder: 'dmy', accountCode: '4000', accountCodeByKind: { tax: '2200' }, taxType: 'No VAT', currency: 'USD' }));
		const row = (i: number) => rows[i]!;
		expect([row(1)[12], row(1)[13]]).toEqual(['15/01/2027', '14/02/2027']);
		expect(rows.slice(1).map((r) => r[20])).toEqual(['4000', '4000', '2200', '4000', '4000']);
		expect(new Set(rows.slice(1).map((r) => `${r[21]}|${r[27]}`))).toEqual(new Set(['No VAT|USD']));
	});

	it(`refuses more than ${XERO_MAX_INVOICES} invoices, saying how many were selected`, () => {
		const many: Invoice[] = Array.from({ length: 501 }, (_, i) => ({ ...inv2, id: `m${i}`, number: `M-${i}` }));
		const manyLines = many.map((inv) => newInvoiceLine(`ml${inv.id}`, inv.id, 1, { rateCents: 100 }));
		const result = toXeroCsv(input({ invoices: many, lines: manyLines }));
		expect(problems(result)).toEqual([
			{ invoiceNumber: null, message: 'Xero imports at most 500 invoices per file and 501 are selected: export them in batches of 500 or fewer.' }
		]);
		expect(toXeroCsv(input({ invoices: many.slice(0, 500), lines: manyLines })).ok).toBe(true);
		expect(toQuickBooksCsv(input({ invoices: many, lines: manyLines })).ok).toBe(true);
	});
});

describe('checks before either export', () => {
	const both = (x: Partial<AccountingExportInput>) => {
		const qb = problems(toQuickBooksCsv(input(x)));
		expect(problems(toXeroCsv(input(x)))).toEqual(qb);
		return qb;
	};

	it('refuses an empty selection', () => {
		expect(both({ invoices: [] })).toEqual([{ invoiceNumber: null, message: 'No invoices are selected.' }]);
	});

	it('refuses an invoice number selected twice, however it is spaced', () => {
		const twin = { ...inv2, id: 'i3', number: ' INV-1001 ' };
		expect(both({ invoices: [inv1, twin], lines: [...lines, newInvoiceLine('l9', 'i3', 1, { rateCents: 100 })] })).toEqual([
			{ invoiceNumber: 'INV-1001', message: 'Invoice number INV-1001 is selected 2 times; each invoice number must be unique in the file.' }
		]);
	});

	it('refuses an invoice without lines, naming it', () => {
		expect(both({ lines: lines.filter((l) => l.invoiceId !== 'i2') })).toEqual([{ invoiceNumber: 'INV-1002', message: 'Invoice INV-1002 has no lines.' }]);
	});

	it('refuses a void invoice rather than quietly leaving it out', () => {
		expect(both({ invoices: [inv1, { ...inv2, status: 'void' }] })).toEqual([
			{ invoiceNumber: 'INV-1002', message: 'Invoice INV-1002 is void: leave it out of the selection (a void invoice is not imported into accounting).' }
		]);
	});

	it('refuses a missing or nameless customer', () => {
		expect(both({ customers: [beta] })).toEqual([{ invoiceNumber: 'INV-1001', message: 'Invoice INV-1001 has no customer (its customer record was not found).' }]);
		expect(both({ customers: [acme, { ...beta, name: '  ' }] })).toEqual([{ invoiceNumber: 'INV-1002', message: 'Invoice INV-1002 has a customer with no name.' }]);
	});

	it('refuses terms that give no due date, and a blank invoice number', () => {
		expect(both({ invoices: [{ ...inv1, terms: 'whenever' }] })).toEqual([
			{ invoiceNumber: 'INV-1001', message: 'Invoice INV-1001 has terms "whenever" that give no due date (e.g. "Net 30", "2/10 Net 30", "Due on receipt").' }
		]);
		expect(both({ invoices: [inv1, { ...inv2, number: ' ' }] })).toEqual([{ invoiceNumber: null, message: 'The invoice in position 2 of the selection has no invoice number.' }]);
	});

	it('refuses an invoice whose total is below zero (a credit note, not an invoice)', () => {
		const credit = [newInvoiceLine('c1', 'i2', 1, { kind: 'discount', rateCents: -100 })];
		expect(both({ invoices: [inv2], lines: credit })).toEqual([
			{ invoiceNumber: 'INV-1002', message: 'Invoice INV-1002 totals -1.00, below zero: enter it in the accounting system as a credit note instead.' }
		]);
	});

	it('lists every problem at once, not just the first', () => {
		expect(both({ invoices: [{ ...inv1, status: 'void' }, inv2], customers: [acme] }).map((p) => p.invoiceNumber)).toEqual(['INV-1001', 'INV-1002']);
	});
});

describe('xeroAddress', () => {
	it('puts each part in its own column, the street in the address lines', () => {
		expect(xeroAddress({ street: 'Accounts Payable\r\n500 Summit Ridge Dr', city: 'Akron', region: 'OH', postalCode: '44333', country: 'USA' })).toEqual(['Accounts Payable', '500 Summit Ridge Dr', '', '', 'Akron', 'OH', '44333', 'USA']);
	});

	it('folds street lines beyond the fourth into it, dropping none', () => {
		expect(xeroAddress({ street: 'a\nb\n\nc\nd\ne', city: 'London', region: '', postalCode: 'SW1A 1AA', country: 'UK' })).toEqual(['a', 'b', 'c', 'd, e', 'London', '', 'SW1A 1AA', 'UK']);
		expect(xeroAddress({ street: '', city: '', region: '', postalCode: '', country: '' })).toEqual(['', '', '', '', '', '', '', '']);
	});
});

describe('bookkeeping settings', () => {
	const booked = () => {
		const s = defaultSettings();
		s.accounting.xeroAccount.labor = '4100';
		s.accounting.xeroAccount.tax = '2200';
		s.accounting.xeroTaxType.material = 'Tax on Sales';
		s.accounting.quickBooksItem.labor = 'Services:HVAC labor';
		return s;
	};

	it('Xero books each kind of line to its account code and tax type from Settings', () => {
		const rows = parseRows(toXeroCsv(input({ settings: booked() }))).slice(1);
		expect(rows.map((r) => [r[16], r[20], r[21]])).toEqual([
			['Replace compressor (PO line 1, item LAB-HVAC)', '4100', 'Tax Exempt'],
			['Filter, 20x25 (PO line 2, item FLT-2025)', '200', 'Tax on Sales'],
			['Sales tax 8.25%', '2200', 'Tax Exempt'],
			['Trip charge', '200', 'Tax Exempt'],
			['Discount', '200', 'Tax Exempt']
		]);
	});

	it("QuickBooks books each kind to its product/service from Settings, and dates each line's service by its job's completion", () => {
		const withJobs = lines.map((l) => (l.invoiceId === 'i1' && l.kind !== 'tax' ? { ...l, woNumber: 'WO-18472' } : l));
		const rows = parseRows(toQuickBooksCsv(input({ settings: booked(), lines: withJobs, workOrders: [{ number: 'WO-18472', completedOn: '2027-01-12' }] }))).slice(1);
		expect(rows.map((r) => [r[7], r[14]])).toEqual([
			['Services:HVAC labor', '01/12/2027'],
			['Materials', '01/12/2027'],
			['Sales Tax', ''],
			['Fee', ''],
			['Discount', '']
		]);
		// A job that records only its sign-off is dated by it.
		const signedOnly = parseRows(toQuickBooksCsv(input({ lines: withJobs, workOrders: [{ number: 'WO-18472', completedOn: null, signedOffOn: '2027-01-13' }] }))).slice(1);
		expect(signedOnly.map((r) => r[14])).toEqual(['01/13/2027', '01/13/2027', '', '', '']);
	});

	it('puts the buyer’s PO number in its own last column, for the P.O. Number custom field, on every row of the invoice', () => {
		const rows = parseRows(toQuickBooksCsv(input())).slice(1);
		expect(rows.map((r) => [r[0], r[15]])).toEqual([
			['INV-1001', '4500012345'],
			['INV-1001', '4500012345'],
			['INV-1001', '4500012345'],
			['INV-1002', ''],
			['INV-1002', '']
		]);
	});
});

/** Random selections with hostile text: formula triggers, quotes, commas, line breaks in every field. */
const hostileText = fc.oneof(fc.string(), fc.constantFrom('=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx', 'a,"b"\nc'));
const selection = fc
	.uniqueArray(fc.string({ minLength: 1, maxLength: 21 }).filter((s) => s.trim() !== ''), { minLength: 1, maxLength: 6, selector: (s) => s.trim() })
	.chain((numbers) =>
		fc.record({
			invoices: fc.tuple(
				...numbers.map((number, i) =>
					fc.record({
						number: fc.constant(number),
						day: fc.integer({ min: 0, max: 3000 }),
						terms: fc.constantFrom('Net 30', '2/10 Net 30', 'Due on receipt', '', 'N45'),
						poNumber: hostileText,
						notes: hostileText,
						customer: fc.constant(`c${i}`)
					})
				)
			),
			names: fc.array(hostileText.filter((s) => s.trim() !== ''), { minLength: numbers.length, maxLength: numbers.length }),
			lines: fc.array(
				fc.record({
					invoice: fc.nat({ max: numbers.length - 1 }),
					kind: fc.constantFrom(...INVOICE_LINE_KINDS),
					qtyMilli: fc.integer({ min: 0, max: 10_000_000 }),
					rateCents: fc.integer({ min: -100_000, max: 10_000_000 }),
					description: hostileText,
					buyerItemCode: hostileText
				}),
				{ minLength: numbers.length, maxLength: 40 }
			)
		})
	)
	.map(({ invoices, names, lines }) => {
		const invs = invoices.map((x, i) =>
			newInvoice(`i${i}`, x.number, x.customer, addDays('2025-01-01', x.day), x.terms, { poNumber: x.poNumber, notes: x.notes, workOrderNumbers: ['WO-1'] })
		);
		// Every invoice gets at least its own line; the rest fall where the generator put them.
		const all = lines.map((l, j) => newInvoiceLine(`l${j}`, `i${j < invs.length ? j : l.invoice}`, j + 1, { ...l }));
		return input({ invoices: invs, lines: all, customers: names.map((name, i) => newCustomer(`c${i}`, { name, billingStreet: name, apEmail: name })) });
	});

const NUMERAL = /^-?\d+(\.\d{1,3})?$/;
const TRIGGER = /^[=+\-@\t\r]/;

describe('properties over random selections', () => {
	const targets = [
		{ name: 'QuickBooks', run: toQuickBooksCsv, numeric: [9, 10, 11], amount: (r: string[]) => parseMoney(r[11]!) },
		{
			name: 'Xero',
			run: toXeroCsv,
			numeric: [17, 18],
			// Xero's line amount is Quantity x UnitAmount, rounded to the cent as the workbook does.
			amount: (r: string[]) => {
				const q = parseQuantity(r[17]!);
				const p = parseMoney(r[18]!);
				return q.ok && p.ok ? { ok: true as const, value: lineAmount(q.value, p.value) } : { ok: false as const };
			}
		}
	];
	for (const t of targets) {
		it(`${t.name}: each invoice's line amounts add up to its invoiceTotals total, or it is refused as below zero`, () => {
			fc.assert(
				fc.property(selection, (sel) => {
					const byInvoice = sel.invoices.map((inv) => sel.lines.filter((l) => l.invoiceId === inv.id));
					const totals = byInvoice.map((ls) => invoiceTotals(ls).total);
					const result = t.run(sel);
					if (totals.some((x) => x < 0)) {
						expect(problems(result).length).toBe(totals.filter((x) => x < 0).length);
						return;
					}
					const rows = parseRows(result).slice(1);
					expect(rows.length).toBe(sel.lines.length);
					let at = 0;
					byInvoice.forEach((ls, i) => {
						const sum = rows.slice(at, at + ls.length).reduce((acc, r) => {
							const a = t.amount(r);
							if (!a.ok) throw new Error(`not an amount in ${JSON.stringify(r)}`);
							return acc + a.value;
						}, 0);
						expect(sum).toBe(totals[i]);
						at += ls.length;
					});
				})
			);
		});

		it(`${t.name}: no text cell starts with a formula trigger and every number is plain`, () => {
			fc.assert(
				fc.property(selection, (sel) => {
					const result = t.run(sel);
					if (!result.ok) return;
					for (const row of parseRows(result).slice(1)) {
						row.forEach((cell, c) => {
							if (t.numeric.includes(c)) expect(cell).toMatch(NUMERAL);
							else expect(TRIGGER.test(cell)).toBe(false);
						});
					}
				})
			);
		});
	}
});

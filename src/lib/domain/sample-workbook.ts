import { addDays, type LocalDate } from './dates';
import { customerAddressFields, parseAddress, remitAddressFields } from './addresses';
import {
	newChangeOrder,
	newCustomer,
	newInvoice,
	newInvoiceLine,
	newPoLine,
	newPurchaseOrder,
	newSite,
	newTask,
	newWorkOrder
} from './factories';
import { lineAmount } from './quantity';
import type {
	ChangeOrder,
	Customer,
	IdGen,
	Invoice,
	InvoiceLine,
	PoLine,
	PurchaseOrder,
	Settings,
	Site,
	Task,
	WorkOrder
} from './records';

export interface Workbook {
	customers: Customer[];
	sites: Site[];
	workOrders: WorkOrder[];
	tasks: Task[];
	changeOrders: ChangeOrder[];
	purchaseOrders: PurchaseOrder[];
	poLines: PoLine[];
	invoices: Invoice[];
	invoiceLines: InvoiceLine[];
}

type TaskSpec = [code: string, description: string, kind: Task['kind'], qty: number, unit: string, rateCents: number, item: string, poLine: number | null, extra?: Partial<Task>];
type LineSpec = [description: string, kind: InvoiceLine['kind'], qty: number, unit: string, rateCents: number, wo: string, task: string, poLine: number | null, item: string];

/**
 * A realistic month for a small HVAC/electrical contractor, dated relative to `today`.
 * It holds, on purpose, what AP rejects: a line with no ticket, quantity over a PO line across
 * invoices, a warranty job billed, an invoice with no PO for a customer that requires one, a job
 * over its NTE cap with an unapproved change order, and a rate that differs from the PO.
 */
export function sampleWorkbook(today: LocalDate, id: IdGen): Workbook {
	const d = (days: number) => addDays(today, days);
	const wb: Workbook = { customers: [], sites: [], workOrders: [], tasks: [], changeOrders: [], purchaseOrders: [], poLines: [], invoices: [], invoiceLines: [] };

	const mercy = newCustomer(id(), {
		name: 'Mercy General Hospital',
		...customerAddressFields(parseAddress('Accounts Payable, 1200 Mercy Way, Dayton, OH 45409')),
		apContact: 'Dana Whitfield',
		apEmail: 'ap@mercygeneral.example',
		requiresPo: true,
		defaultTerms: '2/10 Net 30',
		taxAllowed: false,
		freightAllowed: true
	});
	const harbor = newCustomer(id(), {
		name: 'Harbor Point Property Management LLC',
		...customerAddressFields(parseAddress('77 Harbor Point Blvd, Suite 400, Toledo, OH 43604')),
		apContact: 'Luis Ortega',
		apEmail: 'payables@harborpoint.example',
		defaultTerms: 'Net 30',
		taxAllowed: true,
		freightAllowed: false
	});
	const bayview = newCustomer(id(), {
		name: 'Bayview Retail Partners',
		...customerAddressFields(parseAddress('5 Commerce Park, Sandusky, OH 44870')),
		apContact: 'Amy Chen',
		apEmail: 'invoices@bayviewretail.example',
		defaultTerms: 'Net 15'
	});
	wb.customers.push(mercy, harbor, bayview);

	const dock = newSite(id(), mercy.id, { name: 'Main Hospital: Loading Dock / Chiller Plant', ...parseAddress('1200 Mercy Way, Dayton, OH 45409'), accessNotes: 'Badge at security desk B; escort required in plant room', costCenter: 'CC-4410' });
	const clinic = newSite(id(), mercy.id, { name: 'Mercy West Clinic', ...parseAddress('880 W Third St, Dayton, OH 45402'), accessNotes: 'Before 7 am only', costCenter: 'CC-4520' });
	const tower = newSite(id(), harbor.id, { name: 'Harbor Point Tower A', ...parseAddress('77 Harbor Point Blvd, Toledo, OH 43604'), accessNotes: 'Key from lobby concierge', costCenter: 'HP-A' });
	const store = newSite(id(), bayview.id, { name: 'Bayview Plaza Store #12', ...parseAddress('410 Lake Ave, Sandusky, OH 44870'), accessNotes: 'Rear door; alarm code from manager', costCenter: 'ST-12' });
	wb.sites.push(dock, clinic, tower, store);

	const po = (customer: Customer, number: string, x: Partial<PurchaseOrder>, lines: [string, string, number, string, number, string][]) => {
		const p = newPurchaseOrder(id(), customer.id, number, d(-40), x);
		wb.purchaseOrders.push(p);
		lines.forEach(([item, description, qty, unit, price, cc], i) => {
			const qtyMilli = qty * 1000;
			wb.poLines.push(newPoLine(id(), p.id, i + 1, { buyerItemCode: item, description, qtyMilli, unit, unitPriceCents: price, extendedCents: lineAmount(qtyMilli, price), costCenter: cc, needBy: d(20) }));
		});
		return p;
	};
	po(mercy, '884120', { buyer: 'J. Patel, Facilities Procurement', terms: '2/10 Net 30', freightAllowed: true, revision: 1 }, [
		['HVAC-LAB-STD', 'HVAC technician labor, standard time', 16, 'h', 12500, 'CC-4410'],
		['HVAC-LAB-OT', 'HVAC technician labor, overtime', 10, 'h', 18750, 'CC-4410'],
		['REF-R134A', 'Refrigerant R-134a', 60, 'lb', 1850, 'CC-4410'],
		['FLT-MERV13', 'Filter MERV 13, 24x24x2', 48, 'ea', 1425, 'CC-4410'],
		['PM-QTR', 'Quarterly preventive maintenance inspection', 4, 'ea', 65000, 'CC-4410'],
		['TRIP-CHG', 'Trip charge', 6, 'ea', 9500, 'CC-4410']
	]);
	po(harbor, '1001', { buyer: 'Harbor Point Purchasing', terms: 'Net 30', taxAllowed: true }, [
		['ELEC-LAB', 'Electrician labor', 40, 'h', 11000, 'HP-A'],
		['LED-2X4', 'LED troffer 2x4, 40 W', 20, 'ea', 8900, 'HP-A'],
		['DISP-FEE', 'Disposal of old fixtures', 1, 'lot', 15000, 'HP-A']
	]);
	po(bayview, '1001', { buyer: 'Bayview Store Ops', terms: 'Net 15', blanketLimitCents: 250000 }, [
		['PLB-LAB', 'Plumber labor', 12, 'h', 9800, 'ST-12'],
		['WH-50G', 'Water heater, 50 gal gas', 1, 'ea', 145000, 'ST-12'],
		['VLV-KIT', 'Valve and fitting kit', 2, 'ea', 6450, 'ST-12'],
		['PERMIT', 'Plumbing permit fee', 1, 'ea', 18500, 'ST-12']
	]);

	const wo = (number: string, customer: Customer, x: Partial<WorkOrder>, tasks: TaskSpec[]) => {
		const w = newWorkOrder(id(), number, customer.id, x.openedOn ?? d(-20), x);
		wb.workOrders.push(w);
		for (const [code, description, kind, qty, unit, rate, item, poLine, extra] of tasks) {
			wb.tasks.push(newTask(id(), w.id, code, { description, kind, qtyMilli: qty * 1000, unit, rateCents: rate, buyerItemCode: item, poLineNo: poLine, done: w.status !== 'open', ...extra }));
		}
		return w;
	};
	const signed = (by: string, on: LocalDate) => ({ signedOffBy: by, signedOffOn: on });

	wo('WO-18472', mercy, { siteId: dock.id, type: 'corrective', priority: 'high', status: 'invoiced', description: 'Chiller #2 startup after compressor replacement', asset: 'Chiller CH-2 (Trane RTAC)', poNumber: '884120', openedOn: d(-30), scheduledStart: d(-28), scheduledEnd: d(-27), assignedTo: 'R. Alvarez', safetyNotes: 'Lockout/tagout on CH-2 disconnect', ...signed('M. Greene, Plant Engineer', d(-27)) }, [
		['T1', 'Startup labor, standard time', 'labor', 16, 'h', 12500, 'HVAC-LAB-STD', 1],
		['T2', 'Refrigerant charge R-134a', 'material', 30, 'lb', 1850, 'REF-R134A', 3],
		['T3', 'Trip charge', 'fee', 1, 'ea', 9500, 'TRIP-CHG', 6]
	]);
	wo('WO-18473', mercy, { siteId: dock.id, type: 'preventive', status: 'complete', description: 'Quarterly PM, air handlers AHU-1..4', poNumber: '884120', openedOn: d(-14), scheduledStart: d(-10), scheduledEnd: d(-10), assignedTo: 'R. Alvarez', ...signed('M. Greene, Plant Engineer', d(-10)) }, [
		['T1', 'Quarterly PM inspection', 'fee', 1, 'ea', 65000, 'PM-QTR', 5],
		['T2', 'Replace filters MERV 13', 'material', 24, 'ea', 1425, 'FLT-MERV13', 4]
	]);
	const nte = wo('WO-18474', mercy, { siteId: dock.id, type: 'emergency', priority: 'urgent', status: 'complete', description: 'Emergency: chiller trip on high head pressure, after hours', poNumber: '884120', nteCents: 250000, openedOn: d(-12), scheduledStart: d(-12), scheduledEnd: d(-12), assignedTo: 'R. Alvarez, K. Osei', ...signed('Night supervisor T. Reyes', d(-12)) }, [
		['T1', 'Emergency labor, overtime', 'labor', 10, 'h', 18750, 'HVAC-LAB-OT', 2],
		['T2', 'Refrigerant top-up R-134a', 'material', 20, 'lb', 1850, 'REF-R134A', 3],
		['T3', 'Trip charge', 'fee', 1, 'ea', 9500, 'TRIP-CHG', 6],
		['T4', 'Condenser coil cleaning (added on site)', 'labor', 4, 'h', 12500, 'HVAC-LAB-STD', 1, { extra: true, changeOrderNumber: 'CO-1' }]
	]);
	wb.changeOrders.push(newChangeOrder(id(), nte.id, 'CO-1', { description: 'Clean condenser coils found fouled during emergency call', amountCents: 50000, status: 'pending' }));
	wo('WO-18475', mercy, { siteId: dock.id, type: 'warranty', status: 'complete', description: 'Warranty callback: CH-2 low oil pressure alarm', warrantyOf: 'WO-18472', poNumber: '884120', openedOn: d(-8), scheduledStart: d(-7), scheduledEnd: d(-7), assignedTo: 'R. Alvarez', ...signed('M. Greene, Plant Engineer', d(-7)) }, [
		['T1', 'Warranty labor: reset and test oil pressure switch', 'labor', 3, 'h', 0, 'HVAC-LAB-STD', 1]
	]);
	wo('WO-18476', mercy, { siteId: clinic.id, type: 'corrective', status: 'in_progress', description: 'Exam room 4 no heat; replace zone valve actuator', openedOn: d(-5), scheduledStart: d(-4), assignedTo: 'K. Osei' }, [
		['T1', 'Diagnostic and repair labor', 'labor', 5, 'h', 12500, 'HVAC-LAB-STD', null],
		['T2', 'Zone valve actuator', 'material', 1, 'ea', 21400, '', null]
	]);
	wo('WO-18477', harbor, { siteId: tower.id, type: 'internal', status: 'complete', description: 'Internal: pre-bid survey of Tower A lighting (not billable)', openedOn: d(-45), assignedTo: 'S. Novak' }, [
		['T1', 'Walk-through and fixture count', 'labor', 2, 'h', 0, '', null]
	]);
	wo('WO-18478', harbor, { siteId: tower.id, type: 'corrective', status: 'closed', description: 'Replace failed troffers, floors 3 and 4', poNumber: '1001', openedOn: d(-35), scheduledStart: d(-33), scheduledEnd: d(-32), assignedTo: 'S. Novak', ...signed('L. Ortega', d(-32)) }, [
		['T1', 'Electrician labor', 'labor', 8, 'h', 11000, 'ELEC-LAB', 1],
		['T2', 'LED troffer 2x4', 'material', 12, 'ea', 8900, 'LED-2X4', 2]
	]);
	wo('WO-18479', harbor, { siteId: tower.id, type: 'preventive', status: 'open', description: 'Annual emergency lighting test', poNumber: '1001', openedOn: d(-3), scheduledStart: d(10), scheduledEnd: d(10), assignedTo: 'S. Novak' }, [
		['T1', 'Emergency lighting test, 90 min', 'labor', 3, 'h', 11000, 'ELEC-LAB', 1]
	]);
	wo('WO-18480', harbor, { siteId: tower.id, type: 'corrective', status: 'cancelled', description: 'Flickering lobby lights (resolved by building staff)', openedOn: d(-25) }, []);
	wo('WO-18481', bayview, { siteId: store.id, type: 'corrective', priority: 'high', status: 'complete', description: 'Replace leaking 50 gal water heater', poNumber: '1001', openedOn: d(-9), scheduledStart: d(-6), scheduledEnd: d(-6), assignedTo: 'D. Park (Park Plumbing, sub)', ...signed('Store manager A. Chen', d(-6)) }, [
		['T1', 'Plumber labor', 'labor', 6, 'h', 9800, 'PLB-LAB', 1],
		['T2', 'Water heater 50 gal gas', 'material', 1, 'ea', 145000, 'WH-50G', 2],
		['T3', 'Valve and fitting kit', 'material', 2, 'ea', 6450, 'VLV-KIT', 3],
		['T4', 'Permit fee', 'fee', 1, 'ea', 18500, 'PERMIT', 4]
	]);
	wo('WO-18482', bayview, { siteId: store.id, type: 'preventive', status: 'open', description: 'Backflow preventer annual test', openedOn: d(-75), assignedTo: 'D. Park (Park Plumbing, sub)' }, [
		['T1', 'Backflow test and certificate', 'fee', 1, 'ea', 12500, '', null]
	]);
	wo('WO-18483', bayview, { siteId: store.id, type: 'emergency', status: 'in_progress', priority: 'urgent', description: 'Walk-in cooler door heater failed', openedOn: d(-1), scheduledStart: d(0), assignedTo: 'R. Alvarez' }, [
		['T1', 'Emergency labor', 'labor', 2, 'h', 14500, '', null]
	]);

	const inv = (number: string, customer: Customer, x: Partial<Invoice>, lines: LineSpec[]) => {
		const i = newInvoice(id(), number, customer.id, x.invoiceDate ?? d(-5), x.terms ?? customer.defaultTerms, x);
		wb.invoices.push(i);
		lines.forEach(([description, kind, qty, unit, rate, woNumber, taskCode, poLineNo, item], n) => {
			wb.invoiceLines.push(newInvoiceLine(id(), i.id, n + 1, { description, kind, qtyMilli: qty * 1000, unit, rateCents: rate, woNumber, taskCode, poLineNo, buyerItemCode: item }));
		});
	};
	inv('INV-1041', mercy, { status: 'sent', poNumber: '884120', workOrderNumbers: ['WO-18472'], invoiceDate: d(-25), history: [{ on: d(-25), what: 'sent', other: '' }] }, [
		['Startup labor, standard time', 'labor', 16, 'h', 12500, 'WO-18472', 'T1', 1, 'HVAC-LAB-STD'],
		['Refrigerant charge R-134a', 'material', 34, 'lb', 1850, 'WO-18472', 'T2', 3, 'REF-R134A'],
		['Trip charge', 'fee', 1, 'ea', 9500, 'WO-18472', 'T3', 6, 'TRIP-CHG'],
		['Scissor lift rental, 1 day', 'material', 1, 'day', 35000, '', '', null, ''],
		['Freight: refrigerant cylinders', 'freight', 1, 'ea', 4500, '', '', null, '']
	]);
	inv('INV-1042', harbor, { status: 'paid', poNumber: '1001', workOrderNumbers: ['WO-18478'], invoiceDate: d(-31), terms: 'Net 30', history: [{ on: d(-31), what: 'sent', other: '' }, { on: d(-2), what: 'paid', other: '' }] }, [
		['Electrician labor', 'labor', 8, 'h', 11000, 'WO-18478', 'T1', 1, 'ELEC-LAB'],
		['LED troffer 2x4', 'material', 12, 'ea', 8900, 'WO-18478', 'T2', 2, 'LED-2X4'],
		['Sales tax 7.25% on materials', 'tax', 1, 'ea', 7743, '', '', null, '']
	]);
	inv('INV-1043', mercy, { status: 'draft', poNumber: '884120', workOrderNumbers: ['WO-18474', 'WO-18475'], invoiceDate: d(-1), terms: 'Net 30' }, [
		['Emergency labor, overtime', 'labor', 10, 'h', 19500, 'WO-18474', 'T1', 2, 'HVAC-LAB-OT'],
		['Refrigerant top-up R-134a', 'material', 20, 'lb', 1850, 'WO-18474', 'T2', 3, 'REF-R134A'],
		['Trip charge', 'fee', 1, 'ea', 9500, 'WO-18474', 'T3', 6, 'TRIP-CHG'],
		['Condenser coil cleaning', 'labor', 4, 'h', 12500, 'WO-18474', 'T4', 1, 'HVAC-LAB-STD'],
		['Oil pressure switch reset and test', 'labor', 3, 'h', 12500, 'WO-18475', 'T1', 1, 'HVAC-LAB-STD']
	]);
	inv('INV-1044', mercy, { status: 'draft', poNumber: '', workOrderNumbers: ['WO-18476'], invoiceDate: d(0) }, [
		['Diagnostic and repair labor', 'labor', 5, 'h', 12500, 'WO-18476', 'T1', null, ''],
		['Zone valve actuator', 'material', 1, 'ea', 21400, 'WO-18476', 'T2', null, '']
	]);
	return wb;
}

/**
 * The sample contractor's business profile, so a newcomer's first invoice PDF has a sender.
 * A profile the person already filled in is kept; the invoice counter moves past the sample's
 * INV-1041..1044 so the next invoice made is not refused as a duplicate.
 */
export function sampleSettings(current: Settings): Settings {
	const business = current.business.legalName
		? current.business
		: {
				...current.business,
				legalName: 'Alvarez Mechanical & Electric LLC',
				...parseAddress('2150 Foundry Street, Suite 4\nSpringfield, IL 62703'),
				phone: '(217) 555-0148',
				email: 'billing@alvarez-mech.example',
				taxId: 'EIN 37-1234567',
				...remitAddressFields(parseAddress('Alvarez Mechanical & Electric LLC\nPO Box 8812\nSpringfield, IL 62791')),
				invoiceFooter: 'Thank you for your business. Please reference the invoice and PO numbers with your payment.'
			};
	return { ...current, business, nextInvoiceNo: Math.max(current.nextInvoiceNo, 1045) };
}

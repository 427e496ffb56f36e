/** Realistic inputs for the PDF tests: built from the sample workbook, plus big and awkward ones. */
import { customerForDoc, siteForDoc } from './doc-records';
import { deflateSync } from 'node:zlib';
import { newInvoice, newInvoiceLine } from '$lib/domain/factories';
import type { BusinessProfile, InvoiceLine } from '$lib/domain/records';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import type { InvoiceDocInput } from './invoice-layout';
import type { JobSheetDocInput } from './job-sheet-layout';
import type { Measure } from './model';

/** Helvetica-like widths without a PDF library: narrow for i/l, wide for capitals and digits. */
export const approxMeasure: Measure = (text, size, bold) => {
	let units = 0;
	for (const ch of text) {
		if ('il.,:;|!\'I '.includes(ch)) units += 0.28;
		else if (/[A-Z0-9$%&@#MW]/.test(ch)) units += 0.68;
		else units += 0.54;
	}
	return units * size * (bold ? 1.06 : 1);
};

export const TODAY = '2027-01-15';

export const business: BusinessProfile = {
	legalName: 'Alvarez Mechanical & Electric LLC',
	street: '418 Industrial Pkwy, Unit 6',
	city: 'Dayton',
	region: 'OH',
	postalCode: '45414',
	country: '',
	phone: '(937) 555-0142',
	email: 'billing@alvarezmech.example',
	taxId: '31-4829017',
	remitStreet: 'Alvarez Mechanical & Electric LLC\nPO Box 20931',
	remitCity: 'Dayton',
	remitRegion: 'OH',
	remitPostalCode: '45420',
	remitCountry: '',
	invoiceFooter: 'Thank you for your business. Please quote the invoice number and PO number with your payment. A finance charge of 1.5% per month applies to balances past due.',
	logoDataUrl: ''
};

function workbook() {
	let n = 0;
	return sampleWorkbook(TODAY, () => `id${++n}`);
}

/** An invoice from the sample workbook by number, with its customer and the sites of its jobs. */
export function sampleInvoiceInput(number = 'INV-1041', profile: BusinessProfile = business): InvoiceDocInput {
	const wb = workbook();
	const invoice = wb.invoices.find((i) => i.number === number)!;
	const customer = wb.customers.find((c) => c.id === invoice.customerId)!;
	const siteIds = new Set(wb.workOrders.filter((w) => invoice.workOrderNumbers.includes(w.number)).map((w) => w.siteId));
	return {
		invoice,
		lines: wb.invoiceLines.filter((l) => l.invoiceId === invoice.id),
		customer: customerForDoc(customer),
		sites: wb.sites.filter((s) => siteIds.has(s.id)).map(siteForDoc),
		business: profile
	};
}

const ITEMS = ['HVAC-LAB-STD', 'HVAC-LAB-OT', 'REF-R134A', 'FLT-MERV13', 'PM-QTR', 'TRIP-CHG'];
const WORDS = ['Replace', 'filter', 'bank', 'on', 'air', 'handler', 'AHU-3', 'and', 'record', 'static', 'pressure', 'across', 'coil', 'before', 'after', 'cleaning'];

/** An invoice of `count` lines, each with a distinct buyer item code; some descriptions run long. */
export function bigInvoiceInput(count: number, x: Partial<InvoiceDocInput['invoice']> = {}): InvoiceDocInput {
	const base = sampleInvoiceInput();
	const invoice = newInvoice('big', 'INV-2001', base.invoice.customerId, TODAY, '2/10 Net 30', { poNumber: '884120', workOrderNumbers: ['WO-18472', 'WO-18473'], ...x });
	const lines: InvoiceLine[] = [];
	for (let i = 1; i <= count; i++) {
		const words = WORDS.slice(0, 3 + ((i * 7) % (i % 9 === 0 ? WORDS.length - 3 : 6)));
		lines.push(
			newInvoiceLine(`l${i}`, invoice.id, i, {
				description: `${words.join(' ')} (${i})${i % 9 === 0 ? `, ${WORDS.join(' ')}` : ''}`,
				kind: i % 3 === 0 ? 'material' : 'labor',
				qtyMilli: 1000 + ((i * 250) % 8000),
				unit: i % 3 === 0 ? 'ea' : 'h',
				rateCents: 1850 + ((i * 1234) % 20000),
				woNumber: i % 2 === 0 ? 'WO-18472' : 'WO-18473',
				taskCode: `T${i}`,
				poLineNo: (i % 6) + 1,
				buyerItemCode: `${ITEMS[i % ITEMS.length]}-${String(i).padStart(4, '0')}`
			})
		);
	}
	return { ...base, invoice, lines };
}

/** The job sheet of a sample work order, with its tasks, change orders, customer and site. */
export function sampleJobSheetInput(number = 'WO-18474'): JobSheetDocInput {
	const wb = workbook();
	const workOrder = wb.workOrders.find((w) => w.number === number)!;
	return {
		workOrder,
		tasks: wb.tasks.filter((t) => t.workOrderId === workOrder.id),
		changeOrders: wb.changeOrders.filter((c) => c.workOrderId === workOrder.id),
		customer: wb.customers.find((c) => c.id === workOrder.customerId)!,
		site: ((s) => (s ? siteForDoc(s) : null))(wb.sites.find((s) => s.id === workOrder.siteId)),
		business,
		photos: []
	};
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	body.copy(out, 4);
	out.writeUInt32BE(crc32(body), 8 + data.length);
	return out;
}

/** A small RGB PNG logo (a navy badge with a light bar), `width` x `height` pixels, as a data URL. */
export function logoDataUrl(width = 180, height = 60): string {
	const raw = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		raw[y * (width * 3 + 1)] = 0;
		for (let x = 0; x < width; x++) {
			const o = y * (width * 3 + 1) + 1 + x * 3;
			const inBadge = x < height;
			const bar = y > height * 0.42 && y < height * 0.58 && x > height * 0.2 && x < height * 0.8;
			const stripe = !inBadge && y > height * 0.3 && y < height * 0.7 && x > height + 8 && (x - height) % 18 < 12;
			const [r, g, b] = bar ? [240, 200, 60] : inBadge ? [20, 50, 110] : stripe ? [60, 90, 150] : [255, 255, 255];
			raw[o] = r;
			raw[o + 1] = g;
			raw[o + 2] = b;
		}
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8;
	ihdr[9] = 2;
	const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
	return `data:image/png;base64,${png.toString('base64')}`;
}

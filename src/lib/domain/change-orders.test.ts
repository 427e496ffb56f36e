import { describe, expect, it } from 'vitest';
import { reason, value } from '$lib/testing/outcome';
import { addChangeOrder, approveChangeOrder, billableCap, changeOrderEditRefusal, rejectChangeOrder, reopenChangeOrder, tasksUnder, underChangeOrder } from './change-orders';
import { changeOrder, task, workOrder } from '$lib/testing/builders';
import type { ChangeOrder } from './records';

const TODAY = '2027-01-15';
const pending = (x: Partial<ChangeOrder> = {}) => changeOrder({ workOrderId: 'wo-a', number: 'CO-2', status: 'pending', approvedBy: '', approvedOn: null, ...x });
const by = { by: '  M. Buyer ', on: '2027-01-14' };


describe('approveChangeOrder and rejectChangeOrder', () => {
	it('approves a pending change order with who and when', () => {
		expect(value(approveChangeOrder(pending(), by, TODAY))).toMatchObject({ status: 'approved', approvedBy: 'M. Buyer', approvedOn: '2027-01-14' });
	});

	it('rejects a pending change order, recording who and when', () => {
		expect(value(rejectChangeOrder(pending(), by, TODAY))).toMatchObject({ status: 'rejected', approvedBy: 'M. Buyer', approvedOn: '2027-01-14' });
	});

	it('refuses a decision without a name or date, naming both', () => {
		expect(reason(approveChangeOrder(pending(), { by: ' ', on: null }, TODAY))).toBe('Say who approved change order CO-2. Give the date it was approved.');
		expect(reason(rejectChangeOrder(pending(), { by: '', on: TODAY }, TODAY))).toBe('Say who rejected change order CO-2.');
	});

	it('refuses a decision dated in the future or not a date', () => {
		expect(reason(approveChangeOrder(pending(), { by: 'M. Buyer', on: '2027-01-16' }, TODAY))).toBe('Jan 16, 2027 is in the future (today is Jan 15, 2027).');
		expect(reason(approveChangeOrder(pending(), { by: 'M. Buyer', on: '01/14/2027' }, TODAY))).toBe('"01/14/2027" is not a date.');
	});

	it('refuses approving a rejected change order until it is reopened', () => {
		const rejected = value(rejectChangeOrder(pending(), by, TODAY));
		expect(reason(approveChangeOrder(rejected, by, TODAY))).toBe('Change order CO-2 was rejected by M. Buyer on Jan 14, 2027; reopen it before you approve it.');
		const reopened = value(reopenChangeOrder(rejected));
		expect(reopened).toMatchObject({ status: 'pending', approvedBy: '', approvedOn: null });
		expect(value(approveChangeOrder(reopened, by, TODAY)).status).toBe('approved');
	});

	it('refuses rejecting an approved change order, and deciding twice', () => {
		const approved = pending({ status: 'approved', approvedBy: 'M. Buyer', approvedOn: '2027-01-14' });
		expect(reason(rejectChangeOrder(approved, by, TODAY))).toMatch(/^Change order CO-2 was approved by M. Buyer on Jan 14, 2027; reopen it before you reject it\.$/);
		expect(reason(approveChangeOrder(approved, by, TODAY))).toBe('Change order CO-2 is already approved by M. Buyer on Jan 14, 2027.');
	});
});

describe('reopenChangeOrder', () => {
	it('warns that extra work under a reopened approval is no longer approved', () => {
		const r = reopenChangeOrder(pending({ status: 'approved', approvedBy: 'M. Buyer', approvedOn: '2027-01-14' }));
		expect(r.ok && r.warnings).toEqual(['Extra tasks under CO-2 are no longer approved until it is approved again.']);
	});

	it('refuses a pending one', () => {
		expect(reason(reopenChangeOrder(pending()))).toBe('Change order CO-2 is already pending.');
	});
});

describe('addChangeOrder', () => {
	const wo = workOrder({ id: 'wo-a', number: 'WO-18472', status: 'in_progress' });
	let n = 0;
	const idGen = () => `id-${++n}`;

	it('numbers after the job’s own change orders, pending', () => {
		const existing = [pending({ number: 'CO-1' }), pending({ number: 'CO-2' }), pending({ workOrderId: 'wo-b', number: 'CO-7' })];
		const co = value(addChangeOrder(wo, existing, idGen, { description: 'Crane lift', amountCents: 85_000 }));
		expect(co).toMatchObject({ workOrderId: 'wo-a', number: 'CO-3', status: 'pending', description: 'Crane lift', amountCents: 85_000 });
		expect(value(addChangeOrder(wo, [], idGen)).number).toBe('CO-1');
	});

	it.each(['invoiced', 'closed', 'cancelled'] as const)('refuses a job that is %s', (status) => {
		expect(reason(addChangeOrder({ ...wo, status }, [], idGen))).toMatch(/^WO-18472 is \w+; a change order cannot be added to it\.$/);
	});
});

describe('billableCap', () => {
	const wo = workOrder({ id: 'wo-a', nteCents: 500_000 });

	it('is the NTE plus approved change orders of the job only', () => {
		const cos = [
			pending({ status: 'approved', approvedBy: 'x', approvedOn: TODAY, amountCents: 85_000 }),
			pending({ status: 'approved', approvedBy: 'x', approvedOn: TODAY, amountCents: -10_000 }),
			pending({ amountCents: 1_000_000 }),
			pending({ status: 'rejected', amountCents: 1_000_000 }),
			pending({ workOrderId: 'wo-b', status: 'approved', amountCents: 1_000_000 })
		];
		expect(billableCap(wo, cos)).toBe(575_000);
		expect(billableCap(wo, [])).toBe(500_000);
	});

	it('is null when the job has no NTE', () => {
		expect(billableCap({ ...wo, nteCents: null }, [pending({ status: 'approved', amountCents: 85_000 })])).toBeNull();
	});
});

describe('tasks under a change order', () => {
	it('marks the task extra and points it at the change order', () => {
		const t = task({ workOrderId: 'wo-a', code: 'T5', extra: false, changeOrderNumber: '' });
		expect(value(underChangeOrder(t, pending()))).toMatchObject({ extra: true, changeOrderNumber: 'CO-2' });
	});

	it('refuses a change order of another job or a rejected one', () => {
		const t = task({ workOrderId: 'wo-b', code: 'T5' });
		expect(reason(underChangeOrder(t, pending()))).toBe('Change order CO-2 belongs to another work order than task T5.');
		expect(reason(underChangeOrder({ ...t, workOrderId: 'wo-a' }, pending({ status: 'rejected' })))).toBe('Change order CO-2 was rejected; work under it cannot be added.');
	});

	it('finds the job’s tasks under it', () => {
		const mine = task({ workOrderId: 'wo-a', code: 'T5', extra: true, changeOrderNumber: 'CO-2' });
		const other = task({ workOrderId: 'wo-b', code: 'T5', extra: true, changeOrderNumber: 'CO-2' });
		const original = task({ workOrderId: 'wo-a', code: 'T1' });
		expect(tasksUnder(pending(), [mine, other, original])).toEqual([mine]);
	});
});

describe('a decided change order keeps what was decided (regression: an approved $500 retyped as $5,000 raised the NTE cap)', () => {
	const pending = changeOrder({ number: 'CO-1', amountCents: 50000, description: 'Add a second zone valve', status: 'pending', approvedBy: '', approvedOn: null });
	const approved: ChangeOrder = { ...pending, status: 'approved', approvedBy: 'J. Patel', approvedOn: '2026-11-26' };

	it('refuses a new amount or description while it is approved or rejected', () => {
		expect(changeOrderEditRefusal(approved, { ...approved, amountCents: 500000 })).toBe('Change order CO-1 was approved by J. Patel on Nov 26, 2026; reopen it before you change its amount or description.');
		expect(changeOrderEditRefusal({ ...approved, status: 'rejected' }, { ...approved, status: 'rejected', description: 'x' })).toContain('was rejected');
		expect(changeOrderEditRefusal(approved, { ...approved, number: 'CO-1A' })).toBeNull();
	});

	it('lets a pending one change, and a decision move it', () => {
		expect(changeOrderEditRefusal(pending, { ...pending, amountCents: 500000 })).toBeNull();
		expect(changeOrderEditRefusal(approved, value(reopenChangeOrder(approved)))).toBeNull();
	});
});

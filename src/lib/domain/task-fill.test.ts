import { describe, expect, it } from 'vitest';
import { newPoLine, newTask } from './factories';
import { choosePoLine, poLineLabel } from './task-fill';

const lines = [
	newPoLine('a', 'po', 1, { description: 'HVAC technician', buyerItemCode: 'LAB-01', qtyMilli: 12000, unit: 'h', unitPriceCents: 18750, extendedCents: 225000 }),
	newPoLine('b', 'po', 2, { description: 'Air filters 20x25', buyerItemCode: 'MAT-114', qtyMilli: 12000, unit: 'ea', unitPriceCents: 1850, extendedCents: 22200 }),
	newPoLine('c', 'po', 3, { description: '', buyerItemCode: '', qtyMilli: 1000, unit: '', unitPriceCents: 5000, extendedCents: 5000 })
];

describe('choosePoLine', () => {
	it('fills a new task’s description, unit, rate and buyer item code from the line chosen', () => {
		expect(choosePoLine(newTask('t', 'wo', 'T1'), 2, lines)).toEqual({ poLineNo: 2, description: 'Air filters 20x25', unit: 'ea', rateCents: 1850, buyerItemCode: 'MAT-114' });
	});

	it('keeps what the person typed, and fills only what is still blank', () => {
		const typed = newTask('t', 'wo', 'T1', { description: 'Replace contactor', rateCents: 20000 });
		expect(choosePoLine(typed, 1, lines)).toEqual({ poLineNo: 1, buyerItemCode: 'LAB-01' });
	});

	it('moving to another line replaces what the previous line filled, not what was typed over it', () => {
		const fromLine1 = { ...newTask('t', 'wo', 'T1'), poLineNo: 1, description: 'HVAC technician', unit: 'h', rateCents: 18750, buyerItemCode: 'LAB-01' };
		expect(choosePoLine(fromLine1, 2, lines)).toEqual({ poLineNo: 2, description: 'Air filters 20x25', unit: 'ea', rateCents: 1850, buyerItemCode: 'MAT-114' });
		const retyped = choosePoLine({ ...fromLine1, description: 'Filters for AHU-3' }, 2, lines);
		expect(retyped).not.toHaveProperty('description');
		expect(retyped).toMatchObject({ unit: 'ea', rateCents: 1850 });
	});

	it('a blank field of the line never blanks the task’s; clearing the choice or naming no line fills nothing', () => {
		const t = newTask('t', 'wo', 'T1', { poLineNo: 1, buyerItemCode: 'LAB-01' });
		expect(choosePoLine(t, 3, lines)).toEqual({ poLineNo: 3, rateCents: 5000 });
		expect(choosePoLine(t, null, lines)).toEqual({ poLineNo: null });
		expect(choosePoLine(t, 9, lines)).toEqual({ poLineNo: 9 });
	});

	it('labels a line the way a person picks it', () => {
		expect(poLineLabel(lines[1]!)).toBe('2 · MAT-114 · Air filters 20x25, 12 ea × $18.50');
		expect(poLineLabel(lines[2]!)).toBe('3 · no description, 1 × $50.00');
	});
});

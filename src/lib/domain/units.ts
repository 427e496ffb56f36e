/**
 * Units as people and buyers' systems write them. AP matches a bill's quantity in the PO line's
 * unit, so 20 kg against a PO in lb is no match, while "hrs" against "h" is the same unit written
 * otherwise: case, spacing and a closing dot never matter, and each group below is one unit
 * (SAP's German "ST" is a piece, "STD" an hour).
 */
const SPELLINGS: readonly (readonly string[])[] = [
	['h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden'],
	['ea', 'each', 'pc', 'pcs', 'piece', 'pieces', 'unit', 'units', 'st', 'stk', 'stück'],
	['lb', 'lbs', 'pound', 'pounds'],
	['kg', 'kgs', 'kilogram', 'kilograms'],
	['ft', 'foot', 'feet'],
	['m', 'meter', 'meters', 'metre', 'metres'],
	['gal', 'gallon', 'gallons'],
	['day', 'days'],
	['wk', 'wks', 'week', 'weeks'],
	['mo', 'month', 'months'],
	['min', 'mins', 'minute', 'minutes'],
	['ls', 'lump sum', 'lot']
];
const CANONICAL = new Map(SPELLINGS.flatMap((group) => group.map((s) => [s, group[0]!] as const)));

/** The unit's one spelling: `"Hrs."` → `"h"`; a unit not listed is itself, lowercased. */
export function unitKey(unit: string): string {
	const u = unit.trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
	return CANONICAL.get(u) ?? u;
}

/** Whether two quantities are in one unit and so may be compared or added. A blank unit says nothing and agrees with any. */
export function sameUnit(a: string, b: string): boolean {
	// Most lines spell their unit as their PO line does: no normalising then, on a 100,000-line pass.
	return a === b || a.trim() === '' || b.trim() === '' || unitKey(a) === unitKey(b);
}

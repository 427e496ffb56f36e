import { overlap, type Row } from './rows';
import type { TextItem } from './text-items';

/**
 * A PO's header fields, found by their printed labels above the table. Each becomes a column of
 * the table repeated on every line, named as the CSV wizard's synonyms know it, so the mapping
 * step maps them like any CSV column. In this order.
 */
export const FIELD_COLUMNS = ['PO Number', 'Revision', 'PO Date', 'Buyer', 'Terms', 'Ship To', 'Cost Center'] as const;
export type FieldColumn = (typeof FIELD_COLUMNS)[number];
export type PoFields = Partial<Record<FieldColumn, string>>;

/**
 * The labels buyers' systems print (Oracle, SAP in German, Coupa, Ariba, hand-made forms), the
 * whole label, case ignored. A label may carry its value in the same text ("Order #: 1042").
 */
const LABELS: [FieldColumn, string][] = [
	['PO Number', String.raw`purchase order (?:no\.?|number|num\.?|#)|p\.?\s?o\.? ?(?:no\.?|number|num\.?|#)|order (?:no\.?|number|#)|bestellnummer|bestell-?nr\.?|einkaufsbeleg`],
	['Revision', String.raw`revision(?: no\.?| number)?|rev\.?|change order no\.?|änderung`],
	['PO Date', String.raw`p\.?\s?o\.? date|order date|issue date|date issued|document date|date|datum|bestelldatum|belegdatum`],
	['Buyer', String.raw`buyer|buyer name|requester|requestor|requested by|ordered by|purchaser|purchasing agent|einkäufer|besteller|ansprechpartner`],
	['Terms', String.raw`payment terms?|terms of payment|terms|zahlungsbedingung(?:en)?`],
	['Ship To', String.raw`ship[- ]to(?: address)?|deliver to|delivery address|lieferadresse|lieferanschrift`],
	['Cost Center', String.raw`cost cent(?:er|re)|kostenstelle`]
];
const MATCHERS = LABELS.map(([column, label]) => [column, new RegExp(`^(?:${label})\\s*[:#]?(?:\\s+|$)(.*)$`, 'i')] as const);

/** The field a piece of text labels, with the value printed in the same text (or ''). */
function labelOf(str: string): { column: FieldColumn; inline: string } | null {
	const text = str.trim();
	for (const [column, re] of MATCHERS) {
		const m = re.exec(text);
		if (m) return { column, inline: m[1]!.trim() };
	}
	return null;
}

/** How far right of its label a value may start, in points. */
const RIGHT_REACH = 200;
/** How many font heights under its label a value may sit. */
const BELOW_REACH = 2.2;

/**
 * Each field's value: in the label's own text, else the next text right of the label on its row,
 * else the first text under the label (an address block gives its first line: the site's name).
 * A value is never itself a label, and the first label found for a field wins.
 */
export function findFields(rows: readonly Row[]): PoFields {
	const fields: PoFields = {};
	const isLabel = (it: TextItem) => labelOf(it.str) !== null;
	rows.forEach((row, r) => {
		row.items.forEach((it, i) => {
			const label = labelOf(it.str);
			if (!label || fields[label.column] !== undefined) return;
			if (label.inline !== '') {
				fields[label.column] = label.inline;
				return;
			}
			const right = row.items[i + 1];
			if (right && right.x - (it.x + it.width) < RIGHT_REACH) {
				if (!isLabel(right)) fields[label.column] = right.str.trim();
				if (!isLabel(right)) return;
			}
			for (const below of rows.slice(r + 1)) {
				if (below.page !== row.page || below.y - row.y > BELOW_REACH * row.height) break;
				const under = below.items.find((b) => overlap(b.x, b.x + b.width, it.x - 2, it.x + it.width + 2) > 0);
				if (!under) continue;
				if (!isLabel(under)) fields[label.column] = under.str.trim();
				return;
			}
		});
	});
	return fields;
}

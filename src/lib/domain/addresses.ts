/**
 * A postal address in the parts a bookkeeping import and an envelope need. The street may hold
 * several lines (a department, a suite, a PO box): it is what comes before the city line.
 */
export interface Address {
	street: string;
	city: string;
	region: string;
	postalCode: string;
	country: string;
}

export const emptyAddress = (): Address => ({ street: '', city: '', region: '', postalCode: '', country: '' });

/** `Dayton, OH 45409` (a city line), or `OH 45409` alone after a comma. */
const CITY_LINE = /^(.+?),?\s+([A-Za-z]{2})\.?\s+(\d{5}(?:-\d{4})?)$/;
const REGION_ZIP = /^([A-Za-z]{2})\.?\s+(\d{5}(?:-\d{4})?)$/;
const COUNTRY = /^(USA|U\.S\.A\.|US|United States(?: of America)?|Canada)$/i;

/**
 * A one-text address read into its parts, as a US bookkeeper writes it: `street, city, ST 12345`
 * on one line, or the street on its own lines above `City, ST 12345`, with an optional country
 * last. Text that does not end so is kept whole as the street: nothing typed is lost.
 */
export function parseAddress(text: string): Address {
	const out = emptyAddress();
	const multiline = /\r\n|\r|\n/.test(text.trim());
	const parts = (multiline ? text.split(/\r\n|\r|\n/) : text.split(',')).map((p) => p.trim()).filter((p) => p !== '');
	if (parts.length > 1 && COUNTRY.test(parts[parts.length - 1]!)) out.country = parts.pop()!;
	const last = parts[parts.length - 1] ?? '';
	const joined = (xs: string[]) => xs.join(multiline ? '\n' : ', ');
	const tail = REGION_ZIP.exec(last);
	const line = CITY_LINE.exec(last);
	if (!multiline && tail && parts.length >= 2) {
		[out.region, out.postalCode, out.city] = [tail[1]!.toUpperCase(), tail[2]!, parts[parts.length - 2]!];
		out.street = joined(parts.slice(0, -2));
	} else if (line && (multiline || parts.length === 1)) {
		[out.city, out.region, out.postalCode] = [line[1]!.trim(), line[2]!.toUpperCase(), line[3]!];
		out.street = joined(parts.slice(0, -1));
	} else {
		return { ...emptyAddress(), street: text.trim() };
	}
	return out;
}

/** The address as it is printed: the street's lines, `City, ST 12345`, then the country. */
export function addressLines(a: Address): string[] {
	const place = [a.city.trim(), [a.region.trim(), a.postalCode.trim()].filter(Boolean).join(' ')].filter(Boolean).join(', ');
	return [...a.street.split(/\r\n|\r|\n/).map((l) => l.trim()), place, a.country.trim()].filter((l) => l !== '');
}

export const addressText = (a: Address): string => addressLines(a).join('\n');

/** Each stored record's own field names for the parts, so a grid edits each as a column. */
export const customerAddress = (c: { billingStreet: string; billingCity: string; billingRegion: string; billingPostalCode: string; billingCountry: string }): Address => ({
	street: c.billingStreet,
	city: c.billingCity,
	region: c.billingRegion,
	postalCode: c.billingPostalCode,
	country: c.billingCountry
});

export const customerAddressFields = (a: Address) => ({ billingStreet: a.street, billingCity: a.city, billingRegion: a.region, billingPostalCode: a.postalCode, billingCountry: a.country });

export const remitAddress = (b: { remitStreet: string; remitCity: string; remitRegion: string; remitPostalCode: string; remitCountry: string }): Address => ({
	street: b.remitStreet,
	city: b.remitCity,
	region: b.remitRegion,
	postalCode: b.remitPostalCode,
	country: b.remitCountry
});

export const remitAddressFields = (a: Address) => ({ remitStreet: a.street, remitCity: a.city, remitRegion: a.region, remitPostalCode: a.postalCode, remitCountry: a.country });

/** A site and the business profile keep the parts under their plain names. */
export const plainAddress = ({ street, city, region, postalCode, country }: Address): Address => ({ street, city, region, postalCode, country });

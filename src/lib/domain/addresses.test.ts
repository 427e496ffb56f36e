import { describe, expect, it } from 'vitest';
import { addressLines, parseAddress } from './addresses';

/* One-text addresses read into parts (the version 4 upgrade, a restore of an older backup). */

describe('parseAddress', () => {
	it('reads "street, city, ST 12345" on one line, the street keeping its commas', () => {
		expect(parseAddress('Accounts Payable, 1200 Mercy Way, Dayton, OH 45409')).toEqual({ street: 'Accounts Payable, 1200 Mercy Way', city: 'Dayton', region: 'OH', postalCode: '45409', country: '' });
		expect(parseAddress('77 Harbor Point Blvd, Suite 400, Toledo, oh 43604-1234')).toEqual({ street: '77 Harbor Point Blvd, Suite 400', city: 'Toledo', region: 'OH', postalCode: '43604-1234', country: '' });
	});

	it('reads the street on its own lines above "City, ST 12345", and a country last', () => {
		expect(parseAddress('Alvarez Mechanical & Electric LLC\nPO Box 8812\nSpringfield, IL 62791')).toEqual({ street: 'Alvarez Mechanical & Electric LLC\nPO Box 8812', city: 'Springfield', region: 'IL', postalCode: '62791', country: '' });
		expect(parseAddress('500 Summit Ridge Dr\r\nAkron OH 44333\r\nUSA')).toEqual({ street: '500 Summit Ridge Dr', city: 'Akron', region: 'OH', postalCode: '44333', country: 'USA' });
		expect(parseAddress('5 Commerce Park, Sandusky, OH 44870, United States')).toMatchObject({ city: 'Sandusky', country: 'United States' });
	});

	it('keeps what it cannot read whole in the street: nothing is lost', () => {
		for (const text of ['PO Box 9', '10 Downing St, London SW1A 2AA', 'Dayton, OH', '']) expect(parseAddress(text)).toEqual({ street: text, city: '', region: '', postalCode: '', country: '' });
	});

	it('prints back on lines as an envelope has them', () => {
		expect(addressLines(parseAddress('Accounts Payable, 1200 Mercy Way, Dayton, OH 45409'))).toEqual(['Accounts Payable, 1200 Mercy Way', 'Dayton, OH 45409']);
		expect(addressLines({ street: 'a\n\nb', city: '', region: 'OH', postalCode: '', country: 'USA' })).toEqual(['a', 'b', 'OH', 'USA']);
	});
});

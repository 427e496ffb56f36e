import { describe, expect, it } from 'vitest';
import { percentBpCodec, termsCodec, textCodec, type Codec } from '$lib/domain/codecs';
import { FormFollower, sameValue } from './form-follow';

describe('FormFollower', () => {
	it('fills a field on the first read and follows it while untouched', () => {
		const f = new FormFollower();
		expect(f.follows('terms', undefined, 'Net 30')).toBe(true);
		expect(f.follows('terms', 'Net 30', 'Net 15')).toBe(true);
	});

	it('keeps a field being edited when another tab stores a different value', () => {
		const f = new FormFollower();
		f.follows('name', undefined, 'Brightline');
		expect(f.follows('name', 'Brightline Mechanical', 'Brightline HVAC', sameValue(textCodec as Codec<unknown>))).toBe(false);
	});

	it("takes the page's own save back in its stored shape, not as a change made elsewhere (regression)", () => {
		const f = new FormFollower();
		const terms = sameValue(termsCodec as Codec<unknown>);
		const percent = sameValue(percentBpCodec as Codec<unknown>);
		const text = sameValue(textCodec as Codec<unknown>);
		f.follows('terms', undefined, 'Net 30');
		f.follows('qty', undefined, '0%');
		f.follows('name', undefined, 'Brightline');
		// Typed, saved, and stored normalised: the stored value is what the field meant.
		expect(f.follows('terms', '2% 10 net 30', '2/10 Net 30', terms)).toBe(true);
		expect(f.follows('qty', '5', '5%', percent)).toBe(true);
		expect(f.follows('name', '  Brightline LLC ', 'Brightline LLC', text)).toBe(true);
	});

	it('still keeps text that means another value, or does not parse at all', () => {
		const f = new FormFollower();
		const percent = sameValue(percentBpCodec as Codec<unknown>);
		f.follows('qty', undefined, '0%');
		expect(f.follows('qty', '6', '5%', percent)).toBe(false);
		f.follows('price', undefined, '0%');
		expect(f.follows('price', 'lots', '1%', percent)).toBe(false);
	});

	it('compares checkboxes as they are', () => {
		const f = new FormFollower();
		f.follows('bom', undefined, true);
		// Unticked by the person, and the record changed elsewhere: the untick is kept.
		expect(f.follows('bom', false, true)).toBe(false);
		// Unticked, and what comes back is unticked (its own save): it follows.
		expect(f.follows('bom', false, false)).toBe(true);
	});
});

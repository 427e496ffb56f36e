import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, formatDate, isLocalDate, localDateOf, parseDate, type DateOrder } from './dates';

const date = (text: string, order?: DateOrder) => {
	const r = parseDate(text, order);
	if (!r.ok) throw new Error(`expected "${text}" to parse, got: ${r.error}`);
	return r.value;
};
const refusal = (text: string, order?: DateOrder) => {
	const r = parseDate(text, order);
	if (r.ok) throw new Error(`expected "${text}" to be refused, got ${r.value}`);
	return r.error;
};

/** Independent calendar: the Gregorian leap rule and month lengths, stepping one day at a time. */
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
function* calendar(y: number, m: number, d: number) {
	for (;;) {
		yield `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
		if (++d > monthLength(y, m)) [d, m] = [1, m + 1];
		if (m > 12) [m, y] = [1, y + 1];
	}
}

const originalTz = process.env.TZ;
afterEach(() => {
	if (originalTz === undefined) delete process.env.TZ;
	else process.env.TZ = originalTz;
});

describe('parseDate', () => {
	it('reads ISO dates, padding single digits', () => {
		expect(date('2027-01-15')).toBe('2027-01-15');
		expect(date('2027-1-5')).toBe('2027-01-05');
		expect(date('  2027-12-31 ')).toBe('2027-12-31');
	});

	it('reads US month-first dates by default, including M/D/YY', () => {
		expect(date('01/15/2027')).toBe('2027-01-15');
		expect(date('1/5/27')).toBe('2027-01-05');
		expect(date('3/4/2027')).toBe('2027-03-04');
		expect(date('12-31-2026')).toBe('2026-12-31');
		expect(date('7.4.99')).toBe('2099-07-04');
	});

	it('reads day-first when told the file is dmy', () => {
		expect(date('3/4/2027', 'dmy')).toBe('2027-04-03');
		expect(date('15/01/2027', 'dmy')).toBe('2027-01-15');
		expect(date('31.12.26', 'dmy')).toBe('2026-12-31');
		refusal('01/15/2027', 'dmy'); // month 15
	});

	it('reads the display format back', () => {
		expect(date('Jan 15, 2027')).toBe('2027-01-15');
		expect(date('February 29, 2028')).toBe('2028-02-29');
		expect(date('sep 1 2027')).toBe('2027-09-01');
	});

	it('knows leap years', () => {
		expect(date('2028-02-29')).toBe('2028-02-29');
		expect(date('2000-02-29')).toBe('2000-02-29');
		expect(refusal('2027-02-29')).toMatch(/not a real calendar date/);
		refusal('2100-02-29');
		refusal('02/29/2026');
	});

	it.each(['2026-02-30', '2027-04-31', '2027-13-01', '2027-00-10', '2027-01-00', '13/01/2027', '1899-12-31'])(
		'refuses the impossible date %s',
		(text) => {
			expect(refusal(text)).toContain(text);
		}
	);

	it.each(['', 'tomorrow', '2027/01/15x', '1/15', '15 Jan', 'Foo 15, 2027', '2027-01-15T00:00'])('refuses %j', (text) => {
		expect(refusal(text).length).toBeGreaterThan(3);
	});

	it('agrees with isLocalDate on what is a date (property)', () => {
		const y = fc.integer({ min: 1900, max: 2999 });
		const m = fc.integer({ min: 0, max: 13 });
		const d = fc.integer({ min: 0, max: 32 });
		fc.assert(
			fc.property(y, m, d, (yy, mm, dd) => {
				const iso = `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
				const real = mm >= 1 && mm <= 12 && dd >= 1 && dd <= monthLength(yy, mm);
				return parseDate(iso).ok === real && isLocalDate(iso) === real;
			})
		);
	});
});

describe('addDays and daysBetween', () => {
	it('crosses month and year ends', () => {
		expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
		expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
		expect(addDays('2027-01-15', 30)).toBe('2027-02-14');
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
		expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
		expect(addDays('2027-01-15', 0)).toBe('2027-01-15');
	});

	it('counts whole days', () => {
		expect(daysBetween('2027-01-15', '2027-02-14')).toBe(30);
		expect(daysBetween('2027-02-14', '2027-01-15')).toBe(-30);
		expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
		expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
	});

	it.each(['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Kiritimati'])(
		'never skips or repeats a day across US DST changes, with TZ=%s',
		(tz) => {
			process.env.TZ = tz;
			// 2027 US DST: starts Sun Mar 14, ends Sun Nov 7.
			expect(addDays('2027-03-13', 1)).toBe('2027-03-14');
			expect(addDays('2027-03-14', 1)).toBe('2027-03-15');
			expect(addDays('2027-11-06', 1)).toBe('2027-11-07');
			expect(addDays('2027-11-07', 1)).toBe('2027-11-08');
			expect(addDays('2027-03-01', 30)).toBe('2027-03-31');
			expect(addDays('2027-11-01', 30)).toBe('2027-12-01');
			expect(daysBetween('2027-03-13', '2027-03-15')).toBe(2);
			expect(daysBetween('2027-11-06', '2027-11-08')).toBe(2);
			// Walk a whole year one day at a time against an independent calendar.
			const expected = calendar(2026, 12, 25);
			let d = '2026-12-25';
			for (let i = 0; i < 400; i++) {
				expect(d).toBe(expected.next().value);
				d = addDays(d, 1);
			}
		}
	);

	it('addDays(d, n) then daysBetween gives n back, and steps compose (property)', () => {
		const start = fc.integer({ min: 0, max: 365 * 800 }).map((n) => addDays('1960-01-01', n));
		const n = fc.integer({ min: -20_000, max: 20_000 });
		fc.assert(
			fc.property(start, n, n, (d, a, b) => {
				const moved = addDays(d, a);
				return isLocalDate(moved) && daysBetween(d, moved) === a && addDays(moved, b) === addDays(d, a + b);
			})
		);
	});
});

describe('formatDate', () => {
	it('shows one unambiguous format', () => {
		expect(formatDate('2027-01-15')).toBe('Jan 15, 2027');
		expect(formatDate('2027-12-01')).toBe('Dec 1, 2027');
		expect(formatDate('2028-02-29')).toBe('Feb 29, 2028');
	});

	it('shows nothing for no date, and unreadable text as it is', () => {
		expect(formatDate(null)).toBe('');
		expect(formatDate(undefined)).toBe('');
		expect(formatDate('')).toBe('');
		expect(formatDate('soon')).toBe('soon');
		expect(formatDate('2027-13-01')).toBe('2027-13-01');
	});

	it('round trips through parseDate (property)', () => {
		const d = fc.integer({ min: 0, max: 365 * 1000 }).map((n) => addDays('1900-01-01', n));
		fc.assert(fc.property(d, (x) => date(formatDate(x)) === x));
	});
});

describe('localDateOf', () => {
	it('reads the local calendar date of a clock reading, not the UTC one', () => {
		process.env.TZ = 'America/Los_Angeles';
		// 8 pm in Los Angeles on Jan 15 is already Jan 16 in UTC.
		expect(localDateOf(new Date(2027, 0, 15, 20, 0))).toBe('2027-01-15');
		expect(localDateOf(new Date('2027-01-16T04:00:00Z'))).toBe('2027-01-15');
	});
});

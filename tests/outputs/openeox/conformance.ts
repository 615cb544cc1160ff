/**
 * The project's own implementation of the OpenEoX Core 1.0 conformance tests (specification
 * §7: mandatory 7.1.1–7.1.3, recommended 7.2.1–7.2.2, informative 7.3.1), written from the
 * specification text. Each returns the paths that fail it.
 */
type EoxRecord = Record<string, unknown>;

const TIMESTAMP_FIELDS = ['end_of_life', 'end_of_sales', 'end_of_security_support', 'general_availability'] as const;

/**
 * §"Date and Time": RFC 3339 §5.6 date-time, upper-case "T" and "Z", "." for fractions, an
 * offset always, no leap seconds (second 60 is refused).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

export function isEoxDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year as number, month as number, 0)).getUTCDate();
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  return (
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= daysInMonth &&
    (hour as number) <= 23 &&
    (minute as number) <= 59 &&
    (second as number) <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

/** The instant of a timestamp field (time zones taken into account), or undefined for "tba"/absent. */
function instantOf(record: EoxRecord, field: string): number | undefined {
  const value = record[field];
  if (typeof value !== 'string' || value === 'tba') return undefined;
  return Date.parse(value);
}

export interface ConformanceResult {
  readonly test: string;
  readonly failures: readonly string[];
}

/** 7.1.1 Inconsistent EoL date: end_of_life is later than or equal to every other date. */
function test711(record: EoxRecord): string[] {
  const endOfLife = instantOf(record, 'end_of_life');
  if (endOfLife === undefined) {
    // "tba" for end of life is not ignored: it cannot be compared with a real date below it,
    // and dates after it cannot exist; other "tba" values are ignored.
    return [];
  }
  return TIMESTAMP_FIELDS.filter((field) => field !== 'end_of_life').flatMap((field) => {
    const other = instantOf(record, field);
    return other !== undefined && other > endOfLife ? ['/end_of_life'] : [];
  });
}

/** 7.1.2 Date and time: every date-time value (other than "tba") follows the rules. */
function test712(record: EoxRecord): string[] {
  return [...TIMESTAMP_FIELDS, 'last_updated'].flatMap((field) => {
    const value = record[field];
    if (value === undefined || (value === 'tba' && field !== 'last_updated')) return [];
    return typeof value === 'string' && isEoxDateTime(value) ? [] : [`/${field}`];
  });
}

/** 7.1.3 Inconsistent GA date: general_availability is earlier than or equal to every other date. */
function test713(record: EoxRecord): string[] {
  const availability = instantOf(record, 'general_availability');
  if (availability === undefined) return [];
  return TIMESTAMP_FIELDS.filter((field) => field !== 'general_availability').some((field) => {
    const other = instantOf(record, field);
    return other !== undefined && other < availability;
  })
    ? ['/general_availability']
    : [];
}

/** 7.2.1 Use of "tba" where the EoL has a date: no other field says "tba". */
function test721(record: EoxRecord): string[] {
  if (instantOf(record, 'end_of_life') === undefined) return [];
  return ['end_of_sales', 'end_of_security_support', 'general_availability']
    .filter((field) => record[field] === 'tba')
    .map((field) => `/${field}`);
}

/** 7.2.2 Use of "tba" for GA where another field has a date. */
function test722(record: EoxRecord): string[] {
  if (record['general_availability'] !== 'tba') return [];
  return TIMESTAMP_FIELDS.some((field) => field !== 'general_availability' && instantOf(record, field) !== undefined)
    ? ['/general_availability']
    : [];
}

/** 7.3.1 EoSSec before EoS: end_of_sales, when a date, is before or equal to end_of_security_support. */
function test731(record: EoxRecord): string[] {
  const endOfSales = instantOf(record, 'end_of_sales');
  const endOfSecuritySupport = instantOf(record, 'end_of_security_support');
  if (endOfSales === undefined || endOfSecuritySupport === undefined) return [];
  return endOfSales > endOfSecuritySupport ? ['/end_of_sales'] : [];
}

const TESTS: Record<string, (record: EoxRecord) => string[]> = {
  '7.1.1': test711,
  '7.1.2': test712,
  '7.1.3': test713,
  '7.2.1': test721,
  '7.2.2': test722,
  '7.3.1': test731,
};

/** Every test that fails, with its paths; an empty list means the record conforms. */
export function conformanceFailures(record: EoxRecord): ConformanceResult[] {
  return Object.entries(TESTS)
    .map(([test, run]) => ({ test, failures: run(record) }))
    .filter((result) => result.failures.length > 0);
}

/**
 * A cheap pre-filter: one scan of the text records which kinds of trigger words it contains (digits,
 * month names, weekdays, unit words...). A parser runs only when every feature group it needs is there,
 * so a typical news sentence runs two or three parsers instead of all of them.
 */
export const F = {
  DIGIT: 1,
  MONTH: 2,
  WEEKDAY: 4,
  UNIT: 8,
  REF: 16,
  DEICTIC: 32,
  SEASON: 64,
  FREQ: 128,
  HOLIDAY: 256,
  SPELLED: 512,
} as const;

const SCAN =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:mon|tues|wednes|thurs|fri|satur|sun)(day)|\b(hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annually|yearly|semiannually|biannually)|(second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|period|morning|afternoon|evening)|\b(now|current|recent|past|future|soon|present|moment|formerly|previously|these days|term\b|later date)|\b(today|yesterday|tomorrow|tonight|overnight|noon|midday|midnight|mid)|\b(spring|summer|fall|autumn|winter)|\b(christmas|new year|independence|fourth of july|halloween|valentine|thanksgiving|election day|labor day|memorial day|easter|good friday)|\b(nineteen|eighteen|two thousand|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)/gi;

/** The feature bit of each capture group of SCAN, in order (frequency words come before unit words so
 * that "weekly" is not read as "week"). */
const GROUP_BITS = [F.MONTH, F.WEEKDAY, F.FREQ, F.UNIT, F.REF, F.DEICTIC, F.SEASON, F.HOLIDAY, F.SPELLED];
const ALL_WORD_BITS = 1023 & ~F.DIGIT;

/**
 * Bitmask of the feature groups present in text. Digits are looked for on their own: every word
 * alternative of SCAN starts with a letter and never spans a digit, so a digit neither starts nor hides a
 * word match, and the word scan need not stop at each digit.
 */
export function scanFeatures(text: string): number {
  let mask = /\d/.test(text) ? F.DIGIT : 0;
  let words = 0;
  SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCAN.exec(text))) {
    for (let g = 1; g <= 9; g++) {
      if (m[g] !== undefined) {
        words |= GROUP_BITS[g - 1];
        break;
      }
    }
    if (words === ALL_WORD_BITS) break;
  }
  mask |= words;
  return mask;
}

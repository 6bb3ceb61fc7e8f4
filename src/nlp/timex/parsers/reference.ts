/**
 * Temporal references: now, currently → PRESENT_REF; recently, in the past → PAST_REF; in the future → FUTURE_REF.
 * Words that TimeBank/AQUAINT annotators tag less often than not ("soon", "previously", the adjective
 * "recent") are left out: measured on TBAQ, each was wrong more often than right.
 */
import type { Parser } from '../types.js';
import { whole } from './util.js';

const REFS: Record<string, string> = {
  now: 'PRESENT_REF',
  'right now': 'PRESENT_REF',
  'just now': 'PAST_REF',
  currently: 'PRESENT_REF',
  'at present': 'PRESENT_REF',
  presently: 'PRESENT_REF',
  nowadays: 'PRESENT_REF',
  'these days': 'PRESENT_REF',
  'the present': 'PRESENT_REF',
  'at the moment': 'PRESENT_REF',
  'for the moment': 'PRESENT_REF',
  current: 'PRESENT_REF',
  recently: 'PAST_REF',
  'more recently': 'PAST_REF',
  'most recently': 'PAST_REF',
  'until recently': 'PAST_REF',
  'the past': 'PAST_REF',
  previously: 'PAST_REF',
  formerly: 'PAST_REF',
  'in the past': 'PAST_REF',
  'the future': 'FUTURE_REF',
  'the near future': 'FUTURE_REF',
  'the near term': 'FUTURE_REF',
  'the short term': 'FUTURE_REF',
  'the long term': 'FUTURE_REF',
  'the foreseeable future': 'FUTURE_REF',
  soon: 'FUTURE_REF',
  'in the future': 'FUTURE_REF',
  future: 'FUTURE_REF',
  'as soon as possible': 'FUTURE_REF',
  'a later date': 'FUTURE_REF',
  once: 'PAST_REF',
  recent: 'PAST_REF',
};

export const referenceParser: Parser = {
  name: 'reference',
  pattern:
    /(?<!\bas )\b(just now|right now|now|currently|at present|presently|nowadays|these days|at the moment|for the moment|more recently|most recently|recently|formerly|the near future|the foreseeable future|the future|the near term|the short term|the long term|the past|the present|current|as soon as possible|a later date)\b(?!-|\s+(?:year|quarter|month|week|day|fiscal|period)s?\b)/gi,
  extract(m) {
    const w = m[1].toLowerCase();
    const value = REFS[w];
    if (!value) return null;
    const c = whole(m, 'reference', () => ({ type: 'DATE', value }), -1);
    // "at present", "at the moment": TimeBank leaves the preposition out.
    if (w.startsWith('at ') || w.startsWith('for ')) c.start += w.indexOf(' ') + 1;
    return c;
  },
};

export const referenceParsers: Parser[] = [referenceParser];

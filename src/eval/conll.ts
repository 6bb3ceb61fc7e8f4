/**
 * CoNLL-2003 reader and entity-level scoring that reproduces conlleval (the CoNLL-2000/2003 shared-task
 * evaluation script by Erik Tjong Kim Sang). Scoring follows its documented chunk rules: a chunk starts and
 * ends according to `startOfChunk` / `endOfChunk` over the (prefix, type) of consecutive tags, so IOB1 and
 * IOB2 (and IOBE) tags are all read the way conlleval reads them; a chunk is correct only when gold and
 * guess start at the same token, end at the same token and share the type. Sentence boundaries (empty
 * lines) and `-DOCSTART-` lines act as `O` boundaries.
 */
import { InputError } from '../model.js';

export interface ConllToken {
  /** The word (first column). */
  word: string;
  /** The gold tag (last column). */
  gold: string;
  /** The original line, for `--out`. */
  line: string;
  /** 1-based line number in the file. */
  lineNo: number;
}

export type ConllSentence = ConllToken[];
/** A document: the sentences between two `-DOCSTART-` lines (the whole file when there are none). */
export type ConllDocument = ConllSentence[];

export interface ConllFile {
  file: string;
  documents: ConllDocument[];
  /** Malformed lines that were skipped. */
  errors: InputError[];
  tokens: number;
  /** True when the file had explicit `-DOCSTART-` lines. */
  hasDocStarts: boolean;
}

const TAG = /^(?:O|[BIE]-[A-Za-z]+)$/;

/** Parse CoNLL text (word ... tag per line, blank lines between sentences). Malformed lines are reported and skipped. */
export function parseConll(text: string, file: string): ConllFile {
  const documents: ConllDocument[] = [];
  const errors: InputError[] = [];
  let doc: ConllDocument = [];
  let sent: ConllSentence = [];
  let tokens = 0;
  let hasDocStarts = false;
  const flushSentence = () => {
    if (sent.length) doc.push(sent);
    sent = [];
  };
  const flushDocument = () => {
    flushSentence();
    if (doc.length) documents.push(doc);
    doc = [];
  };
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const lineNo = i + 1;
    if (/^\s*$/.test(line)) {
      flushSentence();
      continue;
    }
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      hasDocStarts = true;
      flushDocument();
      continue;
    }
    if (cols.length < 2) {
      errors.push(
        new InputError(file, `expected "word ... tag", got ${JSON.stringify(line.slice(0, 60))}`, lineNo),
      );
      continue;
    }
    const gold = cols[cols.length - 1];
    if (!TAG.test(gold)) {
      errors.push(
        new InputError(
          file,
          `bad tag ${JSON.stringify(gold)} (expected O, B-TYPE, I-TYPE or E-TYPE)`,
          lineNo,
        ),
      );
      continue;
    }
    sent.push({ word: cols[0], gold, line, lineNo });
    tokens++;
  }
  flushDocument();
  return { file, documents, errors, tokens, hasDocStarts };
}

export interface PRF {
  p: number;
  r: number;
  f: number;
}

export interface ChunkCounts {
  /** Chunks in the guess that match a gold chunk exactly (span and type). */
  correct: number;
  /** Gold chunks. */
  gold: number;
  /** Guessed chunks. */
  guessed: number;
}

export interface ConllScore {
  overall: PRF & ChunkCounts;
  byType: Record<string, PRF & ChunkCounts>;
  tokens: number;
  /** Token accuracy (tags equal), as conlleval prints it. */
  accuracy: number;
}

function split(tag: string): [string, string] {
  const m = /^([^-]*)-(.*)$/.exec(tag);
  return m ? [m[1], m[2]] : [tag, ''];
}

/** conlleval's endOfChunk: did a chunk end between the previous and the current token? */
export function endOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  let end = false;
  if (prevTag === 'B' && tag === 'B') end = true;
  if (prevTag === 'B' && tag === 'O') end = true;
  if (prevTag === 'I' && tag === 'B') end = true;
  if (prevTag === 'I' && tag === 'O') end = true;
  if (prevTag === 'E' && tag === 'E') end = true;
  if (prevTag === 'E' && tag === 'I') end = true;
  if (prevTag === 'E' && tag === 'O') end = true;
  if (prevTag !== 'O' && prevTag !== '.' && prevType !== type) end = true;
  if (prevTag === ']' || prevTag === '[') end = true;
  return end;
}

/** conlleval's startOfChunk: does a chunk start at the current token? */
export function startOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  let start = false;
  if (prevTag === 'B' && tag === 'B') start = true;
  if (prevTag === 'I' && tag === 'B') start = true;
  if (prevTag === 'O' && tag === 'B') start = true;
  if (prevTag === 'O' && tag === 'I') start = true;
  if (prevTag === 'E' && tag === 'E') start = true;
  if (prevTag === 'E' && tag === 'I') start = true;
  if (prevTag === 'O' && tag === 'E') start = true;
  if (tag !== 'O' && tag !== '.' && prevType !== type) start = true;
  if (tag === '[' || tag === ']') start = true;
  return start;
}

function prf(c: ChunkCounts): PRF & ChunkCounts {
  const p = c.guessed ? c.correct / c.guessed : 0;
  const r = c.gold ? c.correct / c.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f, ...c };
}

/**
 * Score sentences of (gold, guessed) tag pairs exactly as conlleval does. Each sentence is followed by a
 * boundary (an `O`/`O` token that is not counted), like the empty line in conlleval's input.
 */
export function scoreConll(sentences: Array<{ gold: string[]; guessed: string[] }>): ConllScore {
  const correctBy = new Map<string, number>();
  const goldBy = new Map<string, number>();
  const guessedBy = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let correctChunk = 0;
  let foundCorrect = 0;
  let foundGuessed = 0;
  let correctTags = 0;
  let tokens = 0;
  let inCorrect = false;
  let lastCorrect = 'O';
  let lastCorrectType = '';
  let lastGuessed = 'O';
  let lastGuessedType = '';

  const step = (goldTag: string, guessTag: string, counted: boolean) => {
    const [correct, correctType] = split(goldTag);
    const [guessed, guessedType] = split(guessTag);
    const endCorrect = endOfChunk(lastCorrect, correct, lastCorrectType, correctType);
    const endGuessed = endOfChunk(lastGuessed, guessed, lastGuessedType, guessedType);
    const startCorrect = startOfChunk(lastCorrect, correct, lastCorrectType, correctType);
    const startGuessed = startOfChunk(lastGuessed, guessed, lastGuessedType, guessedType);
    if (inCorrect) {
      if (endCorrect && endGuessed && lastGuessedType === lastCorrectType) {
        inCorrect = false;
        correctChunk++;
        bump(correctBy, lastCorrectType);
      } else if (endCorrect !== endGuessed || guessedType !== correctType) {
        inCorrect = false;
      }
    }
    if (startCorrect && startGuessed && guessedType === correctType) inCorrect = true;
    if (startCorrect) {
      foundCorrect++;
      bump(goldBy, correctType);
    }
    if (startGuessed) {
      foundGuessed++;
      bump(guessedBy, guessedType);
    }
    if (counted) {
      if (correct === guessed && guessedType === correctType) correctTags++;
      tokens++;
    }
    lastCorrect = correct;
    lastCorrectType = correctType;
    lastGuessed = guessed;
    lastGuessedType = guessedType;
  };

  for (const s of sentences) {
    if (s.gold.length !== s.guessed.length)
      throw new Error('scoreConll: gold and guessed tags differ in length');
    for (let i = 0; i < s.gold.length; i++) step(s.gold[i], s.guessed[i], true);
    step('O', 'O', false);
  }
  if (inCorrect) {
    correctChunk++;
    bump(correctBy, lastCorrectType);
  }
  const types = [...new Set([...goldBy.keys(), ...guessedBy.keys()])].sort();
  const byType: Record<string, PRF & ChunkCounts> = {};
  for (const t of types)
    byType[t] = prf({
      correct: correctBy.get(t) ?? 0,
      gold: goldBy.get(t) ?? 0,
      guessed: guessedBy.get(t) ?? 0,
    });
  return {
    overall: prf({ correct: correctChunk, gold: foundCorrect, guessed: foundGuessed }),
    byType,
    tokens,
    accuracy: tokens ? correctTags / tokens : 0,
  };
}

/** Entity spans [start, end) with their type from a tag sequence, read with conlleval's chunk rules. */
export function chunksOf(tags: string[]): Array<{ start: number; end: number; type: string }> {
  const out: Array<{ start: number; end: number; type: string }> = [];
  let lastTag = 'O';
  let lastType = '';
  let open: { start: number; type: string } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const [tag, type] = i < tags.length ? split(tags[i]) : ['O', ''];
    if (open && endOfChunk(lastTag, tag, lastType, type)) {
      out.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (i < tags.length && startOfChunk(lastTag, tag, lastType, type)) open = { start: i, type };
    lastTag = tag;
    lastType = type;
  }
  return out;
}

const DATELINE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Documents of a CoNLL file. With `-DOCSTART-` lines those delimit documents; without them (as in copies
 * of CoNLL-2003 that dropped them) a Reuters dateline sentence ("CITY YYYY-MM-DD", at most 6 tokens) marks
 * the start of a story body, and the story begins with the headline sentence just before it.
 */
export function documentsOf(conll: ConllFile): ConllDocument[] {
  if (conll.hasDocStarts) return conll.documents;
  const out: ConllDocument[] = [];
  for (const doc of conll.documents) {
    let cur: ConllDocument = [];
    for (const sent of doc) {
      const isDateline = sent.length <= 6 && DATELINE_DATE.test(sent[sent.length - 1].word);
      if (isDateline && cur.length > 1) {
        const headline = cur.pop()!;
        out.push(cur);
        cur = [headline];
      }
      cur.push(sent);
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

/** A tagger as eval sees it: a document (sentences of words) in, IOB tags out. */
export type DocumentTagger = (doc: string[][]) => string[][];

/** Run a tagger over every document of a file; returns guessed tags aligned with the file's sentences. */
export function tagConll(
  conll: ConllFile,
  tagger: DocumentTagger,
): Array<{ sentence: ConllSentence; guessed: string[] }> {
  const out: Array<{ sentence: ConllSentence; guessed: string[] }> = [];
  for (const doc of documentsOf(conll)) {
    const guessed = tagger(doc.map((s) => s.map((t) => t.word)));
    doc.forEach((sentence, i) => out.push({ sentence, guessed: guessed[i] }));
  }
  return out;
}

/** Score tagged sentences against their gold tags. */
export function scoreTagged(tagged: Array<{ sentence: ConllSentence; guessed: string[] }>): ConllScore {
  return scoreConll(tagged.map((t) => ({ gold: t.sentence.map((x) => x.gold), guessed: t.guessed })));
}

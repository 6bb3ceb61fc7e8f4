/**
 * Speaker resolution: the speaker phrase as written → canonical entity name. Named speakers through the
 * NER mention under them (or the entity names and aliases), pronouns to the nearest compatible person
 * (gender from honorifics, first names and earlier pronouns), definite role nouns ("the spokeswoman") to
 * the person introduced with that role, organisation voices ("the company", "a ministry statement") to
 * the nearest matching organisation, and unnamed sources kept as their description.
 */
import type { Article, Entity, Mention } from '../../model.js';
import {
  FEMALE_NAMES,
  FEMALE_TITLES,
  MALE_NAMES,
  MALE_TITLES,
  ORG_VOICE,
  PRONOUNS,
  ROLE_NOUNS,
} from './lexicon.js';
import { splitRole } from './speakers.js';
import type { SpeakerSpan } from './words.js';

// Regular expressions used inside functions are compiled once, here.
const MARKS_RE = /\p{M}+/gu;
const CAP_START_RE = /^\p{Lu}/u;

export interface ResolvedSpeaker {
  speaker: string | null;
  entityId: string | null;
}

type Gender = 'm' | 'f' | null;

/** Folded forms of the strings seen (entity names and aliases come back for every article). */
const folded = new Map<string, string>();
const foldUncached = (s: string): string => s.normalize('NFD').replace(MARKS_RE, '').toLowerCase();
const fold = (s: string): string => {
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size >= 200_000) folded.clear();
    f = foldUncached(s);
    folded.set(s, f);
  }
  return f;
};
const stripPossessive = (s: string) => s.replace(/(?:['’]s|['’])$/u, '');
const WORD_RE = /[a-z0-9]+/g;
const firstWords = (s: string) => fold(s).match(WORD_RE) ?? [];

const genders = new Map<string, Gender>();
/** Gender told by a name's title or first name (cached: the same names come back in every article). */
function genderOfName(name: string): Gender {
  let g = genders.get(name);
  if (g === undefined) {
    if (genders.size >= 200_000) genders.clear();
    genders.set(name, (g = genderOfNameUncached(name)));
  }
  return g;
}

function genderOfNameUncached(name: string): Gender {
  const toks = firstWords(name);
  const t0 = toks[0];
  if (t0 === undefined) return null;
  if (MALE_TITLES.has(t0)) return 'm';
  if (FEMALE_TITLES.has(t0)) return 'f';
  const first = toks.find((t) => MALE_NAMES.has(t) || FEMALE_NAMES.has(t));
  if (!first || first !== t0) return null;
  return MALE_NAMES.has(first) ? 'm' : 'f';
}

interface CorpusIndex {
  byId: Map<string, Entity>;
  /** Folded names and aliases of every entity. */
  names: Map<string, Entity>;
  /** Role nouns seen with persons in the articles resolved so far: noun → entity id → count. */
  roles: Map<string, Map<string, number>>;
  /** Per entity id: what every article's resolver derives from the entity's own names. */
  info: Map<string, EntityInfo>;
}

interface EntityInfo {
  /** Folded names and aliases (possessive stripped), in order, empty ones left out. */
  keys: string[];
  /** The last word of the folded name. */
  last: string | undefined;
  /** Gender from the name, else from the first alias that tells. */
  nameGender: Gender;
}

function entityInfo(c: CorpusIndex, e: Entity): EntityInfo {
  let info = c.info.get(e.id);
  if (!info) {
    const keys: string[] = [];
    for (const form of [e.name, ...e.aliases]) {
      const k = fold(stripPossessive(form)).trim();
      if (k) keys.push(k);
    }
    let nameGender: Gender = genderOfName(e.name);
    if (!nameGender) for (const a of e.aliases) if ((nameGender = genderOfName(a))) break;
    info = { keys, last: firstWords(e.name).pop(), nameGender };
    c.info.set(e.id, info);
  }
  return info;
}
const corpusIndexes = new WeakMap<Entity[], CorpusIndex>();

function buildCorpusIndex(entities: Entity[]): CorpusIndex {
  const byId = new Map<string, Entity>();
  const names = new Map<string, Entity>();
  for (const e of entities) {
    byId.set(e.id, e);
    for (const form of [e.name, ...e.aliases]) {
      const k = fold(stripPossessive(form)).trim();
      if (k && !names.has(k)) names.set(k, e);
    }
  }
  return { byId, names, roles: new Map(), info: new Map() };
}

const NON_ASCII_SPACE_RE = /\s/;
/** Is this UTF-16 code unit in the regular-expression class `\s`? */
const isSpaceCode = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && NON_ASCII_SPACE_RE.test(String.fromCharCode(c)));

/**
 * Where the last `chunks` chunks of `text.slice(from, to).split(/\s+/)` start: after the `chunks`-th run of
 * whitespace from the end, else `from`. (The slice from there holds those chunks with their own whitespace
 * between them, so its words are those of `.slice(-chunks).join(' ')`.)
 */
function lastChunksStart(text: string, from: number, to: number, chunks: number): number {
  let runs = 0;
  let i = to;
  while (i > from) {
    if (!isSpaceCode(text.charCodeAt(i - 1))) {
      i--;
      continue;
    }
    if (++runs === chunks) return i;
    i--;
    while (i > from && isSpaceCode(text.charCodeAt(i - 1))) i--;
  }
  return from;
}

/** Index of the first mention starting at or after `pos` (mentions sorted by start). */
function firstAtOrAfter(ms: Mention[], pos: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SpeakerResolver {
  private mentions: Mention[];
  private byId: Map<string, Entity>;
  private gender = new Map<string, Gender>();
  /** role head noun → entity ids in order of introduction (offset). */
  private roles: { noun: string; pos: number; entityId: string }[] = [];
  private nameIndex = new Map<string, Entity>();
  /** Earlier descriptions used as speakers ("a ministry statement"), by head noun. */
  private descriptions: { head: string; pos: number; resolved: ResolvedSpeaker }[] = [];
  /** Earlier resolved speakers (pos, entity) for pronoun resolution. */
  private history: { pos: number; entityId: string }[] = [];

  private corpus: CorpusIndex;

  constructor(
    private article: Article,
    entities: Entity[],
  ) {
    this.mentions = [...article.mentions].sort((a, b) => a.start - b.start);
    // Corpus-wide tables are built once per entity list, not once per article.
    let c = corpusIndexes.get(entities);
    if (!c) corpusIndexes.set(entities, (c = buildCorpusIndex(entities)));
    this.corpus = c;
    this.byId = c.byId;
    this.inArticle = new Set(this.mentions.map((m) => m.entityId).filter((x): x is string => !!x));
    // (an entity's gender is worked out on first use, in `pronoun`: it only depends on the entity's names and
    // this article's mentions, so that gives what working it out here for every person would)
    this.learnRoles();
  }

  /** Ids of the entities mentioned in the article, in order of first mention. */
  private inArticle: Set<string>;
  private nameIndexBuilt = false;

  /** Name index: this article's entities first (so a surname finds the person of this story). Built on first
   * use: most articles never look a name up. */
  private names(): Map<string, Entity> {
    if (!this.nameIndexBuilt) {
      this.nameIndexBuilt = true;
      for (const id of this.inArticle) {
        const e = this.corpus.byId.get(id);
        if (!e) continue;
        const info = entityInfo(this.corpus, e);
        for (const k of info.keys) if (!this.nameIndex.has(k)) this.nameIndex.set(k, e);
        if (e.type === 'PERSON') {
          const last = info.last;
          if (last && !this.nameIndex.has(last)) this.nameIndex.set(last, e);
        }
      }
    }
    return this.nameIndex;
  }

  private lookupName(k: string): Entity | undefined {
    return this.names().get(k) ?? this.corpus.names.get(k);
  }

  private entityGender(e: Entity): Gender {
    const g: Gender = entityInfo(this.corpus, e).nameGender;
    if (g) return g;
    return this.mentionGenders().get(e.id) ?? null;
  }

  /** Per entity: the gender told by its first mention in this article that tells one (built once). */
  private mentionGenderOf: Map<string, Gender> | null = null;
  private mentionGenders(): Map<string, Gender> {
    if (!this.mentionGenderOf) {
      const out = new Map<string, Gender>();
      for (const m of this.mentions) {
        if (!m.entityId || out.has(m.entityId)) continue;
        const g = genderOfName(m.text);
        if (g) out.set(m.entityId, g);
      }
      this.mentionGenderOf = out;
    }
    return this.mentionGenderOf;
  }

  /** "Jane Roe, a ministry spokeswoman," and "ministry spokeswoman Jane Roe" link a role noun to a person. */
  private learnRoles(): void {
    const text = this.article.text;
    for (const m of this.mentions) {
      if (m.type !== 'PERSON' || !m.entityId) continue;
      // (the appositive starts with a comma right after the name: most names have none, so no slice)
      const after =
        text.charCodeAt(m.end) === 44
          ? /^,\s+(?:a|an|the|its|his|her)\s+([^,.;]{1,60})/u.exec(text.slice(m.end, m.end + 80))
          : null;
      // up to three words right before the name ("harbour master Agnes Thorne"): the last four
      // whitespace-separated chunks of the 40 characters before it (the last one is usually empty)
      const from = Math.max(0, m.start - 40);
      const before = text.slice(lastChunksStart(text, from, m.start, 4), m.start);
      for (const phrase of [after?.[1], before]) {
        if (!phrase) continue;
        // (phrases around a name are new strings each time: not worth caching their folded form)
        for (const w of foldUncached(phrase).match(WORD_RE) ?? [])
          if (ROLE_NOUNS.has(w)) {
            this.roles.push({ noun: w, pos: m.start, entityId: m.entityId });
            const byNoun = this.corpus.roles.get(w) ?? new Map<string, number>();
            byNoun.set(m.entityId, (byNoun.get(m.entityId) ?? 0) + 1);
            this.corpus.roles.set(w, byNoun);
          }
      }
    }
  }

  /** Record the role given in an appositive that quote attribution found ("Roe, a spokeswoman, said"). */
  noteRole(role: string, pos: number, entityId: string): void {
    for (const w of firstWords(role)) if (ROLE_NOUNS.has(w)) this.roles.push({ noun: w, pos, entityId });
  }

  resolve(sp: SpeakerSpan | null): ResolvedSpeaker {
    if (!sp) return { speaker: null, entityId: null };
    const r = this.resolveInner(sp);
    if (r.entityId) this.history.push({ pos: sp.start, entityId: r.entityId });
    if (r.entityId && sp.role) this.noteRole(sp.role, sp.start, r.entityId);
    return r;
  }

  private entity(id: string): ResolvedSpeaker {
    const e = this.byId.get(id);
    return e ? { speaker: e.name, entityId: e.id } : { speaker: null, entityId: null };
  }

  private resolveInner(sp: SpeakerSpan): ResolvedSpeaker {
    const raw = sp.text.trim();
    const low = fold(raw);
    // 1. a named mention under the speaker phrase
    let best: Mention | null = null;
    let bestOverlap = 0;
    const from = Math.max(0, firstAtOrAfter(this.mentions, sp.start) - 3);
    const inSpan: Mention[] = [];
    for (let i = from; i < this.mentions.length; i++) {
      const m = this.mentions[i];
      if (m.end <= sp.start) continue;
      if (m.start >= sp.end) break;
      inSpan.push(m);
      const o = Math.min(m.end, sp.end) - Math.max(m.start, sp.start);
      if (
        m.entityId &&
        o > bestOverlap &&
        (m.type === 'PERSON' || m.type === 'ORG' || best?.type !== 'PERSON')
      ) {
        // prefer persons over organisations in "Tessaly Shipping spokesman Aron Vell"
        if (!best || m.type === 'PERSON' || best.type !== 'PERSON') {
          best = m;
          bestOverlap = o;
        }
      }
    }
    const personInSpan = inSpan.filter(
      (m) => m.start >= sp.start && m.end <= sp.end && m.type === 'PERSON' && m.entityId,
    );
    if (personInSpan.length) return this.entity(personInSpan[personInSpan.length - 1].entityId!);
    // "Corvane Line spokesman Aron Vell" whose name the NER missed: the person, not the organisation
    const split = splitRole(raw);
    if (split) {
      const k = fold(stripPossessive(split.name));
      const e = this.lookupName(k);
      if (e?.type === 'PERSON') return { speaker: e.name, entityId: e.id };
      return { speaker: split.name, entityId: null };
    }
    if (
      best?.entityId &&
      (best.type !== 'ORG' ||
        !/^(?:the|a|an)\s/i.test(raw) ||
        best.end - best.start >= raw.length - 4 ||
        // the name is the phrase's head ("the rail operator Nordbane"), not a modifier ("the Corvane spokesman")
        best.end >= sp.start + sp.text.trimEnd().length)
    )
      return this.entity(best.entityId);
    // 2. pronouns
    const pr = PRONOUNS[low];
    if (pr === 'm' || pr === 'f') return this.pronoun(sp.start, pr);
    if (pr === 'pl' && low === 'they') {
      const org = this.nearest(sp.start, (m) => m.type === 'ORG', 600);
      return org ? this.entity(org.entityId!) : { speaker: null, entityId: null };
    }
    if (pr) return { speaker: null, entityId: null };
    const toks = firstWords(raw);
    const head = toks[toks.length - 1];
    const definite = /^(?:the|this|that|its|his|her|their)\s/i.test(raw);
    // 3. "the statement" after "a ministry statement said": the same description as before
    if (definite && head) {
      for (let i = this.descriptions.length - 1; i >= 0; i--) {
        const d = this.descriptions[i];
        if (d.head === head && d.pos < sp.start) return d.resolved;
      }
    }
    // 3b. a definite role noun linked earlier
    if (definite && head && ROLE_NOUNS.has(head)) {
      let link: { entityId: string } | null = null;
      for (const r of this.roles) if (r.noun === head && r.pos < sp.start) link = r;
      if (link) return this.entity(link.entityId);
      // the role given to one person in earlier articles of the corpus ("the harbour master")
      const earlier = this.corpus.roles.get(head);
      if (earlier?.size === 1) return this.entity([...earlier.keys()][0]);
    }
    // 4. an organisation's voice: "the company said", "a ministry statement said"
    if (head && ORG_VOICE.has(head) && (definite || head === 'statement')) {
      const mods = toks.slice(1, -1).filter((t) => t.length > 2);
      const org = this.nearest(
        sp.start,
        (m) => m.type === 'ORG' && (!mods.length || mods.some((w) => fold(m.text).includes(w))),
        3000,
      );
      if (org) return this.remember(sp, head, this.entity(org.entityId!));
      if (definite && !mods.length) {
        const any = this.nearest(sp.start, (m) => m.type === 'ORG', 1500);
        if (any) return this.remember(sp, head, this.entity(any.entityId!));
      }
    }
    // 5. a name the NER missed: entity names and aliases
    if (CAP_START_RE.test(raw)) {
      const k = fold(stripPossessive(raw)).replace(/^(?:mr|mrs|ms|dr|gov|sen|rep|gen)\.?\s+/, '');
      const e = this.lookupName(k) ?? this.names().get(k.split(/\s+/).pop() ?? '');
      if (e) return { speaker: e.name, entityId: e.id };
    }
    // 6. unnamed source or unresolved name: the description as written (a leading "A"/"The" lowercased)
    const desc = stripPossessive(raw).replace(/^(A|An|The|Some|Several|Two|Three)\s/, (m) => m.toLowerCase());
    return this.remember(sp, head, { speaker: desc, entityId: null });
  }

  private remember(sp: SpeakerSpan, head: string | undefined, r: ResolvedSpeaker): ResolvedSpeaker {
    if (head && !CAP_START_RE.test(sp.text.trim().split(/\s+/).pop() ?? ''))
      this.descriptions.push({ head, pos: sp.start, resolved: r });
    return r;
  }

  private nearest(pos: number, ok: (m: Mention) => boolean, window: number): Mention | null {
    for (let i = firstAtOrAfter(this.mentions, pos) - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (pos - m.start > window) break;
      if (m.entityId && ok(m)) return m;
    }
    return null;
  }

  /** The nearest earlier person (quote speakers and mentions) whose known gender does not contradict the pronoun. */
  private pronoun(pos: number, g: 'm' | 'f'): ResolvedSpeaker {
    // walk back through earlier speakers and person mentions together, nearest first
    const hist = this.history.filter((h) => h.pos < pos).sort((a, b) => b.pos - a.pos);
    let hi = 0;
    let mi = firstAtOrAfter(this.mentions, pos) - 1;
    const next = (): { pos: number; entityId: string } | null => {
      while (mi >= 0 && (this.mentions[mi].type !== 'PERSON' || !this.mentions[mi].entityId)) mi--;
      const m = mi >= 0 ? this.mentions[mi] : null;
      const h = hi < hist.length ? hist[hi] : null;
      if (!m && !h) return null;
      if (h && (!m || h.pos >= m.start)) {
        hi++;
        return h;
      }
      mi--;
      return { pos: m!.start, entityId: m!.entityId! };
    };
    for (let c = next(); c; c = next()) {
      if (!this.gender.has(c.entityId)) {
        const e = this.byId.get(c.entityId);
        this.gender.set(c.entityId, e ? this.entityGender(e) : null);
      }
      const cg = this.gender.get(c.entityId) ?? null;
      if (cg === g) return this.entity(c.entityId);
      if (cg === null) {
        this.gender.set(c.entityId, g); // pronoun history: later pronouns agree with this one
        return this.entity(c.entityId);
      }
    }
    return { speaker: null, entityId: null };
  }
}

/**
 * Speaker resolution: the speaker phrase as written → canonical entity name. Named speakers through the
 * NER mention under them (or the entity names and aliases), pronouns to the nearest compatible person
 * (gender from honorifics, first names and earlier pronouns), definite role nouns ("the spokeswoman") to
 * the person introduced with that role, organisation voices ("the company", "a ministry statement") to
 * the nearest matching organisation, and unnamed sources kept as their description.
 */
import type { Article, Entity, Mention } from '../../model.js';
import { FEMALE_NAMES, FEMALE_TITLES, MALE_NAMES, MALE_TITLES, ORG_VOICE, PRONOUNS, ROLE_NOUNS } from './lexicon.js';
import type { SpeakerSpan } from './words.js';

export interface ResolvedSpeaker {
  speaker: string | null;
  entityId: string | null;
}

type Gender = 'm' | 'f' | null;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const stripPossessive = (s: string) => s.replace(/(?:['’]s|['’])$/u, '');
const firstWords = (s: string) => fold(s).match(/[a-z0-9]+/g) ?? [];

function genderOfName(name: string): Gender {
  const toks = firstWords(name);
  const t0 = toks[0];
  if (t0 === undefined) return null;
  if (MALE_TITLES.has(t0)) return 'm';
  if (FEMALE_TITLES.has(t0)) return 'f';
  const first = toks.find((t) => MALE_NAMES.has(t) || FEMALE_NAMES.has(t));
  if (!first || first !== t0) return null;
  return MALE_NAMES.has(first) ? 'm' : 'f';
}

export class SpeakerResolver {
  private mentions: Mention[];
  private byId = new Map<string, Entity>();
  private gender = new Map<string, Gender>();
  /** role head noun → entity ids in order of introduction (offset). */
  private roles: { noun: string; pos: number; entityId: string }[] = [];
  private nameIndex = new Map<string, Entity>();
  /** Earlier descriptions used as speakers ("a ministry statement"), by head noun. */
  private descriptions: { head: string; pos: number; resolved: ResolvedSpeaker }[] = [];
  /** Earlier resolved speakers (pos, entity) for pronoun resolution. */
  private history: { pos: number; entityId: string }[] = [];

  constructor(
    private article: Article,
    entities: Entity[],
  ) {
    this.mentions = [...article.mentions].sort((a, b) => a.start - b.start);
    for (const e of entities) this.byId.set(e.id, e);
    const inArticle = new Set(this.mentions.map((m) => m.entityId).filter((x): x is string => !!x));
    // Name index: this article's entities first (so a surname finds the person of this story).
    const ordered = [...entities.filter((e) => inArticle.has(e.id)), ...entities.filter((e) => !inArticle.has(e.id))];
    for (const e of ordered) {
      for (const form of [e.name, ...e.aliases]) {
        const k = fold(stripPossessive(form)).trim();
        if (k && !this.nameIndex.has(k)) this.nameIndex.set(k, e);
      }
      if (inArticle.has(e.id) && e.type === 'PERSON') {
        const last = firstWords(e.name).pop();
        if (last && !this.nameIndex.has(last)) this.nameIndex.set(last, e);
      }
    }
    for (const e of entities) if (e.type === 'PERSON') this.gender.set(e.id, this.entityGender(e));
    this.learnRoles();
  }

  private entityGender(e: Entity): Gender {
    let g: Gender = genderOfName(e.name);
    if (g) return g;
    for (const a of e.aliases) if ((g = genderOfName(a))) return g;
    for (const m of this.mentions) if (m.entityId === e.id && (g = genderOfName(m.text))) return g;
    return null;
  }

  /** "Jane Roe, a ministry spokeswoman," and "ministry spokeswoman Jane Roe" link a role noun to a person. */
  private learnRoles(): void {
    const text = this.article.text;
    for (const m of this.mentions) {
      if (m.type !== 'PERSON' || !m.entityId) continue;
      const after = /^,\s+(?:a|an|the|its|his|her)\s+([^,.;]{1,60})/u.exec(text.slice(m.end, m.end + 80));
      const before = /([\p{L}’'-]+\s+){0,3}$/u.exec(text.slice(Math.max(0, m.start - 60), m.start));
      for (const phrase of [after?.[1], before?.[0]]) {
        if (!phrase) continue;
        for (const w of firstWords(phrase)) if (ROLE_NOUNS.has(w)) this.roles.push({ noun: w, pos: m.start, entityId: m.entityId });
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
    for (const m of this.mentions) {
      if (m.end <= sp.start) continue;
      if (m.start >= sp.end) break;
      const o = Math.min(m.end, sp.end) - Math.max(m.start, sp.start);
      if (m.entityId && o > bestOverlap && (m.type === 'PERSON' || m.type === 'ORG' || best?.type !== 'PERSON')) {
        // prefer persons over organisations in "Clinton spokesman Brian Fallon"
        if (!best || m.type === 'PERSON' || best.type !== 'PERSON') {
          best = m;
          bestOverlap = o;
        }
      }
    }
    const personInSpan = this.mentions.filter((m) => m.start >= sp.start && m.end <= sp.end && m.type === 'PERSON' && m.entityId);
    if (personInSpan.length) return this.entity(personInSpan[personInSpan.length - 1].entityId!);
    if (best?.entityId && (best.type !== 'ORG' || !/^(?:the|a|an)\s/i.test(raw) || best.end - best.start >= raw.length - 4))
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
    }
    // 4. an organisation's voice: "the company said", "a ministry statement said"
    if (head && ORG_VOICE.has(head) && (definite || head === 'statement')) {
      const mods = toks.slice(1, -1).filter((t) => t.length > 2);
      const org = this.nearest(sp.start, (m) => m.type === 'ORG' && (!mods.length || mods.some((w) => fold(m.text).includes(w))), 3000);
      if (org) return this.remember(sp, head, this.entity(org.entityId!));
      if (definite && !mods.length) {
        const any = this.nearest(sp.start, (m) => m.type === 'ORG', 1500);
        if (any) return this.remember(sp, head, this.entity(any.entityId!));
      }
    }
    // 5. a name the NER missed: entity names and aliases
    if (/^\p{Lu}/u.test(raw)) {
      const k = fold(stripPossessive(raw)).replace(/^(?:mr|mrs|ms|dr|gov|sen|rep|gen)\.?\s+/, '');
      const e = this.nameIndex.get(k) ?? this.nameIndex.get(k.split(/\s+/).pop() ?? '');
      if (e) return { speaker: e.name, entityId: e.id };
    }
    // 6. unnamed source or unresolved name: the description as written (a leading "A"/"The" lowercased)
    const desc = stripPossessive(raw).replace(/^(A|An|The|Some|Several|Two|Three)\s/, (m) => m.toLowerCase());
    return this.remember(sp, head, { speaker: desc, entityId: null });
  }

  private remember(sp: SpeakerSpan, head: string | undefined, r: ResolvedSpeaker): ResolvedSpeaker {
    if (head && !/^\p{Lu}/u.test(sp.text.trim().split(/\s+/).pop() ?? '')) this.descriptions.push({ head, pos: sp.start, resolved: r });
    return r;
  }

  private nearest(pos: number, ok: (m: Mention) => boolean, window: number): Mention | null {
    let found: Mention | null = null;
    for (const m of this.mentions) {
      if (m.start >= pos) break;
      if (m.entityId && pos - m.start <= window && ok(m)) found = m;
    }
    return found;
  }

  /** The nearest earlier person (quote speakers and mentions) whose gender does not contradict the pronoun. */
  private pronoun(pos: number, g: 'm' | 'f'): ResolvedSpeaker {
    const cands: { pos: number; entityId: string }[] = [
      ...this.history.filter((h) => h.pos < pos),
      ...this.mentions.filter((m) => m.type === 'PERSON' && m.entityId && m.start < pos).map((m) => ({ pos: m.start, entityId: m.entityId! })),
    ].sort((a, b) => b.pos - a.pos);
    let unknown: string | null = null;
    for (const c of cands) {
      const cg = this.gender.get(c.entityId) ?? null;
      if (cg === g) return this.entity(c.entityId);
      if (cg === null && unknown === null) unknown = c.entityId;
    }
    if (unknown) {
      this.gender.set(unknown, g); // pronoun history: later pronouns agree with this one
      return this.entity(unknown);
    }
    return { speaker: null, entityId: null };
  }
}

/**
 * Merging two stored entities after the fact. Batches arrive in any order: an article that names only
 * "Corvane" may be stored before the one that shows "Corvane" is short for "Corvane Shipping", so the store
 * holds an entity "Corvane" of its own. When a later batch's entity carries that short form as an alias, the
 * short form is one by the entities stage's rules (isShortForm: surname, first words, acronym), the two have
 * the same type, no other stored entity of the type is known by it, and the short form is not the better
 * attested name, the short form's entity is merged into the batch's: its mentions, quotes, aliases and story
 * statistics move over, and the stories it appears in get a new version (their stored timelines are refreshed
 * like any touched story's). A stored entity is never renamed: a batch's chosen name is at times the entities
 * stage's mistake ("Corvane Okafor" for a batch's Okafor), which must not replace a name the store has attested.
 */
import type { EntityType } from '../../model.js';
import { coreTokens, foldToken } from '../../nlp/entities/names.js';
import type { MentionRow } from './annotations.js';
import type { BatchView } from './view.js';

/**
 * Whether `short` is a short form of `full` by the entities stage's own rules: a lone surname of a person's
 * full name, the first words of an organisation's or place's name ("Corvane" of "Corvane Shipping"), or an
 * acronym of its capitalised words ("EPA"). An alias alone is not enough: the aliases of a batch entity carry
 * its variant spellings and, at times, the stage's mistakes, which must not spread across the store.
 */
export function isShortForm(short: string, full: string, type: EntityType): boolean {
  const s = coreTokens(short, type).map(foldToken);
  const f = coreTokens(full, type).map(foldToken);
  if (!s.length || s.length >= f.length) return false;
  if (type === 'PERSON') return s.length === 1 && s[0] === f[f.length - 1];
  if (s.every((t, i) => t === f[i])) return true;
  const acronym = short.replace(/\./g, '');
  return (
    /^[A-Z]{2,}$/.test(acronym) &&
    full
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('') === acronym
  );
}

/**
 * The stored entity (other than `into`) of this type whose name has this key, when it is the only other
 * entity of the type known by the key (as name or alias) and a short form of `into`'s name; otherwise null.
 * `mentions`: the batch's mentions of `into` (not counted in the store yet).
 */
export function shortFormEntity(
  view: BatchView,
  into: number,
  type: EntityType,
  key: string,
  mentions: number,
): number | null {
  // The entity named so (one point lookup: most aliases name no other entity, and this runs for each).
  const own = view.entityByKey(type, key);
  if (!own || own.rowid === into) return null;
  // A short form (isShortForm) of the entity's name, of its type, and not the better attested of the two.
  const target = view.entity(into);
  if (
    !target ||
    target.type !== type ||
    own.mentions > target.mentions + mentions ||
    !isShortForm(own.name, target.name, type)
  )
    return null;
  // No third entity of the type known by the key as an alias.
  if (view.otherAliasHolder(key, type, [into, own.rowid])) return null;
  // A lone surname is someone's only when no other stored full name has that surname.
  const tokens = type === 'PERSON' ? coreTokens(own.name, 'PERSON') : [];
  if (tokens.length === 1) {
    const others = view.entitiesByMatchKey('last', foldToken(tokens[0]!)).some((e) => e.rowid !== into);
    if (others) return null;
  }
  return own.rowid;
}

/** An article's stored mentions (the `annotations.mentions` JSON) with entity `from` named `into`. */
export function repointMentions(json: string, from: number, into: number): string {
  const rows = JSON.parse(json) as MentionRow[];
  for (const m of rows) if (m[4] === from) m[4] = into;
  return JSON.stringify(rows);
}

/**
 * Whether a text mentions a name: one matcher for the server's entity filter (src/server/views.ts) and the
 * web app's entity chips (web/src/views/timeline.ts), so a chip is shown on exactly the entries that
 * filtering by it keeps. The app once had its own copy that looked only at a name's first occurrence and
 * missed names the server found. Browser-safe: no Node imports, only the standard library.
 */

/** What the matcher needs to know of an entity: its canonical name and the other forms it appears as. */
export interface NamedEntity {
  id?: string;
  name: string;
  aliases: readonly string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A case-insensitive whole-word matcher for any of the names: a match may not touch a letter or digit on
 * either side ("Lund" is not in "Lundgren"). Names shorter than two characters never match.
 */
export function nameMatcher(names: readonly string[]): (text: string) => boolean {
  const alts = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (!alts.length) return () => false;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return (text) => re.test(text);
}

/**
 * The names an entity filter stands for: the entity's canonical name and aliases when the filter names a
 * known entity (by id, name or alias, case-insensitively), else the filter itself.
 */
export function entityNames(filter: string, entities: readonly NamedEntity[]): string[] {
  const f = filter.trim().toLowerCase();
  const hit = entities.find(
    (e) => e.id === filter || e.name.toLowerCase() === f || e.aliases.some((a) => a.toLowerCase() === f),
  );
  return hit ? [hit.name, ...hit.aliases] : [filter];
}

/**
 * The entities a text mentions, in the given order, one per canonical name (an entity tagged with two
 * types counts once). An entity counts when the matcher an entity filter on its name would use matches.
 */
export function entitiesIn<E extends NamedEntity>(text: string, entities: readonly E[]): E[] {
  const out: E[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    const key = e.name.toLowerCase();
    if (seen.has(key)) continue;
    if (!nameMatcher(entityNames(e.name, entities))(text)) continue;
    out.push(e);
    seen.add(key);
  }
  return out;
}

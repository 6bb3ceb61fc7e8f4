/**
 * A small mix of three events written for the story clustering tests (all text is our own writing): they overlap
 * in time and share everyday vocabulary, so a new event's first small story is exactly what a too-eager fragment
 * merge would feed to an older story, and batches committed in another order could split or join them.
 */
import { newArticle, type Article } from '../../src/model.js';
import { addDays } from '../../src/util/day.js';

export const EVENTS: { name: string; start: string; texts: string[] }[] = [
  {
    name: 'strike',
    start: '2024-03-01',
    texts: [
      'Dock workers at the Marrow harbour walked out on Monday, officials said.',
      'The Marrow dock strike left container ships waiting outside the harbour, officials said.',
      'Union leader Petra Vosk said the Marrow dock workers want a pay rise before they return.',
      'Ships queued outside Marrow harbour as the dock strike entered its third day.',
      'The harbour authority in Marrow offered the striking dock workers talks, officials said.',
      'Petra Vosk told the dock workers in Marrow that the union would not accept the offer.',
      'Talks between the Marrow harbour authority and the dock union broke down on Friday.',
      'Marrow dock workers voted to end the strike after the harbour authority raised its pay offer.',
    ],
  },
  {
    name: 'fire',
    start: '2024-03-05',
    texts: [
      'A fire destroyed the Lindqvist school gymnasium overnight, officials said.',
      'Firefighters said the Lindqvist school fire started in a storage room next to the gymnasium.',
      'Pupils of the Lindqvist school will study in the town library until the gymnasium is rebuilt.',
      'Investigators ruled out arson in the Lindqvist school fire, the fire brigade said.',
      'Parents raised money to rebuild the burnt Lindqvist school gymnasium, officials said.',
    ],
  },
  {
    name: 'vote',
    start: '2024-03-12',
    texts: [
      'Voters in the Oskarby district elect a new mayor on Sunday, officials said.',
      'The Oskarby mayoral candidates debated housing and buses in a crowded hall.',
      'Early turnout in the Oskarby mayoral election was higher than four years ago, officials said.',
      'Greta Holm won the Oskarby mayoral election and promised cheaper buses for the district.',
      'The new Oskarby mayor Greta Holm named her deputies after the election count.',
    ],
  },
];

/** One article per event day: the events run in parallel, each starting on its own day. */
export function fixture(): { articles: Article[]; event: Map<string, string> } {
  const articles: Article[] = [];
  const event = new Map<string, string>();
  for (const e of EVENTS)
    e.texts.forEach((text, i) => {
      const a = newArticle({ id: `${e.name}-${i}`, rawText: text, text, publishedAt: addDays(e.start, i) });
      articles.push(a);
      event.set(a.id, e.name);
    });
  return { articles, event };
}

/** A partition as a canonical string: groups of ids, each sorted, groups sorted. */
export function partition(storyOf: Map<string, string>): string {
  const groups = new Map<string, string[]>();
  for (const [id, s] of storyOf) groups.set(s, [...(groups.get(s) ?? []), id]);
  return JSON.stringify([...groups.values()].map((g) => g.sort()).sort());
}

/**
 * A tiny Timeline17-shaped tree of our own writing (invented places, people and events): three topics, each
 * with a few days of reports from two outlets that name the days they report, keywords, and one reference
 * timeline. Enough for the benchmark, the training and the leave-one-topic-out search to run in seconds.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DASHES = '-'.repeat(32);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Story {
  topic: string;
  keywords: string[];
  /** Events: day offset from the first day, a report sentence (with {day} for the weekday) and a follow-up. */
  events: [number, string, string][];
  background: string[];
  start: string;
}

const STORIES: Story[] = [
  {
    topic: 'flood',
    keywords: ['flood', 'river'],
    start: '2021-03-01',
    events: [
      [
        0,
        'The Orwen river burst its banks at Millford on {day} and flooded the lower town .',
        'Residents of Millford were moved to the school hall after the river rose .',
      ],
      [
        2,
        'Army engineers built a temporary barrier along the Orwen on {day} to protect the bridge .',
        'The barrier held through the night , the engineers said .',
      ],
      [
        5,
        'Mayor Lena Korsgaard declared a state of emergency in Millford on {day} .',
        'The emergency lets the council spend reserve funds on pumps .',
      ],
      [
        8,
        'The flood water began to fall on {day} and shops in the lower town reopened .',
        'Traders counted the cost of a week without customers .',
      ],
    ],
    background: [
      'Heavy rain has fallen on the hills above the valley for a month .',
      'The town last flooded in a wet spring many years ago .',
    ],
  },
  {
    topic: 'strike',
    keywords: ['strike', 'dockers'],
    start: '2021-06-07',
    events: [
      [
        0,
        'Dockers at the port of Halvik walked out on {day} over a pay offer .',
        'Ships queued outside the harbour as the cranes stood still .',
      ],
      [
        3,
        'The port operator Brannock Lines made a new pay offer on {day} .',
        'Union leader Tomas Reyhill called the offer a start .',
      ],
      [
        6,
        'The dockers voted to accept the deal on {day} and ended the strike .',
        'The first ship was unloaded within hours of the vote .',
      ],
    ],
    background: [
      'Halvik handles most of the grain shipped from the region .',
      'Dock wages have not risen for three years , the union says .',
    ],
  },
  {
    topic: 'fire',
    keywords: ['fire', 'forest'],
    start: '2021-08-02',
    events: [
      [
        0,
        'A forest fire broke out near the village of Dunmere on {day} .',
        'Smoke from the fire could be seen from the coast .',
      ],
      [
        1,
        'Firefighters evacuated two hundred people from Dunmere on {day} .',
        'The evacuees spent the night in a sports centre .',
      ],
      [
        4,
        'Water planes from the capital joined the fight against the fire on {day} .',
        'The planes dropped water on the eastern edge of the blaze .',
      ],
      [
        7,
        'The fire near Dunmere was declared under control on {day} .',
        'Residents were allowed home the next morning .',
      ],
    ],
    background: [
      'The summer has been the driest in decades .',
      'Forest roads around the village were closed to walkers .',
    ],
  },
];

const addDays = (day: string, n: number) =>
  new Date(Date.parse(day + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (day: string) => WEEKDAYS[new Date(day + 'T00:00:00Z').getUTCDay()]!;

/** The reference timeline text of a story: each event's day with a short summary of our own. */
function reference(s: Story): string {
  return s.events
    .map(([offset, report]) => {
      const day = addDays(s.start, offset);
      return `${day}\n${report.replace(' on {day}', '')}\n${DASHES}\n`;
    })
    .join('');
}

/** Write the tree; returns its root. */
export function writeT17Fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 't17-loto-'));
  const put = (p: string, text: string) => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  };
  for (const s of STORIES) {
    for (const [o, outlet] of ['gazette', 'ledger'].entries()) {
      const folder = `${s.topic}_${outlet}`;
      put(`${folder}/keywords.json`, JSON.stringify(s.keywords));
      s.events.forEach(([offset, report, follow], e) => {
        const day = addDays(s.start, offset);
        // each outlet reports the event the next day (naming the weekday), the other one the same day
        const published = addDays(day, (o + e) % 2);
        const lines = [
          report.replace('{day}', weekday(day)),
          follow,
          s.background[(o + e) % s.background.length]!,
        ];
        if (o === 1 && e > 0) lines.push(`It came ${offset} days after the first events of the story .`);
        put(`${folder}/InputDocs/${published}/${e + 1}.htm.txt`, lines.join('\n') + '\n');
      });
      if (o === 0) put(`${folder}/timelines/tl.txt`, reference(s));
    }
  }
  return root;
}

/** Replace a topic's reference with nonsense in the same format (other days, other words). */
export function garbleReference(root: string, topic: string): void {
  const s = STORIES.find((x) => x.topic === topic)!;
  const days = [1, 3, 4, 6].map((n) => addDays(s.start, n));
  writeFileSync(
    join(root, `${topic}_gazette`, 'timelines', 'tl.txt'),
    days.map((d, i) => `${d}\nPurple ${i} kettles whistle over granite .\n${DASHES}\n`).join(''),
  );
}

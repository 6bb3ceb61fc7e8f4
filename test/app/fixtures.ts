/** An invented story (our own writing) in the shape the API sends, for the view tests. */
import type { TimelineEntity, TimelineView } from '../../web/src/api.js';

const ref = (articleId: string, source: string, publishedAt: string, url: string | null = null) => ({
  articleId,
  path: null,
  title: `Report ${articleId}`,
  source,
  publishedAt,
  url,
});

export const ENTITIES: TimelineEntity[] = [
  { id: 'e1', name: 'Marta Lindqvist', type: 'PERSON', aliases: ['Lindqvist'], mentions: 9 },
  { id: 'e2', name: 'Orrby Council', type: 'ORG', aliases: ['the council'], mentions: 6 },
  { id: 'e3', name: 'Lind', type: 'LOC', aliases: [], mentions: 4 },
  { id: 'e4', name: 'Orrby', type: 'LOC', aliases: [], mentions: 3 },
];

export const ENTRIES: TimelineView['timeline']['entries'] = [
  {
    date: '2031-05-02',
    summary: [
      'Orrby Council closed the ferry pier after a storm.',
      'Lindqvist said repairs at Lind would start soon.',
    ],
    sentences: [
      {
        text: 'Orrby Council closed the ferry pier after a storm.',
        articleId: 'a1',
        sentenceIndex: 0,
        sources: [ref('a1', 'Orrby Echo', '2031-05-02', 'https://echo.example/pier')],
        outlets: 3,
      },
      {
        text: 'Lindqvist said repairs at Lind would start soon.',
        articleId: 'a2',
        sentenceIndex: 3,
        sources: [ref('a2', 'Fjord Post', '2031-05-03', 'javascript:alert(1)')],
      },
    ],
    sources: [
      ref('a1', 'Orrby Echo', '2031-05-02', 'https://echo.example/pier'),
      ref('a2', 'Fjord Post', '2031-05-03', 'javascript:alert(1)'),
      ref('a3', 'Coast Wire', '2031-05-02'),
    ],
    sourceCount: 5,
    score: 2.5,
  },
  {
    date: '2031-05-09',
    summary: ['Divers from Lindqvistbyn inspected the <script>alert(1)</script> pier.'],
    sentences: [],
    sources: [ref('a4', 'Coast Wire', '2031-05-09')],
    score: 1.2,
  },
];

export const QUOTES: TimelineView['timeline']['quotes'] = [
  {
    speaker: 'Marta Lindqvist',
    text: 'We will reopen the pier by June,',
    cue: 'said',
    date: '2031-05-02',
    sources: [],
  },
  { speaker: null, text: 'Nobody was hurt.', cue: null, date: null, sources: [] },
];

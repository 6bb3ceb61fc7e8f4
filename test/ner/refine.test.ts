import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  afterRole,
  honorificPerson,
  refineDocument,
  replaceSpans,
  roleModifier,
  titleSplit,
  vesselName,
  vesselNamesIn,
} from '../../src/nlp/ner/refine.js';

test('the words after an honorific become one person, replacing overlapping spans', () => {
  const words = ['Mr.', 'Tobias', 'Renk', 'met', 'Dr', 'Oyelaran', 'in', 'Lagos', '.'];
  const spans = [
    { start: 1, end: 2, type: 'ORG' },
    { start: 5, end: 6, type: 'LOC' },
    { start: 7, end: 8, type: 'LOC' },
  ];
  assert.deepEqual(honorificPerson(words, spans), [
    { start: 1, end: 3, type: 'PER' },
    { start: 5, end: 6, type: 'PER' },
    { start: 7, end: 8, type: 'LOC' },
  ]);
});

test('an honorific before a lower-case word changes nothing', () => {
  const words = ['Mr.', 'and', 'Mrs.', 'Hale', 'left', '.'];
  assert.deepEqual(honorificPerson(words, []), [{ start: 3, end: 4, type: 'PER' }]);
  assert.deepEqual(honorificPerson(['the', 'doctor', 'left'], []), []);
});

test('replaceSpans keeps spans that do not overlap', () => {
  const out = replaceSpans(
    [
      { start: 0, end: 2, type: 'ORG' },
      { start: 3, end: 4, type: 'LOC' },
    ],
    1,
    3,
    'PER',
  );
  assert.deepEqual(out, [
    { start: 1, end: 3, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
  ]);
});

const w = (s: string) => s.split(' ');

test('a title glued to a name is cut off; the place before it stays if it is a mention elsewhere', () => {
  const doc = [
    w('Ravensholm Mayor Ilse Vantongeren opened the bridge .'),
    w('Crowds gathered in Ravensholm .'),
  ];
  const spans = [[{ start: 0, end: 4, type: 'ORG' }], [{ start: 3, end: 4, type: 'LOC' }]];
  assert.deepEqual(titleSplit(doc, spans), [
    [
      { start: 0, end: 1, type: 'LOC' },
      { start: 2, end: 4, type: 'PER' },
    ],
    [{ start: 3, end: 4, type: 'LOC' }],
  ]);
});

test('multi-word titles are dropped from person spans when their words are not mentions elsewhere', () => {
  const doc = [w('Inland Waterways Minister Oskar Brandvik and Chief Executive Hanne Tollefsrud spoke .')];
  const spans = [
    [
      { start: 0, end: 5, type: 'PER' },
      { start: 6, end: 10, type: 'PER' },
    ],
  ];
  assert.deepEqual(titleSplit(doc, spans), [
    [
      { start: 3, end: 5, type: 'PER' },
      { start: 8, end: 10, type: 'PER' },
    ],
  ]);
});

test('an abbreviated rank split from its full stop is a title too', () => {
  const words = w('Gen . Tomasz Wierzbicki arrived');
  assert.equal(afterRole(words, 0), 2);
  assert.equal(afterRole(words, 2), -1);
  assert.deepEqual(titleSplit([words], [[{ start: 0, end: 4, type: 'PER' }]]), [
    [{ start: 2, end: 4, type: 'PER' }],
  ]);
});

test('organisation names that start with a role word stay whole', () => {
  const doc = [
    w('General Ferrotech and Director Corp. reported profits , and Council Secretary Office said nothing .'),
  ];
  const spans = [
    [
      { start: 0, end: 2, type: 'ORG' },
      { start: 3, end: 5, type: 'ORG' },
      { start: 10, end: 13, type: 'ORG' },
    ],
  ];
  assert.deepEqual(titleSplit(doc, spans), spans);
});

test('a name after a lower-case vessel noun or a ship prefix is MISC', () => {
  const words = w('The ferry Northern Lark collided with MV Saltmarsh Queen near the ship Monday .');
  assert.deepEqual(vesselNamesIn(words), [
    [2, 4],
    [6, 9],
  ]);
  const spans = [
    { start: 2, end: 4, type: 'PER' },
    { start: 7, end: 9, type: 'ORG' },
  ];
  assert.deepEqual(vesselName([words], [spans]), [
    [
      { start: 2, end: 4, type: 'MISC' },
      { start: 6, end: 9, type: 'MISC' },
    ],
  ]);
});

test('the vessel name is MISC throughout the document, but not inside a longer name', () => {
  const doc = [
    w('The trawler Grey Heron sank .'),
    w('The Grey Heron was old .'),
    w('Grey Heron Fisheries Ltd owned it .'),
    w('Nobody heard from Grey Heron again .'),
  ];
  const spans = [
    [{ start: 2, end: 4, type: 'PER' }],
    [{ start: 2, end: 3, type: 'ORG' }],
    [{ start: 0, end: 4, type: 'ORG' }],
    [],
  ];
  assert.deepEqual(vesselName(doc, spans), [
    [{ start: 2, end: 4, type: 'MISC' }],
    [{ start: 1, end: 3, type: 'MISC' }],
    [{ start: 0, end: 4, type: 'ORG' }],
    [{ start: 3, end: 5, type: 'MISC' }],
  ]);
});

test('capitalised vessel nouns and names in capitals do not trigger the vessel rule', () => {
  assert.deepEqual(vesselNamesIn(w('Tanker Spills Oil Near Port')), []);
  assert.deepEqual(vesselNamesIn(w('the tanker HAS SUNK')), []);
  assert.deepEqual(vesselNamesIn(w('a ship , Lena said')), []);
});

test('refineDocument runs the sentence rules and then the document rules', () => {
  const doc = [
    w('Mr. Arvid Holt boarded the tanker Calder Mist .'),
    w('Port Commissioner Rhoda Kestrel waved .'),
  ];
  const spans = [[{ start: 6, end: 8, type: 'PER' }], [{ start: 0, end: 4, type: 'PER' }]];
  assert.deepEqual(refineDocument(doc, spans), [
    [
      { start: 1, end: 3, type: 'PER' },
      { start: 6, end: 8, type: 'MISC' },
    ],
    [{ start: 2, end: 4, type: 'PER' }],
  ]);
});

test('an honorific in capitals names a person only in an all-capitals line', () => {
  assert.deepEqual(honorificPerson(w('3. Pavel Rusk ( Czechia ) DR Vastra'), []), []);
  assert.deepEqual(honorificPerson(w('DR VASTRA RESIGNS'), []), [{ start: 1, end: 3, type: 'PER' }]);
});

test('the words before the title of an organisation span stay an organisation when nothing else is known', () => {
  const doc = [w('Coastal Pilotage Board Director Maren Solheim resigned .')];
  assert.deepEqual(titleSplit(doc, [[{ start: 0, end: 6, type: 'ORG' }]]), [
    [
      { start: 0, end: 3, type: 'ORG' },
      { start: 4, end: 6, type: 'PER' },
    ],
  ]);
});

test('an honorific before a role word alone is a form of address, not a name', () => {
  assert.deepEqual(honorificPerson(w('Thank you , Mr. President .'), []), []);
  assert.deepEqual(honorificPerson(w('Mr. Chancellor Brekke'), []), [{ start: 1, end: 3, type: 'PER' }]);
});

test('a person span before a lower-case role noun and a name becomes the employer, or goes if it is a common noun', () => {
  const doc = [
    w('Lighthouse keeper Oona Brisk and Tallvik spokesman Rune Aas spoke .'),
    w('The old lighthouse stood empty .'),
  ];
  const spans = [
    [
      { start: 0, end: 1, type: 'PER' },
      { start: 2, end: 4, type: 'PER' },
      { start: 5, end: 6, type: 'PER' },
      { start: 7, end: 9, type: 'PER' },
    ],
    [],
  ];
  assert.deepEqual(roleModifier(doc, spans)[0], [
    { start: 0, end: 1, type: 'PER' },
    { start: 2, end: 4, type: 'PER' },
    { start: 5, end: 6, type: 'ORG' },
    { start: 7, end: 9, type: 'PER' },
  ]);
  const harbour = [w('Quayside master Edda Lunn spoke .'), w('They walked along the quayside .')];
  assert.deepEqual(
    roleModifier(harbour, [
      [
        { start: 0, end: 1, type: 'PER' },
        { start: 2, end: 4, type: 'PER' },
      ],
      [],
    ]),
    [[{ start: 2, end: 4, type: 'PER' }], []],
  );
});

test('a one-word vessel name is retyped elsewhere only where the model found a name', () => {
  const doc = [w('The tug Resolve left .'), w('Resolve is needed , and Resolve agreed .')];
  const spans = [[{ start: 2, end: 3, type: 'PER' }], [{ start: 5, end: 6, type: 'PER' }]];
  assert.deepEqual(vesselName(doc, spans), [
    [{ start: 2, end: 3, type: 'MISC' }],
    [{ start: 5, end: 6, type: 'MISC' }],
  ]);
});

/** Word lists for quote attribution (our own lists, written for this project). */

/** Speech and report verbs that introduce a quote or a reported clause. Multi-word cues first. */
export const CUE_PHRASES = [
  'wrote on twitter',
  'wrote on facebook',
  'said on twitter',
  'posted on twitter',
  'wrote in a statement',
  'said in a statement',
  'said in a statement on',
  'pointed out',
  'points out',
  'went on',
  'put it',
  'according to',
];

export const CUE_VERBS = new Set(
  (
    'say says said saying tell tells told telling add adds added adding state states stated warn warns warned ' +
    'write writes wrote tweet tweets tweeted post posts posted explain explains explained note notes noted noting ' +
    'argue argues argued insist insists insisted claim claims claimed ask asks asked reply replies replied ' +
    'respond responds responded continue continues continued conclude concludes concluded declare declares declared ' +
    'announce announces announced acknowledge acknowledges acknowledged admit admits admitted suggest suggests suggested ' +
    'recall recalls recalled remark remarks remarked observe observes observed joke jokes joked quip quips quipped ' +
    'concede concedes conceded caution cautions cautioned stress stresses stressed emphasize emphasizes emphasized ' +
    'emphasise emphasises emphasised predict predicts predicted promise promises promised vow vows vowed complain ' +
    'complains complained counter counters countered retort retorts retorted shout shouts shouted yell yells yelled ' +
    'report reports reported confirm confirms confirmed deny denies denied urge urges urged reveal reveals revealed ' +
    'believe believes believed think thinks thought estimate estimates estimated allege alleges alleged assert asserts ' +
    'asserted contend contends contended maintain maintains maintained testify testifies testified announce ' +
    'mused muse muses boasted boast boasts charged charge charges wondered wonder wonders agreed agree agrees ' +
    'disclosed disclose discloses indicated indicate indicates showed show shows found find finds learned reads read recommended recommends exclaimed demanded interjected'
  ).split(' '),
);

/** Cues that take a reported clause without quotation marks ("X said that ..."). */
export const CLAUSE_CUES = new Set(
  (
    'say says said saying tell tells told telling add adds added adding stated warn warns warned ' +
    'write writes wrote tweeted explain explains explained note notes noted noting argue argues argued insist ' +
    'insists insisted claim claims claimed announce announces announced acknowledge acknowledges acknowledged admit ' +
    'admits admitted suggest suggests suggested predict predicts predicted promise promises promised confirm ' +
    'confirms confirmed report reports reported reveal reveals revealed believe believes believed think thinks ' +
    'thought estimate estimates estimated allege alleges alleged assert asserts asserted contend contends contended ' +
    'maintain maintains maintained stress stresses stressed emphasize emphasizes emphasized concede concedes conceded ' +
    'show shows showed found finds indicate indicates indicated recall recalls recalled complain complains complained ' +
    'worry worries worried fear fears feared hope hopes hoped agree agrees agreed learned'
  ).split(' '),
);

/** Words allowed between a speaker and its cue ("Smith has also said"). */
export const AUX_ADVERBS = new Set(
  (
    'has have had also later then previously once recently again would will further reportedly often repeatedly ' +
    'publicly earlier privately simply just even still already frequently quickly flatly bluntly told has had ' +
    'is was were are be been being did does do may might could should must can openly angrily proudly'
  ).split(' '),
);

export const DETERMINERS = new Set(
  'the a an his her their its our my your this that these those one another some several many two three four five few other each every both no any such'.split(
    ' ',
  ),
);

/** Function words that end a speaker phrase when scanning backwards. */
export const NP_STOP = new Set(
  (
    'and or but that which who whom whose when as because if while after before since so than where whether ' +
    'in on at for with to by from into about over under against during without through across between among ' +
    'is was were are be been being said says say told also not never what how why it there here then'
  ).split(' '),
);

export const PRONOUNS: Record<string, 'm' | 'f' | 'pl' | 'i'> = {
  he: 'm',
  she: 'f',
  they: 'pl',
  i: 'i',
  we: 'pl',
};

/** Nouns that denote a speaking role; "the spokeswoman" is linked to the person introduced with it. */
export const ROLE_NOUNS = new Set(
  (
    'spokesman spokeswoman spokesperson minister secretary president chairman chairwoman chair director official ' +
    'officer chief executive ceo governor mayor senator ambassador envoy commissioner adviser advisor aide lawyer ' +
    'attorney prosecutor judge leader head manager founder analyst economist expert professor researcher scientist ' +
    'captain commander general inspector superintendent campaigner activist candidate nominee owner resident witness ' +
    'harbourmaster harbormaster engineer negotiator diplomat representative congressman congresswoman strategist ' +
    'pollster surgeon doctor consultant coordinator treasurer deputy master'
  ).split(' '),
);

/** Nouns standing for an organisation's voice ("the company said", "a ministry statement said"). */
export const ORG_VOICE = new Set(
  'company firm agency ministry department government authority council group campaign committee union party statement report court police board commission bank operator insurer'.split(
    ' ',
  ),
);

/**
 * Gender hints for pronoun resolution: honorifics and a short list of common first names (our own
 * selection). Unknown names stay compatible with any pronoun.
 */
export const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'brother']);
export const FEMALE_TITLES = new Set([
  'ms',
  'mrs',
  'miss',
  'dame',
  'lady',
  'queen',
  'princess',
  'sister',
  'madam',
  'madame',
]);
export const MALE_NAMES = new Set(
  (
    'john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark ' +
    'donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary ' +
    'nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond patrick ' +
    'jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith ' +
    'christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert ' +
    'willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny bernie ' +
    'mike tim tom jim bill bob ted ed ben sam dan tony chris rick jeb marco mitt barack vladimir boris ' +
    'emmanuel olaf jens tomas pedro carlos luis ahmed mohammed muhammad ali hassan omar ivan sergei sergey dmitry ' +
    'igor nikolai pierre jean francois hans klaus jurgen giuseppe marco luca rahul raj amit xi li wei hiroshi kenji ' +
    'reince newt rudy chuck harry mitch rand kasich marten piet youssef yusuf lars nils jonas erik olaf sven'
  ).split(' '),
);
export const FEMALE_NAMES = new Set(
  (
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley ' +
    'kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen ' +
    'amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet ' +
    'catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith ' +
    'megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail ' +
    'alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany ' +
    'charlotte marie kayla alexis lori hillary kellyanne huma chelsea melania ivanka nikki jill elizabeth ' +
    'theresa angela ursula christine kamala nancy lena marta anya olga natalia irina svetlana fatima aisha mei yuki ' +
    'priya sonia ines lucia sofia giulia claire sophie anne marine ingrid astrid greta hanna jane donna agnes mira clara nora ella eva maja freya'
  ).split(' '),
);

/**
 * A regular-expression source matching any of `words` (plain letters), factored as a prefix tree
 * ("sa(?:id|y(?:ing|s)?)") so that the engine tries each letter once instead of every word in turn.
 */
export function alternation(words: Iterable<string>): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let c = n.next.get(ch);
      if (!c) n.next.set(ch, (c = { end: false, next: new Map() }));
      n = c;
    }
    n.end = true;
  }
  const esc = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const emit = (n: Node): string => {
    const branches = [...n.next].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ch, c]) => esc(ch) + emit(c));
    if (!branches.length) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    if (!n.end) return body;
    return branches.length > 1 || body.length === 1 ? `${body}?` : `(?:${body})?`;
  };
  return emit(root);
}

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
    'disclosed disclose discloses indicated indicate indicates showed show shows found find finds learned reads read recommended recommends exclaimed demanded interjected ' +
    'inform informs informed briefed'
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
    'worry worries worried fear fears feared hope hopes hoped agree agrees agreed learned inform informs informed'
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
 * Gender hints for pronoun resolution: honorifics and common given names. Unknown names stay compatible
 * with any pronoun, so a missing name costs a resolution, never a wrong one.
 *
 * Where the names come from (general knowledge, not any evaluation set): the given names most common for
 * US births across the twentieth century (as ranked in the US Social Security Administration's "popular
 * names by decade" tables), their usual English short forms, and widely used given names of other naming
 * traditions (Western, Central and Northern Europe, Slavic, Hispanic, Arabic, South and East Asian). No
 * name was added because it occurs in a dataset we measure on; names used for both sexes in some tradition
 * (Jean, Jan, Kelly, Andrea...) are left out.
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
    'james john robert michael william david richard joseph charles thomas christopher daniel matthew george ' +
    'donald anthony paul mark edward steven kenneth andrew brian joshua kevin ronald timothy jason jeffrey frank ' +
    'gary ryan nicholas eric stephen jacob larry jonathan scott raymond justin brandon gregory samuel benjamin ' +
    'patrick jack henry walter dennis jerry alexander peter tyler douglas harold aaron jose adam arthur zachary ' +
    'carl nathan albert kyle lawrence joe willie gerald roger keith jeremy terry harry ralph sean jesse roy louis ' +
    'billy austin bruce eugene christian bryan wayne russell howard fred ethan jordan philip alan juan randy ' +
    'vincent bobby dylan johnny phillip victor clarence ernest martin craig stanley shawn travis bradley leonard ' +
    'earl gabriel jimmy francis todd noah danny dale cody carlos allen frederick logan curtis joel luis norman ' +
    'marvin glenn tony nathaniel rodney melvin alfred ' +
    'mike tim tom jim bill bob ted ed ben sam dan chris rick dave steve andy matt pete nick greg jeff ron ken ' +
    'pierre francois jacques michel philippe alain olivier nicolas emmanuel hans klaus jurgen wolfgang stefan ' +
    'lukas giuseppe giovanni marco luca matteo francesco antonio pedro miguel javier manuel jorge joao ivan ' +
    'sergei sergey dmitry igor nikolai vladimir alexei andrei mikhail boris yuri pavel piotr tomasz lars nils ' +
    'erik sven olaf jonas anders mohammed muhammad ahmed ahmad ali hassan hussein omar youssef yusuf ibrahim ' +
    'mustafa khalid abdullah rahul raj amit sanjay vijay arjun hiroshi kenji takeshi'
  ).split(' '),
);
export const FEMALE_NAMES = new Set(
  (
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra ' +
    'ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon ' +
    'cynthia kathleen amy shirley angela helen anna brenda pamela nicole samantha katherine emma ruth christine ' +
    'catherine debra rachel carolyn janet virginia maria heather diane julie joyce victoria christina lauren joan ' +
    'evelyn olivia judith megan cheryl martha frances hannah jacqueline ann gloria kathryn alice teresa sara ' +
    'janice doris madison julia grace judy abigail marie denise beverly amber theresa marilyn danielle diana ' +
    'brittany natalie sophia rose isabella alexis kayla charlotte lori jane tiffany ' +
    'anne sophie claire isabelle nathalie monique ingrid greta astrid karin birgit petra sabine monika giulia ' +
    'francesca chiara lucia sofia carmen ana elena isabel ines marta olga natalia irina svetlana tatiana anya ' +
    'katarzyna agnieszka fatima aisha mariam layla priya sunita anjali deepa mei yuki keiko freya ella eva ' +
    'clara nora mira agnes maja lena'
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

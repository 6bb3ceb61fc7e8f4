/**
 * Month and weekday names as news pages write them in dates, per language: calendar facts from the Unicode CLDR
 * (format-context wide and abbreviated names; for Slavic, Baltic, Greek and Finnish the genitive form a
 * day-month date takes, "5 marca 2021", "5 марта 2021"). Kept apart from the parsing logic so a language
 * is added by adding a row. A name that means different months in two languages (Croatian "listopad" is
 * October, Polish and Czech "listopad" November) is left out of the later language.
 */

/** Twelve names per row, January first; '' where a row has no form for that month. */
export const MONTH_NAME_ROWS: Record<string, string[][]> = {
  en: [
    'january february march april may june july august september october november december'.split(' '),
    'jan feb mar apr may jun jul aug sep oct nov dec'.split(' '),
    ['', '', '', '', '', '', '', '', 'sept', '', '', ''],
  ],
  de: [
    'januar februar märz april mai juni juli august september oktober november dezember'.split(' '),
    ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
    // Austrian usage (CLDR de_AT): Jänner.
    ['jänner', 'jän', '', '', '', '', '', '', '', '', '', ''],
  ],
  fr: [
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
    ['janv', 'févr', '', 'avr', '', '', 'juil', '', 'sept', 'oct', 'nov', 'déc'],
  ],
  es: [
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' '),
    ['ene', '', '', 'abr', '', '', '', 'ago', 'setiembre', '', '', 'dic'],
  ],
  pt: [
    'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro'.split(' '),
    ['', 'fev', '', '', '', '', '', '', 'set', 'out', '', 'dez'],
  ],
  it: [
    'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre'.split(
      ' ',
    ),
    ['gen', '', '', '', 'mag', 'giu', 'lug', '', 'set', 'ott', '', 'dic'],
  ],
  ca: ['gener febrer març abril maig juny juliol agost setembre octubre novembre desembre'.split(' ')],
  nl: [
    'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
    ['', '', 'mrt', '', '', '', '', '', '', '', '', ''],
  ],
  ro: [
    'ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie'.split(
      ' ',
    ),
  ],
  sv: ['januari februari mars april maj juni juli augusti september oktober november december'.split(' ')],
  da: ['januar februar marts april maj juni juli august september oktober november december'.split(' ')],
  no: ['januar februar mars april mai juni juli august september oktober november desember'.split(' ')],
  fi: [
    'tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta'.split(
      ' ',
    ),
  ],
  pl: [
    'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia'.split(
      ' ',
    ),
    'styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień'.split(
      ' ',
    ),
  ],
  cs: ['ledna února března dubna května června července srpna září října listopadu prosince'.split(' ')],
  hu: [
    'január február március április május június július augusztus szeptember október november december'.split(
      ' ',
    ),
  ],
  tr: ['ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık'.split(' ')],
  id: ['januari februari maret april mei juni juli agustus september oktober november desember'.split(' ')],
  ru: [
    'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' '),
    'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'.split(' '),
  ],
  uk: ['січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня'.split(' ')],
  el: [
    'ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου'.split(
      ' ',
    ),
  ],
  ar: ['يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر'.split(' ')],
};

/** Every name (lower case) -> month number; the first language listing a name wins. */
export function monthNameTable(): Map<string, number> {
  const out = new Map<string, number>();
  for (const rows of Object.values(MONTH_NAME_ROWS))
    for (const row of rows) row.forEach((n, i) => n && !out.has(n) && out.set(n, i + 1));
  return out;
}

/**
 * Weekday names (CLDR format-context wide, and English abbreviations), which date lines carry
 * ("Tue, Nov 19, 2019", "sexta-feira, 22 de outubro de 2010"). Two-letter abbreviations are left out:
 * they are common words ("So", "Do").
 */
export const WEEKDAY_NAMES: string[] = [
  ...'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'.split(
    ' ',
  ),
  ...'montag dienstag mittwoch donnerstag freitag samstag sonntag'.split(' '),
  ...'lundi mardi mercredi jeudi vendredi samedi dimanche'.split(' '),
  ...'lunes martes miércoles jueves viernes sábado domingo'.split(' '),
  ...'segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo'.split(' '),
  ...'lunedì martedì mercoledì giovedì venerdì sabato domenica'.split(' '),
  ...'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'.split(' '),
];

import { words as englishWords } from 'natural/lib/natural/util/stopwords';
import { words as italianWords } from 'natural/lib/natural/util/stopwords_it';
import type { Language } from '../content/language';
import { normalizeText } from './normalizeText';

/**
 * Conversational filler that says nothing about the topic of a question, added to natural's lists: verbs of
 * asking ("tell me", "vorrei sapere"), politeness, function words natural's lists lack, and who is asking
 * ("my wife", "mia madre").
 * @remarks Greetings and thanks are NOT filler: small-talk entries are matched on them.
 */
// prettier-ignore
const FILLER: Readonly<Record<Language, readonly string[]>> = Object.freeze({
  en: [
    'tell', 'know', 'want', 'wanted', 'wonder', 'wondering', 'please', 'pls', 'plz', 'explain', 'mean', 'means',
    'info', 'information', 'question', 'questions', 'someone', 'somebody', 'anyone', 'anybody', 'everyone',
    'something', 'anything', 'everything', 'thing', 'things', 'really', 'actually', 'just', 'ok', 'okay',
    'exactly', 'kind', 'sort', 'im', 'ive', 'id', 'dont', 'doesnt', 'isnt', 'arent', 'whats', 'wheres', 'hows',
    'whos', 'let', 'lot', 'lots', 'bit', 'told', 'say', 'says', 'us', 'u', 'ur', 'r', 'mum', 'mom', 'mother',
    'dad', 'father', 'wife', 'husband', 'son', 'daughter', 'brother', 'sister', 'friend', 'partner', 'relative',
    'grandmother', 'grandfather', 'grandma', 'grandpa', 'aunt', 'uncle', 'cousin', 'go', 'going', 'give', 'need',
    'needs', 'may', 'will', 'shall', 'also', 'whether', 'there', 'yes', 'no', 'not', 'against', 'among',
    'around', 'across', 'along', 'via', 'per', 'upon', 'within', 'however', 'although', 'though', 'unless',
    'either', 'neither', 'else', 'ever', 'even', 'yet', 'already', 'usually', 'often', 'always', 'sometimes',
    'maybe', 'perhaps', 'probably', 'possible', 'possibly', 'sure', 'one', 'ones', 'anywhere', 'somewhere',
    'cant', 'wont', 'didnt', 'couldnt', 'shouldnt', 'wouldnt', 'havent', 'hasnt', 'hadnt', 'wasnt', 'werent',
    'mostly', 'mainly', 'generally', 'last', 'ago', 'yesterday', 'people', 'help', 'different', 'various',
    'several', 'today', 'right', 'type', 'wrote', 'written', 'mention', 'mentions', 'mentioned', 'based',
    'month', 'months', 'week', 'weeks', 'tomorrow', 'recently', 'lately', 'talked', 'spoke', 'happen',
    'happens', 'happened', 'happening', 'keep', 'keeps', 'kept', 'still',
    // call-centre and Teams shorthand for who is asking
    'pt', 'pts', 'caller', 'calling', 'asks', 'ask', 'asking', 're', 'w', 'regarding', 'wants',
  ],
  it: [
    'cos', 'cosa', 'vorrei', 'voglio', 'volevo', 'sapere', 'dire', 'dirmi', 'dici', 'dite', 'spiegare',
    'spiegarmi', 'favore', 'informazione', 'informazioni', 'info', 'domanda', 'domande', 'qualcuno', 'qualcosa',
    'davvero', 'proprio', 'esattamente', 'ok', 'okay', 'qual', 'quali', 'quanto', 'essere', 'avere', 'fare',
    'stato', 'stata', 'stati', 'puo', 'posso', 'puoi', 'potete', 'possono', 'potrei', 'devo', 'deve', 'dovrei',
    'bisogna', 'detto', 'dice', 'dicono', 'mamma', 'papa', 'madre', 'padre', 'moglie', 'marito', 'figlio',
    'figlia', 'fratello', 'sorella', 'amico', 'amica', 'nonno', 'nonna', 'zio', 'zia', 'parente', 'compagno',
    'compagna', 'fa', 'po', 'gia', 'ancora', 'molto', 'tanto', 'allora', 'quindi', 'ecco', 'si', 'no', 'non', 'ce',
    'fate', 'facciamo', 'farmi', 'farsi', 'avete', 'dovete', 'potreste', 'voi', 'pure', 'invece', 'oppure',
    'ogni', 'qualche', 'altro', 'altra', 'altri', 'altre', 'solito', 'spesso', 'sempre', 'mai', 'forse',
    'magari', 'possibile', 'verso', 'presso', 'sopra', 'sotto', 'dopo', 'prima', 'durante', 'mentre', 'cioe',
    'fino', 'ieri', 'scorso', 'scorsa', 'persone', 'soprattutto', 'generalmente', 'aiuto', 'aiutare',
    'devono', 'dobbiamo', 'dovro', 'dovra', 'dovremo', 'dovrebbe', 'dovrebbero', 'potro', 'potra', 'potremo',
    'potrebbe', 'potrebbero', 'possiamo', 'vuole', 'vogliono', 'vogliamo', 'aver', 'sa', 'sanno', 'so', 'va',
    'bene', 'vari', 'varie', 'diversi', 'diverse', 'stesso', 'stessa', 'stessi', 'stesse', 'tipo', 'ora',
    'adesso', 'oggi', 'scritto', 'scritta', 'scritti', 'base', 'mese', 'mesi', 'settimana', 'settimane',
    'domani', 'recentemente', 'ultimamente', 'parlato', 'accennato', 'succede', 'succedere', 'succedono',
    'successo',
    // "cose"/"cosè" typed for "cos'è", and call-centre shorthand for who is asking
    'cose', 'paz', 'chiamante', 'chiede', 'chiedono', 'signora', 'signore', 'sig', 'sigra',
  ],
});

/**
 * Words kept as weak hints: question words ("where do sarcomas arise" and "who gets sarcoma" differ mostly by
 * them) and before/after, which tell treatment before the operation from radiotherapy, physiotherapy or
 * follow-up after it.
 * @remarks They are taken out of the stopword lists and weigh a fraction of a topic word.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  ...['who', 'where', 'when', 'why', 'how', 'before', 'after'],
  ...['chi', 'dove', 'quando', 'perche', 'come', 'prima', 'dopo'],
]);

/** Words dropped before matching, per language: natural's lists plus conversational filler, accents folded. */
export const STOPWORDS: Readonly<Record<Language, ReadonlySet<string>>> = Object.freeze({
  en: foldAll([...englishWords, ...FILLER.en]),
  it: foldAll([...italianWords, ...FILLER.it]),
});

function foldAll(words: readonly string[]): ReadonlySet<string> {
  return new Set(
    words.flatMap((w) => normalizeText(w).split(' ')).filter((w) => w.length > 0 && !QUESTION_WORDS.has(w)),
  );
}

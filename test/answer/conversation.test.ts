import { describe, expect, it } from 'vitest';
import { Engine, MAX_TURNS, NEW_CONVERSATION, remember, type Answer, type Conversation } from '../../src/index.js';
import { defaultModel } from '../../src/answer/default-model.js';
import { askInConversation } from '../../src/answer/in-conversation.js';
import type { AnswerModel } from '../../src/answer/model.js';
import { buildIndex } from '../../src/index/corpus-index.js';

/** An article of our own: the engine is tested on it, never on the evaluation sets' conversations. */
const ferry = Engine.fromDocuments([
  {
    id: 'ferry',
    title: 'Council sells the Night Star ferry',
    paragraphs: [
      'Norvik Marine bought the Night Star ferry from the Westport council in March.',
      'The harbour authority approved the sale of the Night Star ferry after a long review of its safety record.',
      'Council leader Maria Okafor told the Westport Herald on Friday that the sale would keep the island service running.',
    ],
  },
]);

describe('Engine.ask with a conversation', () => {
  it('reads a follow-up with the previous turn and says how it understood it, keeping the question as asked', () => {
    const first = ferry.ask('Who bought the Night Star ferry?');
    expect(first.understood).toBeUndefined();
    const conversation = remember(NEW_CONVERSATION, first);
    const answer = ferry.ask('Who approved it?', { conversation });
    expect(answer).toMatchObject({ question: 'Who approved it?', understood: 'Who approved the Night Star ferry?', answered: true });
    expect(answer.quotes[0]?.paragraph).toBe(2);
    expect(ferry.ask('Who approved it?').understood).toBeUndefined();
  });

  it('reads a follow-up in the frame of a question typed with Markdown marks, and in none after a greeting', () => {
    const conversation = remember(NEW_CONVERSATION, ferry.ask('**Who** bought the _Night Star_ ferry?'));
    expect(ferry.ask('Who approved it?', { conversation }).understood).toBe('Who approved the Night Star ferry?');
    const greeted = remember(NEW_CONVERSATION, ferry.ask('hi'));
    expect(ferry.ask('And the harbour authority?', { conversation: greeted }).understood).toBeUndefined();
  });

  it('answers a follow-up from the previous answer\'s paragraph when two paragraphs say it alike, and a new question as if alone', () => {
    const ferries = Engine.fromDocuments([
      {
        id: 'ferries',
        title: 'Two ferries sold',
        paragraphs: [
          'Norvik Marine bought the Night Star ferry from the Westport council in March. The company said it would keep the winter timetable.',
          'Blue Line Shipping bought the Sea Swift ferry from the Carrow council in May. The company said it would cut the winter timetable.',
        ],
      },
    ]);
    for (const [first, paragraph] of [['Who bought the Night Star ferry?', 1], ['Who bought the Sea Swift ferry?', 2]] as const) {
      const conversation = remember(NEW_CONVERSATION, ferries.ask(first));
      expect(ferries.ask('And what did the company say?', { conversation }).quotes[0]?.paragraph).toBe(paragraph);
      // A greeting in between found no passage: the question still goes on from the one before it.
      const greeted = remember(conversation, ferries.ask('hi'));
      expect(ferries.ask('And what did the company say?', { conversation: greeted }).quotes[0]?.paragraph).toBe(paragraph);
      // Without a word that goes on from the previous question, it is a question of its own: the first paragraph says it first.
      expect(ferries.ask('What did the company say?', { conversation })).toEqual(ferries.ask('What did the company say?'));
    }
  });

  it('answers a request with the passages about its topic and no short answer, reading its pronoun with the conversation', () => {
    const alone = ferry.ask('Tell me about the harbour authority');
    expect(alone).toMatchObject({ answered: true, answer: '' });
    expect(alone.quotes[0]?.paragraph).toBe(2);
    const conversation = remember(NEW_CONVERSATION, ferry.ask('Who bought the Night Star ferry?'));
    const more = ferry.ask('Tell me more about it', { conversation });
    expect(more).toMatchObject({ understood: 'Tell me more about the Night Star ferry', answer: '' });
    // Not taken for an elliptical question in the previous one's frame.
    expect(ferry.ask('Can you tell me about the harbour authority?', { conversation }).understood).toBeUndefined();
  });

  it('answers a noun phrase typed alone with the passages that name it, no short answer, at confidence 1', () => {
    for (const topic of ['the harbour authority', 'Norvik Marine?', 'safety record']) {
      const answer = ferry.ask(topic);
      expect(answer, topic).toMatchObject({ answered: true, answer: '', confidence: 1 });
      expect(answer.quotes.length, topic).toBeGreaterThan(0);
    }
    expect(ferry.ask('the harbour authority').quotes.map((q) => q.paragraph)).toEqual([2]);
    // Every passage that names the topic; none that does not.
    expect(ferry.ask('the Night Star ferry').quotes.map((q) => q.paragraph)).toEqual([1, 2]);
  });

  it('quotes a topic\'s passages in reading order, where the story introduces it, not where a short sentence repeats it', () => {
    const story = Engine.fromDocuments([{ id: 'levy', title: 'Harbour levy', paragraphs: [
      'The council introduced a harbour levy on Monday, charging every ferry passenger two euros to pay for new moorings and a larger waiting room.',
      'Operators said the money would be spent slowly.',
      'The levy is unpopular.',
    ] }]);
    expect(story.ask('the levy').quotes.map((q) => q.paragraph)).toEqual([1, 3]);
  });

  it('answers a noun phrase typed alone in a conversation as a new topic, and one tied to the previous question in its frame', () => {
    const conversation = remember(NEW_CONVERSATION, ferry.ask('Who bought the Night Star ferry?'));
    const topic = ferry.ask('the harbour authority', { conversation });
    expect(topic).toMatchObject({ answered: true, answer: '', confidence: 1 });
    expect(topic.understood).toBeUndefined();
    expect(topic).toEqual(ferry.ask('the harbour authority'));
    const reviewed = remember(NEW_CONVERSATION, ferry.ask('Who reviewed the safety record?'));
    expect(ferry.ask('And the sale?', { conversation: reviewed }).understood).toBe('Who reviewed the sale?');
    // A thing in the place of a name would make the frame nonsense (`Who bought the harbour authority?`): it is a topic.
    expect(ferry.ask('And the harbour authority?', { conversation })).toMatchObject({ understood: 'the harbour authority', answered: true, confidence: 1 });
  });

  it('declines a topic the article lacks, naming the word, and one whose words no sentence holds together', () => {
    expect(ferry.ask('the airport')).toMatchObject({ answered: false, reason: "The article doesn't mention “airport”." });
    expect(ferry.ask('Tell me about the airport')).toMatchObject({ answered: false, reason: "The article doesn't mention “airport”." });
    const apart = ferry.ask('Okafor safety record');
    expect(apart).toMatchObject({ answered: false, reason: 'No sentence of the article names all of “Okafor safety record”.' });
    expect(apart.quotes.length).toBeGreaterThan(0);
    const pasted = Array.from({ length: 6 }, () => 'Okafor safety record').join(' ');
    expect(ferry.ask(pasted)).toMatchObject({ answered: false, reason: 'No sentence of the article names all of its words.' });
  });

  it('says a pronoun is unclear, rather than that there are no words, when nothing it could stand for was named', () => {
    expect(ferry.ask('What did she say?').reason).toBe('It isn\'t clear who “she” is here: ask again with a name.');
    // After a question that names no person, *she* is left as it is, and the reason says what is missing.
    const conversation = remember(NEW_CONVERSATION, ferry.ask('What did the review look at?'));
    expect(ferry.ask('What did she say?', { conversation })).toMatchObject({ answered: false, reason: 'It isn\'t clear who “she” is here: ask again with a name.' });
    expect(ferry.ask('What did they do?').reason).toBe('It isn\'t clear who or what “they” are here: ask again with a name.');
  });

  it('answers a question that stands on its own as it is, whatever came before', () => {
    const conversation = remember(NEW_CONVERSATION, ferry.ask('Who bought the Night Star ferry?'));
    const alone = ferry.ask('Who leads the council?');
    expect(ferry.ask('Who leads the council?', { conversation })).toEqual(alone);
  });

  it('answers an elliptical question in the previous question\'s frame over three turns', () => {
    let conversation: Conversation = NEW_CONVERSATION;
    const turns = ['Who leads the council?', 'What did she tell the Westport Herald?', 'When?'].map((question) => {
      const answer = ferry.ask(question, { conversation });
      conversation = remember(conversation, answer);
      return answer;
    });
    expect(turns[1]?.understood).toBe('What did Okafor tell the Westport Herald?');
    expect(turns[2]?.understood).toBe('When did Okafor tell the Westport Herald?');
    expect(turns[2]?.quotes[0]?.paragraph).toBe(3);
  });

  it('answers a follow-up from the sentence next to the previous answer that goes on with a pronoun', () => {
    const article = Engine.fromDocuments([{ id: 'ferry', title: 'Ferry', paragraphs: [
      'Norvik Marine bought the Night Star ferry from the Westport council in March.',
      'Council leader Maria Okafor told the Westport Herald on Friday that the sale would keep the island service running. She is worried about the winter timetable, which the new owners have not published.',
    ] }]);
    // Asked with the article's own words, so the first answer does not hang on how a refitted ranker weighs *leads* against *leader*.
    const conversation = remember(NEW_CONVERSATION, article.ask('Who is the council leader?'));
    const answer = article.ask('What is she worried about?', { conversation });
    expect(answer).toMatchObject({ understood: 'What is Okafor worried about?', answered: true });
    expect(answer.quotes[0]?.text).toMatch(/^She is worried about the winter timetable/);
  });

  it('weighs the name a follow-up\'s reading put in less than its own words, as the model was fitted to', () => {
    const documents = [{ id: 'ferry', title: 'Ferry', paragraphs: [
      'Norvik Marine bought the Night Star ferry from the Westport council in March. It will be repainted blue next spring, the company said.',
      'The Night Star ferry is the oldest ferry on the Westport route, and the Night Star ferry carries 300 cars.',
    ] }];
    const context = { documents, ...buildIndex(documents) };
    const shipped = defaultModel();
    const askWith = (model: AnswerModel): Answer => {
      const conversation = remember(NEW_CONVERSATION, askInConversation(context, 'What did Norvik Marine buy?', NEW_CONVERSATION, {}, {}, model));
      return askInConversation(context, 'When will it be repainted?', conversation, {}, {}, model);
    };
    expect(shipped.locality.referent).toBeLessThan(1);
    const weighed = askWith(shipped);
    expect(weighed.understood).toBe('When will the Night Star ferry be repainted?');
    expect(weighed.quotes[0]?.text).toBe('It will be repainted blue next spring, the company said.');
    // At full weight, the ferry's name draws the answer to the sentence that says it (and a date).
    expect(askWith({ ...shipped, locality: { ...shipped.locality, referent: 1 } }).quotes[0]?.text).toMatch(/^Norvik Marine bought/);
  });

  it('underlines what a follow-up asks of the one its pronoun stands for, not the rest of that one\'s name and title', () => {
    const page = Engine.fromDocuments([{ id: 'orvik', title: 'Orvik Foods', paragraphs: [
      'Orvik Foods said on Tuesday it would close its bakery in Lund, cutting 240 jobs.',
      'Chief executive Lena Dahl blamed a poor harvest and higher energy prices for the closure.',
    ] }]);
    const first = page.ask('Who is the chief executive?');
    expect(first.answer).toBe('Lena Dahl');
    const answer = page.ask('What did she blame?', { conversation: remember(NEW_CONVERSATION, first) });
    expect(answer.understood).toBe('What did Dahl blame?');
    expect(answer.answer).toBe('poor harvest and higher energy prices');
  });

  it('keeps the reading of a long chain of follow-ups within the longest question analyzed', () => {
    let conversation: Conversation = NEW_CONVERSATION;
    const short = Engine.fromDocuments(ferry.documents().map((d) => ({ id: d.id, title: d.title, paragraphs: [1, 2, 3].map((n) => ferry.passage(n).text) })), { maxQuestionLength: 120 });
    for (const question of ['What did Norvik Marine buy in March?', 'What happened after that?', 'And after that?', 'What happened after that?', 'What happened after that?']) {
      const answer = short.ask(question, { conversation });
      expect((answer.understood ?? question).length).toBeLessThanOrEqual(120);
      conversation = remember(conversation, answer);
    }
  });

  it('remembers the last turns only, without changing the conversation it was given', () => {
    let conversation: Conversation = NEW_CONVERSATION;
    const questions = ['Who bought the ferry?', 'Who approved the sale?', 'Who leads the council?', 'When did she speak?', 'What did she say?'];
    for (const question of questions) {
      const before = conversation;
      const frozen = JSON.stringify(before);
      conversation = remember(conversation, ferry.ask(question, { conversation }));
      expect(JSON.stringify(before)).toBe(frozen);
    }
    expect(conversation.turns).toHaveLength(MAX_TURNS);
    expect(conversation.turns.map((t) => t.question)).toEqual(questions.slice(-MAX_TURNS));
    expect(conversation.turns[MAX_TURNS - 1]).toMatchObject({ question: 'What did she say?', understood: expect.stringContaining('Okafor') });
  });
});

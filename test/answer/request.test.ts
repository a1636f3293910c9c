import { describe, expect, it } from 'vitest';
import { requestedTopic, topicOf } from '../../src/answer/request.js';

describe('requestedTopic', () => {
  it('takes the topic of a request for what the article says about something', () => {
    const cases: Array<[string, string]> = [
      ['Tell me about Norvik Marine', 'Norvik Marine'],
      ['Can you tell me more about the sale?', 'the sale'],
      ['Explain the harbour levy', 'the harbour levy'],
      ['Describe the ferry, please.', 'the ferry'],
      ['What do we know about the council?', 'the council'],
      ['What does the article say about Maria Okafor?', 'Maria Okafor'],
      ['more about the vote', 'the vote'],
      ['info on the timetable', 'the timetable'],
    ];
    for (const [request, topic] of cases) expect(requestedTopic(request), request).toBe(topic);
  });

  it('leaves questions, even with tell or about in them, and a request with no topic', () => {
    for (const question of ['What did Okafor tell the Herald about the sale?', 'Who told the paper about it?', 'What is the levy about?', 'explain', 'Tell me']) {
      expect(requestedTopic(question), question).toBeUndefined();
    }
  });
});

describe('topicOf', () => {
  it('takes a request\'s topic, and a noun phrase typed alone as a topic of its own', () => {
    const cases: Array<[string, string]> = [
      ['Tell me about Norvik Marine', 'Norvik Marine'],
      ['the sale', 'the sale'],
      ['Norvik Marine?', 'Norvik Marine'],
      ['safety of the ferry', 'safety of the ferry'],
      ['the fine', 'the fine'],
    ];
    for (const [typed, topic] of cases) expect(topicOf(typed), typed).toBe(topic);
  });

  it('leaves a question, which asks something of its topic: a question word or a verb', () => {
    for (const question of ['Who bought the ferry?', 'Which ferry', 'bought the ferry', 'When?', 'Did the council sell it?', 'it']) {
      expect(topicOf(question), question).toBeUndefined();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const engineOf = (...paragraphs: string[]) => Engine.fromDocuments([{ id: 'd', title: 'Cloud storage', paragraphs }]);

describe('evidence', () => {
  it('matches two question words to the compound the article writes as one, and does not answer with it', () => {
    const engine = engineOf('Microsoft lost a court case over its SkyDrive service in July.', 'In January Microsoft renamed SkyDrive to OneDrive.');
    const answer = engine.ask('What did Microsoft rename Sky Drive to?');
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0]?.paragraph).toBe(2);
    expect(answer.answer).not.toMatch(/SkyDrive/);
  });

  it('still declines a name the article lacks when no neighbouring word joins it into one the article uses', () => {
    const answer = engineOf('Microsoft lost a court case over its SkyDrive service in July.').ask('What did Microsoft rename Sky Box to?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toContain('Sky Box');
  });

  it('matches an acronym written without dots to the article\'s dotted one, and the other way', () => {
    const engine = engineOf('Tariffs on U.S. steel rose in March.', 'Tariffs on Chinese steel rose in June.', 'The EU fined the firm in May.', 'The UN fined the firm in April.');
    const us = engine.ask('When did tariffs on US steel rise?');
    expect(us.answer).toBe('March');
    expect(us.reason).toBeUndefined();
    expect(engine.ask('When did the E.U. fine the firm?').answer).toBe('May');
  });

  it('corrects a misspelling to the article\'s word, but never an English word into a different one the article uses', () => {
    const engine = engineOf('The capitol building in Ottawa was closed on Monday after a fire.');
    expect(engine.ask('When was the capitoll building closed?').answer).toBe('Monday');
    const answer = engine.ask('What is the capital of Canada?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toContain('capital');
  });
});

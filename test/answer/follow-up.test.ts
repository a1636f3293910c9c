import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveFollowUp, standsAlone } from '../../src/answer/follow-up/index.js';
import type { Conversation, Turn } from '../../src/types.js';

/** A conversation of turns written by hand: the resolution is tested on its own, without an engine. */
function after(...turns: Array<Partial<Turn> & { understood: string }>): Conversation {
  return { turns: turns.map((t) => ({ question: t.understood, answered: true, answer: '', ...t })) };
}

/** A first quote of a hand-written turn. */
function quote(text: string): NonNullable<Turn['quote']> {
  return { text, documentId: 'd', paragraph: 1, start: 0 };
}

describe('answer/follow-up', () => {
  it('leaves a question as it is without a conversation, or when it stands on its own', () => {
    expect(resolveFollowUp('Who sold it?', undefined)).toEqual({ text: 'Who sold it?', changed: false });
    const ferry = after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('How much does a ticket to Carrow cost?', ferry).changed).toBe(false);
    // A pronoun with its antecedent in the question, or one that stands for nothing, needs no conversation.
    expect(resolveFollowUp('What did the council say about its budget?', ferry).changed).toBe(false);
    expect(resolveFollowUp('How long did it take to repair the harbour wall?', ferry).changed).toBe(false);
    expect(resolveFollowUp('How many ferries are there in the harbour?', ferry).changed).toBe(false);
    expect(resolveFollowUp('Who moved his office to Westport?', ferry).changed).toBe(false);
  });

  it('tells a question that stands alone from one that leans on an earlier turn, as the resolution reads it', () => {
    for (const question of ['How much does a ticket to Carrow cost?', 'What did the council say about its budget?', 'And how many ferries are there?']) {
      expect(standsAlone(question)).toBe(true);
    }
    for (const question of ['Who sold it?', 'Why did he resign?', 'And in 2019?', 'Why?', 'How come?', '']) {
      expect(standsAlone(question)).toBe(question === '');
    }
    // What the resolution leaves as it is after any turn is exactly what stands alone.
    const ferry = after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' });
    for (const question of ['Who sold it?', 'How much does a ticket to Carrow cost?', 'On which day?']) {
      expect(resolveFollowUp(question, ferry).changed).toBe(!standsAlone(question));
    }
  });

  it('says a question goes on from the previous one when it was read with it or opens with and, but, what about', () => {
    const ferry = after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('And who sold it?', ferry)).toMatchObject({ changed: true, continues: true });
    expect(resolveFollowUp('And who approved the sale of the ferry?', ferry)).toEqual({ text: 'And who approved the sale of the ferry?', changed: false, continues: true });
    expect(resolveFollowUp('But what about the price paid for the ferry?', ferry).continues).toBe(true);
    expect(resolveFollowUp('Ok, what about the council?', ferry).continues).toBe(true);
    expect(resolveFollowUp('Who approved the sale of the ferry?', ferry).continues).toBeUndefined();
  });

  it('reads a question whose verb the tagger took for a noun, before an object pronoun, as whole: its pronoun replaced, no frame added', () => {
    const ferry = after({ understood: 'When was the Night Star ferry launched?', answer: '1998' });
    // The tagger reads *use* of *passengers use it* as a noun: without its verb, the question looked elliptical.
    expect(resolveFollowUp('How many passengers use it?', ferry).text).toBe('How many passengers use the Night Star ferry?');
    // An elliptical question still takes the previous frame.
    expect(resolveFollowUp('And where?', ferry).text).toBe('Where was the Night Star ferry launched?');
  });

  it('reads an interjection as no question: alone it leans on nothing, and it does not open an elliptical one', () => {
    const ferry = after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('hi', ferry).changed).toBe(false);
    expect(resolveFollowUp('ok', ferry).changed).toBe(false);
    expect(resolveFollowUp('Ok, and when?', ferry).text).toBe('When did Blue Line Shipping buy the Night Star ferry?');
  });

  it('reads a question without a letter as no question, and a follow-up after a greeting or a question with nothing to look up in the question before them', () => {
    const ferry = after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('😀😀', ferry).changed).toBe(false);
    expect(resolveFollowUp('???', ferry).changed).toBe(false);
    const junk = after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' }, { understood: 'and?' }, { understood: '😀' });
    expect(resolveFollowUp('Who sold it?', junk).text).toBe('Who sold the Night Star ferry?');
    expect(resolveFollowUp('When?', after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' }, { understood: 'hi' })).text).toBe(
      'When did Blue Line Shipping buy the Night Star ferry?',
    );
    // Nothing but such turns: nothing to lean on.
    expect(resolveFollowUp('Who sold it?', after({ understood: 'and?' }, { understood: 'hi' })).changed).toBe(false);
  });

  it('reads it as what the previous question asked about, when its answer was a person', () => {
    const ferry = after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('Who approved it?', ferry)).toMatchObject({ text: 'Who approved the Night Star ferry?', changed: true });
  });

  it('reads he or she as the previous answer when it was asked with who, by surname as an article goes on to call a person', () => {
    const leader = after({ understood: 'Who leads the harbour council?', answer: 'Maria Okafor' });
    expect(resolveFollowUp('What did she say about the sale?', leader).text).toBe('What did Okafor say about the sale?');
    expect(resolveFollowUp('What did she say?', after({ understood: 'Who founded the shipyard?', answer: 'Jan van Dijk' })).text).toBe('What did Dijk say?');
    expect(resolveFollowUp('When was his term extended?', after({ understood: 'Who chairs the board?', answer: 'Tom Reyes' })).text).toBe("When was Reyes' term extended?");
  });

  it('reads he or she as no name WordNet knows as a place: the person named beside it, or none', () => {
    const levy = after({ understood: 'Who opposed the harbour levy?', answer: 'Norway' });
    expect(resolveFollowUp('What did he say about it?', levy).text).toBe('What did he say about the harbour levy?');
    expect(resolveFollowUp('What did it promise?', levy).text).toBe('What did Norway promise?');
    const meeting = after({ understood: 'When did Beijing and Maria Okafor meet?', answer: 'Tuesday' });
    expect(resolveFollowUp('What did she promise?', meeting).text).toBe('What did Okafor promise?');
  });

  it('reads he or she after a who-question answered with a body (a name ending in a group noun) as the person still unknown, or as the one the question describes', () => {
    const runs = after({ understood: 'Who runs Westport Marine?', answer: 'Harbour Safety Commission' });
    expect(resolveFollowUp('What did she say about the sale?', runs).changed).toBe(false);
    const leader = after({ understood: 'Who is the leader of the harbour council?', answer: 'Harbour Safety Commission' });
    expect(resolveFollowUp('What did he say about the sale?', leader).text).toBe('What did the leader say about the sale?');
    // A person's name is still a person's.
    expect(resolveFollowUp('What did she say?', after({ understood: 'Who runs Westport Marine?', answer: 'Maria Okafor' })).text).toBe('What did Okafor say?');
  });

  it('leaves he or she as it is after a who-question with no name found, rather than reading it as the firm asked about', () => {
    const unknown = after({ understood: 'Who runs Westport Marine?', answer: '' });
    expect(resolveFollowUp('What did she say about the sale?', unknown).changed).toBe(false);
    // The same firm is still what it stands for.
    expect(resolveFollowUp('How many people does it employ?', unknown).text).toBe('How many people does Westport Marine employ?');
    // Whoever it was may be a firm or a group: *they* is still unknown, not a name of the turn before.
    const bid = after({ understood: 'How many tugs has Westport Marine built?', answer: '30' }, { understood: 'Who else bid?', answer: '' });
    expect(resolveFollowUp('Why did they lose?', bid).changed).toBe(false);
    expect(resolveFollowUp('How much was their bid?', bid).changed).toBe(false);
  });

  it('reads he or she after a who-question with no name found as the one person its quote names by a title', () => {
    const one = after({ understood: 'Who runs Westport Marine?', answer: '', quote: quote('Westport Marine is run by shipping executive Maria Okafor, the council said.') });
    expect(resolveFollowUp('What did she say about the sale?', one).text).toBe('What did Okafor say about the sale?');
    // Two titled people, or a name the question asked about, tell nothing.
    const two = after({ understood: 'Who runs Westport Marine?', answer: '', quote: quote('Westport Marine, led by executive Maria Okafor and chairman Piet Lund, was sold.') });
    expect(resolveFollowUp('What did she say about the sale?', two).changed).toBe(false);
    const asked = after({ understood: 'Who hired Maria Okafor?', answer: '', quote: quote('The council hired executive Maria Okafor in May.') });
    expect(resolveFollowUp('What did she say about the sale?', asked).text).not.toContain('Okafor say');
  });

  it('reads a short answer that its quote names after a title as a person: he or she, not it', () => {
    const quote = { text: 'Finance minister Tomas Berg said the council would extend the subsidy.', documentId: 'd', paragraph: 1, start: 0 };
    const berg = after({ understood: 'What will the finance minister do?', answer: 'Tomas Berg', quote });
    expect(resolveFollowUp('How much will it cost?', berg).text).not.toContain('Tomas Berg');
    // He may be either name of the one person.
    expect(resolveFollowUp('What did he say?', berg).text).toMatch(/^What did (Berg|the finance minister) say\?$/);
    // With the title in the short answer too, though its noun is in lower case.
    const titled = after({ understood: 'What did the council promise?', answer: 'Finance minister Tomas Berg', quote });
    expect(resolveFollowUp('Why did it cancel it?', titled).text).not.toContain('Tomas Berg');
  });

  it('reads a name ending in a common noun for a place (Ashbury Town) as no he or she', () => {
    const town = after({ understood: 'How much is Ashbury Town paying?', answer: '' });
    expect(resolveFollowUp('What did she say?', town).changed).toBe(false);
    expect(resolveFollowUp('Who owns it?', town).text).toBe('Who owns Ashbury Town?');
  });

  it('reads he or she as a common noun WordNet knows as a person (the minister), not as one it knows as a body', () => {
    const minister = after({ understood: 'What did the harbour minister say?', answer: '' });
    expect(resolveFollowUp("What's his name?", minister).text).toBe("What is the harbour minister's name?");
    const company = after({ understood: 'What did the company say?', answer: '' });
    expect(resolveFollowUp('What did she promise?', company).changed).toBe(false);
  });

  it('does not read it as a common noun WordNet knows as a person', () => {
    const minister = after({ understood: 'Where will the harbour minister open the terminal?', answer: '' });
    expect(resolveFollowUp('How much will it cost?', minister).text).toBe('How much will the terminal cost?');
  });

  it('reads they after a how-many question as what it counted, not as the name it asked about', () => {
    const ferries = after({ understood: 'How many ferries is Westport Marine building?', answer: 'four' });
    expect(resolveFollowUp('When will they be ready?', ferries).text).toBe('When will ferries be ready?');
    // What how much measures is no referent: *it* keeps to the nouns of the question.
    const paid = after({ understood: 'How much money did the council pay?', answer: '2 million pounds' });
    expect(resolveFollowUp('Who got it?', paid).text).not.toContain('money');
  });

  it('reads their after a plural demonstrative that stands as the subject (how many of those ... their) as bound by it, not as the previous subject', () => {
    const closed = after({ understood: 'Why did the drivers object?', answer: 'the depots in the north' });
    expect(resolveFollowUp('How many of those have cut their staff?', closed).text).toBe('How many of those have cut their staff?');
    // Without the demonstrative, *their* still stands for the previous subject.
    expect(resolveFollowUp('How many have cut their staff?', closed).text).toBe('How many have cut the drivers\' staff?');
  });

  it('leaves it as it is after say (when did she say it?): what was said is a statement, not a thing the previous turn named', () => {
    const talked = after({ understood: 'On which channel did the mayor talk about the bridge?', answer: 'Harbour Radio' });
    expect(resolveFollowUp('When did she say it?', talked).text).toBe('When did the mayor say it?');
    // Nor an agreement, which WordNet files under statements.
    const deal = after({ understood: 'What did the mayor say about the deal?', answer: '' });
    expect(resolveFollowUp('Why did she say it?', deal).text).toBe('Why did the mayor say it?');
    // What is talked about is a thing, and gets its referent.
    expect(resolveFollowUp('What did she say about it?', talked).text).not.toContain('about it');
  });

  it('reads it after an object question as its answer: the one given, or what the question said happened to it when none was', () => {
    const unveiled = after({ understood: 'What did Veltra unveil?', answer: 'a solar roof' });
    expect(resolveFollowUp('How much does it cost?', unveiled).text).toBe('How much does the solar roof cost?');
    const approved = after({ understood: 'What did the harbour board approve?', answer: '' });
    expect(resolveFollowUp('How much will it cost?', approved).text).toBe('How much will it (the harbour board approve) cost?');
    // A possessive names an owner: the board's.
    expect(resolveFollowUp('Who is its chairman?', approved).text).toBe("Who is the harbour board's chairman?");
    // Asked what a thing did (no name, person, body or place), the thing itself stays the it; so does it when the answer is too long to name something.
    const found = after({ understood: 'What did the study find?', answer: '' });
    expect(resolveFollowUp('Where was it published?', found).text).toBe('Where was the study published?');
    const clause = after({ understood: 'What did the council find?', answer: 'people who drink coffee every day live longer than those who drink none' });
    expect(resolveFollowUp('When did it meet?', clause).text).toBe('When did the council meet?');
  });

  it('reads since when, whose since the tagger calls a conjunction, as a preposition\'s question word: the frame\'s verb gets back its object', () => {
    const approved = after({ understood: 'What did the council approve?', answer: 'a new library' });
    expect(resolveFollowUp('since when', approved).text).toBe('Since when did the council approve the new library?');
    expect(resolveFollowUp('From when?', approved).text).toBe('From when did the council approve the new library?');
  });

  it('leaves a pronoun as it is when the previous question left the same one so: it goes on standing for the same unknown one', () => {
    const wrote = after({ understood: 'Who wrote it?', answer: 'Lena Brandt' });
    expect(resolveFollowUp('When was it published?', wrote).text).toBe('When was it published?');
    expect(resolveFollowUp('Where does she work?', wrote).text).toBe('Where does Brandt work?');
    const told = after({ understood: 'What did she tell the mayor?', answer: '' });
    expect(resolveFollowUp('Why did she quit?', told).text).toBe('Why did she quit?');
    // Another gender is another person; an owner (its) is not the thing owned (it).
    expect(resolveFollowUp('What did he say?', told).text).toBe('What did the mayor say?');
    expect(resolveFollowUp('Will it sell?', after({ understood: 'How big is its stake?', answer: '19%' })).text).toBe('Will the stake sell?');
  });

  it('reads no pronoun as a short answer its quote gives between quotation marks: words someone said name nothing', () => {
    const quote = { text: 'The union called the plan “cultural vandalism” and said it would strike.', documentId: 'a', paragraph: 1, start: 0 };
    const called = after({ understood: 'What did the union call the plan?', answer: 'cultural vandalism', quote });
    expect(resolveFollowUp('What will it do?', called).text).toBe('What will the union do?');
    // The same words, not quoted, name something.
    const plain = after({ understood: 'What did the union reject?', answer: 'the pay offer', quote: { ...quote, text: 'The union rejected the pay offer on Monday.' } });
    expect(resolveFollowUp('Who made it?', plain).text).toBe('Who made the pay offer?');
  });

  it('gives a second pronoun of the clause no phrase a who-is question equated with the answer the first took', () => {
    const minister = after({ understood: 'Who is the education minister?', answer: 'Daniel Okafor' });
    expect(resolveFollowUp('When will he meet her?', minister).text).toBe('When will Okafor meet her?');
  });

  it('puts an elliptical noun phrase in the place of a pronoun the previous question left as it was, when it has no noun phrase to replace', () => {
    const signed = after({ understood: 'Who signed it?', answer: 'the mayor' });
    expect(resolveFollowUp('And the deal?', signed).text).toBe('Who signed the deal?');
    const took = after({ understood: 'How long did it take?', answer: 'two years' });
    expect(resolveFollowUp('and the repairs?', took).text).toBe('How long did the repairs take?');
  });

  it('reads a name that holds of (the Bank of Westport) as one referent', () => {
    const bank = after({ understood: 'Where is the Bank of Westport?', answer: '' });
    expect(resolveFollowUp('When was it founded?', bank).text).toBe('When was the Bank of Westport founded?');
  });

  it('reads a pronoun as what the same pronoun of the previous question was read as, before that question\'s answer', () => {
    const recorded = after({ understood: 'How deep was the tremor?', answer: '45 kilometres' }, { question: 'Who recorded it?', understood: 'Who recorded the tremor?', answer: 'the Harbour Survey' });
    expect(resolveFollowUp('Where was it felt?', recorded).text).toBe('Where was the tremor felt?');
    // Without a pronoun read before, the answer of a who-question is still what it stands for.
    const buyer = after({ understood: 'How big is the yard?', answer: '' }, { understood: 'Who is buying the yard?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('How much is it paying?', buyer).text).toBe('How much is Blue Line Shipping paying?');
    // With one, the same pronoun goes on with it, though the answer is a firm's name.
    const maker = after({ understood: 'What did the regulator approve?', answer: 'a nasal spray' }, { question: 'Who makes it?', understood: 'Who makes the nasal spray?', answer: 'Norvik Pharma' });
    expect(resolveFollowUp("what's it called", maker).text).toBe('what is the nasal spray called');
    // What an ellipsis's frame put in was no pronoun's reading (*its* is the fever, not its death rate).
    const fever = after(
      { understood: 'What is the death rate of harbour fever?', answer: '20 percent' },
      { question: 'And of marsh fever?', understood: 'What is the death rate of marsh fever?', answer: 'near 40%' },
    );
    expect(resolveFollowUp('What are its symptoms?', fever).text).toBe("What are the marsh fever's symptoms?");
  });

  it('reads it as the previous answer when the previous question named its kind (which X, what X)', () => {
    const law = after({ understood: 'What law did the council pass in May?', answer: 'the harbour levy act' });
    expect(resolveFollowUp('What is it designed to fund?', law).text).toBe('What is the harbour levy act designed to fund?');
  });

  it('reads there as a place answer and then as a date answer, and gives two pronouns of one clause two referents', () => {
    expect(resolveFollowUp('Who did she meet there?', after({ understood: 'Where did Maria Okafor spend the winter?', answer: 'Carrow' })).text).toBe('Who did Okafor meet there (Carrow)?');
    expect(resolveFollowUp('What happened then?', after({ understood: 'When did the council vote?', answer: 'Thursday' })).text).toBe('What happened then (Thursday)?');
    const report = after({ understood: 'Which paper reported the sale?', answer: 'The Westport Herald' });
    expect(resolveFollowUp('When did it print it?', report).text).toBe('When did The Westport Herald print the sale?');
  });

  it('reads so after a verb at the end (who said so?), and it or that as the subject of happen, as what the previous question said happened, and no other so', () => {
    const bought = after({ understood: 'Who bought the ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('Who said so?', bought).text).toBe('Who said so (Blue Line Shipping bought the ferry)?');
    // So is it, as the subject of happen or occur.
    expect(resolveFollowUp('When did it happen?', bought).text).toBe('When did it (Blue Line Shipping bought the ferry) happen?');
    // And so is a demonstrative there, which elsewhere would be a determiner (`that deal`).
    expect(resolveFollowUp('Why did that happen?', bought).text).toBe('Why did that (Blue Line Shipping bought the ferry) happen?');
    expect(resolveFollowUp('When did that sale happen?', bought).changed).toBe(false);
    expect(resolveFollowUp('How many ferries has the council sold so far?', bought).changed).toBe(false);
    expect(resolveFollowUp('Is the fare so high?', bought).changed).toBe(false);
  });

  it('reads a demonstrative between an auxiliary and a verb as the subject that stands for what happened, and a determiner as none', () => {
    const ratify = after({ understood: 'Who must approve the new timetable?', answer: 'the harbour board' });
    expect(resolveFollowUp('How long does that take?', ratify).text).toBe('How long does that (the harbour board approve the new timetable) take?');
    expect(resolveFollowUp('How long does that vote take?', ratify).changed).toBe(false);
  });

  it('reads a question whose verb the tagger takes for an adjective (who audited ...?) as whole, not as an ellipsis', () => {
    const ferry = after({ understood: 'Which company owns the Night Star ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('Who audited it?', ferry)).toMatchObject({ text: 'Who audited Blue Line Shipping?', changed: true });
    const where = after({ understood: 'Where was she?' });
    expect(resolveFollowUp('Who audited the accounts?', where).changed).toBe(false);
  });

  it('finds the verb after did or a modal that the tagger took for a noun (did the council delay the vote), so the subject alone is a referent', () => {
    const delayed = after({ understood: 'Why did the council delay the vote?', answer: '' });
    expect(resolveFollowUp('When will it hold it?', delayed).text).toBe('When will the council hold the vote?');
    // After a modal too, and before a clause of its own; not where be is the verb.
    const fare = after({ understood: 'What will the new line charge?', answer: '' });
    expect(resolveFollowUp('When will it open?', fare).text).toBe('When will the new line open?');
    // A subject the tagger calls an adjective after its determiner (*the union*), with the verb taken for a noun after it.
    const called = after({ understood: 'What did the union call the plan?', answer: '' });
    expect(resolveFollowUp('Who is its leader?', called).text).toBe("Who is the union's leader?");
    const analysts = after({ understood: 'What did analysts say would be the main hurdle?', answer: 'pricing' });
    expect(resolveFollowUp('Which bank do they work for?', analysts).text).toBe('Which bank do analysts work for?');
    const director = after({ understood: 'Who will the new director be?', answer: '' });
    expect(resolveFollowUp('When will he start?', director).text).toBe('When will the new director start?');
    // Nor where do is the verb (what will X do?).
    const minister = after({ understood: 'What will the harbour minister do?', answer: '' });
    expect(resolveFollowUp('What did he say?', minister).text).toBe('What did the harbour minister say?');
    // Before a verb it governs with to: do-support asks for a verb first (does Westport Marine plan to build).
    const plans = after({ understood: 'Where does Westport Marine plan to build its yard?', answer: 'Carrow' });
    expect(resolveFollowUp('How many people does it employ?', plans).text).toBe('How many people does Westport Marine employ?');
  });

  it('takes the previous question\'s frame for an elliptical question with a question word', () => {
    const said = after({ understood: 'When did Maria Okafor announce the sale?', answer: 'Friday' });
    expect(resolveFollowUp('On which radio station?', said).text).toBe('On which radio station did Maria Okafor announce the sale?');
    expect(resolveFollowUp('Why?', said).text).toBe('Why did Maria Okafor announce the sale?');
    // The answer stands in for the subject that was asked for.
    const bought = after({ understood: 'Who bought the ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('In which month?', bought).text).toBe('In which month did Blue Line Shipping buy the ferry?');
    // With no short answer to name (the quote answered, or the question was declined), they stands for whoever it was.
    const unnamed = after({ understood: 'Who bought the ferry?', answer: '' });
    expect(resolveFollowUp('Why?', unnamed).text).toBe('Why did they buy the ferry?');
    // `Who else` asks for the subject as `who` does.
    const others = after({ understood: 'Who else bought shares in the ferry?', answer: 'Coral Holdings' });
    expect(resolveFollowUp('When?', others).text).toBe('When did Coral Holdings buy shares in the ferry?');
    const leads = after({ understood: 'Who leads the council?', answer: 'Maria Okafor' });
    expect(resolveFollowUp('Since when?', leads).text).toBe('Since when does Maria Okafor lead the council?');
    expect(resolveFollowUp('Who else?', bought).text).toBe('Who else bought the ferry?');
    // What a how-many question counts is the subject, not its count.
    const sailed = after({ understood: 'How many ferries sailed to Carrow?', answer: '12' });
    expect(resolveFollowUp('In which month?', sailed).text).toBe('In which month did ferries sail to Carrow?');
    const hurt = after({ understood: 'How many people were hurt?', answer: 'four' });
    expect(resolveFollowUp('Where?', hurt).text).toBe('Where were people hurt?');
  });

  it('puts the question\'s noun or the answer in place of the subject asked for, and a new count in place of the one counted', () => {
    // A passive frame keeps its subject: the short answer, else the noun of `which road`.
    const unnamed = after({ understood: 'Which road was closed?', answer: '' });
    expect(resolveFollowUp('Since when?', unnamed).text).toBe('Since when was the road closed?');
    const named = after({ understood: 'Which road was closed?', answer: 'the Harbour Road' });
    expect(resolveFollowUp('Since when?', named).text).toBe('Since when was the Harbour Road closed?');
    expect(resolveFollowUp('Why?', after({ understood: 'Which firm bought the ferry?', answer: '' })).text).toBe('Why did the firm buy the ferry?');
    // `And how many aircraft?` counts something else in the same place, not something the firefighters do.
    const fighting = after({ understood: 'How many firefighters are fighting the fire?', answer: '600' });
    expect(resolveFollowUp('And how many aircraft?', fighting).text).toBe('How many aircraft are fighting the fire?');
    const sailed = after({ understood: 'How many ferries sailed to Carrow?', answer: '12' });
    expect(resolveFollowUp('And how many barges?', sailed).text).toBe('How many barges sailed to Carrow?');
    // A counted subject before auxiliaries and a participle stays the subject.
    const sunk = after({ understood: 'How many boats have been sunk?', answer: '3' });
    expect(resolveFollowUp('Why?', sunk).text).toBe('Why have boats been sunk?');
    expect(resolveFollowUp('When?', after({ understood: 'How many crews will not be paid?', answer: '3' })).text).toBe('When will crews not be paid?');
  });

  it('puts a bare plural in place of what the previous question counted: other things counted, not another subject', () => {
    const carried = after({ understood: 'How many trucks can each barge carry?', answer: '40' });
    expect(resolveFollowUp('And passengers?', carried).text).toBe('How many passengers can each barge carry?');
    expect(resolveFollowUp('And the older barges?', carried).text).toBe('How many trucks can the older barges carry?');
    // Where the frame's other phrases are names, people for people only: other things are a topic of their own.
    const hurt = after({ understood: 'How many people were hurt in Carrow?', answer: '12' });
    expect(resolveFollowUp('And children?', hurt).text).toBe('How many children were hurt in Carrow?');
    expect(resolveFollowUp('What about buildings?', hurt).text).toBe('buildings');
  });

  it('drops the preposition the previous question word left at the end when the new one takes no object', () => {
    const paid = after({ understood: 'What was the ferry bought for?', answer: 'its route' });
    expect(resolveFollowUp('Where?', paid).text).toBe('Where was the ferry bought?');
    expect(resolveFollowUp('How long ago?', paid).text).toBe('How long ago was the ferry bought?');
    expect(resolveFollowUp('In which month?', paid).text).toBe('In which month was the ferry bought?');
    // A count or a thing may still be the preposition's object.
    expect(resolveFollowUp('How much?', paid).text).toBe('How much was the ferry bought for?');
    expect(resolveFollowUp('Who?', after({ understood: 'What did the council vote for?', answer: 'the sale' })).text).toBe('Who did the council vote for?');
    // A phrasal verb keeps its particle.
    expect(resolveFollowUp('Why?', after({ understood: 'What did the council give up?', answer: 'the sale' })).text).toBe('Why did the council give up?');
    expect(resolveFollowUp('For how long?', after({ understood: 'Who will walk out?', answer: 'the crews' })).text).toBe('For how long will the crews walk out?');
  });

  it('gives the verb of a frame back its object when the new question word is not that object', () => {
    const quote = { text: 'Most of the council wanted the merger, and the mayor said it would save money.', documentId: 'd', paragraph: 1, start: 0 };
    const wanted = after({ understood: 'What did the council want?', answer: 'merger', quote });
    // The previous answer, with the article the quote says before it.
    expect(resolveFollowUp('Why?', wanted).text).toBe('Why did the council want the merger?');
    // Named again, what the quote introduced with `a` is known: `the`.
    const built = { text: 'The harbour board approved a new ferry terminal on Monday.', documentId: 'd', paragraph: 1, start: 0 };
    expect(resolveFollowUp('Why?', after({ understood: 'What did the harbour board approve?', answer: 'new ferry terminal', quote: built })).text).toBe('Why did the harbour board approve the new ferry terminal?');
    expect(resolveFollowUp('Why?', after({ understood: 'What did the harbour board approve?', answer: 'a new ferry terminal', quote: built })).text).toBe('Why did the harbour board approve the new ferry terminal?');
    // A name's own capital A is no article.
    const post = { text: 'The stake was bought by An Post on Monday.', documentId: 'd', paragraph: 1, start: 0 };
    expect(resolveFollowUp('What else does it own?', after({ understood: 'Which firm bought the stake?', answer: 'Post', quote: post })).text).toBe('What else does Post own?');
    // What was said is `that`; what was done, or an answer that names nothing, `it`.
    expect(resolveFollowUp('Where?', after({ understood: 'What did the mayor say?', answer: 'it would save money', quote })).text).toBe('Where did the mayor say that?');
    expect(resolveFollowUp('When?', after({ understood: 'What did the council do?', answer: 'wanted the merger', quote })).text).toBe('When did the council do it?');
    expect(resolveFollowUp('When?', after({ understood: 'What did the council approve?', answer: '' })).text).toBe('When did the council approve it?');
    // A question word that may be the object takes the frame as it is.
    expect(resolveFollowUp('And who?', wanted).text).toBe('Who did the council want?');
  });

  it('takes no measure for a pronoun: an amount, a share or a bare count is not what it or they stands for', () => {
    for (const answer of ['2 million euros', '14%', 'six']) {
      expect(resolveFollowUp('Who made them?', after({ understood: 'What was taken from the yard?', answer })).changed).toBe(false);
    }
    // A count with what it counts names them.
    expect(resolveFollowUp('Who made them?', after({ understood: 'What was taken from the yard?', answer: 'six clocks' })).text).toBe('Who made six clocks?');
  });

  it('reads According to whom? and To do what? in the previous frame, and a subject that had to do something with do-support', () => {
    const peak = after({ understood: 'When will the harbour water peak?', answer: 'Saturday' });
    expect(resolveFollowUp('According to whom?', peak).text).toBe('According to whom will the harbour water peak?');
    const sent = after({ understood: 'How many boats were sent?', answer: '60' });
    expect(resolveFollowUp('To do what?', sent).text).toBe('Why were boats sent?');
    const left = after({ understood: 'How many people had to leave?', answer: '4,000' });
    expect(resolveFollowUp('From where?', left).text).toBe('From where did people have to leave?');
  });

  it('puts a name where the answer would stand when the previous question asked for its subject and names no one after it', () => {
    const imposed = after({ understood: 'Who else imposed restrictions?', answer: 'Norway' });
    expect(resolveFollowUp('What about Denmark?', imposed).text).toBe('Did Denmark impose restrictions?');
    expect(resolveFollowUp('And Main Street?', after({ understood: 'Which road was closed?', answer: '' })).text).toBe('Was Main Street closed?');
    // A common noun, or a name where the frame has one, replaces a phrase of the frame as before.
    const bought = after({ understood: 'Who bought the ferry?', answer: 'Blue Line' });
    expect(resolveFollowUp('What about the barge?', bought).text).toBe('Who bought the barge?');
    expect(resolveFollowUp('And Coral Holdings?', after({ understood: 'Who bought Night Star?', answer: 'Blue Line' })).text).toBe('Who bought Coral Holdings?');
  });

  it('reads a verb the tagger takes for a noun after who as the verb (Who coaches her?), not as an ellipsis', () => {
    const won = after({ understood: 'Who won the harbour race?', answer: 'Maria Okafor' });
    expect(resolveFollowUp('Who coaches her?', won).text).toBe('Who coaches Okafor?');
    expect(resolveFollowUp('Who coaches Maria Okafor?', won).changed).toBe(false);
  });

  it('puts the negation of Why not? before the frame\'s verb, and leaves a reason out of what happened', () => {
    expect(resolveFollowUp('Why not?', after({ understood: 'Will the council pay?', answer: '' })).text).toBe('Why will the council not pay?');
    expect(resolveFollowUp('Why not?', after({ understood: 'Did the council approve the plan?', answer: '' })).text).toBe('Why did the council not approve the plan?');
    // After a yes-or-no question whose verb the tagger took for an adjective, and a reflexive pronoun in its subject.
    expect(resolveFollowUp('Why not?', after({ understood: 'Does tea itself lower the pressure?', answer: '' })).text).toBe('Why does tea itself not lower the pressure?');
    const why = after({ understood: 'Why will the council not pay?', answer: 'paying would cost jobs' });
    expect(resolveFollowUp('Who said so?', why).text).toBe('Who said so (the council not pay)?');
  });

  it('takes no first half of a word joined by a hyphen for a referent (part of part-funded)', () => {
    const funded = after({ understood: 'Who part-funded the harbour survey?', answer: 'Westport Marine' });
    expect(resolveFollowUp('What did it find?', funded).text).not.toMatch(/\bpart\b/);
  });

  it('puts a new owner in the place of a possessive pronoun (And Atlantica\'s? after its shares)', () => {
    expect(resolveFollowUp("And Coral's?", after({ understood: 'What happened to its shares?', answer: 'fell 3%' })).text).toBe("What happened to Coral's shares?");
    expect(resolveFollowUp("And Lund's?", after({ understood: 'How much did his company earn?', answer: '' })).text).toBe("How much did Lund's company earn?");
  });

  it('puts a verb of opposite meaning in the place of the frame\'s verb (And end?), and a noun in a noun\'s place', () => {
    const started = after({ understood: 'When did the ferry service start?', answer: '1998' });
    expect(resolveFollowUp('and end?', started).text).toBe('When did the ferry service end?');
    expect(resolveFollowUp('And fall?', after({ understood: 'When did fares rise?', answer: 'May' })).text).toBe('When did fares fall?');
    // A word of no opposite meaning is still a phrase in the frame's (`And tickets?`).
    expect(resolveFollowUp('And tickets?', after({ understood: 'When did fares rise?', answer: 'May' })).text).toBe('When did tickets rise?');
  });

  it('puts another rank in the place of the frame\'s (And third?)', () => {
    expect(resolveFollowUp('And third?', after({ understood: 'Which ferry came second?', answer: 'Night Star' })).text).toBe('Which ferry came third?');
    expect(resolveFollowUp('And fifth?', after({ understood: 'Who finished fourth in the race?', answer: 'Anna Lund' })).text).toBe('Who finished fifth in the race?');
  });

  it('reads he or she as no common noun in the plural (the sailors)', () => {
    const sailors = after({ understood: 'Why were the sailors sent?', answer: '' });
    expect(resolveFollowUp('What did he ask them?', sailors).text).toBe('What did he ask the sailors?');
  });

  it('reads an answer in the plural as they, not it', () => {
    const members = after({ understood: 'What does the ferry club have?', answer: '1,200 members' });
    expect(resolveFollowUp('Who leads it?', members).text).toBe('Who leads the ferry club?');
    expect(resolveFollowUp('What do they pay?', members).text).toBe('What do 1,200 members pay?');
  });

  it('reads they as an irregular plural (children, men) as it does a plural in -s', () => {
    const taken = after({ understood: 'Where did the council take the children?', answer: '' });
    expect(resolveFollowUp('How old are they?', taken).text).toBe('How old are the children?');
  });

  it('puts what was asked in place of the owner of a possessive question phrase (which ferry\'s launch)', () => {
    const named = after({ understood: 'Which ferry\'s launch was delayed?', answer: 'Night Star' });
    expect(resolveFollowUp('By how long?', named).text).toBe('By how long was Night Star\'s launch delayed?');
    const unnamed = after({ understood: 'Which ferry\'s launch was delayed?', answer: '' });
    expect(resolveFollowUp('Why?', unnamed).text).toBe('Why was the ferry\'s launch delayed?');
  });

  it('reads a demonstrative that be equates with where, who or what as the previous answer, and keeps its brackets in a frame', () => {
    const built = after({ understood: 'Where was the ferry built?', answer: 'Carrow' });
    expect(resolveFollowUp('Where is that?', built).text).toBe('Where is that (Carrow)?');
    expect(resolveFollowUp('And where is that?', built).text).toBe('And where is that (Carrow)?');
    // `When was that?` still asks when what the previous question said happened.
    const bought = after({ understood: 'Who bought the ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('When was that?', bought).text).toBe('When was that (Blue Line Shipping bought the ferry)?');
    // An elliptical question after one read with brackets takes them whole.
    expect(resolveFollowUp('And when?', after({ understood: 'Where is that (Carrow)?', answer: '' })).text).toBe('When is that (Carrow)?');
  });

  it('reads a that ending the question as a pronoun, though the tagger reads it as a conjunction', () => {
    const sold = after({ understood: 'Who bought the ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('Who approved that?', sold).text).toBe('Who approved that (Blue Line Shipping bought the ferry)?');
  });

  it('reads it as the noun a which-question asked for when no name was found, as it would the name', () => {
    const unnamed = after({ understood: 'Which agency is examining the crash?', answer: '' });
    expect(resolveFollowUp('What will it examine?', unnamed).text).toBe('What will the agency examine?');
  });

  it('puts it, not a short answer, in place of what happened, and a negation before the verb of what happened', () => {
    const shares = after({ understood: 'What happened to the ferry firm\'s shares?', answer: '6%' });
    expect(resolveFollowUp('When?', shares).text).toBe('When did it happen to the ferry firm\'s shares?');
    const stayed = after({ understood: 'Why didn\'t the backup pumps start?', answer: '' });
    expect(resolveFollowUp('Who said so?', stayed).text).toBe('Who said so (the backup pumps not start)?');
  });

  it('reads a subject the tagger took for a verb (were people told) as a noun, and how many of them as how many of that subject', () => {
    const told = after({ understood: 'Why were people told to leave their homes?', answer: '' });
    expect(resolveFollowUp('How many of them?', told).text).toBe('How many people were told to leave their homes?');
    // Of an object, the frame stays as it is.
    const paid = after({ understood: 'Who will pay for the extension?', answer: '' });
    expect(resolveFollowUp('How much of it?', paid).text).not.toMatch(/^How much the extension/);
  });

  it('reads a pronoun as the short answer with the noun its question asked for, where the quote says them together, not for a person', () => {
    const party = after({ understood: 'Which party called for the vote?', answer: 'Green', quote: quote('The opposition Green party called for the vote.') });
    expect(resolveFollowUp('Who leads it?', party).text).toBe('Who leads Green party?');
    const river = after({ understood: 'Which river does the bridge cross?', answer: 'Leam', quote: quote('It crosses the River Leam.') });
    expect(resolveFollowUp('How long is it?', river).text).toBe('How long is River Leam?');
    // A person goes on by surname, not by the question's title for them.
    const wrote = after({ understood: 'Which historian wrote the book?', answer: 'Francis Gasquet', quote: quote('The historian Francis Gasquet wrote the book.') });
    expect(resolveFollowUp('What did he say?', wrote).text).toBe('What did Gasquet say?');
  });

  it('reads a participle with the phrase of a question word (allowed by whom?) as asking about the previous question\'s event', () => {
    const bought = after({ understood: 'Who bought the Night Star ferry?', answer: 'Blue Line Shipping' });
    expect(resolveFollowUp('Allowed by whom?', bought).text).toBe('By whom was that (Blue Line Shipping bought the Night Star ferry) allowed?');
    // The previous question's own verb, passive: only the question phrase changes.
    const founded = after({ understood: 'When was the shipyard founded?', answer: '1962' });
    expect(resolveFollowUp('Founded by whom?', founded).text).toBe('By whom was the shipyard founded?');
    // A participle without a question word is no such fragment.
    expect(resolveFollowUp('Allowed by law?', bought).text).not.toContain('was that');
  });

  it('puts a new focus in the previous question\'s frame: and X?, what about X?', () => {
    const paid = after({ understood: 'How much did the council pay for the ferry?', answer: '2 million pounds' });
    expect(resolveFollowUp('What about the bridge?', paid).text).toBe('How much did the council pay for the bridge?');
    const rate = after({ understood: 'What is the fare of the day ticket?', answer: '4 pounds' });
    expect(resolveFollowUp('And of the week ticket?', rate).text).toBe('What is the fare of the week ticket?');
  });

  it('adds a phrase of a preposition the previous question does not use, rather than replacing one of its nouns', () => {
    const fare = after({ understood: 'How much does Blue Line charge for a ticket?', answer: '12 euros' });
    expect(resolveFollowUp('In winter or in summer?', fare).text).toBe('How much does Blue Line charge for a ticket in winter or in summer?');
    // The same preposition still replaces its phrase.
    expect(resolveFollowUp('And for a child?', fare).text).toBe('How much does Blue Line charge for a child?');
  });

  it('puts another owner in place of the previous one for a possessive: and X\'s?', () => {
    const profits = after({ understood: "What happened to Blue Line's profits?", answer: 'fell by half' });
    expect(resolveFollowUp("And Northwind's?", profits).text).toBe("What happened to Northwind's profits?");
    // With no owner in the previous question, the name takes the place of the one it stands beside.
    const signed = after({ understood: 'When did Blue Line buy the terminal?', answer: 'in May' });
    expect(resolveFollowUp("And Northwind's?", signed).text).toBe('When did Northwind buy the terminal?');
  });

  it('reads he after who-is as the person asked about when it was named, and as the answer when a role was asked about', () => {
    expect(resolveFollowUp('What does he want?', after({ understood: 'Who is Maria Okafor?', answer: 'council leader' })).text).toBe('What does Okafor want?');
    expect(resolveFollowUp('What does she want?', after({ understood: 'Who is the council leader?', answer: 'Maria Okafor' })).text).toBe('What does Okafor want?');
  });

  it('looks one turn further back for a person when the previous turn names none', () => {
    const report = after(
      { understood: 'When did Maria Okafor ask for a review?', answer: 'in May' },
      { understood: 'When was the review published?', answer: 'June' },
    );
    expect(resolveFollowUp('What did she say about it?', report).text).toBe('What did Okafor say about the review?');
  });

  it('does not read it as a name an earlier who-question got as its answer, but as the previous answer itself when it is a firm', () => {
    const founded = after(
      { understood: 'Who founded the Westport yard?', answer: 'Anna Lund' },
      { understood: 'When did Anna Lund found Westport Marine?', answer: '1962' },
    );
    expect(resolveFollowUp('How many people does it employ?', founded).text).toBe('How many people does Westport Marine employ?');
    // Named again by surname, as a follow-up is read with it.
    const bySurname = after({ understood: 'Who founded the Westport yard?', answer: 'Anna Lund' }, { understood: 'When did Lund found the yard?', answer: '1962' });
    expect(resolveFollowUp('How many people does it employ?', bySurname).text).toBe('How many people does the yard employ?');
    const buyer = after({ understood: 'Who is buying the Westport yard?', answer: 'Norvik Marine' });
    expect(resolveFollowUp('How much is it paying?', buyer).text).toBe('How much is Norvik Marine paying?');
    // A name that ends in a firm's legal form is a firm's, named again or not.
    const firm = after({ understood: 'Who is buying the Westport yard?', answer: 'Norvik Marine Ltd' }, { understood: 'How much is Norvik Marine Ltd paying?', answer: '$5 million' });
    expect(resolveFollowUp('Why does it want the yard?', firm).text).toBe('Why does Norvik Marine Ltd want the yard?');
    expect(resolveFollowUp('What did she say?', firm).changed).toBe(false);
  });

  it('reads no name an earlier he or she was read as for it, and no name an earlier it was read as for he or she', () => {
    const gave = after({ question: 'Who did she give it to?', understood: 'Who did Holm give Nordlys to?', answer: 'the city museum' });
    expect(resolveFollowUp('Why was it given away?', gave).text).toBe('Why was Nordlys given away?');
    const declined = after(
      { question: 'Who did she give it to?', understood: 'Who did Holm give Nordlys to?', answer: 'the city museum' },
      { question: 'Why was it given away?', understood: 'Why was Nordlys given away?', answered: false },
    );
    expect(resolveFollowUp('When did she die?', declined).text).toBe('When did Holm die?');
    // Lined up with the reading after its contracted *is* is spelled out.
    const selling = after({ question: "What's she selling it for?", understood: 'What is Holm selling Nordlys for?', answer: '2 million euros' });
    expect(resolveFollowUp('Why was it sold?', selling).text).toBe('Why was Nordlys sold?');
  });

  it('reads a demonstrative before a preposition that ends the question as what happened', () => {
    const raised = after({ understood: 'How much did the museum raise from the sale?', answer: '$2 million' });
    expect(resolveFollowUp('What was that for?', raised).text).toBe('What was that (the museum raise from the sale $2 million) for?');
    expect(resolveFollowUp('By how much was that down?', raised).text).toBe('By how much was that (the museum raise from the sale $2 million) down?');
  });

  it('puts a verb that reads the same in the past and present in the past after a question for one subject (Who set ...?)', () => {
    const record = after({ understood: 'Who set the club record?', answer: 'Lena Berg' });
    expect(resolveFollowUp('When?', record).text).toBe('When did Lena Berg set the club record?');
    expect(resolveFollowUp('And Ida Sand?', record).text).toBe('Did Ida Sand set the club record?');
  });

  it('reads how many of them, its pronoun the answer to a question for the subject, as how many of that answer', () => {
    const bought = after({ understood: 'Who bought the shares?', answer: 'pension funds' });
    expect(resolveFollowUp('How many of them?', bought).text).toBe('How many of pension funds bought the shares?');
  });

  it('puts another time in place of the frame\'s, with its preposition, or adds it to a frame that names none', () => {
    const earned = after({ understood: 'How much did the ferry line earn in 2023?', answer: '40 million euros' });
    expect(resolveFollowUp('And in 2022?', earned).text).toBe('How much did the ferry line earn in 2022?');
    expect(resolveFollowUp('And last year?', earned).text).toBe('How much did the ferry line earn last year?');
    const paid = after({ understood: 'What dividend will the ferry line pay?', answer: '3 euros a share' });
    expect(resolveFollowUp('And last year?', paid).text).toBe('What dividend will the ferry line pay last year?');
  });

  it('reads she as the person of an answer that names her with the body she belongs to', () => {
    const led = after({ understood: 'Who led the survey?', answer: 'Ida Brandt of the Westport Institute' });
    expect(resolveFollowUp('Where does she work?', led).text).toBe('Where does Brandt work?');
  });

  it('puts the negation of Why not? after the auxiliary that follows the subject (can the dam not be)', () => {
    const built = after({ understood: 'Can the dam be finished by spring?', answered: false });
    expect(resolveFollowUp('Why not?', built).text).toBe('Why can the dam not be finished by spring?');
    // What follows the negation goes at the end.
    const seen = after({ understood: 'When can visitors see the seals?', answer: 'May' });
    expect(resolveFollowUp('Why not in winter?', seen).text).toBe('Why can visitors not see the seals in winter?');
  });

  it('reads it as the noun a what-question asked for when its answer is a number (What temperature ...? then it)', () => {
    const recorded = after({ understood: 'What temperature did the harbour gauge record?', answer: '31.5 degrees' });
    expect(resolveFollowUp('Who checked it?', recorded).text).toBe('Who checked the temperature?');
    // Not a share of something: its *it* is that something, not the share.
    expect(resolveFollowUp('Why is it cutting them?', after({ understood: "What share of Norvik Marine's workforce is that?", answer: '14%' })).text).not.toContain('share');
  });

  it('reads the apostrophe of a plural\'s possessive as a possessive, keeping the noun phrase whole', () => {
    const union = after({ understood: "What did the dockers' union say?", answered: false });
    expect(resolveFollowUp('What did it want?', union).text).toBe("What did the dockers' union want?");
  });

  it('reads it as the name that owns the previous question\'s noun (Westline\'s shares), when the noun itself is no it', () => {
    const shares = after({ understood: "How did Westline's shares react?", answer: 'fell 4%' });
    expect(resolveFollowUp('How many ships does it own?', shares).text).toBe('How many ships does Westline own?');
    // After *where*, answered with a place, the owner still: the place is only where it happened.
    const where = after({ understood: "How did Westline's shares react?", answer: 'fell 4%' }, { understood: "Where are Westline's shares traded?", answer: 'Oslo' });
    expect(resolveFollowUp('When was it founded?', where).text).toBe('When was Westline founded?');
    // A common noun's owner is not split off (*the council* of *the council's budget*): the phrase itself stands.
    expect(resolveFollowUp('Who approved it?', after({ understood: "What did the council's budget cut?", answer: 'two ferries' })).text).toBe("Who approved the council's budget?");
  });

  it('reads How come? as Why?, and Says who? as Who said so?', () => {
    const moved = after({ understood: 'Why did the yard move to Westport?', answer: 'lower rents' });
    expect(resolveFollowUp('how come', moved).text).toBe('Why did the yard move to Westport?');
    expect(resolveFollowUp('what for', after({ understood: 'who got fined', answered: false })).text).toBe('Why did they get fined?');
    // A frame with nothing after its question phrase adds nothing: the question is read as it was asked.
    expect(resolveFollowUp('in how many stores', after({ understood: 'which products?', answered: false }))).toEqual({ text: 'in how many stores', changed: false, continues: true });
    expect(resolveFollowUp('Says who?', moved).text).toBe('Who said so (the yard move to Westport)?');
  });

  it('reads a thing typed in a name\'s place as a topic of its own, and a name typed in lower case as a name', () => {
    const quote = { text: 'Norvik, which employs 900 people, reported record orders in the spring.', documentId: 'd', paragraph: 1, start: 0 };
    const work = after({ understood: 'how many people work at norvik', answer: '900', quote });
    expect(resolveFollowUp('what about orders', work).text).toBe('orders');
    // A lower-case word the quote writes as a name is a name, and another name takes its place.
    expect(resolveFollowUp('and kvikly?', work).text).toBe('how many people work at kvikly?');
    // A time is no thing: `last time` is added to the frame.
    const paid = after({ understood: 'What dividend will the ferry line pay?', answer: '3 euros a share' });
    expect(resolveFollowUp('And last time?', paid).text).toBe('What dividend will the ferry line pay last time?');
  });

  it('reads the subject of a verb of saying as someone, a body or a writing, never a plain thing', () => {
    const made = after({ understood: 'Who made the valves?', answer: 'Norvik Marine' });
    expect(resolveFollowUp('What did they say?', made).text).toBe('What did Norvik Marine say?');
    // A writing says something too.
    const published = after({ understood: 'When was the harbour report published?', answer: 'May' });
    expect(resolveFollowUp('What did it say?', published).text).toBe('What did the harbour report say?');
    // A short answer its quote gives a title may still be they (`supplier Kanto Seiki` is a firm).
    const supplied = after({ understood: 'Who made the pumps?', answer: 'Kanto Seiki', quote: { text: 'The pumps were made by supplier Kanto Seiki.', documentId: 'd', paragraph: 1, start: 0 } });
    expect(resolveFollowUp('What did they say?', supplied).text).toBe('What did Kanto Seiki say?');
  });

  it('spells out a contracted is of a question word, and adds alternatives to the frame (cash or shares?)', () => {
    const closing = after({ understood: "what's closing", answered: false });
    expect(resolveFollowUp('for how long', closing).text).toBe('For how long is closing?');
    const paying = after({ understood: 'How much is Norvik Marine paying?', answer: '5 million euros' });
    expect(resolveFollowUp('cash or shares?', paying).text).toBe('How much is Norvik Marine paying cash or shares?');
    expect(resolveFollowUp('why though', paying).text).toBe('Why is Norvik Marine paying?');
  });

  it('spells out a contracted has before a participle, and the is of a noun that no noun phrase follows (which one\'s next)', () => {
    const fined = after({ understood: 'Did the Torvik dairy pay the fine?', answer: '' });
    expect(resolveFollowUp("what's it done since", fined).text).toBe('what has the Torvik dairy done since');
    expect(resolveFollowUp("what's it been told", fined).text).toBe('what has the Torvik dairy been told');
    // A passive's participle keeps *is*.
    expect(resolveFollowUp("what's it called", fined).text).toBe('what is the Torvik dairy called');
    // With its verb spelled out, the question stands on its own: no frame of the previous question is added.
    const closing = after({ understood: 'is the Elm Street branch the only one closing', answer: '' });
    expect(resolveFollowUp("which one's next", closing)).toEqual({ text: "which one's next", changed: false });
    // A possessive stays one: *which firm's shares* still leans on nothing and stands as asked.
    expect(resolveFollowUp("which firm's shares fell most", fined).changed).toBe(false);
  });

  it('reads a verb the tagger took for a noun between a noun and there as a verb: no frame added', () => {
    const rules = after({ understood: 'and who sets the rules', answer: 'the Storting' });
    expect(resolveFollowUp('how many people work there', rules)).toMatchObject({ text: 'how many people work there', changed: false });
    const plant = after({ understood: 'Where is the new plant?', answer: 'Tilburg' });
    expect(resolveFollowUp('how many people work there', plant).text).toBe('how many people work there (Tilburg)');
  });

  it('names with the a noun phrase the previous question introduced with a or an (a second storm)', () => {
    const storm = after({ understood: 'When did a second storm reach the coast?', answer: 'Tuesday' });
    expect(resolveFollowUp('How many homes did it flood?', storm).text).toBe('How many homes did the second storm flood?');
    // A name's own capital An is no article.
    const shares = after({ understood: 'How many shares does An Post own?', answer: '' });
    expect(resolveFollowUp('When did it buy them?', shares).text).toBe('When did An Post buy shares?');
  });

  it('reads a progressive verb that ends the previous question, tagged a noun, as its verb: no part of the phrase a pronoun stands for', () => {
    const opening = after({ understood: "when's the new pier opening", answer: 'June' });
    expect(resolveFollowUp('what will it do', opening).text).toBe('what will the new pier do');
    // A noun in -ing after an adjective stays a noun.
    const holding = after({ understood: "What is the council's biggest holding?", answered: false });
    expect(resolveFollowUp('How much is it worth?', holding).text).toBe("How much is the council's biggest holding worth?");
  });

  it('keeps a name joined by & whole as a referent (Berg & Dahl)', () => {
    const raising = after({ understood: 'Why is Berg & Dahl closing the Westport yard?', answered: false });
    expect(resolveFollowUp('When will it close?', raising).text).toBe('When will Berg & Dahl close?');
  });

  it('keeps the bracket a pronoun\'s reading put in when the question takes the previous frame (why there)', () => {
    const rose = after({ understood: 'and where did fares rise', answer: 'Carrow' });
    expect(resolveFollowUp('why there', rose).text).toBe('Why there (Carrow) did fares rise?');
  });

  it('puts the before a singular common noun the previous question said without a determiner (its stake)', () => {
    expect(resolveFollowUp('Will it sell?', after({ understood: 'How big is its stake?', answer: '19%' })).text).toBe('Will the stake sell?');
  });

  it('reads a subject and verb tagged the other way round after did (did stocks return) in a frame', () => {
    expect(resolveFollowUp('and bonds', after({ understood: 'what did stocks return', answer: '8.6%' })).text).toBe('what did bonds return?');
  });

  it('reads no it as an earlier answer that a later question read as she', () => {
    const governor = after({ understood: 'do you know who the governor is', answer: 'Lucia Ortega' }, { question: 'what did she say', understood: 'what did Ortega say', answer: '' });
    expect(resolveFollowUp('did analysts see it coming', governor).changed).toBe(false);
  });

  it('reads he as no one an earlier question read as she, and she as no one read as he', () => {
    const replacing = after({ question: 'who is she replacing', understood: 'who is Holm replacing', answer: 'Jonas Berg' });
    expect(resolveFollowUp("where's he going", replacing).text).toBe('where is Berg going');
  });

  it('reads he as no one its quote goes on about as she, and she as no one it goes on about as he', () => {
    const owner = after({ understood: 'Who owns the club?', answer: 'Dana Whitfield', quote: quote('Dana Whitfield, who also owns a team in Ohio, said she would keep the coach.') });
    expect(resolveFollowUp('When did he buy it?', owner).text).not.toContain('Whitfield');
    expect(resolveFollowUp('When did she buy it?', owner).text).toBe('When did Whitfield buy the club?');
    // A quote with both he and she says nothing of who is which.
    const both = after({ understood: 'Who owns the club?', answer: 'Dana Whitfield', quote: quote('Dana Whitfield said she had met the coach and that he would stay.') });
    expect(resolveFollowUp('When did he buy it?', both).text).toBe('When did Whitfield buy the club?');
  });

  it('puts no the before a name typed in lower case that an earlier question read as she', () => {
    const worked = after(
      { question: 'who is she replacing', understood: 'who is holm replacing', answer: 'Jonas Berg' },
      { question: 'where did she work before', understood: 'where did holm work before', answer: 'Kering' },
    );
    expect(resolveFollowUp('when does she start', worked).text).toBe('when does holm start');
  });

  it('reads it after a thing typed alone as what the turn before it was about, when that turn names it again and again', () => {
    const revenue = after(
      { understood: 'When was Orbita founded?', answer: '2015' },
      { question: 'what does it sell', understood: 'what does Orbita sell', answer: 'internet connections' },
      { understood: 'is Orbita profitable', answer: '' },
      { understood: 'revenue', answer: '' },
    );
    expect(resolveFollowUp('when will it make a profit', revenue).text).toBe('when will Orbita make a profit');
    // After a question with a verb, its own thing is what *it* stands for.
    const sales = after({ understood: 'is Orbita profitable', answer: '' }, { understood: 'How did revenue change?', answer: '' });
    expect(resolveFollowUp('why did it fall', sales).text).toBe('why did the revenue fall');
  });

  it('reads he as the one person the quote names by a title, when the previous question left its he unread', () => {
    const hired = after(
      { understood: 'Who leads the harbour board?', answered: false },
      { understood: 'When did he start?', answer: 'March', quote: quote('Harbour master Leif Sandvik, who started in March, said the board would meet weekly.') },
    );
    expect(resolveFollowUp('What did he say?', hired).text).toBe('What did Sandvik say?');
    // Two people named by a title: the quote does not tell which one he was.
    const two = after(
      { understood: 'Who leads the harbour board?', answered: false },
      { understood: 'When did he start?', answer: 'March', quote: quote('Harbour master Leif Sandvik and chairman Ola Brekke, who started in March, said the board would meet weekly.') },
    );
    expect(resolveFollowUp('What did he say?', two).text).toBe('What did he say?');
  });

  it('reads it as no person, though a name qualifies the person (a Dutch painter)', () => {
    const record = after({ understood: 'When did the young Dutch painter set the record?', answer: '2019' });
    expect(resolveFollowUp('Was it broken since?', record).text).toBe('Was the record broken since?');
    expect(resolveFollowUp('Where does he live?', record).text).toBe('Where does the young Dutch painter live?');
  });

  it('reads the subject of a passive speech verb as whatever was spoken to, though a thing says nothing', () => {
    const dairy = after({ understood: 'Did the dairy pay the fine?', answer: '' });
    expect(resolveFollowUp('what was it told', dairy).text).toBe('what was the dairy told');
    expect(resolveFollowUp("what's it been told", dairy).text).toBe('what has the dairy been told');
    // Active, a dairy is no speaker: the pronoun is left for the previous quote to answer.
    expect(resolveFollowUp('what did it say', dairy).text).toBe('what did it say');
    expect(resolveFollowUp('what is it saying', dairy).text).toBe('what is it saying');
  });

  it('uses the previous question when it was declined, and leaves a pronoun nothing fits', () => {
    const declined = after({ understood: 'When did Norvik Marine buy the ferry?', answered: false });
    expect(resolveFollowUp('Why did they buy it?', declined).text).toBe('Why did Norvik Marine buy the ferry?');
    expect(resolveFollowUp('Who was there?', after({ understood: 'How many boats sank?', answer: 'four' })).changed).toBe(false);
  });

  it('never throws, whatever the question and the conversation hold', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 120 });
    const words = fc.constantFrom(
      'it', 'he', 'they', 'there', 'then', 'that', 'why?', 'and', 'what about', 'who', 'how many of', 'which party\'s', 'was', "didn't", 'Norvik', 'the ferry', '@everyone', '**', '\n',
      'not', 'according to', 'to do what', 'third', 'Ltd', 'her', 'part-funded', 'had to', 'for', 'say', 'do', '3 million euros', 'members',
    );
    const question = fc.oneof(text, fc.array(words, { maxLength: 8 }).map((w) => w.join(' ')));
    // A quote from the previous answer is read too (the answer beside the noun its question asked for).
    const quote = fc.record({ text: fc.oneof(text, question), documentId: fc.constant('d'), paragraph: fc.nat(), start: fc.nat() });
    const turn = fc.record({ question: text, understood: fc.oneof(text, question), answered: fc.boolean(), answer: fc.oneof(text, question), quote }, { requiredKeys: ['question', 'understood', 'answered', 'answer'] });
    fc.assert(
      fc.property(question, fc.array(turn, { maxLength: 3 }), (asked, turns) => {
        const resolved = resolveFollowUp(asked, { turns });
        expect(typeof resolved.text).toBe('string');
        if (!resolved.changed) expect(resolved.text).toBe(asked);
      }),
      { numRuns: 400 },
    );
  });
});

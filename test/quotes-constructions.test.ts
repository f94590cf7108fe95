// Attribution constructions beyond "X said (that) <content>": each test is one small sentence through the
// whole pipeline, asserting the quote's kind, content, cue and speaker phrase.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../src/pipeline.ts';

const quotesOf = (text: string) => analyze(text, { published: '2025-03-31' }).quotes;
const find = (text: string, content: string) => {
  const q = quotesOf(text).find((x) => x.text.includes(content));
  assert.ok(q, `a quote holding "${content}"`);
  return q;
};

describe('cues', () => {
  it('a second verb of the sentence shares its subject: "He claimed … and said <content>"', () => {
    const q = find('Mayor John Smith claimed vast wealth and said it ensured he was not beholden to special interests.', 'ensured');
    assert.equal(q.kind, 'indirect');
    assert.equal(q.text, 'it ensured he was not beholden to special interests');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.name, 'John Smith');
  });

  it('a vote is a stance: "The board voted to close the plant"; "the vote" is still a noun', () => {
    const q = find('The school board voted to close two elementary schools.', 'close');
    assert.equal(q.cue?.text, 'voted');
    assert.equal(q.text, 'to close two elementary schools');
    assert.equal(quotesOf('The vote was held on Tuesday.').length, 0);
  });

  it('a verb of intention takes an infinitive: "agreed to …"', () => {
    const q = find('In the end, the insurer agreed to lend the company millions of dollars.', 'lend');
    assert.equal(q.text, 'to lend the company millions of dollars');
    assert.equal(q.cue?.text, 'agreed');
    assert.equal(q.speaker?.mention?.text, 'the insurer');
  });

  it('a verb of will before another cue bridges to it: "has refused to disclose"', () => {
    const q = find('The senator has refused to disclose her medical records.', 'records');
    assert.equal(q.text, 'her medical records');
    assert.equal(q.cue?.text, 'has refused to disclose');
    // … but not before a verb that reports nothing
    assert.equal(find('The mayor wants to build a new stadium.', 'stadium').cue?.text, 'wants');
  });

  it('a stance verb keeps the preposition naming its stance: "decided against <topic>"', () => {
    const q = find('The board decided against raising the fees.', 'fees');
    assert.equal(q.text, 'raising the fees');
    assert.equal(q.cue?.text, 'decided against');
  });

  it('"going on to" bridges to the cue like "went on to"', () => {
    const q = find('"The vote was a disgrace," Lopez said, going on to say that the council had spent "years ignoring the poor."', 'ignoring');
    assert.equal(q.cue?.text, 'going on to say');
  });

  it('a day word in capitals after a name in capitals is part of it: "a FARM TODAY analysis … shows"', () => {
    const q = find('Farm exports fell by nearly a fifth in May, a FARM TODAY analysis of customs records shows.', 'Farm exports');
    assert.equal(q.cue?.text, 'shows');
    assert.equal(q.speaker?.mention?.text, 'a FARM TODAY analysis of customs records');
  });

  it('"compared to" after a comma is a preposition, not a cue: "…, compared to only 20% of the new wells"', () => {
    const qs = quotesOf('Wells were tested. Conversely, a majority of the old wells (60%) were rated as mostly or entirely unsafe, compared to only 20% of the new wells.');
    assert.ok(!qs.some((q) => q.cue?.text === 'compared'));
  });

  it('an -s word before a relative "that" and its verb is a plural noun: "the bitter disputes that have split"', () => {
    const qs = quotesOf('The council met on Monday. The mayor has tried to end the bitter disputes that have split the town for a decade.');
    assert.ok(!qs.some((q) => q.cue?.text === 'disputes'));
  });

  it('a possessive "\'s" after a noun is the owner\'s, not an auxiliary of the cue: "the OECD\'s estimate of"', () => {
    const q = find("Oil prices rose again. That was enough to hold the OECD's estimate of world trade steady at 2.5 percent this year.", 'world trade');
    assert.equal(q.cue?.text, 'estimate of');
  });

  it('a contracted "has" belongs to the cue, not to the speaker: "The mayor\'s called for"', () => {
    const q = find("The mayor's called for an end to the strike.", 'strike');
    assert.equal(q.cue?.text, "'s called for");
    assert.equal(q.speaker?.mention?.text, 'The mayor');
  });

  it('an adverb of manner closing the cue belongs to it: "complain bitterly that", "said calmly."', () => {
    const q = find('Farmers complain bitterly that the new rules are too strict.', 'rules');
    assert.equal(q.text, 'the new rules are too strict');
    assert.equal(q.cue?.text, 'complain bitterly');
    assert.equal(find('"We will win," Lopez said calmly.', 'win').cue?.text, 'said calmly');
  });

  it('an email or a possessed interview is the occasion of the cue: "wrote in an email", "said in his interview"', () => {
    assert.equal(find('"The deal is off," Lopez wrote in an email.', 'deal').cue?.text, 'wrote in an email');
    assert.equal(find('"It is over," Smith said in his interview.', 'over').cue?.text, 'said in his interview');
  });

  it('auxiliaries and negation belong to the cue: "did not want"', () => {
    const q = find('Clinton did not want to remain in the hospital overnight.', 'remain');
    assert.equal(q.cue?.text, 'did not want');
    assert.equal(q.text, 'to remain in the hospital overnight');
  });

  it('a topic cue keeps its preposition: "has spoken about <topic>"', () => {
    const q = find('She has spoken about the need for conversation and reforms.', 'the need');
    assert.equal(q.cue?.text, 'has spoken about');
    assert.equal(q.text, 'the need for conversation and reforms');
    assert.equal(q.speaker?.mention?.text, 'She');
  });

  it('a topic cue with words between verb and preposition: "spoke warmly of", "campaigned heavily for", "asked the mayor about"', () => {
    const a = find('The senator spoke warmly of her years in the state legislature.', 'legislature');
    assert.equal(a.cue?.text, 'spoke warmly of');
    assert.equal(a.text, 'her years in the state legislature');
    const c = find('The former sheriff has campaigned heavily for the Republican nominee.', 'nominee');
    assert.equal(c.cue?.text, 'has campaigned heavily for');
    assert.equal(c.text, 'the Republican nominee');
    const b = find('The moderator asked Smith about his voting record.', 'voting record');
    assert.equal(b.cue?.text, 'asked Smith about');
    assert.equal(b.text, 'his voting record');
  });

  it('a participle of intention takes an infinitive: "…, promising to …"', () => {
    const q = find('Donald Trump spoke to industry leaders, promising to lift environmental regulations.', 'lift');
    assert.equal(q.cue?.text, 'promising');
    assert.equal(q.text, 'to lift environmental regulations');
    assert.equal(q.speaker?.name, 'Donald Trump');
  });

  it('a participle after a comma and an adverb: "…, even suggesting …"', () => {
    const q = find('The mayor complained about the audit on Tuesday, even suggesting the figures had been altered.', 'figures');
    assert.equal(q.cue?.text, 'even suggesting');
    assert.equal(q.text, 'the figures had been altered');
    assert.equal(q.speaker?.mention?.text, 'The mayor');
  });

  it('a stance participle after a comma shares the subject: "…, painting her rival as …"', () => {
    const q = find('In the debate, Smith spoke early and often, painting her rival as a career politician.', 'career politician');
    assert.equal(q.cue?.text, 'painting');
    assert.equal(q.text, 'her rival as a career politician');
    assert.equal(q.speaker?.name, 'Smith');
  });

  it('a participle after a comma shares the main clause\'s reporter, not one reporting inside its content', () => {
    const q = find('The judge has rejected a press request to open the file, saying the courts have no place in it.', 'no place');
    assert.equal(q.cue?.text, 'saying');
    assert.equal(q.speaker?.mention?.text ?? q.speaker?.name, 'The judge');
    const r = find('Ann Lee told the crowd that she believes the plan works, saying that it saves money.', 'saves money');
    assert.equal(r.speaker?.name, 'Ann Lee');
  });

  it('a bare "-ing" noun after its noun does not close a report: "… face painting, on match days"', () => {
    const qs = quotesOf('The field is next to the arena, which, Ravi said, is always busy, including food stalls and face painting, on match days.');
    assert.ok(!qs.some((q) => q.cue?.text === 'painting'));
    assert.ok(qs.some((q) => q.cue?.text === 'said' && q.speaker?.name === 'Ravi'));
  });

  it('a dateline typed with hyphens opens the clause: "BOSTON -- Mayor Ann Lee, opening …, said"', () => {
    const q = find('BOSTON -- Mayor Ann Lee, opening the new city museum on Sunday, said it would tell the story of the harbor.', 'harbor');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.mention?.text, 'Mayor Ann Lee');
  });

  it('an opening time and an occasion between the subject and its verb stay out of the speaker', () => {
    const q = find('Last week Ortiz in a televised interview said the bank had fired its managers.', 'fired');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.mention?.text, 'Ortiz');
    const r = find('Last week Ortiz said the bank had fired its managers.', 'fired');
    assert.equal(r.speaker?.mention?.text, 'Ortiz');
  });

  it('an occasion or a participle opening the sentence is no subject: "Chastened by …, Ruiz revised …, promising …"', () => {
    const q = find('Chastened by the reviews, Ruiz revised her plan, promising to focus its benefits on workers.', 'workers');
    assert.equal(q.cue?.text, 'promising');
    assert.equal(q.speaker?.name, 'Ruiz');
  });

  it('a participle after an opening "After" reports up to the comma, the subject after it its source', () => {
    const q = find('After claiming his rival had lied, Ruiz left the stage.', 'lied');
    assert.equal(q.cue?.text, 'claiming');
    assert.equal(q.text, 'his rival had lied');
    assert.equal(q.speaker?.name, 'Ruiz');
  });

  it('the object of a participle of motion after the subject is no speaker: "Marchers walking through the square chanted …"', () => {
    const q = find('Marchers walking through the square chanted that the new curfew was unfair.', 'curfew');
    assert.equal(q.cue?.text, 'chanted');
    assert.equal(q.speaker?.mention?.text ?? q.speaker?.name, 'Marchers');
  });

  it('"encouraging" directs a listener: "…, encouraging his supporters to …"', () => {
    const q = find('The governor spoke for an hour, encouraging his supporters to register before the deadline.', 'register');
    assert.equal(q.cue?.text, 'encouraging');
    assert.equal(q.text, 'his supporters to register before the deadline');
  });

  it('a participle opening the sentence reports up to its comma, the subject after it the source: "Citing …, X …"', () => {
    const q = find('Citing a leaked budget memo, Jones accused the council of hiding the deficit.', 'memo');
    assert.equal(q.cue?.text, 'Citing');
    assert.equal(q.text, 'a leaked budget memo');
    assert.equal(q.speaker?.name, 'Jones');
  });

  it('a progressive with adverbs between: "is once again questioning"', () => {
    const q = find('Donald Trump is once again questioning the integrity of the voting system.', 'integrity');
    assert.equal(q.cue?.text, 'is once again questioning');
    assert.equal(q.text, 'the integrity of the voting system');
  });

  it('a headline capitalises its cue: "Obama Says …"', () => {
    const q = find('Obama Says Museum Will Tell of Suffering and Delight.\n\nThe museum opened on Saturday.', 'Museum Will Tell');
    assert.equal(q.cue?.text, 'Says');
    assert.equal(q.speaker?.mention?.text, 'Obama');
  });

  it('a headline ending in a single-quoted phrase is a report, not a title to drop: "Mayor says fire was \'deliberate.\'"', () => {
    const q = find("Mayor says warehouse fire was a 'deliberate act.'\n\nFirefighters worked through the night.", 'warehouse fire');
    assert.equal(q.kind, 'indirect');
    assert.equal(q.text, "warehouse fire was a 'deliberate act.'");
    assert.equal(q.cue?.text, 'says');
    assert.equal(q.speaker?.mention?.text, 'Mayor');
  });
});

describe('passives with an agent', () => {
  it('the agent after "by" is the source and the subject the content: "was first reported by"', () => {
    const q = find('The spending gap was first reported by The Boston Globe.', 'spending gap');
    assert.equal(q.text, 'The spending gap');
    assert.equal(q.cue?.text, 'was first reported by');
    assert.equal(q.speaker?.mention?.text ?? q.speaker?.name, 'The Boston Globe');
  });

  it('a time after "by" is no agent: "was announced by Friday"', () => {
    assert.equal(quotesOf('The new rules were announced by Friday.').length, 0);
  });
});

describe('participles after a prepositional object', () => {
  it('"In a letter posted Monday, X said …": the participle describes the letter and X\'s report is the only one', () => {
    const qs = quotesOf('In a blog entry posted Monday, Jones said he would not seek another term.').filter((q) => q.kind === 'indirect');
    assert.equal(qs.length, 1);
    assert.equal(qs[0].cue?.text, 'said');
    assert.equal(qs[0].text, 'he would not seek another term');
  });

  it('"commented" is a verb of saying: "A neighbour commented: “…”"', () => {
    const q = find('A neighbour commented: "Nobody here saw the fire start."', 'Nobody here');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'commented:');
  });
});

describe('raised subjects', () => {
  it('"is expected to": the subject and its infinitive are the content, with no source', () => {
    const qs = quotesOf('The final vote is expected to be very close.').filter((q) => q.cue?.text === 'is expected');
    assert.deepEqual(qs.map((q) => q.text), ['The final vote', 'to be very close']);
    assert.ok(qs.every((q) => q.speaker === null || q.speaker === undefined));
  });

  it('"seems to" before a verb of saying stays a bridge: "seems to suggest that …"', () => {
    const q = find('The mayor seems to suggest that the budget is balanced.', 'budget');
    assert.equal(q.cue?.text, 'seems to suggest');
    assert.equal(q.text, 'the budget is balanced');
  });
});

describe('mixed reports', () => {
  it('a quotation after the narrator\'s own words in a reported clause is partial, and the clause is the report', () => {
    const qs = quotesOf('He acknowledged that there are still "some people" who feel that way, "but not among the vast majority."');
    const tail = qs.find((q) => q.text.startsWith('but not among'));
    assert.equal(tail?.kind, 'partial');
    const report = qs.find((q) => q.kind === 'indirect' && q.cue?.text === 'acknowledged');
    assert.ok(report);
    assert.ok(report.text.startsWith('there are still'));
  });
});

describe('nominal cues', () => {
  it('a noun of saying with its clause: "Trump\'s claim that …"; the possessor is the source', () => {
    const q = quotesOf('Critics rejected Donald Trump\'s claim that the election was rigged.').find((x) => x.cue?.text === 'claim');
    assert.ok(q);
    assert.equal(q.text, 'the election was rigged');
    assert.equal(q.speaker?.mention?.text, 'Donald Trump\'s');
    assert.equal(q.speaker?.name, 'Donald Trump');
  });

  it('a relative clause after the noun is no content: "the report that he released"', () => {
    assert.ok(!quotesOf('The committee read the report that was released on Friday.').some((q) => q.cue?.text === 'report'));
  });
});

describe('content bounds', () => {
  it('ends before a second verb of the speaker: "… and vowed to …"', () => {
    const q = find('The Republican nominee outlined his cybersecurity plan and vowed to punish leakers.', 'cybersecurity');
    assert.equal(q.text, 'his cybersecurity plan');
    assert.equal(q.cue?.text, 'outlined');
  });

  it('ends before a trailing attribution, which is a report of its own: "…, sources said."', () => {
    const qs = quotesOf('Protocol called for the nominee to be taken to a trauma center, sources said.');
    const said = qs.find((q) => q.cue?.text === 'said');
    assert.ok(said);
    assert.equal(said.speaker?.mention?.text, 'sources');
    assert.equal(said.text, 'Protocol called for the nominee to be taken to a trauma center');
    const called = qs.find((q) => q.cue?.text === 'called for');
    assert.ok(called);
    assert.equal(called.text, 'the nominee to be taken to a trauma center');
  });

  it('a report interrupted by its attribution is two parts with one cue: "A, he said, B"', () => {
    const qs = quotesOf('The mayor spoke to residents. But to prevent problems, he said, local officials should be vigilant.').filter((q) => q.cue?.text === 'said');
    assert.deepEqual(qs.map((q) => q.text), ['But to prevent problems', 'local officials should be vigilant']);
    assert.equal(qs[0].cue?.start, qs[1].cue?.start);
    assert.equal(qs[1].speaker?.mention?.text, 'he');
  });

  it('ends at a comma inside a closing quotation before "but he said"', () => {
    const q = find('He said that the footage did not give "absolute definitive visual evidence," but he said that other evidence supports it.', 'footage');
    assert.equal(q.text, 'the footage did not give "absolute definitive visual evidence,"');
  });

  it('ends at a semicolon', () => {
    const q = find('Officials said the timing was not intentional; they only learned of it on Friday.', 'timing');
    assert.equal(q.text, 'the timing was not intentional');
  });

  it('ends where ", and" opens a clause with a new subject', () => {
    const q = find('The fund said that it is lowering its forecast for growth, and the downgrade is casting a shadow on markets.', 'lowering');
    assert.equal(q.text, 'it is lowering its forecast for growth');
  });

  it('keeps a finite clause of reason or time after a noun object: "criticized the law because it created …"', () => {
    assert.equal(find('The senator criticized the new law because it created a mandatory minimum sentence.', 'law').text, 'the new law because it created a mandatory minimum sentence');
    assert.equal(find('The governor attacked the mayor in a speech while aides watched.', 'mayor').text, 'the mayor');
  });

  it('ends a stance object before ", said X" that attributes the whole sentence', () => {
    const qs = quotesOf('State officials felt comfortable with the new arrangement for the cleanup work, said Mr. Ruiz, the agency lawyer.');
    assert.ok(qs.every((q) => !q.text.includes('said Mr. Ruiz')));
  });

  it('ends before an "as" clause with its own subject and verb, but keeps "just as …" and "as a …"', () => {
    assert.equal(find('The minister condemned the latest rocket launch as the rebels fired two more rockets.', 'launch').text, 'the latest rocket launch');
    assert.equal(find('The mayor described the plan as a waste of money.', 'plan').text, 'the plan as a waste of money');
  });

  it('keeps a short time or place inside a judged object when the reason follows: "criticized X on Tuesday for …"', () => {
    assert.equal(find('The senator criticized the bank on Tuesday for its role in the fraud.', 'bank').text, 'the bank on Tuesday for its role in the fraud');
    assert.equal(find('The governor attacked the mayor in a speech.', 'mayor').text, 'the mayor');
  });

  it('ends before a relative clause that holds a report of its own: ", which he said were …"', () => {
    assert.equal(find('The senator criticized the lobbyists for their gifts, which he said came with strings attached.', 'lobbyists').text, 'the lobbyists for their gifts');
  });

  it('ends before an absolute ", with …" or ", without …", the narrator\'s comment on the report', () => {
    assert.equal(find('The mayor said the plan would fail, with aides expected to resign.', 'fail').text, 'the plan would fail');
    assert.equal(find('The governor says the budget is balanced, without offering any figures.', 'balanced').text, 'the budget is balanced');
  });
});

describe('speaker phrases', () => {
  it('keeps a relative clause between the speaker and the cue', () => {
    const q = find('Adam Schiff, 56, who has served on the committee for a decade, said the hacking was clear.', 'hacking');
    assert.equal(q.speaker?.mention?.text, 'Adam Schiff, 56, who has served on the committee for a decade,');
    assert.equal(q.speaker?.name, 'Adam Schiff');
  });

  it('a relative clause after an apposition tells of its noun, not of the speaker', () => {
    const q = find('Maria Lopez, a spokeswoman for the Harbor Alliance, which represents dock workers, said the strike would go on.', 'strike');
    assert.equal(q.speaker?.mention?.text, 'Maria Lopez, a spokeswoman for the Harbor Alliance,');
    assert.equal(q.speaker?.name, 'Maria Lopez');
  });

  it('a hyphen or slash written tight joins words of the speaker phrase: "Harbor/Sentinel", "30-page"', () => {
    const q = find('The latest Harbor/Sentinel survey shows that Smith leads by four points.', 'leads');
    assert.equal(q.speaker?.mention?.text, 'The latest Harbor/Sentinel survey');
    const r = find('A 30-page audit by the state says that the agency lost records.', 'records');
    assert.equal(r.speaker?.mention?.text, 'A 30-page audit by the state');
  });

  it('a time after a participle inside the speaker phrase dates the participle: "a report released last year found"', () => {
    const q = find('A federal report released last year found that most rivers were polluted.', 'rivers');
    assert.equal(q.speaker?.mention?.text, 'A federal report released last year');
    assert.equal(q.cue?.text, 'found');
  });

  it('a focusing word on a quantity opens the speaker phrase: "Not everyone", "Only 40 percent of …"', () => {
    const q = find('Not everyone agrees that the bridge should be rebuilt.', 'bridge');
    assert.equal(q.speaker?.mention?.text, 'Not everyone');
    const r = find('Only 40 percent of the farmers said the new rules would help them.', 'rules');
    assert.equal(r.speaker?.mention?.text, 'Only 40 percent of the farmers');
  });

  it('the phrase opening the clause keeps its prepositional phrases and conjuncts: "Experts on trade and farming say"', () => {
    assert.equal(find('Experts on trade and farming say the tariffs will hurt growers.', 'tariffs').speaker?.mention?.text, 'Experts on trade and farming');
    assert.equal(find('Data from the new census show that rents are rising.', 'rents').speaker?.mention?.text, 'Data from the new census');
    // a sentence opened by a preposition is no speaker's
    assert.equal(find('After the vote the mayor said the plan was dead.', 'plan').speaker?.mention?.text, 'the mayor');
  });

  it('a relative clause without commas restricts the speaker and belongs to it: "A study that appeared in … found"', () => {
    assert.equal(find('A 2019 study that appeared in a medical journal found that the pills did nothing.', 'pills').speaker?.mention?.text, 'A 2019 study that appeared in a medical journal');
    assert.equal(find('Everyone we asked said the road was closed.', 'road').speaker?.mention?.text, 'Everyone we asked');
    // "that" before a reported clause is no relative pronoun
    const inner = quotesOf('A poll of the county found that 60 percent of residents say the tax is too high.').find((x) => x.text === 'the tax is too high');
    assert.equal(inner?.speaker?.mention?.text, '60 percent of residents');
  });

  it('a run that is a preposition\'s object ends in the speaker\'s name: "In a radio interview Lopez declared"', () => {
    const q = find('In a radio interview Maria Lopez declared that the plan was dead.', 'plan');
    assert.equal(q.speaker?.mention?.text, 'Maria Lopez');
    assert.equal(q.cue?.text, 'declared');
  });

  it('"Today" with a capital after a name is part of it: "A reporter for Harbor Today said"', () => {
    assert.equal(find('A reporter for Harbor Today said the port was closed.', 'port').speaker?.mention?.text, 'A reporter for Harbor Today');
  });

  it('an auxiliary written with a capital after a name is part of the name: "Theresa May said"', () => {
    const q = find('Foreign Minister Anna May said on Monday that the border would stay open.', 'border');
    assert.equal(q.speaker?.mention?.text, 'Foreign Minister Anna May');
    assert.equal(q.cue?.text, 'said');
  });

  it('an aside between dashes after the subject belongs to the source: "Kemp -- author of a book on …, -- said"', () => {
    const q = find('Kemp -- author of a history of the county fair, a yearly event since 1890 -- said the board would cancel the parade.', 'parade');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.text, 'the board would cancel the parade');
    assert.equal(q.speaker?.mention?.text, 'Kemp -- author of a history of the county fair, a yearly event since 1890 --');
    assert.equal(find('The audit — published by the county — shows that the fund ran dry.', 'fund').speaker?.mention?.text, 'The audit — published by the county —');
  });

  it('a cause\'s object reports in the infinitive after it: "prompted the council to denounce …"', () => {
    const q = find('The flooding prompted the city council at its Monday meeting to denounce the dam operators.', 'operators');
    assert.equal(q.cue?.text, 'to denounce');
    assert.equal(q.text, 'the dam operators');
    assert.equal(q.speaker?.mention?.text, 'the city council');
    assert.equal(find('The strike led Mayor Ruth Ames to fear a long winter.', 'winter').speaker?.mention?.text, 'Mayor Ruth Ames');
    // … a directive too, its listener left out: "prompted the board to order [a recount]"
    assert.equal(find('The errors prompted the election board to order a full recount of the ballots.', 'recount').cue?.text, 'to order');
    // … but not an infinitive that reports nothing
    assert.equal(quotesOf('The flooding forced the mayor to close the bridge.').length, 0);
  });

  it('an infinitive of purpose after a meeting reports for those who met: "gathered Monday to discuss …"', () => {
    const q = find('Farm ministers gathered Monday to discuss the grain shortage.', 'shortage');
    assert.equal(q.cue?.text, 'to discuss');
    assert.equal(q.text, 'the grain shortage');
    assert.equal(q.speaker?.mention?.text, 'Farm ministers');
    assert.equal(find('The mayor spoke at a breakfast meeting of grocers to discuss the new tax.', 'tax').speaker?.mention?.text, 'The mayor');
    // … but not an infinitive of purpose after any verb
    assert.equal(quotesOf('Farm ministers flew to Rome to discuss the grain shortage.').length, 0);
  });

  it('a judging verb with an object and "as" is a verb: "Farmers see tariffs as a tax on bread"', () => {
    const q = find('Farmers see tariffs as a tax on bread.', 'tariffs');
    assert.equal(q.cue?.text, 'see');
    assert.equal(q.text, 'tariffs as a tax on bread');
    assert.equal(q.speaker?.mention?.text, 'Farmers');
    assert.equal(find('Many growers regard subsidies as harmful to small farms.', 'subsidies').cue?.text, 'regard');
  });

  it('a likeness between commas is no apposition: "Lee, like her father, has argued"', () => {
    assert.equal(find('Senator Ann Lee, like her father, has argued that the tax is unfair.', 'tax').speaker?.mention?.text, 'Senator Ann Lee');
  });

  it('after the cue a second apposition tells of the first one\'s noun: "said Lee, a fellow at …, an office whose …"', () => {
    const q = find('"We need more ships," said Ann Lee, a fellow at the Harbor Institute who ran the port agency, an office whose budget was cut.', 'ships');
    assert.equal(q.speaker?.mention?.text, 'Ann Lee, a fellow at the Harbor Institute who ran the port agency,');
  });

  it('a parenthesis after the speaker keeps a party and state but not a remark', () => {
    const text = '"The plan is a mistake," said Mr. Lee (a view shared by most of his colleagues). "It will fail," said Rep. Ann Cole (D-Ohio).';
    assert.equal(find(text, 'mistake').speaker?.mention?.text, 'Mr. Lee');
    assert.equal(find(text, 'fail').speaker?.mention?.text, 'Rep. Ann Cole (D-Ohio)');
  });

  it('an adverb between commas after the subject is no apposition: "Dean, frankly, … and said"', () => {
    const q = find('Mayor Dean, frankly, claimed vast wealth and said it ensured he was not beholden to special interests.', 'ensured');
    assert.equal(q.speaker?.mention?.text, 'Mayor Dean');
  });

  it('a list opening the clause is one speaker: "The farmers, truckers and dock workers say"', () => {
    const text = 'The farmers, truckers and dock workers say the new tax is unfair. In Ohio, farmers and truckers say the tax is fair.';
    assert.equal(find(text, 'unfair').speaker?.mention?.text, 'The farmers, truckers and dock workers');
    // a place before the comma is no list item
    assert.equal(find(text, 'is fair').speaker?.mention?.text, 'farmers and truckers');
  });

  it('a subordinate clause opens before its subject: "because one or more of the groups argued"', () => {
    assert.equal(find('The talks stalled because one or more of the rebel groups argued that the map was unfair.', 'map').speaker?.mention?.text, 'one or more of the rebel groups');
  });

  it('a plural possessor\'s apostrophe stays inside the speaker phrase: "The flight attendants\' union said"', () => {
    assert.equal(find("The flight attendants' union said the deal was fair.", 'deal').speaker?.mention?.text, "The flight attendants' union");
  });

  it('keeps the apposition that closes the sentence after the cue', () => {
    const q = find('“That is the goal,” said Mike Schmidt, an economic policy adviser at the Clinton campaign.', 'the goal');
    assert.equal(q.kind, 'direct');
    assert.equal(q.speaker?.mention?.text, 'Mike Schmidt, an economic policy adviser at the Clinton campaign');
    assert.equal(q.speaker?.name, 'Mike Schmidt');
  });

  it('a subject read from the sentence start keeps its apposition: "Dean, a medical doctor, … saying"', () => {
    const q = find('Howard Dean, a medical doctor, then appeared on MSNBC, saying the remark was a mistake.', 'mistake');
    assert.equal(q.cue?.text, 'saying');
    assert.equal(q.speaker?.mention?.text, 'Howard Dean, a medical doctor,');
    assert.equal(q.speaker?.name, 'Howard Dean');
  });

  it('an adjective of attitude after "be" is a cue: "were incensed that …"', () => {
    const q = find('Republicans were also incensed that the immunity deals did not require cooperation.', 'immunity');
    assert.equal(q.cue?.text, 'were also incensed');
    assert.equal(q.speaker?.mention?.text, 'Republicans');
    assert.equal(q.text, 'the immunity deals did not require cooperation');
  });

  it('keeps "of" inside a phrase: "A group of doctors"', () => {
    const q = find('A group of doctors said the show promoted quack treatments.', 'quack');
    assert.equal(q.speaker?.mention?.text, 'A group of doctors');
  });

  it('an abbreviation before a comma ends no phrase: "Mitch McConnell, R-Ky., said"', () => {
    const q = find('“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.', 'veto');
    assert.equal(q.kind, 'direct');
    assert.equal(q.speaker?.mention?.text, 'Senate Majority Leader Mitch McConnell, R-Ky.,');
    assert.equal(q.speaker?.name, 'Mitch McConnell');
  });
});

describe('signed paragraphs', () => {
  it('a transcript line: "PENCE: …", the turn whole with its closing stop', () => {
    const q = find('Chris Wallace interviewed Mike Pence.\n\nPENCE: Well, look, the question really should be about the campaign. It is serious business.\n\nThe interview ended.', 'the question');
    assert.equal(q.cue?.text, ':');
    assert.equal(q.speaker?.mention?.text, 'PENCE');
    assert.equal(q.text, 'Well, look, the question really should be about the campaign. It is serious business.');
  });

  it('a headline label: "Poll: …", the stop after the headline left out', () => {
    const q = find('Poll: Wealthy Voters Abandon Republican Party.\n\nThe survey was published on Monday.', 'Wealthy');
    assert.equal(q.speaker?.mention?.text, 'Poll');
    assert.equal(q.cue?.text, ':');
    assert.equal(q.text, 'Wealthy Voters Abandon Republican Party');
  });

  it('a longer headline label with small words signs the quotation after its colon: "A word from Jane Doe: “…”"', () => {
    const q = find('A word from Jane Doe: “Keep asking hard questions.”\n\nShe spoke to graduates on Monday.', 'hard questions');
    assert.equal(q.cue?.text, ':');
    assert.equal(q.speaker?.name, 'Jane Doe');
  });

  it('… but not when plain words follow the colon: "The Latest: …" stays unsigned', () => {
    const qs = quotesOf('The Latest on the storm: Roads closed across the county.\n\nCrews worked overnight.');
    assert.ok(!qs.some((q) => q.cue?.text === ':'));
  });

  it('a reader comment signed after a dash is a direct quote', () => {
    const q = find('Readers wrote in.\n\n”Mr. Trump embodies the lasting legacy of racism in the United States.” ― Sonya Herridge\n\nMore followed.', 'lasting legacy');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, '―');
    assert.equal(q.speaker?.mention?.text, 'Sonya Herridge');
  });

  it('the paper\'s notice is no speaker: "Correction: …"', () => {
    const qs = quotesOf('The council met on Monday.\n\nCorrection: An earlier version of this article misstated the date of the vote.');
    assert.ok(!qs.some((q) => q.cue?.text === ':'));
  });

  it('a dateline dash signs nothing', () => {
    const qs = quotesOf('WASHINGTON ― Lawmakers met on Friday to discuss the budget.');
    assert.ok(!qs.some((q) => q.speaker?.mention?.text === 'WASHINGTON'));
  });
});

describe('not attributions', () => {
  it('a passive verb does not make its subject a source', () => {
    const qs = quotesOf('The survey was published on Monday by the institute.');
    assert.ok(!qs.some((q) => q.speaker?.mention?.text === 'The survey'));
  });

  it('a title of a programme in title case is not speech, a one-word answer after its cue is', () => {
    const qs = quotesOf('House Speaker Paul Ryan spoke in an interview on CBS\'s "Face the Nation," on Sunday. Asked whether he would run, he replied "Absolutely."');
    assert.ok(!qs.some((q) => q.text.startsWith('Face the Nation')));
    assert.ok(qs.some((q) => q.text.startsWith('Absolutely')));
  });

  it('a clause after a listener opens with its pronoun subject: "told the forum he was …"', () => {
    const q = quotesOf('Trump told the forum he was "totally against the war in Iraq" because it destabilized the region.').find((x) => x.kind === 'indirect');
    assert.ok(q);
    assert.equal(q.cue?.text, 'told');
    assert.ok(q.text.startsWith('he was "totally against'));
  });

  it('a clause after a time phrase opens with its pronoun subject: "said after the convention he would …"', () => {
    const q = find('Trump said after the convention he would not accept the endorsement.', 'endorsement');
    assert.equal(q.text, 'he would not accept the endorsement');
  });

  it('a short quotation after "the president added." continues the speaker and is no title', () => {
    const qs = quotesOf("Mr. Obama spoke.\n\n''We're not a burden on America or an object of pity,'' the president added. ''We're America.''\n\nMore followed.");
    const q = qs.find((x) => x.text.startsWith("We're America"));
    assert.ok(q);
    assert.equal(q.kind, 'direct');
  });

  it('an apposition after a quotation in doubled apostrophes: "\'\'…,\'\' Michael McFaul, a senior fellow, said"', () => {
    const q = find("Critics spoke.\n\n''Their strategy is very clear,'' Michael McFaul, a senior fellow at the Hoover Institution, said of RT.", 'strategy');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.name, 'Michael McFaul');
  });

  it('two appositions between a quotation and its cue, one holding a noun that looks like a cue ("states"); the second tells of the first one\'s noun', () => {
    const q = find('“This rule oversteps the law,” Ann Lee, the Democratic attorney general of Ohio, one of the states suing the agency, said at an event.', 'oversteps');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.mention?.text, 'Ann Lee, the Democratic attorney general of Ohio,');
    assert.equal(q.speaker?.name, 'Ann Lee');
  });

  it('"He said:" closing a paragraph introduces the quotation opening the next', () => {
    const q = find('Donald Trump answered.\n\nHe said:\n\n"We have a situation where we have our inner cities. You walk down the street, you get shot."', 'inner cities');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'said:');
    assert.equal(q.speaker?.name, 'Donald Trump');
  });
});

describe('mixed quotes', () => {
  it('a quotation opening a stance verb\'s complement stays in the report: claimed “…” the level of …', () => {
    const qs = quotesOf('The fact-checkers claimed “the mayor exaggerates” the level of youth unemployment in the harbour district.');
    const q = qs.find((x) => x.kind === 'indirect');
    assert.ok(q);
    assert.equal(q.text, '“the mayor exaggerates” the level of youth unemployment in the harbour district');
    assert.equal(q.cue?.text, 'claimed');
  });

  it('a lower-case quotation after the subject of a reported clause is partial: says Kaine “has …”', () => {
    const qs = quotesOf('The advertisement says Lowry “has a passion for defending the wrong people.”');
    const report = qs.find((x) => x.kind === 'indirect');
    assert.ok(report);
    assert.equal(report.text, 'Lowry “has a passion for defending the wrong people.”');
    assert.equal(report.cue?.text, 'says');
    assert.equal(qs.find((x) => x.text.startsWith('has a passion'))?.kind, 'partial');
  });

  it('a report stops at a colon handing over to a quotation with its own attribution: referenced …: “…,” the union wrote', () => {
    const qs = quotesOf('The statement also referenced the impact the mayor would have on workers in the harbour: “Her fight has opened the door for all of us,” the union wrote.');
    const report = qs.find((x) => x.kind === 'indirect');
    assert.ok(report);
    assert.equal(report.text, 'the impact the mayor would have on workers in the harbour');
    const q = qs.find((x) => x.kind === 'direct');
    assert.equal(q?.cue?.text, 'wrote');
  });

  it('… but a report running into a quotation that ends the sentence keeps it: said she has the quality: “…”', () => {
    const qs = quotesOf('Mayor Ann Lowry said she has the essential quality for the job: "Steadiness, and mixed with strength."');
    const report = qs.find((x) => x.kind === 'indirect');
    assert.ok(report?.text.includes('Steadiness'));
  });

  it('a participle after a preposition reports its clause too: criticised for saying that … “…”', () => {
    const qs = quotesOf('Ann Lowry was criticised for saying that the new bridge was a “miracle cure for every traffic jam.”');
    const report = qs.find((x) => x.kind === 'indirect');
    assert.ok(report);
    assert.equal(report.text, 'the new bridge was a “miracle cure for every traffic jam.”');
    assert.equal(report.cue?.text, 'saying');
    assert.equal(report.speaker?.name, 'Ann Lowry');
  });

  it('a quoted label closing on a comma is no complement: labeled “…,” a clerk had typed “…”', () => {
    const qs = quotesOf('In a box labeled “medical problem,” a clerk had typed “severe fatigue.”');
    assert.ok(!qs.some((x) => x.kind === 'indirect' && x.text.includes('severe fatigue')));
  });
});

describe('direct quotes: interrupted and question-ending quotations', () => {
  it('a quotation resumed after a long attribution is direct and shares its cue: "“A,” she told reporters on Friday, “b …”"', () => {
    const qs = quotesOf('“The plan is already late,” Mayor Ann Lowry told reporters at the harbour on Friday, “and the costs keep climbing every month.”');
    const second = qs.find((x) => x.text.startsWith('and the costs'));
    assert.ok(second);
    assert.equal(second.kind, 'direct');
    assert.equal(second.cue?.text, 'told');
    assert.equal(second.speaker?.name, 'Ann Lowry');
  });

  it('a capitalised quotation after a long attribution stays partial: "…, she said, adding, “No one …”"', () => {
    const qs = quotesOf('“The plan is late,” Mayor Ann Lowry said, suggesting several questions, including, “Who signed off on the costs and why were they hidden?”');
    const second = qs.find((x) => x.text.startsWith('Who signed'));
    assert.ok(second);
    assert.equal(second.kind, 'partial');
  });

  it("a single quotation nested in doubled apostrophes neither closes nor opens the outer one: ''… 'major' …''", () => {
    const q = find("The agency was criticised.\n\n''The rules only ask for 'major' units. So firms split a major unit into several small ones,'' the audit says.", 'The rules');
    assert.equal(q.kind, 'direct');
    assert.equal(q.text, "The rules only ask for 'major' units. So firms split a major unit into several small ones,");
    assert.equal(q.cue?.text, 'says');
    assert.equal(q.speaker?.mention?.text, 'the audit');
  });

  it('a space between a nested single closing mark and the double one still closes the quotation: "… \'outreach,\' " he said', () => {
    const q = find('Mayor Ann Lowry spoke at the hall. "I never liked the phrase \'community outreach,\' " she told the group.', 'never liked');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'told');
    assert.equal(q.speaker?.name, 'Ann Lowry');
  });

  it('a subheading in single marks on its own line does not continue the previous speaker', () => {
    const qs = quotesOf('"The harbour will be busy again," Mayor Ann Lowry said. "We have waited long enough."\n\n\'A Port Without Ships.\'\n\nThe port closed in 1990.');
    assert.ok(!qs.some((x) => x.text.includes('Port Without Ships')));
    assert.ok(qs.some((x) => x.text.startsWith('We have waited') && x.kind === 'direct'));
  });

  it('a participle after the cue\'s comma governs the quotation after it: "…,” he said, adding that “…”"', () => {
    const qs = quotesOf('“We will rebuild the bridge,” Mayor Ann Lowry said, adding that “the costs will be shared by the region.”');
    const q = qs.find((x) => x.text.startsWith('the costs'));
    assert.ok(q);
    assert.equal(q.cue?.text, 'adding');
    assert.equal(q.speaker?.name, 'Ann Lowry');
  });

  it('a name with its party and state before an apposition: "…,” Rep. Ann Lowry (D-Ohio), a panel member, said"', () => {
    const q = find('“If the agency wanted the files, it would simply take them,” Rep. Ann Lowry (D-Ohio), an oversight panel member, said in an interview.', 'the files');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'said in an interview');
    assert.equal(q.speaker?.mention?.text, 'Rep. Ann Lowry (D-Ohio), an oversight panel member,');
  });

  it('"According to X, “…”" attributes the quotation after it', () => {
    const qs = quotesOf('The host spoke on Monday.\n\nAccording to Ann Lowry, “If it were up to the board, nobody would hear anything positive about the harbour.”');
    const q = qs.find((x) => x.text.includes('up to the board'));
    assert.ok(q);
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'According to');
    assert.equal(q.speaker?.name, 'Ann Lowry');
    assert.equal(qs.length, 1);
  });

  it('a quoted nickname is part of the name and a "Del." title does not end the sentence: Del. Ann "Annie" Lowry (D-Ohio)', () => {
    const q = find('"This is a big year for the harbour!" the mayor\'s sister, state Del. Ann "Annie" Lowry (D-Ohio), shouted to the crowd.', 'big year');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'shouted');
    assert.equal(q.speaker?.mention?.text, 'the mayor\'s sister, state Del. Ann "Annie" Lowry (D-Ohio),');
  });

  it('a participle or a place phrase after the speaker named after the cue is the narrator\'s: said Lowry, speaking of …', () => {
    const q = find('“It is on everyone’s mind,” said Ann Lowry, speaking of the harbour closure.', 'everyone');
    assert.equal(q.speaker?.mention?.text, 'Ann Lowry');
    const r = find('“It has not been decided,” said Ann Lowry, on her first day in the post.', 'decided');
    assert.equal(r.speaker?.mention?.text, 'Ann Lowry');
  });

  it('an apposition after the speaker ends with its comma before the narrator\'s aside: said Lowry, the top official, in a statement', () => {
    const q = find('“There is no basis for it,” said Ann Lowry, the top official on the harbour board, in a statement.', 'no basis');
    assert.equal(q.speaker?.mention?.text, 'Ann Lowry, the top official on the harbour board,');
    const r = find('“We will fight,” said Ann Lowry, president of the dockers union.', 'fight');
    assert.equal(r.speaker?.mention?.text, 'Ann Lowry, president of the dockers union');
  });

  it('a time or place between commas before the cue is not the speaker\'s apposition: "Lowry, at a later briefing, said"', () => {
    const q = find('The harbour closed. Mayor Ann Lowry, at a later briefing, said, “We have been told about the damage.”', 'damage');
    assert.equal(q.speaker?.mention?.text, 'Mayor Ann Lowry');
  });

  it('initials do not end the sentence: said Rep. A.J. Lowry (D-Ohio), head of …', () => {
    const q = find('“This is a sad day,” said Rep. A.J. Lowry (D-Ohio), head of the harbour caucus.', 'sad day');
    assert.equal(q.speaker?.mention?.text, 'Rep. A.J. Lowry (D-Ohio), head of the harbour caucus');
  });

  it('a day that possesses the next noun stays out of the cue: called Friday\'s ruling a “…”', () => {
    const qs = quotesOf('Party chairman Tom Reed called Friday\'s ruling a "huge win for voters" in the state.');
    assert.ok(qs.length > 0);
    for (const q of qs) assert.equal(q.cue?.text, 'called');
  });

  it('the interview the words were said in belongs to the cue: he said in a phone interview', () => {
    const q = find('“We will rebuild the harbour,” Mayor Ann Lowry said in a phone interview on Monday.', 'rebuild');
    assert.equal(q.cue?.text, 'said in a phone interview on Monday');
  });

  it('a speaker phrase with a prepositional phrase after its head: “…,” a spokesman for the company said', () => {
    const q = find('“We will not comment on the harbour,” a spokesman for the company said.', 'harbour');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.mention?.text, 'a spokesman for the company');
  });

  it('… and with "in": “…?” a narrator in the new advertisement asks', () => {
    const q = find('“You work hard. So why does the mayor not pay?” a narrator in the new advertisement asks.', 'work hard');
    assert.equal(q.cue?.text, 'asks');
    assert.equal(q.speaker?.mention?.text, 'a narrator in the new advertisement');
  });

  it('a straight mark reopening a quoted excerpt does not pair with the curly quotations inside it', () => {
    const qs = quotesOf('The paper described the night in detail:\n\n"Tom was asleep. “Here he comes, dear,” Ann said to the screen. “The mayor is here.”\n\nThen the lights went out.');
    const q = qs.find((x) => x.text.startsWith('Here he comes'));
    assert.ok(q);
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.mention?.text, 'Ann');
  });

  it('an attribution after a quotation ending in a question mark: "“Why …?” Holt demanded."', () => {
    const q = find('Senator Jane Holt pressed the banker. “Why is this not a clear sign that the bank is too big to manage?” Holt demanded. Others agreed.', 'too big');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'demanded');
    assert.equal(q.speaker?.mention?.text, 'Holt');
  });
});

describe('indirect speech: complements', () => {
  it('a directive takes its listener and an infinitive: "urged residents to stay indoors"', () => {
    const q = find('The mayor urged residents to stay indoors during the storm.', 'indoors');
    assert.equal(q.kind, 'indirect');
    assert.equal(q.text, 'residents to stay indoors during the storm');
    assert.equal(q.cue?.text, 'urged');
    assert.equal(q.speaker?.mention?.text, 'The mayor');
  });

  it('a listener with a prepositional phrase is no directive: "told reporters in Ohio"', () => {
    assert.equal(quotesOf('The governor told reporters in Ohio about the plan.').length, 0);
  });

  it('an embedded question keeps its wh-word: "asked whether …", "asked reporters if …"', () => {
    const q = find('The senator asked whether the program would survive the next budget.', 'survive');
    assert.equal(q.text, 'whether the program would survive the next budget');
    assert.equal(q.cue?.text, 'asked');
    const r = find('The judge asked the lawyers if the witness had been paid.', 'witness');
    assert.equal(r.text, 'if the witness had been paid');
  });

  it('"said if …" is a condition, not a question', () => {
    const q = quotesOf('The minister said if the talks fail, the strike will go on.')[0];
    assert.ok(!q || !q.text.startsWith('if'));
  });

  it('an adjective that is also a verb reports with a subject of its own: "Regulators worried that …"', () => {
    const q = find('Regulators worried that the merger would raise prices for farmers.', 'merger');
    assert.equal(q.text, 'the merger would raise prices for farmers');
    assert.equal(q.cue?.text, 'worried');
    assert.equal(q.speaker?.mention?.text, 'Regulators');
  });

  it('ends where another speaker\'s report opens: "…, and Republicans want …"', () => {
    const q = find('The mayor said the council wants a new stadium, and Republicans want lower property taxes instead.', 'stadium');
    assert.equal(q.text, 'the council wants a new stadium');
    const r = find('The mayor said the council wants a new stadium, and Republicans want lower property taxes instead.', 'property');
    assert.equal(r.cue?.text, 'want');
  });

  it('ends at a typed dash ("--") unless a quotation follows it', () => {
    const q = find('The senator said the bill would cost $40 billion -- far more than its sponsors claimed.', 'billion');
    assert.equal(q.text, 'the bill would cost $40 billion');
  });

  it('a reported question drops its question mark', () => {
    const q = find('The real question is whether voters care, the pollster asked?', 'voters');
    assert.ok(!q.text.endsWith('?'));
  });

  it('content before its cue, with a listener or an occasion closing the sentence: "…, she told reporters on Thursday."', () => {
    const q = find('The new bridge will open in the spring, the mayor told reporters on Thursday.', 'bridge');
    assert.equal(q.text, 'The new bridge will open in the spring');
    assert.equal(q.cue?.text, 'told');
    assert.equal(q.speaker?.mention?.text, 'the mayor');
    const r = find('Rents rose by a fifth in two years, the agency said in a quarterly report.', 'Rents');
    assert.equal(r.text, 'Rents rose by a fifth in two years');
  });

  it('a word that is often a noun closes a report after its subject: "…, the newspaper reports."', () => {
    const q = find('The factory will close by the end of the year, the local newspaper reports.', 'factory');
    assert.equal(q.text, 'The factory will close by the end of the year');
    assert.equal(q.cue?.text, 'reports');
  });

  it('verbs of stance in every tense take their object: "support", "compares", "lauded"', () => {
    const q = find('Several European countries support the rebels in the north.', 'rebels');
    assert.equal(q.text, 'the rebels in the north');
    assert.equal(q.cue?.text, 'support');
    assert.equal(q.speaker?.mention?.text, 'Several European countries');
    assert.equal(find('The governor lauded the workers for their courage.', 'workers').cue?.text, 'lauded');
  });

  it('a stance word that is more often a noun is no cue after an adjective: "Voter support for the plan"', () => {
    assert.equal(quotesOf('Voter support for the plan fell sharply in May.').length, 0);
  });

  it('a stance verb\'s object ends before the occasion or medium: "attacked the senator in a series of tweets"', () => {
    assert.equal(find('The candidate attacked the senator in a series of late-night tweets.', 'senator').text, 'the senator');
    assert.equal(find('The governor praised the volunteers on Twitter.', 'volunteers').text, 'the volunteers');
  });

  it('the particle of a phrasal verb is no object: "showed up at", "called in to"', () => {
    assert.ok(!quotesOf('The governor showed up at the rally on Friday.').some((q) => q.text.startsWith('up')));
    assert.ok(!quotesOf('She recently called in to a radio show about policing.').some((q) => q.text.startsWith('in to')));
  });

  it('a word that is also an adjective is a verb after "have": "have long opposed the deal"', () => {
    const q = find('Both parties have long opposed the new trade deal.', 'trade deal');
    assert.equal(q.cue?.text, 'have long opposed');
    assert.equal(q.text, 'the new trade deal');
  });

  it('a short object is content too: "endorsed Clinton"', () => {
    const q = find('The newspaper endorsed Clinton.', 'Clinton');
    assert.equal(q.text, 'Clinton');
    assert.equal(q.cue?.text, 'endorsed');
  });
});

describe('content boundaries after a cue', () => {
  it('a verb of will before a cue that is more often a noun still bridges to it: "refused to pledge to …"', () => {
    const q = find('The governor again refused to pledge to raise the minimum wage.', 'minimum wage');
    assert.equal(q.text, 'to raise the minimum wage');
    assert.equal(q.cue?.text, 'again refused to pledge');
  });

  it('a "that" before a lone noun points, it opens no clause: "rejected that proposal in a statement"', () => {
    assert.equal(find('The mayor dismissed that claim in a statement.', 'claim').text, 'that claim');
    assert.equal(find('The council has firmly ruled that out.', 'out').text, 'that out');
    // a plural after "that" is a clause's subject, not a demonstrative's noun
    assert.equal(find('He is hoping that states, led by Ohio, will agree to pay.', 'agree').text, 'states, led by Ohio, will agree to pay');
  });

  it('a cue ending in its topic\'s preposition takes no listener: "warned against …", "asked about …"', () => {
    const q = find('The union leader warned against layoffs at the plant.', 'layoffs');
    assert.equal(q.text, 'layoffs at the plant');
    assert.equal(q.cue?.text, 'warned against');
    assert.equal(find('When the survey asked about all three candidates, the mayor led.', 'candidates').text, 'all three candidates');
  });

  it('"hear" reports a clause, not a noise: "have heard by now that …", not "heard gunshots"', () => {
    const q = find('Many commuters have heard by now that the ferry will stop running.', 'ferry');
    assert.equal(q.text, 'the ferry will stop running');
    assert.equal(q.cue?.text, 'have heard');
    assert.equal(quotesOf('The neighbors heard gunshots and ran.').length, 0);
  });

  it('a topic after the cue\'s preposition ends before the circumstances, as an object does: "decided against [raising fares] in July"', () => {
    assert.equal(find('The board decided against raising fares in July.', 'fares').text, 'raising fares');
    assert.equal(find('The mayor has made the case for the bond measure during campaign stops.', 'bond').text, 'the bond measure');
  });

  it('a verb of will or aspect before a cue in -ing bridges to it: "avoids condemning …", "kept insisting …"', () => {
    const q = find('The mayor avoids condemning the strike.', 'strike');
    assert.equal(q.text, 'the strike');
    assert.equal(q.cue?.text, 'avoids condemning');
    assert.equal(q.speaker?.mention?.text, 'The mayor');
    assert.equal(find('The senator kept insisting that the bill was fair.', 'bill').cue?.text, 'kept insisting');
  });

  it('a raising verb and its "to" bridge a second cue of the subject\'s: "agreed with Smith and seemed to think …"', () => {
    const q = find('The coach agreed with Smith and seemed to think the plan was phony.', 'phony');
    assert.equal(q.text, 'the plan was phony');
    assert.equal(q.cue?.text, 'seemed to think');
    assert.equal(q.speaker?.mention?.text, 'The coach');
    assert.equal(find('The coach agreed with Smith and seemed to think the plan was phony.', 'Smith').text, 'Smith');
    // … but "refused to" before a verb that reports nothing goes on with the content
    assert.equal(find('Officers say the man posed a threat and refused to drop the knife.', 'threat').text, 'the man posed a threat and refused to drop the knife');
  });

  it('a "from" phrase may stand between a cue and its "that": "learned from the filings that …"', () => {
    const q = find('Reporters learned from the court filings that the company had lost money for years.', 'lost money');
    assert.equal(q.text, 'the company had lost money for years');
    assert.equal(q.cue?.text, 'learned');
  });
});

describe('indirect speech: source phrases', () => {
  it('a quantified relative pronoun is the source: "…, many of whom say …"', () => {
    const q = find('The plan upset local farmers, many of whom say the new rules are unfair.', 'unfair');
    assert.equal(q.speaker?.name, 'many of whom');
    assert.equal(q.cue?.text, 'say');
    assert.equal(q.text, 'the new rules are unfair');
  });

  it('a speaker too long to read still leaves its that-clause reported: "X (D-Ore.), Y (D-Ohio) and Z (D-N.J.) all argued that …"', () => {
    const q = find('Sens. Ann Carr (D-Ore.), Sam Bell (D-Ohio) and Rob Mead (D-N.J.) all argued that the fees were illegal.', 'fees');
    assert.equal(q.text, 'the fees were illegal');
    assert.equal(q.cue?.text, 'argued');
  });

  it('… but a relative clause after a noun is no report: "the attacks that helped …"', () => {
    const qs = quotesOf('Critics pointed to attacks that helped Republicans take the House.');
    assert.ok(!qs.some((q) => q.text.startsWith('helped')));
  });

  it('two conjuncts opening the clause are one source: "Federal and state officials said"', () => {
    assert.equal(find('Federal and state officials said the two men had raised millions.', 'millions').speaker?.mention?.text, 'Federal and state officials');
  });

  it('a clause-internal "and" joins no source: "He left the room and officials said …"', () => {
    assert.equal(find('He left the room and officials said the meeting was over.', 'meeting').speaker?.mention?.text, 'officials');
  });

  it('a time between the subject and its verb: "Sanders on Tuesday said"', () => {
    const q = find('Sanders on Tuesday said he wants to run again.', 'run again');
    assert.equal(q.speaker?.mention?.text, 'Sanders');
    assert.equal(find('The court this month rejected the appeal of the two firms.', 'appeal').speaker?.mention?.text, 'The court');
  });

  it('"including …" between commas is part of the source', () => {
    assert.equal(find('Proponents, including the mayors of big cities, have urged Congress to act.', 'Congress').speaker?.mention?.text, 'Proponents, including the mayors of big cities,');
  });

  it('"by" joins a study and its authors: "A new study by Harvard University found"', () => {
    assert.equal(find('A new study by Harvard University found that poor children gain from the program.', 'poor children').speaker?.mention?.text, 'A new study by Harvard University');
  });

  it('a raising verb and "to" stand between the speaker and the cue: "appeared to suggest"', () => {
    const q = find('The senator appeared to suggest that the vote would be delayed.', 'delayed');
    assert.equal(q.cue?.text, 'appeared to suggest');
    assert.equal(q.speaker?.mention?.text, 'The senator');
    assert.equal(q.text, 'the vote would be delayed');
  });

  it('a negated progressive is a cue: "isn\'t saying if …"', () => {
    const q = find('The attorney general isn’t saying if the charity broke any laws.', 'charity');
    assert.equal(q.text, 'if the charity broke any laws');
  });

  it('"for" joins a role and its client in a source: "attorneys for the family said"', () => {
    const q = find('The video was released to reporters on Thursday, attorneys for the family said.', 'video');
    assert.equal(q.text, 'The video was released to reporters on Thursday');
    assert.equal(q.speaker?.mention?.text, 'attorneys for the family');
  });

  it('content ends before a trailing attribution whose phrase runs on into its verb: "…, a spokesman announced Monday."', () => {
    const q = find('The campaign plans to publish the records soon, a spokesman announced Monday.', 'records');
    assert.equal(q.cue?.text, 'announced');
    const inner = quotesOf('The campaign plans to publish the records soon, a spokesman announced Monday.').find((x) => x.cue?.text === 'plans');
    assert.ok(!inner || inner.text === 'to publish the records soon');
  });

  it('a relative clause after a comma stays in the report: "…, which would take a year"', () => {
    const q = find('The mayor said the bridge would close for repairs, which would take a year.', 'bridge');
    assert.equal(q.text, 'the bridge would close for repairs, which would take a year');
  });

  it('"according to" a role and its client: "according to lawyers for the family"', () => {
    const q = find('The officer was not wearing a camera, according to lawyers for the family.', 'camera');
    assert.equal(q.speaker?.mention?.text, 'lawyers for the family');
  });

  it('a conjunction opening the sentence is not part of the report: "And …, according to …"', () => {
    const q = find('Earlier polls were close. And the senator now holds a wide lead among young voters, according to a new survey.', 'wide lead');
    assert.equal(q.text, 'the senator now holds a wide lead among young voters');
  });

  it('a participle after its noun is no cue: "a coalition backed by the West", "Having said that"', () => {
    assert.ok(!quotesOf('A coalition backed by the West is blamed for the strikes on schools.').some((q) => q.cue?.text === 'backed'));
    assert.ok(!quotesOf('Having said that, there are economists who doubt the figures.').some((q) => q.cue?.text === 'said'));
    assert.ok(!quotesOf('Let’s say you think a degree will cost $80,000 in ten years.').some((q) => /say/.test(q.cue?.text ?? '')));
  });

  it('a time after the cue is no agent: "aides insisted in June that …"', () => {
    const q = find('Campaign aides insisted in June that the senator would not run.', 'senator');
    assert.equal(q.text, 'the senator would not run');
    assert.equal(q.cue?.text, 'insisted');
  });

  it('ends where ", and" opens another report with a lower-case subject: "…, and rights groups warned that …"', () => {
    const text = 'The minister stressed that the reforms were not complete, and rights groups warned that the army kept its power.';
    assert.equal(find(text, 'reforms').text, 'the reforms were not complete');
    assert.equal(find(text, 'army').speaker?.mention?.text, 'rights groups');
  });

  it('a quantifier opening its clause is a source: "all agreed that …"', () => {
    const q = find('To varying degrees, all agreed that the proposal would raise taxes on the rich.', 'proposal');
    assert.equal(q.speaker?.mention?.text, 'all');
    assert.equal(q.cue?.text, 'agreed');
  });

  it('a programme\'s name in quotation marks may follow the listener: told NBC\'s "Meet the Press" that', () => {
    const q = find('The senator told NBC\'s "Meet the Press" that nobody would question her record.', 'nobody');
    assert.equal(q.text, 'nobody would question her record');
    assert.equal(q.cue?.text, 'told');
  });

  it('a directive keeps its infinitive before a participle\'s "that"; the participle shares the subject: "implored her to …, arguing that …"', () => {
    const text = 'In a column before the debate, two former aides implored her to bring the line back, arguing that it rattled her rival.';
    const q = find(text, 'bring');
    assert.equal(q.text, 'her to bring the line back');
    assert.equal(q.cue?.text, 'implored');
    const r = find(text, 'rattled');
    assert.equal(r.cue?.text, 'arguing');
    assert.equal(r.speaker?.mention?.text, 'two former aides');
  });

  it('a parenthetical "as" attribution reports the clause beside it', () => {
    const q = find('As many tax experts have pointed out, the candidate is free to disclose his returns.', 'disclose');
    assert.equal(q.text, 'the candidate is free to disclose his returns');
    assert.equal(q.cue?.text, 'have pointed out');
    assert.equal(q.speaker?.mention?.text, 'many tax experts');
    const r = find('As one adviser put it in a statement, the plan is dead.', 'plan');
    assert.equal(r.text, 'the plan is dead');
    assert.equal(r.cue?.text, 'put it');
  });

  it('reported content ends before a trailing "as" attribution: "…, as police have said."', () => {
    const q = find('The video does not show whether he had a gun, as police have said.', 'gun');
    assert.ok(!q.text.includes('police'));
  });

  it('a stance verb after an interrupting attribution keeps its subject: "The museum, he said, celebrated …"', () => {
    const quotes = quotesOf('The museum, the curator said, celebrated several of his heroes.');
    assert.ok(!quotes.some((q) => q.cue?.text === 'celebrated'));
    assert.ok(quotes.some((q) => q.cue?.text === 'said' && q.text === 'celebrated several of his heroes'));
  });

  it('"advisers to the president" and "a spokesman for the company" are whole sources', () => {
    const q = find('But in recent days, advisers to the president say, the president has grown weary of the campaign.', 'weary');
    assert.equal(q.speaker?.mention?.text, 'advisers to the president');
    assert.equal(q.text, 'the president has grown weary of the campaign');
    assert.ok(!quotesOf('But in recent days, advisers to the president say, the president has grown weary of the campaign.').some((x) => x.text.startsWith('But in')));
    assert.equal(find('The plant will close in May, a spokesman for the company said.', 'plant').speaker?.mention?.text, 'a spokesman for the company');
  });

  it('a clause after a listener may open with "it" before a later "that": "told the series it is clear that …"', () => {
    const q = find('The congressman told a weekly video series it is clear that hackers were involved.', 'hackers');
    assert.equal(q.text, 'it is clear that hackers were involved');
  });

  it('"said no <noun> …" reports a clause; "said no to …" does not', () => {
    assert.equal(find('A lawyer for the papers said no decision had been made.', 'decision').text, 'no decision had been made');
    assert.ok(!quotesOf('She said no to the offer from the company.').some((q) => q.text.startsWith('no')));
  });

  it('a day after a cue of reported speech joins it only before "that" or a colon: "said Monday that …"; a contracted negation bridges', () => {
    assert.equal(find('The senator said Monday that the bill would pass.', 'bill').cue?.text, 'said Monday');
    assert.equal(find('The bill will pass easily, the senator said Monday.', 'bill').cue?.text, 'said');
    assert.equal(find('The attorney general isn’t saying whether the charity broke any laws.', 'charity').cue?.text, 'isn’t saying');
  });

  it('what is answered is the content, "to" included: "did not respond to requests for comment"', () => {
    const q = find('A lawyer for the senator did not immediately respond to requests for comment.', 'requests');
    assert.equal(q.text, 'to requests for comment');
    assert.equal(q.cue?.text, 'did not immediately respond');
  });

  it('"went on to" bridges to the cue after it: "went on to discuss …"; "went on to win" reports nothing', () => {
    const q = find('The pollster went on to discuss recently released polls from three swing states.', 'polls');
    assert.equal(q.cue?.text, 'went on to discuss');
    assert.equal(q.text, 'recently released polls from three swing states');
    assert.equal(quotesOf('The team went on to win the title in a close final.').length, 0);
  });

  it('"by saying"/"from saying" report a clause for the sentence\'s subject, "that" or not; the verb before keeps its own object', () => {
    const q = find('The mayor answered a question from a resident by saying the new park would open in May.', 'park');
    assert.equal(q.cue?.text, 'saying');
    assert.equal(q.text, 'the new park would open in May');
    assert.equal(q.speaker?.mention?.text, 'The mayor');
    assert.equal(find('The mayor answered a question from a resident by saying the new park would open in May.', 'resident').text, 'a question from a resident');
    const r = find('The governor refused to name candidates, aside from saying he wants someone with experience.', 'experience');
    assert.equal(r.cue?.text, 'saying');
    assert.equal(find('The governor refused to name candidates, aside from saying he wants someone with experience.', 'candidates').text, 'to name candidates');
  });

  it('a relative "that" before a stance verb is its subject: "cities that support the new rules"; the speaker is left unread (a demonstrative "That" opening the sentence stays the speaker)', () => {
    const q = find('The governor spoke for the cities that support the new rules.', 'rules');
    assert.equal(q.cue?.text, 'support');
    assert.equal(q.text, 'the new rules');
    assert.equal(q.speaker, null);
    assert.equal(find('It is a problem that demands a quick answer from Congress.', 'answer').cue?.text, 'demands');
    assert.equal(find('That shows the plan is working.', 'plan').speaker?.name, 'That');
  });

  it('verbs of reproach, regret, admiration and confession are stances: "chastised", "bemoaned", "admires", "invoked"', () => {
    const q = find('The coach chastised his players after the loss.', 'players');
    assert.equal(q.cue?.text, 'chastised');
    assert.equal(q.text, 'his players');
    assert.equal(find('The governor bemoaned the slow pace of repairs.', 'pace').cue?.text, 'bemoaned');
    assert.equal(find('The mayor openly admires the old city plan.', 'plan').cue?.text, 'openly admires');
    assert.equal(find('The lawyer invoked the right to remain silent.', 'silent').cue?.text, 'invoked');
  });

  it('phrasal verbs of presenting and opposing are stances: "laid out", "has gone after", "played down"; "grilled" a witness too', () => {
    const q = find('The governor laid out her plan for new roads.', 'roads');
    assert.equal(q.cue?.text, 'laid out');
    assert.equal(q.text, 'her plan for new roads');
    assert.equal(find('The senator has gone after the bank over its fees.', 'bank').cue?.text, 'has gone after');
    assert.equal(find('The mayor played down the risk of flooding.', 'risk').cue?.text, 'played down');
    assert.equal(find('Lawmakers grilled the chief executive about the accounts.', 'executive').cue?.text, 'grilled');
  });

  it('participles of praise, blame, reference and implication report like their verbs: "is endorsing", ", referencing …", ", implying <clause>"', () => {
    const q = find('The union is endorsing the governor for a second term.', 'governor');
    assert.equal(q.cue?.text, 'is endorsing');
    assert.equal(q.text, 'the governor for a second term');
    assert.equal(find('The senator left the meeting early, referencing the vote on the budget.', 'vote').cue?.text, 'referencing');
    const r = find('The mayor spoke briefly, implying the deal was dead.', 'deal');
    assert.equal(r.cue?.text, 'implying');
    assert.equal(r.text, 'the deal was dead');
    assert.equal(find('Lamenting the loss of jobs, the mayor asked for help.', 'jobs').cue?.text, 'Lamenting');
  });

  it('a short common-noun subject and a verb of saying after a comma open a clause of their own: "…, experts say …"', () => {
    const text = 'Though she touted the plan as proof of her resolve, experts say the effect of those changes would be small.';
    assert.equal(find(text, 'resolve').text, 'the plan as proof of her resolve');
    const q = find(text, 'effect');
    assert.equal(q.cue?.text, 'say');
    assert.equal(q.text, 'the effect of those changes would be small');
  });

  it('a short place after a speaker named after the cue still closes the sentence: "…, said one official in the room."', () => {
    const q = find('The talks went badly from the start, said one official in the room.', 'talks');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.text, 'The talks went badly from the start');
  });

  it('a cue and colon closing a paragraph report the next paragraph set out without quotation marks: "The governor added:"', () => {
    const text = 'The governor spoke on a radio show on Wednesday.\n\nThe governor added:\n\nIt is typical of the senator. She knows nothing, and she never stops talking.\n\nThe show ended at noon.';
    const q = find(text, 'typical');
    assert.equal(q.cue?.text, 'added:');
    assert.equal(q.text, 'It is typical of the senator. She knows nothing, and she never stops talking.');
    assert.equal(q.speaker?.mention?.text, 'The governor');
  });

  it('"proposes" and "sees" are never nouns, so they need no "that": "proposes doing away with …", "sees the plan as …"', () => {
    const q = find('The candidate proposes doing away with the fee.', 'fee');
    assert.equal(q.cue?.text, 'proposes');
    assert.equal(q.text, 'doing away with the fee');
    assert.equal(find('The mayor sees the plan as a way to cut costs.', 'costs').cue?.text, 'sees');
  });

  it('"including" after a comma opens a noun phrase of the content, not a clause of its own', () => {
    const q = find('The mayor said the storm damaged dozens of buildings, including two schools and the old library.', 'storm');
    assert.equal(q.text, 'the storm damaged dozens of buildings, including two schools and the old library');
    assert.equal(find('The mayor said the storm damaged dozens of buildings, leaving hundreds without power.', 'storm').text, 'the storm damaged dozens of buildings');
  });

  it('a bare verb after "and" continues an infinitive in the content; a past one is the speaker\'s second verb', () => {
    const q = find('The council urged the mayor to withdraw the plan and apologize to residents.', 'withdraw');
    assert.equal(q.text, 'the mayor to withdraw the plan and apologize to residents');
    const r = find('The mayor said she would keep the plan and warned that critics were wrong.', 'keep');
    assert.equal(r.text, 'she would keep the plan');
  });

  it('", but" before a modal with no subject goes on with the content: "…, but would not …"', () => {
    const q = find('The treasurer said the levy would slow hiring at first, but would raise wages in the long run.', 'levy');
    assert.equal(q.text, 'the levy would slow hiring at first, but would raise wages in the long run');
    assert.equal(find('The treasurer said the levy would slow hiring, but voters were not convinced.', 'levy').text, 'the levy would slow hiring');
  });

  it('the narrator\'s subject before a quoted predicate joins it in one mixed report: "The plant “will close by May,” he said"', () => {
    const quotes = quotesOf('The old paper mill “will close by the end of May,” the union leader said.');
    const q = quotes.find((x) => x.kind === 'indirect');
    assert.ok(q, 'a report holding the narrator\'s subject');
    assert.equal(q.text, 'The old paper mill “will close by the end of May,”');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.mention?.text, 'the union leader');
    const whole = find('“The mill will close by the end of May,” the union leader said.', 'mill');
    assert.equal(whole.kind, 'direct');
  });

  it('a month after a stance verb\'s object is a time, not part of it: "endorsed the bill in July"', () => {
    const q = find('The senator endorsed the farm bill in July.', 'farm');
    assert.equal(q.text, 'the farm bill');
    assert.equal(q.cue?.text, 'endorsed');
  });

  it('a preposition right after a stance verb belongs to the cue: "speculated about [the governor\'s health]"', () => {
    const q = find('Several columnists speculated about the governor\'s health.', 'health');
    assert.equal(q.cue?.text, 'speculated about');
    assert.equal(q.text, 'the governor\'s health');
  });

  it('an occasion in the plural needs no determiner to close a stance verb\'s object: "attacked the plan in televised remarks"', () => {
    const q = find('The governor attacked the zoning plan in televised remarks.', 'zoning');
    assert.equal(q.cue?.text, 'attacked');
    assert.equal(q.text, 'the zoning plan');
  });

  it('"and" before a past verb closes a stance verb\'s object, unless a relative clause in it owns the verb', () => {
    const q = find('The council championed the new bike lanes and extended them to the harbor.', 'bike');
    assert.equal(q.cue?.text, 'championed');
    assert.equal(q.text, 'the new bike lanes');
    const r = find('The mayor praised a volunteer who cleaned the park and repainted the benches.', 'volunteer');
    assert.equal(r.text, 'a volunteer who cleaned the park and repainted the benches');
  });

  it('a day that owns a noun or follows "of" stays in the object: "praised the host of Monday\'s gala"', () => {
    const q = find('The mayor praised the host of Monday\'s charity gala.', 'host');
    assert.equal(q.cue?.text, 'praised');
    assert.equal(q.text, 'the host of Monday\'s charity gala');
    assert.equal(find('A new survey shows the incumbent ahead by four points.', 'incumbent').text, 'the incumbent ahead by four points');
  });
});

describe('nouns that look like cue verbs', () => {
  it('a bare verb form needs a plural or personal subject, so after a singular modifier it is a noun: "a leading advocate for", "a liberal think tank"', () => {
    assert.equal(quotesOf('The mayor met with a leading advocate for school reform on Friday.').length, 0);
    assert.equal(quotesOf('The mayor met a liberal think tank on Friday.').length, 0);
    assert.equal(find('Officials from the county health department say the water is safe.', 'water').cue?.text, 'say');
    assert.equal(find('Many voters think the tax is unfair.', 'tax').cue?.text, 'think');
  });

  it('a cue form after a number or a possessor is a noun: "6 percentage points", "the governor\'s plans"', () => {
    assert.equal(quotesOf('The mayor led his rival by 6 percentage points among older voters.').length, 0);
    const qs = quotesOf("The city council welcomed the governor's plans to expand the airport.");
    assert.deepEqual(qs.map((q) => q.cue?.text), ['welcomed']);
  });

  it('finding out and perceiving report a clause, not a thing: "found a way around the rule" is no report', () => {
    assert.equal(quotesOf('The engineers found a way around the new rule.').length, 0);
    assert.equal(quotesOf('The mayor knows the streets of the old town well.').length, 0);
    assert.equal(find('An audit found the agency had lost track of the money.', 'agency').cue?.text, 'found');
    assert.equal(find('Critics saw the deal as a giveaway to developers.', 'giveaway').cue?.text, 'saw');
    assert.equal(quotesOf('Campus police saw the post and removed the two visitors from the hall.').length, 0);
  });

  it('a yes-no question put to the reader reports nobody: "Do you know where …?", but "How do you know when …?" still does', () => {
    assert.equal(quotesOf('The vote is next week. Do you know where your senator stands on the bill?').length, 0);
    assert.equal(quotesOf('The vote is next week. Would you still vote for a mayor who lied about the budget?').length, 0);
    assert.equal(find('The vote is next week. How do you know when a candidate is lying about the budget?', 'lying').cue?.text, 'know');
  });

  it('a notice label in capitals is no speaker: "CORRECTION: …"', () => {
    assert.equal(quotesOf('The mayor spoke on Monday.\n\nCORRECTION: An earlier version of this story misstated the date of the vote on the budget.').length, 0);
  });

  it('a subject read forward keeps its title and name and leaves the adverb to the verb: "Republican nominee John Roe met …", "Mayor John Smith generally backed …"', () => {
    assert.equal(find('Mayor John Smith generally backed the union and said the strike was justified.', 'strike').speaker?.mention?.text, 'Mayor John Smith');
    assert.equal(find('Republican nominee John Roe met the union and said the strike was justified.', 'strike').speaker?.mention?.text, 'Republican nominee John Roe');
    assert.equal(find('Democratic candidate Jane Doe, like her rival, has praised the plan but has said she will cut the budget.', 'cut').speaker?.mention?.text, 'Democratic candidate Jane Doe');
  });

  it('a participle after a quotation\'s attribution shares its speaker: "“…,” Mayor Smith said in June, citing …"', () => {
    const q = find('The budget "has made the city poorer," Mayor John Smith said in June, citing the loss of two factories.', 'factories');
    assert.equal(q.cue?.text, 'citing');
    assert.equal(q.speaker?.mention?.text, 'Mayor John Smith');
  });

  it('a relative clause without "that" closes its source: "All the experts I interviewed said …"', () => {
    assert.equal(find('All the experts I interviewed said the plan was sound.', 'sound').speaker?.mention?.text, 'All the experts I interviewed');
  });

  it('a day word after a name in capitals is part of the name: "A reporter for USA Today said …"', () => {
    assert.equal(find('A reporter for USA Today said the plan was sound.', 'sound').speaker?.mention?.text, 'A reporter for USA Today');
  });

  it('a short second apposition closing the sentence is still part of the source: "…, said Jane Roe, director of the X Center, a liberal research group."', () => {
    const q = find('"The plan is dead," said Jane Roe, director of policy at the Center for Fair Budgets, a liberal research group.', 'plan');
    assert.equal(q.speaker?.mention?.text, 'Jane Roe, director of policy at the Center for Fair Budgets, a liberal research group');
  });

  it('a noun after a preposition is no subject, so the participle after it names no speaker: "from a series of injections intended to …"', () => {
    const q = find('Her knees were still sore from a series of injections intended to ease the pain.', 'ease');
    assert.equal(q.speaker ?? null, null);
    assert.equal(find('The senator intended to vote against the bill.', 'vote').speaker?.mention?.text, 'The senator');
  });

  it('a focus word before a name and its apposition stays outside the source: "Even Canada, the region\'s only ally, said …"', () => {
    const q = find("Even Canada, the region's only ally and its main trading partner, said it was opposed to the test.", 'opposed');
    assert.equal(q.speaker?.mention?.text, "Canada, the region's only ally and its main trading partner,");
  });

  it('a common-noun speaker after the cue keeps the place that tells which one: "…, said one source in the room."', () => {
    assert.equal(find('The talks collapsed on Friday, said one source in the room.', 'talks').speaker?.mention?.text, 'one source in the room');
    assert.equal(find('"It is over," said one official on the panel.', 'over').speaker?.mention?.text, 'one official on the panel');
  });

  it('a demonstrative "that" opening the clause belongs to the source: "But that plan also underscored …"', () => {
    assert.equal(find('But that plan also underscored the risks of the deal.', 'risks').speaker?.mention?.text, 'that plan');
  });

  it('a day between a subject read forward and its verb ends the subject: "The council on Friday made … and pledged …"', () => {
    assert.equal(find('The Security Council on Friday made a strong statement and pledged to impose new sanctions on the regime.', 'sanctions').speaker?.mention?.text, 'The Security Council');
  });

  it('a participle of naming after an indefinite noun gives a name, not words: "a small stream called Miracle Creek"', () => {
    assert.equal(quotesOf('The old mine was built near a small mountain stream called Miracle Creek.').length, 0);
    assert.equal(find('The senator called Jane Roe a liar on Friday.', 'liar').cue?.text, 'called');
  });

  it('"what X called “…”" names a thing: the quoted name is the partial quote, the sentence after it is the narrator\'s', () => {
    const quotes = quotesOf('Anger over what farmers called "theft" led the mayor to call a meeting.');
    assert.deepEqual(quotes.map((q) => [q.kind, q.text, q.cue?.text, q.speaker?.mention?.text]), [['partial', 'theft', 'called', 'farmers']]);
  });
});

describe('recall: reports inside other clauses', () => {
  it('a that-clause in a fronted adjunct ends where a quotation\'s attribution opens: "When X signaled that …, Y said, “…”"', () => {
    const quotes = quotesOf('So when the company signaled last summer that it was going to make a deal with Mr. Smith, Mr. Jones said, "we were floored."');
    const signaled = quotes.find((q) => q.cue?.text === 'signaled');
    assert.equal(signaled?.text, 'it was going to make a deal with Mr. Smith');
    const direct = quotes.find((q) => q.kind === 'direct');
    assert.equal(direct?.cue?.text, 'said');
    assert.equal(direct?.speaker?.mention?.text, 'Mr. Jones');
  });

  it('a directive whose verb opens a quotation still takes its listener: "urged voters to “look closely” at …"', () => {
    const q = quotesOf('The senator urged voters to "look closely" at the budget.').find((x) => x.kind === 'indirect');
    assert.equal(q?.cue?.text, 'urged');
    assert.equal(q?.text, 'voters to "look closely" at the budget');
    assert.equal(q?.speaker?.mention?.text, 'The senator');
  });

  it('a report in a fronted adjunct clause ends at the comma that opens the main clause: "While a judge found …, his ruling …"', () => {
    const q = find('After aides insisted in June that the mayor would not run, the campaign began to change course.', 'mayor');
    assert.equal(q.cue?.text, 'insisted');
    assert.equal(q.text, 'the mayor would not run');
  });

  it('a reporting relative clause ends at its comma, and is no part of the main cue\'s speaker: "Smith, who understood that …, told …"', () => {
    const quotes = quotesOf('Mr. Smith, who understood that a legislative push would be fruitless, told his advisers to find another way.');
    assert.equal(quotes.find((q) => q.cue?.text === 'understood')?.text, 'a legislative push would be fruitless');
    const told = quotes.find((q) => q.cue?.text === 'told');
    assert.equal(told?.text, 'his advisers to find another way');
    assert.equal(told?.speaker?.mention?.text, 'Mr. Smith');
  });

  it('a promise\'s infinitive is its content, and a second verb after "and" keeps its own: "promised to … and said she …"', () => {
    const quotes = quotesOf('Smith promised to keep backing the mayor and said she would stand up to the attacks.');
    assert.equal(quotes.find((q) => q.cue?.text === 'promised')?.text, 'to keep backing the mayor');
    assert.equal(quotes.find((q) => q.cue?.text === 'said')?.text, 'she would stand up to the attacks');
  });

  it('a cue whose object is a relative clause\'s gap reports nothing: "the loopholes he cited are …", "what she said was …"', () => {
    assert.equal(quotesOf('The three loopholes he cited are common in the tax code.').length, 0);
    assert.equal(quotesOf('What the mayor said was a mistake, her aides admitted privately.').some((q) => q.cue?.text === 'said'), false);
  });

  it('a participle after a noun for a message reports what the message says: "a tweet attacking …", "a statement announcing …"', () => {
    const q = find('The mayor called it a tweet attacking a former city employee.', 'employee');
    assert.ok(quotesOf('The mayor called it a tweet attacking a former city employee.').some((x) => x.cue?.text === 'attacking' && x.text === 'a former city employee' && x.speaker?.name === 'a tweet'), q.text);
    const quotes = quotesOf('In a statement announcing the pick, the union called the mayor a champion.');
    assert.equal(quotes.find((x) => x.cue?.text === 'announcing')?.text, 'the pick');
    assert.equal(quotes.find((x) => x.cue?.text === 'called')?.speaker?.mention?.text, 'the union');
  });

  it('a participle after ", and" reports on its own and ends the report before it: "…, and calling for …"', () => {
    const quotes = quotesOf('The group welcomed the plan to increase funding, and calling for new bases in the east.');
    assert.equal(quotes.find((x) => x.cue?.text === 'welcomed')?.text, 'the plan to increase funding');
    assert.equal(quotes.find((x) => x.cue?.text === 'calling for')?.text, 'new bases in the east');
  });

  it('"Asked about …," opening a sentence reports the question put to its subject, the asker unnamed', () => {
    const quotes = quotesOf('Asked about the fire, the chief said the cause was unknown.');
    const asked = quotes.find((x) => x.cue?.text === 'Asked about');
    assert.equal(asked?.text, 'the fire');
    assert.equal(asked?.speaker, null);
    assert.equal(quotes.find((x) => x.cue?.text === 'said')?.text, 'the cause was unknown');
    assert.equal(quotesOf('Asked to describe the device, the chief declined.').find((x) => x.cue?.text === 'Asked')?.text, 'to describe the device');
  });

  it('an attribution set off by commas keeps its adjunct and still interrupts the report: "…, the mayor said on Friday, …"', () => {
    const quotes = quotesOf('The plan, the mayor said on Friday, would cost the city millions of dollars.');
    assert.ok(quotes.some((q) => q.cue?.text === 'said' && q.text === 'The plan'));
    assert.ok(quotes.some((q) => q.cue?.text === 'said' && q.text === 'would cost the city millions of dollars' && q.speaker?.mention?.text === 'the mayor'));
  });

  it('"about" before a number approximates and opens the reported clause: "has said about 20 people have …"', () => {
    const q = find('The governor has said about 20 people have shown an interest in the seat.', 'people');
    assert.equal(q.cue?.text, 'has said');
    assert.equal(q.text, 'about 20 people have shown an interest in the seat');
  });

  it('a second clause with its own subject ends the first report: "…, and Smith is promising to …", "… and 44 percent would support …"', () => {
    const quotes = quotesOf('The mayor has vowed to bring back lost jobs, and Governor Smith is promising to help towns move into new industries.');
    assert.equal(quotes.find((q) => q.cue?.text === 'has vowed')?.text, 'to bring back lost jobs');
    assert.equal(quotes.find((q) => q.cue?.text === 'is promising')?.speaker?.mention?.text, 'Governor Smith');
    const poll = quotesOf('Among likely voters, 46 percent would choose Smith and 44 percent would support Jones.');
    assert.equal(poll.find((q) => q.cue?.text === 'would choose')?.text, 'Smith');
    assert.equal(poll.find((q) => q.cue?.text === 'would support')?.text, 'Jones');
  });

  it('a noun-like verb after ", and" with an infinitive is the subject\'s second verb: "…, and plans to reduce …"', () => {
    const q = find('He opposes the new tax, and plans to reduce the cost of housing without new rules.', 'housing');
    assert.equal(q.cue?.text, 'plans');
    assert.equal(q.text, 'to reduce the cost of housing without new rules');
  });

  it('a headline\'s title-case quoted words still open the cue\'s complement: "General Reveals “Demoralizing” Experience"', () => {
    const q = quotesOf('Retired General Reveals “Demoralizing” Experience Of Serving Under Smith.\n\nThe general spoke on Friday.').find((x) => x.cue?.text === 'Reveals');
    assert.equal(q?.text, '“Demoralizing” Experience Of Serving Under Smith');
    assert.equal(q?.speaker?.name, 'Retired General');
  });

  it('a passive verb of judgement without an agent reports an unnamed judgement: "was accused of …", "have often been criticized for …"', () => {
    const accused = quotesOf('Mr. Jones was accused of using $50 million for personal expenses.').filter((q) => q.cue?.text === 'was accused of');
    assert.deepEqual(accused.map((q) => q.text), ['Mr. Jones', 'using $50 million for personal expenses']);
    assert.ok(accused.every((q) => !q.speaker));
    const criticized = quotesOf('The member states have often been criticized for being slow to move during crises.').filter((q) => q.cue?.text === 'have often been criticized for');
    assert.deepEqual(criticized.map((q) => q.text), ['The member states', 'being slow to move during crises']);
    // with an agent, the agent is the source and this reading stays out
    assert.equal(quotesOf('Mr. Jones was accused by prosecutors of fraud.').some((q) => q.cue?.text === 'was accused of'), false);
  });

  it('"sometimes" between the auxiliaries belongs to the cue like "often": "have sometimes been accused of"', () => {
    assert.ok(quotesOf('The guards have sometimes been accused of hurting the people they were sent to protect.').some((q) => q.cue?.text === 'have sometimes been accused of'));
  });

  it('a passive of judgement keeps an obligatory "as" in its cue but leaves it to a bare complement: "is defined as", "were rated"', () => {
    assert.ok(quotesOf('A rural area is defined as a county with fewer than 50,000 people.').some((q) => q.cue?.text === 'is defined as'));
    assert.ok(quotesOf('Most of the statements were rated as mostly true by the end of the year.').some((q) => q.cue?.text === 'were rated'));
  });

  it('"rated" in the active is a verb of judgement like "labeled": "The fact-checker rated 40% of her claims as “false”"', () => {
    const q = quotesOf('The fact-checker rated 40% of her claims as “false” last year.').find((x) => x.cue?.text === 'rated');
    assert.equal(q?.speaker?.name, 'The fact-checker');
    assert.match(q?.text ?? '', /^40% of her claims as “false”/);
  });

  it('a circumstance right after a quoted stance object is the narrator\'s: \'described the plan as a “total mess” during a radio interview\'', () => {
    const q = quotesOf('The governor described the plan as a “total mess” during a radio interview in Dayton.').find((x) => x.cue?.text === 'described');
    assert.equal(q?.text, 'the plan as a “total mess”');
    const day = quotesOf('The senator called the bill a “giveaway” Wednesday on a morning show.').find((x) => x.cue?.text === 'called');
    assert.equal(day?.text, 'the bill a “giveaway”');
  });

  it('a day\'s possessive opens a stance verb\'s object, not a time: \'called Tuesday\'s vote a “clear win”\'', () => {
    const q = quotesOf('The mayor called Tuesday\'s vote a “clear win for the city.”').find((x) => x.cue?.text === 'called' && x.kind === 'indirect');
    assert.equal(q?.text, 'Tuesday\'s vote a “clear win for the city.”');
  });

  it('an adverb before a participle after a comma still ends the report: "…, implicitly putting his name on the line"', () => {
    const q = quotesOf('The governor said he would see it as a "betrayal" if they stayed home, implicitly putting his own record on the ballot.').find((x) => x.cue?.text === 'said');
    assert.equal(q?.text, 'he would see it as a "betrayal" if they stayed home');
  });

  it('"exhorted" directs its listener like "urged": \'exhorted delegates to “stand firm”\'', () => {
    const q = quotesOf('The chairman exhorted delegates to “stand firm” in the final vote.').find((x) => x.kind === 'indirect');
    assert.equal(q?.cue?.text, 'exhorted');
    assert.equal(q?.text, 'delegates to “stand firm” in the final vote');
  });

  it('"despite" before a participle of saying reports like "after": "The speaker, despite admitting that …, said …"', () => {
    const q = quotesOf('The speaker, despite admitting that the bill had flaws, said it would pass.').find((x) => x.cue?.text === 'admitting');
    assert.equal(q?.text, 'the bill had flaws');
    assert.equal(q?.speaker?.name, 'The speaker');
  });

  it('a circumstance after a quoted object ends it even when a later quotation follows: \'as a “failure” after he vetoed … “reckless”\'', () => {
    const q = quotesOf('The senator described the mayor as a “failure” after he vetoed the bill and called the veto “reckless.”').find((x) => x.cue?.text === 'described');
    assert.equal(q?.text, 'the mayor as a “failure”');
  });

  it('"made it clear" with its dummy object is a cue like "made clear": "has made it clear he will not resign"', () => {
    const q = quotesOf('The mayor has made it clear he will not resign his office.').find((x) => x.cue?.text === 'has made it clear');
    assert.equal(q?.text, 'he will not resign his office');
    assert.equal(q?.speaker?.mention?.text ?? q?.speaker?.name, 'The mayor');
  });
  it('an impersonal adjective of evidence asserts its clause with no named source: "it should be obvious that …", "It was clear …"', () => {
    const obvious = quotesOf('By now it should be obvious that the council will not approve the budget.').find((x) => x.cue?.text === 'it should be obvious');
    assert.equal(obvious?.text, 'that the council will not approve the budget');
    assert.equal(obvious?.speaker, null);
    const clear = quotesOf('It’s clear the mayor is trying to win over younger voters this year.').find((x) => x.cue?.text === 'It’s clear');
    assert.equal(clear?.text, 'the mayor is trying to win over younger voters this year');
    // doubt is not evidence: "it is unclear whether …" stays out
    assert.equal(quotesOf('It is unclear whether the council will approve the budget.').length, 0);
  });
  it('an adjective of attitude after "be" reports its topic too, its degree words in the cue: "were not too concerned about …"', () => {
    const q = quotesOf('Local farmers were not too concerned about the new water rules.').find((x) => x.cue?.text === 'were not too concerned about');
    assert.equal(q?.text, 'the new water rules');
    assert.equal(q?.speaker?.mention?.text ?? q?.speaker?.name, 'Local farmers');
    // a hypothetical attitude after a modal is no report
    assert.equal(quotesOf('Then he would not be worried about the new water rules.').some((x) => /worried/.test(x.cue?.text ?? '')), false);
  });
  it('a verb of expressing with a noun of attitude reports its topic: "have expressed deep concern about …", "voiced outrage over …"', () => {
    const q = quotesOf('Several tenant groups have expressed deep concern about the new zoning plan.').find((x) => x.cue?.text === 'have expressed deep concern about');
    assert.equal(q?.text, 'the new zoning plan');
    assert.equal(q?.speaker?.mention?.text ?? q?.speaker?.name, 'Several tenant groups');
    assert.ok(quotesOf('Fishermen voiced outrage over the quota cuts.').some((x) => x.cue?.text === 'voiced outrage over' && x.text === 'the quota cuts'));
  });
  it('adjectives of attitude that take only a topic report it after "be": "has been critical of …", "were coy about …"', () => {
    const q = quotesOf('The senator has been critical of the governor since the spring.').find((x) => x.cue?.text === 'has been critical of');
    assert.equal(q?.text, 'the governor');
    assert.equal(q?.speaker?.mention?.text ?? q?.speaker?.name, 'The senator');
    // they never report a clause: "critical to" is no attitude
    assert.equal(quotesOf('The harbor was critical to the growth of the town.').length, 0);
  });
  it('opening adjuncts in a row before the subject: "Once in her first term, when …, the mayor laughed and said, “…”"', () => {
    const q = quotesOf('Once in her first term, when the council asked about the budget, the mayor laughed and said, "We will never run a deficit."').find((x) => x.kind === 'direct');
    assert.equal(q?.speaker?.name, 'the mayor');
    const r = quotesOf('After the vote, when a reporter pressed him on the budget, the governor smiled and said, "I don\'t believe in deficits."').find((x) => x.kind === 'direct');
    assert.equal(r?.speaker?.name, 'the governor');
  });
  it('"read" closes a quotation as its cue ("…," the sign read) but takes a plain object elsewhere', () => {
    const q = quotesOf('"We are closed until further notice," the sign on the door read.').find((x) => x.kind === 'direct');
    assert.equal(q?.cue?.text, 'read');
    assert.equal(q?.speaker?.name, 'the sign on the door');
    assert.equal(quotesOf('The senator read the statement aloud to reporters on Monday.').length, 0);
  });
  it('a participle with its listener introduces the next quotation: \'…, the singer tells the governor before asking her, “…”\'', () => {
    const q = quotesOf('"Keep your eyes on the road," the singer tells the governor before asking her, "Where do we go from here?"').find((x) => x.text.startsWith('Where'));
    assert.equal(q?.cue?.text, 'asking');
    assert.equal(q?.speaker?.name, 'the singer');
  });
  it('a participle with its listener right after its own noun: \'The video shows the mayor telling reporters, “…”\'', () => {
    const q = quotesOf('The video shows the mayor telling reporters, "We will rebuild the bridge."').find((x) => x.kind === 'direct');
    assert.equal(q?.cue?.text, 'telling');
    assert.equal(q?.speaker?.name, 'the mayor');
  });
  it('a passive without its agent frames no quoted phrase: \'When attackers are revealed as …, … “lone wolves”\'', () => {
    const qs = quotesOf('When attackers are revealed as part of the wider network, the mayor and the governor call them "lone wolves" and describe their actions as crimes.');
    assert.equal(qs.filter((x) => x.cue?.text === 'are revealed').length, 0);
  });
  it('"concludes with" names a part of the text, not a report: \'The report concludes with a long chart …\'', () => {
    assert.equal(quotesOf('The report concludes with a long chart of the figures from every county in the state.').length, 0);
    assert.equal(quotesOf('The report concludes that the figures from every county in the state are wrong.')[0]?.cue?.text, 'concludes');
  });
  it('a cue opening its sentence is inverted: \'Said Baxter: “…”\'', () => {
    const q = quotesOf('Critics say the plan would make the budget worse. Said Baxter: "I don\'t see any interest in reform at all."').find((x) => x.kind === 'direct');
    assert.equal(q?.cue?.text, 'Said');
    assert.equal(q?.speaker?.name, 'Baxter');
  });
  it('a participle after a noun in another verb\'s phrase: \'… concludes with footage of the senator saying during …, “…”\'', () => {
    const q = quotesOf('The new ad concludes with footage of the senator saying during the debate last week, "I never voted for that bill," when a rival pressed him.').find((x) => x.cue?.text === 'saying');
    assert.equal(q?.speaker?.name, 'the senator');
  });
  it('a numeral after "of" closes a speaker phrase: \'the 34-year-old mother of three replied, “…”\'', () => {
    const q = quotesOf('She said parents would not be eligible, and when pressed, the 34-year-old mother of three replied, "It is meant to help the mother."').find((x) => x.kind === 'direct');
    assert.equal(q?.speaker?.name, 'the 34-year-old mother of three');
  });
  it('an opening participle whose clause ends inside a quotation: \'After saying her knee was “so sore …,” she …\'', () => {
    const q = quotesOf('After saying her left knee was “so sore I could barely walk,” she was taken to a clinic for tests.').find((x) => x.kind === 'indirect');
    assert.equal(q?.speaker?.name, 'she');
    assert.equal(q?.text, 'her left knee was “so sore I could barely walk,”');
  });
  it('a connective opening a sentence before its attribution stays with the narrator: "In addition, <content>, she said"', () => {
    const q = quotesOf('The mayor spoke for an hour. In addition, the city will hire forty new teachers, she said.').find((x) => x.kind === 'indirect');
    assert.equal(q?.text, 'the city will hire forty new teachers');
    const and = quotesOf('The mayor spoke for an hour. And the city will hire forty new teachers, she said.').find((x) => x.kind === 'indirect');
    assert.equal(and?.text, 'the city will hire forty new teachers');
  });
  it('a relative clause after a main clause, running up to the attribution, is the report: "…, who faces a vote, aides said"', () => {
    assert.ok(quotesOf('Pressure is building on the mayor, who faces a recall vote in May, aides said.').some((x) => x.text === 'who faces a recall vote in May' && x.cue?.text === 'said'));
    const split = quotesOf('The museum is near the river, which, she said, is usually full of tourists.').filter((x) => x.cue?.text === 'said');
    assert.deepEqual(split.map((x) => x.text), ['which', 'is usually full of tourists']);
    // a relative closed before the main clause goes on leaves the whole sentence reported
    assert.ok(quotesOf('The plan, which passed in May, has stalled in the courts, aides said.').some((x) => x.text === 'The plan, which passed in May, has stalled in the courts'));
  });
  it('a relative clause before "according to" is the report from its pronoun: "…, who faces a vote, according to aides"', () => {
    assert.ok(quotesOf('Pressure is building on the mayor, who faces a recall vote in May, according to two aides.').some((x) => x.text === 'who faces a recall vote in May' && /according to/.test(x.cue?.text ?? '')));
  });
  it('a connective opening the sentence stays out of content before "according to": "As it stands, <content>, according to …"', () => {
    assert.ok(quotesOf('As it stands, the county jail holds twice as many inmates as it was built for, according to the sheriff.').some((x) => x.text === 'the county jail holds twice as many inmates as it was built for'));
  });
  it('a dateline opening the sentence is not reported: "BOSTON ― <content>, officials said"', () => {
    assert.ok(quotesOf('BOSTON ― The harbor tunnel will close for repairs next spring, city officials said on Monday.').some((x) => x.text === 'The harbor tunnel will close for repairs next spring'));
  });
  it('a speaker and cue inside a relative clause report its verb and the rest: "…, which he said were gifts"', () => {
    const q = find('The mayor returned the watches, which he said were gifts from a local jeweler.', 'gifts');
    assert.equal(q.text, 'were gifts from a local jeweler');
    assert.equal(q.cue?.text, 'said');
    assert.equal(q.speaker?.mention?.text, 'he');
  });
  it('a preposition opening the topic joins the cue: "… and decided against raising the fees", "agreed to a debate"', () => {
    const against = find('The council met for three hours and decided against raising the parking fees.', 'fees');
    assert.equal(against.cue?.text, 'decided against');
    assert.equal(against.text, 'raising the parking fees');
    const to = find('After weeks of talks, the senator agreed to a televised debate with her rival.', 'debate');
    assert.equal(to.cue?.text, 'agreed to');
    assert.equal(to.text, 'a televised debate with her rival');
    // before a number, "about" approximates
    const about = find('The governor has said about 20 people applied for the seat.', 'people');
    assert.equal(about.cue?.text, 'has said');
  });
  it('a quotation resumed after the attribution and a conjunction is direct: "“A,” she said, but “b …”"', () => {
    const q = find('The council met on Monday. "I like the mayor," she said, but "when it comes to the budget, he has made many mistakes."', 'budget');
    assert.equal(q.kind, 'direct');
    assert.equal(q.cue?.text, 'said');
  });
});

describe('speaker phrases', () => {
  it('a long subordinate clause opening the sentence is skipped to reach a coordinated subject: "When …, A and B say … and describe <content>"', () => {
    const q = find('When the county budget is finally released to the public after the long summer recess of the state legislature, Smith and Jones call it "a disgrace" and describe its cuts as the deepest in a generation.', 'deepest');
    assert.equal(q.cue?.text, 'describe');
    assert.equal(q.speaker?.mention?.text, 'Smith and Jones');
  });
  it('a name and a determined noun phrase are one subject: "The Daily Ledger and the state press association filed …, arguing …"', () => {
    const q = find('The Daily Ledger and the state press association filed a lawsuit on Monday, arguing the closed hearings violated state law.', 'hearings');
    assert.equal(q.cue?.text, 'arguing');
    assert.equal(q.speaker?.mention?.text, 'The Daily Ledger and the state press association');
  });
  it('"and I" closes a coordinated subject: "Frankly, my brother and I believed …"; a clause before "and" stays out', () => {
    const q = find('Frankly, my brother and I believed that the mayor would resign.', 'resign');
    assert.equal(q.speaker?.mention?.text, 'my brother and I');
    const own = find('The mayor resigned and I believed that the council would follow.', 'council');
    assert.equal(own.speaker?.mention?.text, 'I');
  });
  it('a hometown and its state are one apposition: "Mary Jones, 59, of Dayton, Ohio, said …"', () => {
    const q = find('It was hot. Mary Jones, 59, of Dayton, Ohio, said the line was long.', 'line');
    assert.equal(q.speaker?.mention?.text, 'Mary Jones, 59, of Dayton, Ohio,');
  });
  it('a cue word after an article is a noun inside the subject: "The authors of the report combed … and found …"', () => {
    const q = find('The authors of the report combed through the filings of 300 firms and found that most paid little tax.', 'little tax');
    assert.equal(q.speaker?.mention?.text, 'The authors of the report');
  });
});

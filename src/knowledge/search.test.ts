import { describe, expect, it } from 'vitest';
import { BackstrideError } from '../errors.js';
import { knowledge } from './index.js';
import { type Hit, searchKnowledge, stemOf, words } from './search.js';
import { synonyms } from './synonyms.js';

const ids = (hits: Hit[]) => hits.map((h) => `${h.kind}:${h.id}`);
/** The qualified ids of the first `n` hits for `query`. */
const top = (query: string, n = 3) => ids(searchKnowledge(query)).slice(0, n);

/** Every string of the knowledge base, as stems with `|` between strings, for phrase look-ups. */
function knowledgeStems(): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(words(v).map(stemOf).join(' '));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(knowledge());
  return ` ${parts.join(' | ')} `;
}

describe('words and stems', () => {
  it('splits on punctuation, closes up apostrophes and drops accents', () => {
    expect(words("Child's pose, T-spine & café")).toEqual(['childs', 'pose', 't', 'spine', 'cafe']);
  });

  it('gives inflected forms one stem', () => {
    const same = (...forms: string[]) => expect(new Set(forms.map(stemOf)).size).toBe(1);
    same('walk', 'walks', 'walking', 'walked');
    same('break', 'breaks');
    same('blade', 'blades');
    same('disc', 'discs');
    same('stretch', 'stretches', 'stretching', 'stretched');
    same('breathe', 'breathing', 'breath', 'breaths');
    same('stiff', 'stiffness');
    same('overuse', 'overused');
    same('herniated', 'herniation');
  });
});

describe('knowledge search: words runners type', () => {
  it('"overuse" finds the too-much-too-soon factor', () => {
    expect(top('overuse', 1)).toEqual(['factor:load-too-fast']);
    expect(top('overused', 1)).toEqual(['factor:load-too-fast']);
    expect(top('overdid it')).toContain('factor:load-too-fast');
  });

  it('"herniated disc" and its near-synonyms find the disc and nerve pattern', () => {
    for (const q of ['herniated disc', 'slipped discs', 'bulging disc', 'disk', 'disc']) {
      expect(top(q), q).toContain('factor:nerve-disc-pattern');
    }
  });

  it('"walking break" finds the hourly walk break, in any form', () => {
    for (const q of ['walking break', 'walking breaks', 'walk breaks', 'walk break', 'movement break']) {
      expect(top(q, 1), q).toEqual(['intervention:hourly-walk-break']);
    }
  });

  it('"shoulder blades", singular or plural or as scapula, finds the two shoulder-blade regions first', () => {
    const regions = ['region:between-shoulder-blades', 'region:under-shoulder-blades'];
    for (const q of ['shoulder blades', 'shoulder blade', 'scapula', 'scapulae']) {
      expect(top(q, 2).sort(), q).toEqual(regions);
    }
    expect(searchKnowledge('shoulder blades').length).toBeGreaterThan(3);
  });

  it('matches plural and singular, -ing and -ed forms alike', () => {
    for (const q of ['stretch', 'stretches', 'stretching', 'stretched']) {
      expect(top(q, 5), q).toEqual(
        expect.arrayContaining(['intervention:post-run-stretching', 'exercise:post-run-static-stretch']),
      );
    }
    for (const q of ['slouch', 'slouching', 'slouched']) {
      expect(top(q, 1), q).toEqual(['factor:slouched-sitting']);
    }
    for (const q of ['breathe', 'breathing', 'breaths']) {
      const best = searchKnowledge(q).slice(0, 5);
      expect(best.length, q).toBe(5);
      for (const h of best) expect(h.name, q).toMatch(/breath/i);
    }
  });

  it('widens lay words through the synonym table', () => {
    expect(top('trainers')).toEqual(
      expect.arrayContaining(['factor:worn-shoes', 'intervention:fitting-shoes']),
    );
    expect(ids(searchKnowledge('peeing'))).toContain('red-flag:ces-bladder');
    expect(ids(searchKnowledge('short of breath'))).toContain('red-flag:sudden-breathlessness');
    expect(ids(searchKnowledge('painkillers'))).toContain('intervention:otc-pain-relief');
  });

  it('still finds names and aliases as before', () => {
    expect(searchKnowledge('superman')[0]).toMatchObject({ kind: 'exercise', id: 'superman' });
    expect(ids(searchKnowledge('t-spine'))).toContain('region:mid-back-ribs');
    expect(ids(searchKnowledge("child's pose"))[0]).toBe('exercise:childs-pose');
  });

  it('matches the start of a longer word last', () => {
    expect(top('rhomboid', 1)).toEqual(['factor:weak-upper-back']);
    const hits = searchKnowledge('rhomb');
    expect(ids(hits)[0]).toBe('factor:weak-upper-back');
    const whole = searchKnowledge('rhomboids')[0];
    expect(whole?.id).toBe('weak-upper-back');
    for (const h of hits) expect(h.score).toBeLessThan(whole?.score ?? 0);
  });
});

describe('knowledge search: ranking', () => {
  it('puts the very word above another form of it, and a name above the text', () => {
    const hits = searchKnowledge('stretching');
    const exact = hits.findIndex((h) => h.id === 'post-run-stretching');
    const stem = hits.findIndex((h) => h.id === 'post-run-static-stretch');
    expect(exact).toBeGreaterThanOrEqual(0);
    expect(stem).toBeGreaterThan(exact);
    // Every hit whose name holds no form of the word comes after every hit whose name does.
    const inName = hits.map((h) => /stretch/i.test(`${h.name} ${h.id}`));
    expect(inName.indexOf(false)).toBeGreaterThan(inName.lastIndexOf(true));
  });

  it('puts a synonym below the word itself', () => {
    const sore = searchKnowledge('sore', 50);
    const ownWord = sore.find((h) => h.id === 'moderate-soreness');
    const synonym = sore.find((h) => h.id === 'severe-pain');
    expect(ownWord && synonym && ownWord.score > synonym.score).toBe(true);
  });

  it('needs every word of the query', () => {
    expect(searchKnowledge('walking zzzz')).toEqual([]);
    const both = searchKnowledge('shoulder stretch');
    expect(both.length).toBeGreaterThan(0);
    const shoulder = new Set(ids(searchKnowledge('shoulder', 500)));
    const stretch = new Set(ids(searchKnowledge('stretch', 500)));
    for (const id of ids(both)) expect(shoulder.has(id) && stretch.has(id), id).toBe(true);
  });

  it('ignores little words unless there is nothing else', () => {
    expect(top('the walking break', 1)).toEqual(['intervention:hourly-walk-break']);
    expect(top('walk with good posture', 1)).toEqual(['intervention:walking-posture']);
    expect(searchKnowledge('squat with a chair')).toEqual(searchKnowledge('squat chair'));
    expect(searchKnowledge('the').length).toBeGreaterThan(0);
  });

  it('keeps to the limit and returns a plain Hit', () => {
    const hits = searchKnowledge('pain', 3);
    expect(hits).toHaveLength(3);
    for (const h of hits) expect(Object.keys(h).sort()).toEqual(['id', 'kind', 'name', 'score']);
  });
});

describe('knowledge search: nothing to find', () => {
  it('returns nothing for a nonsense word', () => {
    expect(searchKnowledge('zzzz nothing')).toEqual([]);
    expect(searchKnowledge('qwxzv')).toEqual([]);
  });

  it('rejects empty search text as bad input', () => {
    for (const q of ['', '   ', '- ! ?', 'a']) {
      let error: unknown;
      try {
        searchKnowledge(q);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(q)).toBeInstanceOf(BackstrideError);
      expect((error as BackstrideError).code).toBe('bad-input');
      expect((error as BackstrideError).field).toBe('text');
    }
  });
});

describe('synonym table', () => {
  it('maps only to words and phrases the knowledge base uses', () => {
    const text = knowledgeStems();
    const missing = synonyms
      .flatMap((s) => s.find)
      .filter((f) => !text.includes(` ${words(f).map(stemOf).join(' ')} `));
    expect(missing).toEqual([]);
  });

  it('lists each lay phrase once', () => {
    const keys = synonyms.flatMap((s) => s.say.map((w) => words(w).map(stemOf).join(' ')));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

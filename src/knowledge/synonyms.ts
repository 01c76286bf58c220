/**
 * Words runners type, mapped to the words the knowledge base uses, for `kb search`.
 *
 * Each entry says: a query containing any of `say` (matched after stemming, so `slipped discs` hits
 * `slipped disc`) also matches items containing any of `find`. The query's own words always match too, so
 * `find` lists only the knowledge base's other words for the same thing. The mapping goes one way: items are
 * never expanded, and a `find` word typed as a query means only itself unless it is also a `say` word.
 *
 * Keep it small and literal. Every `find` word or phrase must occur in the knowledge base (a test checks),
 * and a `say` phrase wins over its single words (`herniated disc` is one idea, not two).
 */
export type Synonym = { say: readonly string[]; find: readonly string[] };

export const synonyms: readonly Synonym[] = [
  // Training load
  {
    say: ['overuse', 'overtraining', 'overdid it', 'did too much', 'doing too much'],
    find: ['too much too soon', 'doing too much', 'overdoing'],
  },
  { say: ['mileage', 'miles', 'weekly mileage'], find: ['distance', 'volume', 'kilometres'] },
  { say: ['rest day', 'day off'], find: ['rest day'] },
  { say: ['warmup'], find: ['warm up'] },
  { say: ['cooldown'], find: ['cool down'] },
  { say: ['trainers', 'sneakers', 'running shoes', 'footwear'], find: ['shoes'] },

  // Structures and body parts
  {
    say: ['herniated disc', 'slipped disc', 'bulging disc', 'prolapsed disc', 'herniated', 'disk'],
    find: ['disc'],
  },
  { say: ['shoulder blade', 'scapula', 'scapular'], find: ['shoulder blade', 'interscapular'] },
  { say: ['middle back'], find: ['mid back', 'thoracic'] },
  { say: ['tummy', 'belly', 'stomach'], find: ['belly', 'abdominal', 'abs'] },
  { say: ['bum', 'butt', 'backside'], find: ['buttock', 'glutes'] },

  // Feelings and symptoms
  { say: ['sore', 'achy', 'hurt'], find: ['pain', 'ache', 'sore'] },
  { say: ['stiff'], find: ['tight', 'tightness'] },
  { say: ['tight'], find: ['stiff', 'stiffness'] },
  { say: ['knot'], find: ['spasm', 'tightness', 'tension'] },
  { say: ['tingly'], find: ['tingling', 'pins and needles'] },
  { say: ['tired', 'exhausted'], find: ['fatigue', 'tired'] },
  {
    say: ['short of breath', 'out of breath', "can't breathe", 'winded', 'breathless'],
    find: ['breathlessness', 'gasping'],
  },
  { say: ['breathe'], find: ['diaphragm', 'diaphragmatic', 'breathwork'] },
  { say: ['pee', 'wee', 'urinate'], find: ['urine', 'urination', 'bladder', 'toilet'] },
  { say: ['poo', 'poop'], find: ['bowel'] },

  // Habits and care
  { say: ['posture'], find: ['slouched', 'slump', 'hunching'] },
  { say: ['slouch', 'slump', 'hunch', 'bad posture', 'poor posture'], find: ['posture'] },
  {
    say: ['walking break', 'movement break', 'standing break'],
    find: ['walk break', 'walk away from the chair', 'get up', 'breaking up sitting'],
  },
  {
    say: ['painkiller', 'pain killer', 'pain relief'],
    find: ['pain relief', 'ibuprofen', 'paracetamol', 'acetaminophen', 'naproxen', 'nsaid'],
  },
  { say: ['physio', 'physiotherapist', 'physiotherapy'], find: ['physical therapist', 'physical therapy'] },
];

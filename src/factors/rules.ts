/**
 * The evidence rules behind each contributing factor. A rule reads the answers and returns the evidence
 * that raises the factor, each piece as a sentence built from what the runner said, with a weight.
 * No evidence, no factor. Thresholds come from the factor's `thresholds` in the knowledge base.
 */
import type { Answers } from '../answers/index.js';
import type { HistoryFacts } from '../assess/history.js';

export type Evidence = { text: string; weight: number };
export type Thresholds = Record<string, { value: number; unit: string; basis: string }>;
/** Primary evidence raises a factor; supporting evidence only adds weight to a factor already raised. */
export type RuleOutput = { primary: Evidence[]; supporting?: Evidence[] };
/** `h`: facts from the stored running history, when there is one. */
export type FactorRule = (a: Answers, t: Thresholds, h?: HistoryFacts) => RuleOutput;

const THORACIC = ['between-shoulder-blades', 'under-shoulder-blades', 'mid-back-ribs'];
const NECK_SHOULDERS = ['neck', 'shoulders'];
const UPPER = [...NECK_SHOULDERS, ...THORACIC];
const LUMBOPELVIC = ['lower-back', 'sacroiliac-buttock', 'hip'];

const inRegions = (a: Answers, set: string[]) => (a.pain?.regions ?? []).filter((r) => set.includes(r));
const has = (a: Answers, q: string) => a.pain?.qualities?.includes(q as never) ?? false;
const worse = (a: Answers, w: string) => a.pain?.worseWith?.includes(w as never) ?? false;
const changed = (a: Answers, c: string) => a.running?.recentChanges?.includes(c as never) ?? false;
const th = (t: Thresholds, key: string, fallback: number) => t[key]?.value ?? fallback;

/** Where, as a phrase that follows "Your pain is …". */
const regionNames: Record<string, string> = {
  neck: 'in the neck',
  shoulders: 'in the shoulders',
  'between-shoulder-blades': 'between the shoulder blades',
  'under-shoulder-blades': 'under the shoulder blades',
  'mid-back-ribs': 'in the mid back and ribs',
  'lower-back': 'in the lower back',
  'sacroiliac-buttock': 'at the sacroiliac joint and buttock',
  hip: 'in the hip',
};
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const where = (regions: string[]) => list(regions.map((r) => regionNames[r] ?? r));
const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const ev = (text: string, weight: number): Evidence => ({ text, weight });

/** Region evidence that supports, never raises, a factor. */
function regionSupport(a: Answers, set: string[], why: string, weight = 0.2): Evidence[] {
  const hit = inRegions(a, set);
  return hit.length ? [ev(`Your pain is ${where(hit)}, ${why}.`, weight)] : [];
}

export const factorRules: Record<string, FactorRule> = {
  'slouched-sitting': (a, t) => {
    const h = a.daily?.sittingHours;
    const primary: Evidence[] = [];
    if (h !== undefined && h >= th(t, 'sittingHours', 8)) {
      primary.push(ev(`You sit about ${round(h, 1)} hours a day.`, 0.5));
    } else if (h !== undefined && h >= th(t, 'sittingHoursSome', 6)) {
      primary.push(ev(`You sit about ${round(h, 1)} hours a day.`, 0.3));
    }
    if (a.daily?.slouching) primary.push(ev('You say you often slouch when sitting.', 0.4));
    const supporting: Evidence[] = [];
    if (a.daily?.breaks === 'rarely') supporting.push(ev('You rarely get up from sitting.', 0.2));
    supporting.push(...regionSupport(a, UPPER, 'where a rounded posture loads most'));
    return { primary, supporting };
  },
  'sitting-tight-hip-flexors': (a, t) => {
    const h = a.daily?.sittingHours;
    const primary =
      h !== undefined && h >= th(t, 'sittingHours', 8)
        ? [ev(`You sit about ${round(h, 1)} hours a day.`, 0.35)]
        : [];
    return { primary, supporting: regionSupport(a, LUMBOPELVIC, 'where a forward-tilted pelvis pulls', 0.3) };
  },
  'tight-chest-rounded-shoulders': (a, t) => {
    const primary: Evidence[] = [];
    if (a.daily?.slouching) primary.push(ev('You often slouch, which shortens the chest muscles.', 0.3));
    if (a.selfChecks?.longRunPhotos === 'head-forward-chest-down') {
      primary.push(ev('Your long-run photos show the chest dropping and the head moving forward.', 0.3));
    }
    const h = a.daily?.sittingHours;
    if (h !== undefined && h >= th(t, 'sittingHours', 8) && inRegions(a, UPPER).length) {
      primary.push(
        ev(`You sit about ${round(h, 1)} hours a day and the pain is in your upper back or neck.`, 0.25),
      );
    }
    return {
      primary,
      supporting: regionSupport(a, ['between-shoulder-blades', 'shoulders'], 'where these muscles sit'),
    };
  },
  hyperlordosis: (a) => {
    const primary: Evidence[] = [];
    if (a.selfChecks?.wallTest === 'more-than-a-hand') {
      primary.push(ev('In the wall test, more than a hand fitted behind your lower back.', 0.6));
    }
    if (a.selfChecks?.mirrorProfile === 'c-shaped-arch') {
      primary.push(ev('Side-on in the mirror you saw a C-shaped arch in your lower back.', 0.5));
    }
    const supporting = regionSupport(a, ['lower-back'], 'where the curve is deepest');
    if (worse(a, 'arching-back') || worse(a, 'downhill'))
      supporting.push(
        ev('Arching backwards or running downhill, which deepen the curve, make it worse.', 0.2),
      );
    return { primary, supporting };
  },
  'lifting-technique': (a) => {
    const primary: Evidence[] = [];
    if (a.pain?.onset === 'lifting') primary.push(ev('The pain began after lifting something.', 0.6));
    if (a.daily?.heavyLifting) primary.push(ev('You do heavy lifting regularly.', 0.3));
    if (changed(a, 'gym-lifts')) primary.push(ev('You started new lifts in the gym recently.', 0.4));
    const supporting = worse(a, 'lifting') ? [ev('Lifting makes the pain worse.', 0.3)] : [];
    return { primary, supporting };
  },
  'body-weight': (a, t) => {
    const { heightCm, weightKg } = a.about ?? {};
    if (!heightCm || !weightKg) return { primary: [] };
    const bmi = weightKg / (heightCm / 100) ** 2;
    return bmi >= th(t, 'bmi', 25)
      ? {
          primary: [
            ev(`Your body-mass index is about ${round(bmi, 1)} (${weightKg} kg, ${heightCm} cm).`, 0.3),
          ],
        }
      : { primary: [] };
  },
  'previous-injury': (a) => ({
    primary: a.daily?.previousSportsInjury ? [ev('You have had a sports injury before.', 0.3)] : [],
  }),
  'worry-and-fear': (a) => {
    const o = a.outlook ?? {};
    const primary: Evidence[] = [];
    if (o.worriedSerious) primary.push(ev('You are worried the pain means something serious.', 0.4));
    if (o.fearOfMoving) primary.push(ev('You are afraid that moving or running will harm your back.', 0.5));
    if (o.struggling) primary.push(ev('You are finding the pain hard to cope with.', 0.4));
    const supporting = o.lowMood ? [ev('You have been feeling low lately.', 0.2)] : [];
    return { primary, supporting };
  },
  stress: (a, t) => {
    const s = a.daily?.stress;
    const primary =
      s !== undefined && s >= th(t, 'stress', 7) ? [ev(`You rate your stress at ${s} out of 10.`, 0.4)] : [];
    return { primary, supporting: regionSupport(a, NECK_SHOULDERS, 'where tension tends to collect') };
  },
  dehydration: (a) => {
    const primary = a.daily?.hydration === 'poor' ? [ev('You say you often do not drink enough.', 0.3)] : [];
    const supporting = has(a, 'spasm') ? [ev('You get spasms or cramps.', 0.3)] : [];
    return { primary, supporting };
  },
  'shrugged-shoulders': (a) => ({
    primary: a.form?.shrugging ? [ev('Your shoulders creep up toward your ears when you run.', 0.6)] : [],
    supporting: regionSupport(a, NECK_SHOULDERS, 'where shrugging builds tension'),
  }),
  'clenched-fists': (a) => ({
    primary: a.form?.clenchedFists ? [ev('You run with clenched fists.', 0.5)] : [],
    supporting: regionSupport(a, UPPER, 'where grip tension travels'),
  }),
  'excess-arm-swing': (a) => ({
    primary: a.form?.bigArmSwing ? [ev('You swing your arms a lot.', 0.5)] : [],
    supporting: regionSupport(a, UPPER, 'which a big arm swing loads'),
  }),
  'arms-crossing-midline': (a) => ({
    primary: a.form?.armsCrossMidline ? [ev('Your arms cross the middle of your body as you run.', 0.5)] : [],
    supporting: regionSupport(a, THORACIC, 'which absorbs the twist'),
  }),
  'waist-lean': (a) => ({
    primary: a.form?.leanFromWaist ? [ev('You lean forward from the waist.', 0.5)] : [],
    supporting: regionSupport(a, [...THORACIC, 'lower-back'], 'where the back extensors work overtime'),
  }),
  'waist-twist': (a) => ({
    primary: a.form?.twisting ? [ev('You twist at the waist as you run.', 0.5)] : [],
    supporting: worse(a, 'twisting') ? [ev('Twisting makes the pain worse.', 0.2)] : [],
  }),
  'forward-head': (a) => {
    const primary: Evidence[] = [];
    if (a.form?.headForward) primary.push(ev('Your head pokes forward of your shoulders.', 0.5));
    if (a.selfChecks?.longRunPhotos === 'head-forward-chest-down') {
      primary.push(ev('Your long-run photos show your head further forward by the end.', 0.4));
    }
    const supporting = regionSupport(a, NECK_SHOULDERS, 'which carries the extra load');
    if (worse(a, 'looking-up')) supporting.push(ev('Tipping your head back to look up makes it worse.', 0.2));
    return { primary, supporting };
  },
  'fatigue-hunch': (a, _t, h) => {
    const primary: Evidence[] = [];
    if (a.form?.hunchWhenTired) primary.push(ev('You hunch over when you get tired.', 0.5));
    if (a.form?.lookDownWhenTired) primary.push(ev('You look down at the ground when tired.', 0.4));
    if (a.selfChecks?.longRunPhotos === 'head-forward-chest-down') {
      primary.push(ev('Your posture changes between the start and end of a long run.', 0.4));
    }
    const supporting: Evidence[] = [];
    if (has(a, 'seizing'))
      supporting.push(ev('Your upper back seizes up on quick moves later in the day.', 0.2));
    const f = h?.fatigue;
    if (f?.cadenceChangeSpm !== undefined && f.cadenceChangeSpm <= -2) {
      primary.push(
        ev(
          `On your ${f.runs} recent long runs your cadence fell by ${Math.abs(f.cadenceChangeSpm)} steps a minute in the last third on average: form tends to slip as you tire.`,
          0.45,
        ),
      );
    }
    if (f?.decouplingPct !== undefined && f.decouplingPct > 5) {
      supporting.push(ev(`Heart rate drifted ${f.decouplingPct}% against pace on those runs.`, 0.15));
    }
    return { primary, supporting };
  },
  'chest-breathing': (a) => ({
    primary: a.form?.chestBreathing ? [ev('You breathe mostly into your chest.', 0.6)] : [],
    supporting: regionSupport(a, NECK_SHOULDERS, 'where the accessory breathing muscles are'),
  }),
  'foot-supination': (a) => ({
    primary: a.form?.outsideOfFoot ? [ev('You land on the outside of your foot.', 0.6)] : [],
  }),
  'worn-shoes': (a) => {
    const primary: Evidence[] = [];
    const c = a.gear?.shoeCondition;
    if (c === 'worn') {
      const km = a.gear?.shoeAgeKm;
      primary.push(ev(`Your shoes are worn${km ? ` (about ${km} km)` : ''}.`, 0.5));
    }
    if (c === 'ill-fitting') primary.push(ev('Your shoes do not fit well.', 0.5));
    if (changed(a, 'shoes')) primary.push(ev('You changed shoes recently.', 0.3));
    if (worse(a, 'downhill'))
      primary.push(ev('Running downhill makes it worse, where each landing hits hardest.', 0.15));
    return { primary };
  },
  'sports-bra-fit': (a) => {
    const primary: Evidence[] = [];
    if (a.gear?.sportsBraFit === 'poor')
      primary.push(ev('Your sports bra or compression top does not fit well.', 0.6));
    if (changed(a, 'sports-bra')) primary.push(ev('You started running in a new sports bra recently.', 0.35));
    return { primary, supporting: regionSupport(a, UPPER, 'which a poorly supporting bra loads') };
  },
  'hard-surfaces': (a) => {
    const primary: Evidence[] = [];
    if (a.running?.mainSurface === 'road') primary.push(ev('You run mostly on roads.', 0.2));
    if (changed(a, 'surface')) primary.push(ev('You changed running surface recently.', 0.3));
    return { primary };
  },
  'load-too-fast': (a, t, h) => {
    const primary: Evidence[] = [];
    const now = a.running?.weeklyKmNow;
    const then = a.running?.weeklyKm4WeeksAgo;
    const cap = th(t, 'weeklyIncrease', 0.1);
    if (now !== undefined && then !== undefined) {
      if (then === 0 && now > 0) {
        primary.push(ev(`You went from no running to about ${round(now)} km a week within four weeks.`, 0.6));
      } else if (then > 0 && now > then) {
        const total = now / then - 1;
        const perWeek = (now / then) ** (1 / 4) - 1;
        if (perWeek > cap) {
          primary.push(
            ev(
              `Your weekly distance rose from ${round(then)} km to ${round(now)} km over four weeks (+${round(total * 100)}%, about ${round(perWeek * 100)}% a week, above the ${round(cap * 100)}% rule of thumb).`,
              Math.min(0.8, 0.4 + perWeek),
            ),
          );
        }
      }
    }
    if (changed(a, 'started-running'))
      primary.push(ev('You have recently started, or come back to, running.', 0.5));
    const changes = (['distance', 'speed', 'hills'] as const).filter((c) => changed(a, c));
    if (changes.length) {
      const words = { distance: 'distance', speed: 'speed', hills: 'hill work' };
      primary.push(
        ev(`You recently increased your ${list(changes.map((c) => words[c]))}.`, 0.3 + 0.1 * changes.length),
      );
    }
    const week = h?.weekBeforePain;
    if (week?.changePct !== undefined && week.changePct > cap * 100) {
      primary.push(
        ev(
          `Your recorded weekly distance rose ${week.changePct}% (to ${week.distanceKm} km) in the week of ${week.weekStart}, before the pain began.`,
          Math.min(0.7, 0.35 + week.changePct / 200),
        ),
      );
    }
    if (week?.twoWeekChangePct !== undefined && week.twoWeekChangePct > 30) {
      primary.push(
        ev(`Over two weeks it rose ${week.twoWeekChangePct}% (more than 30%, Nielsen 2014).`, 0.3),
      );
    }
    for (const f of h?.flagsBeforePain ?? []) {
      if (f.id === 'single-run-spike') primary.push(ev(`${f.date}: ${f.message}`, 0.45));
    }
    const supporting: Evidence[] = [];
    if (worse(a, 'running-faster')) supporting.push(ev('Faster running makes it worse.', 0.2));
    if (a.pain?.onset === 'unusual-exercise')
      supporting.push(ev('It began after exercise you are not used to.', 0.3));
    if (primary.length && h?.acwrRolling !== undefined) {
      supporting.push(ev(`Your acute:chronic distance ratio is ${h.acwrRolling} (descriptive only).`, 0));
    }
    return { primary, supporting };
  },
  'long-run-build': (a, t, h) => {
    const primary: Evidence[] = [];
    const longest = a.running?.longestRunKm;
    const week = a.running?.weeklyKmNow;
    const share = th(t, 'longRunShare', 0.5);
    if (longest !== undefined && week !== undefined && week > 0 && longest / week > share) {
      primary.push(
        ev(
          `Your longest run (${round(longest, 1)} km) is more than ${round(share * 100)}% of your weekly distance (${round(week, 1)} km).`,
          0.4,
        ),
      );
    }
    if (changed(a, 'long-run')) primary.push(ev('You have been lengthening your long run.', 0.4));
    for (const f of h?.flagsBeforePain ?? []) {
      if (f.id === 'long-run-over-half') primary.push(ev(`${f.date}: ${f.message}`, 0.35));
    }
    const supporting: Evidence[] = [];
    if (has(a, 'seizing')) supporting.push(ev('Your back seizes up later in the day after runs.', 0.2));
    const bout = a.pain?.episodeHours;
    if (bout !== undefined && bout >= 24 && bout <= 48) {
      supporting.push(ev(`Each bout lasts about ${round(bout)} hours.`, 0.2));
    }
    return { primary, supporting };
  },
  'too-few-rest-days': (a, t, h) => {
    const primary: Evidence[] = [];
    const rest = a.running?.restDaysPerWeek;
    const runs = a.running?.runsPerWeek;
    if (rest !== undefined && rest < th(t, 'minRestDays', 1)) primary.push(ev('You take no rest days.', 0.5));
    for (const f of h?.flagsBeforePain ?? []) {
      if (f.id === 'no-rest-day-7') primary.push(ev(`${f.date}: ${f.message}`, 0.4));
    }
    const cap = th(t, 'runDaysWhileInPain', 3);
    if (runs !== undefined && runs > cap) {
      primary.push(ev(`You run ${runs} days a week; about ${cap} is suggested while your back hurts.`, 0.3));
    }
    return { primary };
  },
  'no-cross-training': (a) => {
    const primary =
      a.running?.crossTraining === false ? [ev('You do no other exercise besides running.', 0.4)] : [];
    const supporting =
      a.daily?.strengthSessionsPerWeek === 0 ? [ev('You do no strength training.', 0.2)] : [];
    return { primary, supporting };
  },
  'poor-warm-up': (a) => {
    const primary: Evidence[] = [];
    const w = a.running?.warmUp;
    const s = a.running?.stretchAfter;
    if (w === 'never') primary.push(ev('You never warm up before runs.', 0.5));
    if (w === 'sometimes') primary.push(ev('You warm up only sometimes.', 0.25));
    if (s === 'never') primary.push(ev('You never stretch or cool down after runs.', 0.4));
    if (s === 'sometimes') primary.push(ev('You stretch after runs only sometimes.', 0.2));
    return { primary };
  },
  'weak-deep-core': (a, t) => {
    const primary: Evidence[] = [];
    const plank = a.selfChecks?.plankHoldS;
    const limit = th(t, 'plankHoldS', 60);
    if (plank !== undefined && plank < limit) {
      primary.push(ev(`You held a plank for ${round(plank)} s (screening mark: ${limit} s).`, 0.5));
    }
    if (a.daily?.strengthSessionsPerWeek === 0) primary.push(ev('You do no strength training.', 0.3));
    return { primary, supporting: regionSupport(a, ['lower-back'], 'which a weak deep core loads more') };
  },
  'weak-glutes': (a, t) => {
    const primary: Evidence[] = [];
    const b = a.selfChecks?.bridgeHoldS;
    if (b) {
      const weaker = Math.min(b.left, b.right);
      const stronger = Math.max(b.left, b.right);
      const limit = th(t, 'bridgeHoldS', 30);
      if (weaker < limit) {
        primary.push(
          ev(
            `Your single-leg bridge held ${round(weaker)} s on the weaker side (screening mark: ${limit} s).`,
            0.5,
          ),
        );
      }
      const asym = th(t, 'bridgeAsymmetry', 0.25);
      if (stronger > 0 && (stronger - weaker) / stronger > asym) {
        const side = b.left < b.right ? 'left' : 'right';
        primary.push(
          ev(
            `Your ${side} side held the bridge ${round(((stronger - weaker) / stronger) * 100)}% less than the other.`,
            0.4,
          ),
        );
      }
    }
    const supporting = regionSupport(a, LUMBOPELVIC, 'which works harder when the glutes do not', 0.3);
    if (a.daily?.strengthSessionsPerWeek === 0) supporting.push(ev('You do no strength training.', 0.2));
    if (a.form?.outsideOfFoot)
      supporting.push(ev('Landing on the outside of the foot reduces glute drive.', 0.2));
    return { primary, supporting };
  },
  'weak-upper-back': (a) => {
    const upper = inRegions(a, UPPER);
    if (!upper.length) return { primary: [] };
    const primary: Evidence[] = [];
    if (a.daily?.strengthSessionsPerWeek === 0) {
      primary.push(ev(`Your pain is ${where(upper)} and you do no strength training.`, 0.4));
    }
    if (a.daily?.slouching)
      primary.push(ev('Slouching lengthens and weakens the muscles between the shoulder blades.', 0.3));
    return { primary };
  },
  'stiff-thoracic-spine': (a) => {
    const primary: Evidence[] = [];
    const r = a.selfChecks?.thoracicRotation;
    if (r === 'limited') primary.push(ev('Your seated rotation check was limited.', 0.6));
    if (r === 'painful') primary.push(ev('Your seated rotation check was painful.', 0.5));
    const thoracic = inRegions(a, THORACIC);
    if (has(a, 'stiffness') && thoracic.length) {
      primary.push(ev(`You feel stiffness ${where(thoracic)}.`, 0.4));
    }
    return { primary };
  },
  'tight-back': (a) => {
    const primary: Evidence[] = [];
    if (has(a, 'stiffness')) primary.push(ev('Your back feels stiff.', 0.4));
    if (has(a, 'seizing')) primary.push(ev('Your back seizes up on quick moves.', 0.3));
    const supporting: Evidence[] = [];
    if (worse(a, 'inactivity'))
      supporting.push(ev('It is worse after sitting still or in the morning.', 0.3));
    if (a.outlook?.fearOfMoving) supporting.push(ev('Guarding against movement keeps muscles tense.', 0.1));
    if (a.running?.stretchAfter === 'never') supporting.push(ev('You never stretch after runs.', 0.2));
    return { primary, supporting };
  },
  'rib-joint-pattern': (a) => {
    const thoracic = inRegions(a, THORACIC);
    if (!thoracic.length) return { primary: [] };
    const primary: Evidence[] = [];
    if (worse(a, 'deep-breath'))
      primary.push(ev(`The pain ${where(thoracic)} is worse on a deep breath.`, 0.5));
    if (worse(a, 'twisting')) primary.push(ev(`The pain ${where(thoracic)} is worse when you twist.`, 0.4));
    return { primary };
  },
  'muscle-strain-pattern': (a) => {
    const onset = a.pain?.onset;
    const whenByOnset: Record<string, string> = {
      'during-run': 'during a particular run',
      lifting: 'after a lift',
      bending: 'as you bent',
      'unusual-exercise': 'after exercise you are not used to',
    };
    const when = onset ? whenByOnset[onset] : undefined;
    if (!when) return { primary: [] };
    const primary: Evidence[] = [];
    if (has(a, 'spasm')) primary.push(ev(`It began ${when} and you have spasms.`, 0.5));
    if (has(a, 'stiffness')) primary.push(ev(`It began ${when} and the back is stiff.`, 0.4));
    if (has(a, 'sharp')) primary.push(ev(`It began suddenly ${when} with a sharp pain.`, 0.4));
    if (has(a, 'tearing') && !inRegions(a, UPPER).length)
      primary.push(ev(`It began ${when} with a tearing feeling.`, 0.4));
    const supporting = a.running?.warmUp === 'never' ? [ev('You do not warm up before runs.', 0.2)] : [];
    return { primary, supporting };
  },
  'sacroiliac-pattern': (a) => {
    if (!inRegions(a, ['sacroiliac-buttock']).length) return { primary: [] };
    const words = {
      sitting: 'sitting',
      'lying-painful-side': 'lying on the painful side',
      stairs: 'climbing stairs',
    };
    const hits = (Object.keys(words) as (keyof typeof words)[]).filter((w) => worse(a, w));
    return hits.length
      ? {
          primary: [
            ev(
              `Pain at the dimples above the buttocks is worse with ${list(hits.map((h) => words[h]))}.`,
              0.3 + 0.15 * hits.length,
            ),
          ],
        }
      : { primary: [] };
  },
  'facet-joint-pattern': (a) => {
    if (!inRegions(a, ['lower-back']).length || !worse(a, 'inactivity')) return { primary: [] };
    const supporting: Evidence[] = [];
    if (worse(a, 'twisting') || worse(a, 'bending'))
      supporting.push(ev('Certain movements (twisting or bending) make it worse.', 0.2));
    if (worse(a, 'arching-back') || worse(a, 'standing'))
      supporting.push(ev('Arching backwards or standing for long makes it worse.', 0.2));
    return {
      primary: [ev('Lower-back pain that is worse after inactivity or first thing in the morning.', 0.45)],
      supporting,
    };
  },
  'nerve-disc-pattern': (a) => {
    const primary: Evidence[] = [];
    const q = (['tingling', 'numbness', 'weakness'] as const).filter((x) => has(a, x));
    if (q.length) primary.push(ev(`You have ${list([...q])}.`, 0.6));
    const spread = (a.pain?.spreadsTo ?? []).filter((s) => s === 'arm' || s === 'leg');
    if (spread.length) primary.push(ev(`The pain spreads into your ${list(spread)}.`, 0.5));
    return { primary };
  },
};

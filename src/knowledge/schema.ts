/**
 * The shape of the knowledge base. Every item is plain data with its sources, so a clinician can review
 * it without reading the engine. The zod schemas here validate the whole base at test time and are the
 * single definition of its types.
 */
import { z } from 'zod';
import { FigureSpec } from '../figures/spec.js';

/** A kebab-case identifier, unique within its collection. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case');

/** Every item cites at least one source by id (see `sources.ts`). */
const Sources = z.array(Id).min(1, 'every item cites at least one source');

export const Source = z.strictObject({
  id: Id,
  kind: z.enum(['article', 'guideline', 'study', 'review']),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** The seed article file this came from, for the five source articles. */
  seed: z.string().optional(),
  url: z.url().optional(),
  year: z.number().int().optional(),
  /** Caveats a reviewer should know (secondary page, abstract only, …). */
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const Level = z.enum(['emergency', 'urgent', 'clinician', 'self-care']);
export type Level = z.infer<typeof Level>;

/** Where it hurts (body map) and where it may spread. */
export const Region = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: z.enum(['painful', 'spread']),
  /** Upper (cervical/thoracic) or lower (lumbar/pelvic) spine, or a limb/trunk area pain spreads to. */
  zone: z.enum(['neck-shoulders', 'thoracic', 'lumbopelvic', 'limb', 'trunk']),
  view: z.enum(['front', 'back', 'both']),
  description: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  sources: Sources,
});
export type Region = z.infer<typeof Region>;

/** What the pain feels like (qualities) and what makes it worse (aggravating movements). */
export const Descriptor = z.strictObject({
  id: Id,
  kind: z.enum(['quality', 'aggravator', 'expected-sensation']),
  name: z.string().min(1),
  description: z.string().min(1),
  sources: Sources,
});
export type Descriptor = z.infer<typeof Descriptor>;

export const FactorCategory = z.enum([
  'posture',
  'form',
  'breathing',
  'training',
  'strength',
  'mobility',
  'lifestyle',
  'gear',
  'pattern',
]);
export type FactorCategory = z.infer<typeof FactorCategory>;

/**
 * A contributing factor. `thresholds` holds every number the factor rules use, with a note on where each
 * came from, so no threshold lives in engine code.
 */
export const Factor = z.strictObject({
  id: Id,
  name: z.string().min(1),
  category: FactorCategory,
  /** One line for a list view. */
  summary: z.string().min(1),
  /** Why it may make the back hurt, in plain words. */
  explanation: z.string().min(1),
  /** Patterns (category `pattern`) describe structures a clinician should assess; never self-treat alone. */
  needsClinician: z.boolean().default(false),
  thresholds: z
    .record(z.string(), z.strictObject({ value: z.number(), unit: z.string(), basis: z.string().min(1) }))
    .default({}),
  sources: Sources,
});
export type Factor = z.infer<typeof Factor>;

/**
 * A red flag or care threshold. `level` is the care level it leads to; `params` are its numbers.
 * The matching predicate lives in `triage/rules.ts` under the same id.
 */
export const RedFlag = z.strictObject({
  id: Id,
  name: z.string().min(1),
  level: Level.exclude(['self-care']),
  /** The reason shown to the runner when the rule fires. */
  reason: z.string().min(1),
  /** What to do now. */
  action: z.string().min(1),
  /** Why this rule and level were chosen, for reviewers (guideline wording, cautious-wins decisions). */
  rationale: z.string().min(1),
  params: z.record(z.string(), z.number()).default({}),
  sources: Sources,
});
export type RedFlag = z.infer<typeof RedFlag>;

export const InterventionKind = z.enum([
  'relief',
  'during-run',
  'before-run',
  'after-run',
  'habit',
  'training',
  'gear',
  'professional',
]);
export type InterventionKind = z.infer<typeof InterventionKind>;

/** Advice that is not a dosed exercise: relief now, cues, routines, habits, training changes, gear. */
export const Intervention = z.strictObject({
  id: Id,
  kind: InterventionKind,
  title: z.string().min(1),
  detail: z.string().min(1),
  /** Factors it addresses; empty means it applies to everyone at that step (e.g. relative rest). */
  factors: z.array(Id),
  /** Exercises it is made of (a warm-up routine, a breathing sequence). */
  exercises: z.array(Id).default([]),
  /** Kept in a `clinician`-level plan (gentle enough to continue while waiting for an appointment). */
  gentle: z.boolean(),
  cautions: z.array(z.string()).default([]),
  sources: Sources,
});
export type Intervention = z.infer<typeof Intervention>;

const Range = z.strictObject({ min: z.number().positive(), max: z.number().positive() });

/** The dose as the sources give it. At least one of reps, hold or breaths. */
export const Dose = z
  .strictObject({
    sets: z.number().int().positive().optional(),
    reps: Range.optional(),
    /** Per side, for unilateral exercises. */
    perSide: z.boolean().default(false),
    holdS: Range.optional(),
    breaths: Range.optional(),
    /** Sessions a week. */
    perWeek: Range,
    /** When in the week: on strength days, before/after runs, daily. */
    timing: z.enum(['strength-day', 'mobility-day', 'before-run', 'after-run', 'daily', 'between-sets']),
    /** Where the dose came from when the source gives none (a clearly labelled starting point). */
    basis: z.string().min(1),
  })
  .refine((d) => d.reps || d.holdS || d.breaths, 'a dose needs reps, a hold time or breaths');
export type Dose = z.infer<typeof Dose>;

/**
 * What a runner may have for exercises, as the check-in asks it (`daily.equipment`, less "none"). A gym
 * has bands, dumbbells, machines, barbells and foam rollers.
 */
export const Kit = z.enum(['band', 'dumbbells', 'gym']);
export type Kit = z.infer<typeof Kit>;

export const Exercise = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  kind: z.enum(['strength', 'mobility', 'stretch', 'breathing', 'warm-up']),
  purpose: z.string().min(1),
  factors: z.array(Id).min(1),
  steps: z.array(z.string().min(1)).min(2, 'an exercise needs numbered steps'),
  dose: Dose,
  equipment: z.array(z.string()).default([]),
  /**
   * The check-in's kits that provide `equipment`: any one of them will do. Empty when the exercise needs
   * nothing beyond a floor, a mat, a wall or a chair. A plan never prescribes it to a runner without one.
   */
  kit: z.array(Kit),
  cautions: z.array(z.string()).default([]),
  /** Gentle enough for a `clinician`-level plan. */
  gentle: z.boolean(),
  easier: z.string().optional(),
  harder: z.string().optional(),
  /** How to progress when pain and adherence allow, and when to step back. */
  progression: z.string().min(1),
  /** Start and end positions, for the figure. */
  positions: z.strictObject({ start: z.string().min(1), end: z.string().min(1) }),
  /** The animated figure: key poses as joint angles, named `start` and `end` after `positions`. */
  figure: FigureSpec.refine(
    (f) => 'start' in f.poses && 'end' in f.poses,
    'an exercise figure has key poses named start and end, for its position sentences',
  ).refine(
    (f) => Object.keys(f.poses).every((name) => name === 'start' || name === 'end' || f.captions?.[name]),
    'every key pose of an exercise figure besides start and end has a caption',
  ),
  sources: Sources,
});
export type Exercise = z.infer<typeof Exercise>;

/** A guided self-check whose result feeds the answers (`selfChecks.<answerField>`). */
export const SelfCheck = z.strictObject({
  id: Id,
  name: z.string().min(1),
  purpose: z.string().min(1),
  steps: z.array(z.string().min(1)).min(2),
  /** How to read the result. */
  interpretation: z.string().min(1),
  answerField: z.string().optional(),
  factors: z.array(Id),
  /** The figure that illustrates it, with a caption for every key pose. */
  figure: FigureSpec.refine(
    (f) => Object.keys(f.poses).every((name) => f.captions?.[name]),
    'a self-check figure has a caption for every key pose',
  ),
  sources: Sources,
});
export type SelfCheck = z.infer<typeof SelfCheck>;

/** A figure or finding the sources quote, shown as context. */
export const Fact = z.strictObject({
  id: Id,
  statement: z.string().min(1),
  sources: Sources,
});
export type Fact = z.infer<typeof Fact>;

/** Validated outcome measures (numeric pain rating, PSFS) with their minimal important change. */
export const OutcomeMeasure = z.strictObject({
  id: Id,
  name: z.string().min(1),
  description: z.string().min(1),
  scale: z.strictObject({ min: z.number(), max: z.number() }),
  minimalImportantChange: z.number().positive(),
  note: z.string().min(1),
  sources: Sources,
});
export type OutcomeMeasure = z.infer<typeof OutcomeMeasure>;

/** Links one line of the seed inventory to the knowledge-base items that hold it. */
export const InventoryEntry = z.strictObject({
  section: z.string().min(1),
  /** The start of the inventory line, enough to find it. */
  item: z.string().min(1),
  /** Qualified ids, e.g. `factor:shrugged-shoulders`, `exercise:superman`. */
  entries: z.array(z.string().regex(/^[a-z-]+:[a-z0-9-]+$/)).min(1),
});
export type InventoryEntry = z.infer<typeof InventoryEntry>;

export const KnowledgeBase = z.strictObject({
  sources: z.array(Source),
  regions: z.array(Region),
  descriptors: z.array(Descriptor),
  factors: z.array(Factor),
  redFlags: z.array(RedFlag),
  interventions: z.array(Intervention),
  exercises: z.array(Exercise),
  selfChecks: z.array(SelfCheck),
  facts: z.array(Fact),
  outcomeMeasures: z.array(OutcomeMeasure),
  inventory: z.array(InventoryEntry),
});
export type KnowledgeBase = z.infer<typeof KnowledgeBase>;
/** The input shape of the data files (defaults not yet applied). */
export type KnowledgeBaseInput = z.input<typeof KnowledgeBase>;

export type SourceInput = z.input<typeof Source>;
export type RegionInput = z.input<typeof Region>;
export type DescriptorInput = z.input<typeof Descriptor>;
export type FactorInput = z.input<typeof Factor>;
export type RedFlagInput = z.input<typeof RedFlag>;
export type InterventionInput = z.input<typeof Intervention>;
export type ExerciseInput = z.input<typeof Exercise>;
export type SelfCheckInput = z.input<typeof SelfCheck>;
export type FactInput = z.input<typeof Fact>;
export type OutcomeMeasureInput = z.input<typeof OutcomeMeasure>;
export type InventoryEntryInput = z.input<typeof InventoryEntry>;

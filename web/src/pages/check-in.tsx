/**
 * The check-in, one step at a time: the red-flag screen first, then where it hurts (the body map), then
 * the rest, each step skippable. A warning sign in the safety questions is triaged at once: an emergency
 * stops the check-in there, and an urgent result stops it at the end of the safety questions, as in the
 * terminal check-in.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api.js';
import {
  AGGRAVATORS,
  anyWarning,
  BRA,
  BREAKS,
  CARDIAC_TIMING,
  type Draft,
  EPISODE,
  emptyDraft,
  FORM_CHOICES,
  FREQUENCY,
  HYDRATION,
  MIRROR,
  ONSET,
  PHOTOS,
  QUALITIES,
  RECENT_CHANGES,
  RED_FLAG_GROUPS,
  ROTATION,
  redFlagAnswers,
  SEX,
  SHOES,
  SINCE,
  STEPS,
  type StepId,
  SURFACE,
  stepForField,
  TIMING,
  TRAUMA,
  TREND,
  toAnswers,
  WALL_TEST,
} from '../check-in-model.js';
import { BodyMap } from '../components/body-map.js';
import {
  ChipGroup,
  ErrorBox,
  Loading,
  NumberField,
  PageTitle,
  PainSlider,
  RadioGroup,
  useAsync,
  YesNo,
} from '../components/ui.js';
import { useUnits } from '../format.js';
import { navigate, useRoute } from '../router.js';
import { setLatestResult } from '../state.js';
import type { Assessment } from '../types.js';

const DRAFT_KEY = 'backstride.checkin';

function loadDraft(): Draft {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (raw) return { ...emptyDraft(), ...(JSON.parse(raw) as Partial<Draft>) };
  } catch {
    // A broken draft starts afresh.
  }
  return emptyDraft();
}

function saveDraft(d: Draft) {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(d));
  } catch {
    // Storage full or blocked: the draft lives in memory only.
  }
}

export function clearCheckInDraft() {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to clear.
  }
}

type Descriptions = Record<string, string>;

/** The red-flag wording from the answers schema (`GET /api/schema/answers`). */
async function loadDescriptions(): Promise<Descriptions> {
  const schema = await api.answersSchema();
  const props = (
    schema as { properties?: { redFlags?: { properties?: Record<string, { description?: string }> } } }
  ).properties?.redFlags?.properties;
  const out: Descriptions = {};
  for (const [k, v] of Object.entries(props ?? {})) if (v.description) out[k] = v.description;
  return out;
}

const questionText = (q: string, d: Descriptions) =>
  d[q] ?? q.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

export function CheckInPage() {
  const route = useRoute();
  const units = useUnits();
  const descriptions = useAsync(loadDescriptions);
  const [draft, setDraftState] = useState<Draft>(loadDraft);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | Error | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  const stepIndex = Math.min(Math.max(Number(route.query.get('step') ?? '1') || 1, 1), STEPS.length) - 1;
  const step = STEPS[stepIndex] ?? STEPS[0];
  if (!step) throw new Error('no steps');

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [stepIndex]);

  const setDraft = (update: (d: Draft) => Draft) =>
    setDraftState((d) => {
      const next = update(d);
      saveDraft(next);
      return next;
    });
  const unskip = (d: Draft, id: StepId): Draft => ({ ...d, skipped: d.skipped.filter((s) => s !== id) });
  /** Edit a field; answering a skipped step un-skips it. */
  const edit = (update: (d: Draft) => Partial<Draft>) =>
    setDraft((d) => ({ ...unskip(d, step.id), ...update(d) }));

  const goTo = (i: number) => {
    setError(undefined);
    navigate('/check-in', { step: i + 1 });
  };

  const finish = async (answers: ReturnType<typeof toAnswers>) => {
    setBusy('Working out your result…');
    try {
      const result = await api.assess(answers, true);
      showResult(result);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  const showResult = (result: Assessment) => {
    setLatestResult(result);
    clearCheckInDraft();
    setDraftState(emptyDraft());
    navigate('/result');
  };

  /** After a safety step: triage what is known so far when there is a warning sign. */
  const afterSafetyStep = async (d: Draft): Promise<boolean> => {
    if (!anyWarning(d)) return false;
    setBusy('Checking your answers…');
    try {
      const answers = { redFlags: redFlagAnswers(d) };
      const early = await api.assess(answers, false);
      const lastSafety = step.id === 'rf-general';
      // Nothing outranks an emergency: stop now. An urgent result could still become an emergency with
      // the remaining safety questions, so those are asked first.
      if (early.triage.level === 'emergency' || (early.triage.level === 'urgent' && lastSafety)) {
        showResult(await api.assess(answers, true));
        return true;
      }
    } catch (e) {
      setError(e as Error);
      return true;
    } finally {
      setBusy(undefined);
    }
    return false;
  };

  const next = async (d: Draft) => {
    setError(undefined);
    if (step.id.startsWith('rf-') && (await afterSafetyStep(d))) return;
    if (step.id === 'review') {
      await finish(toAnswers(d, units));
      return;
    }
    goTo(stepIndex + 1);
  };

  const skip = () => {
    const d = { ...draft, skipped: [...draft.skipped.filter((s) => s !== step.id), step.id] };
    setDraft(() => d);
    void next(d);
  };

  const noneApply = (questions: readonly string[]) => {
    const flags = { ...draft.flags };
    for (const q of questions)
      if (flags[q as keyof typeof flags] === undefined) (flags as Record<string, unknown>)[q] = false;
    const d = { ...unskip(draft, step.id), flags };
    setDraft(() => d);
    void next(d);
  };

  const skippedNote = draft.skipped.includes(step.id) ? (
    <p class="notice notice-info">You skipped this step. Answer any question to include it again.</p>
  ) : null;

  const group = RED_FLAG_GROUPS.find((g) => g.id === step.id);
  const anyYes = group?.questions.some((q) => draft.flags[q] === true) ?? false;

  return (
    <>
      <PageTitle>Check-in</PageTitle>
      <div class="step-progress">
        <p class="step-count" id="step-count">
          Step {stepIndex + 1} of {STEPS.length}
        </p>
        <progress value={stepIndex + 1} max={STEPS.length} aria-labelledby="step-count" />
      </div>
      <form
        class="step"
        aria-labelledby="step-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void next(draft);
        }}
      >
        <h2 id="step-title" tabIndex={-1} ref={headingRef}>
          {step.title}
        </h2>
        {skippedNote}

        {group &&
          (descriptions.loading ? (
            <Loading label="Loading the safety questions…" />
          ) : descriptions.error ? (
            <ErrorBox error={descriptions.error} retry={descriptions.reload} />
          ) : (
            <>
              {stepIndex === 0 && (
                <p class="lead">
                  First, a few safety questions (about a minute). They come first for a reason: a few rare
                  causes of back pain need help quickly.
                </p>
              )}
              <p class="lead">{group.lead}</p>
              {group.questions.map((q) => (
                <div key={q}>
                  <YesNo
                    name={`rf-${q}`}
                    legend={questionText(q, descriptions.data ?? {})}
                    value={draft.flags[q] as boolean | undefined}
                    onChange={(v) => edit((d) => ({ flags: { ...d.flags, [q]: v } }))}
                  />
                  {q === 'sweatingNauseaBreathless' &&
                    (draft.flags.chestPain === true || draft.flags.sweatingNauseaBreathless === true) && (
                      <div class="follow-up">
                        <RadioGroup
                          name="rf-cardiacTiming"
                          legend="When did you last have those chest or breathing symptoms?"
                          options={CARDIAC_TIMING}
                          value={draft.flags.cardiacTiming as string | undefined}
                          onChange={(v) => edit((d) => ({ flags: { ...d.flags, cardiacTiming: v } }))}
                        />
                      </div>
                    )}
                </div>
              ))}
              {group.id === 'rf-general' && (
                <RadioGroup
                  name="rf-trauma"
                  legend="Did the pain start after an accident, fall or knock?"
                  options={TRAUMA}
                  value={draft.flags.trauma as string | undefined}
                  onChange={(v) => edit((d) => ({ flags: { ...d.flags, trauma: v } }))}
                />
              )}
            </>
          ))}

        {step.id === 'where' && (
          <>
            <p class="lead" id="where-help">
              Tap every place that hurts, on the front or the back. With a keyboard: Tab to a region, Space to
              select it.
            </p>
            <BodyMap
              kind="painful"
              selected={draft.regions}
              describedBy="where-help"
              onChange={(regions) => edit(() => ({ regions }))}
            />
          </>
        )}

        {step.id === 'spread' && (
          <>
            <p class="lead" id="spread-help">
              Does the pain spread anywhere, or bring tingling or numbness there? Tap each place; select none
              and continue if it stays put.
            </p>
            <BodyMap
              kind="spread"
              selected={draft.spread}
              describedBy="spread-help"
              onChange={(spread) => edit(() => ({ spread }))}
            />
          </>
        )}

        {step.id === 'severity' && (
          <>
            <PainSlider
              label="Pain right now, 0 (none) to 10 (worst imaginable)"
              value={draft.now}
              onChange={(now) => edit(() => ({ now }))}
            />
            <PainSlider
              label="Pain at its worst in the last week, 0 to 10"
              value={draft.worst}
              onChange={(worst) => edit(() => ({ worst }))}
            />
            <ChipGroup
              legend="When does it hurt?"
              hint="Select all that apply."
              options={TIMING}
              value={draft.timing}
              onChange={(timing) => edit(() => ({ timing }))}
            />
          </>
        )}

        {step.id === 'duration' && (
          <>
            <RadioGroup
              name="since"
              legend="How long ago did this episode begin?"
              options={SINCE}
              value={draft.since}
              onChange={(since) => edit(() => ({ since }))}
            />
            <RadioGroup
              name="episode"
              legend="When it comes on, how long does it last?"
              options={EPISODE}
              value={draft.episode}
              onChange={(episode) => edit(() => ({ episode }))}
            />
          </>
        )}

        {step.id === 'feel' && (
          <>
            <ChipGroup
              legend="What does it feel like?"
              hint="Select all that apply."
              options={QUALITIES}
              value={draft.qualities}
              onChange={(qualities) => edit(() => ({ qualities }))}
            />
            <ChipGroup
              legend="What makes it worse?"
              hint="Select all that apply."
              options={AGGRAVATORS}
              value={draft.worseWith}
              onChange={(worseWith) => edit(() => ({ worseWith }))}
            />
            <YesNo
              name="eases"
              legend="Does rest or changing position ease it?"
              value={draft.eases}
              onChange={(eases) => edit(() => ({ eases }))}
            />
          </>
        )}

        {step.id === 'onset' && (
          <>
            <RadioGroup
              name="onset"
              legend="How did it begin?"
              options={ONSET}
              value={draft.onset}
              onChange={(onset) => edit(() => ({ onset }))}
            />
            <RadioGroup
              name="trend"
              legend="Since it began, is it…"
              options={TREND}
              value={draft.trend}
              onChange={(trend) => edit(() => ({ trend }))}
            />
            <YesNo
              name="tried"
              legend="Have you already tried rest, stretching, foam rolling, massage or heat for it?"
              value={draft.triedSelfCare}
              onChange={(triedSelfCare) => edit(() => ({ triedSelfCare }))}
            />
            <NumberField
              label="Your age"
              min={12}
              max={110}
              step={1}
              value={draft.age}
              onChange={(age) => edit(() => ({ age }))}
            />
            <RadioGroup
              name="sex"
              legend="Sex"
              inline
              options={SEX}
              value={draft.sex}
              onChange={(sex) => edit(() => ({ sex }))}
            />
          </>
        )}

        {step.id === 'running' && (
          <>
            <p class="lead">This helps find load-related causes, such as too much too soon. All optional.</p>
            <div class="field-grid">
              <NumberField
                label="Runs a week"
                min={0}
                max={21}
                step={1}
                value={draft.running.runsPerWeek}
                onChange={(v) => edit((d) => ({ running: { ...d.running, runsPerWeek: v } }))}
              />
              <NumberField
                label="Rest days a week"
                min={0}
                max={7}
                step={1}
                value={draft.running.restDays}
                onChange={(v) => edit((d) => ({ running: { ...d.running, restDays: v } }))}
              />
              <NumberField
                label="Distance in a typical recent week"
                unit={units}
                min={0}
                max={units === 'mi' ? 310 : 500}
                value={draft.running.weeklyNow}
                onChange={(v) => edit((d) => ({ running: { ...d.running, weeklyNow: v } }))}
              />
              <NumberField
                label="Weekly distance about four weeks ago"
                unit={units}
                min={0}
                max={units === 'mi' ? 310 : 500}
                value={draft.running.weekly4}
                onChange={(v) => edit((d) => ({ running: { ...d.running, weekly4: v } }))}
              />
              <NumberField
                label="Longest run in the last month"
                unit={units}
                min={0}
                max={units === 'mi' ? 248 : 400}
                value={draft.running.longest}
                onChange={(v) => edit((d) => ({ running: { ...d.running, longest: v } }))}
              />
            </div>
            <ChipGroup
              legend="What changed in the last month?"
              hint="Select none if nothing changed."
              options={RECENT_CHANGES}
              value={draft.running.recentChanges}
              onChange={(v) => edit((d) => ({ running: { ...d.running, recentChanges: v } }))}
            />
            <YesNo
              name="cross"
              legend="Other exercise most weeks (cycling, swimming, strength)?"
              value={draft.running.crossTraining}
              onChange={(v) => edit((d) => ({ running: { ...d.running, crossTraining: v } }))}
            />
            <RadioGroup
              name="surface"
              legend="Where do you mostly run?"
              options={SURFACE}
              value={draft.running.surface}
              onChange={(v) => edit((d) => ({ running: { ...d.running, surface: v } }))}
            />
            <RadioGroup
              name="warmup"
              legend="Do you warm up before runs?"
              inline
              options={FREQUENCY}
              value={draft.running.warmUp}
              onChange={(v) => edit((d) => ({ running: { ...d.running, warmUp: v } }))}
            />
            <RadioGroup
              name="stretch"
              legend="Do you stretch or cool down after runs?"
              inline
              options={FREQUENCY}
              value={draft.running.stretchAfter}
              onChange={(v) => edit((d) => ({ running: { ...d.running, stretchAfter: v } }))}
            />
          </>
        )}

        {step.id === 'form' && (
          <ChipGroup
            legend="Which of these do you notice when you run (in a mirror, a video, or from a friend)?"
            hint="Select none if none apply; skip the step if you do not know."
            options={FORM_CHOICES}
            value={draft.form}
            onChange={(form) => edit(() => ({ form }))}
          />
        )}

        {step.id === 'daily' && (
          <>
            <div class="field-grid">
              <NumberField
                label="Hours sitting on a typical day"
                min={0}
                max={24}
                value={draft.daily.sittingHours}
                onChange={(v) => edit((d) => ({ daily: { ...d.daily, sittingHours: v } }))}
              />
              <NumberField
                label="Strength sessions a week"
                min={0}
                max={14}
                step={1}
                value={draft.daily.strengthSessions}
                onChange={(v) => edit((d) => ({ daily: { ...d.daily, strengthSessions: v } }))}
              />
            </div>
            <YesNo
              name="slouch"
              legend="Do you often slouch when sitting?"
              value={draft.daily.slouching}
              onChange={(v) => edit((d) => ({ daily: { ...d.daily, slouching: v } }))}
            />
            <RadioGroup
              name="breaks"
              legend="How often do you get up from sitting?"
              options={BREAKS}
              value={draft.daily.breaks}
              onChange={(v) => edit((d) => ({ daily: { ...d.daily, breaks: v } }))}
            />
            <PainSlider
              label="Stress lately, 0 (none) to 10 (extreme)"
              value={draft.daily.stress}
              onChange={(v) => edit((d) => ({ daily: { ...d.daily, stress: v } }))}
            />
            <RadioGroup
              name="hydration"
              legend="Do you drink enough through the day?"
              inline
              options={HYDRATION}
              value={draft.daily.hydration}
              onChange={(v) => edit((d) => ({ daily: { ...d.daily, hydration: v } }))}
            />
            <YesNo
              name="lifting"
              legend="Regular heavy lifting at work or home?"
              value={draft.daily.heavyLifting}
              onChange={(v) => edit((d) => ({ daily: { ...d.daily, heavyLifting: v } }))}
            />
            <YesNo
              name="injury"
              legend="Any earlier sports injuries?"
              value={draft.daily.previousInjury}
              onChange={(v) => edit((d) => ({ daily: { ...d.daily, previousInjury: v } }))}
            />
          </>
        )}

        {step.id === 'gear' && (
          <>
            <RadioGroup
              name="shoes"
              legend="Your running shoes are…"
              options={SHOES}
              value={draft.gear.shoeCondition}
              onChange={(v) => edit((d) => ({ gear: { ...d.gear, shoeCondition: v } }))}
            />
            <NumberField
              label="About how far have you run in them?"
              unit={units}
              min={0}
              max={units === 'mi' ? 6200 : 10000}
              value={draft.gear.shoeDistance}
              onChange={(v) => edit((d) => ({ gear: { ...d.gear, shoeDistance: v } }))}
            />
            <RadioGroup
              name="bra"
              legend="Does your sports bra or compression top fit well?"
              options={BRA}
              value={draft.gear.bra}
              onChange={(v) => edit((d) => ({ gear: { ...d.gear, bra: v } }))}
            />
          </>
        )}

        {step.id === 'self-checks' && <SelfChecks draft={draft} edit={edit} />}

        {step.id === 'review' && <Review draft={draft} goTo={goTo} />}

        {error && (
          <div class="notice notice-error" role="alert">
            <p>{error.message}</p>
            {error instanceof ApiError && error.field && stepForField(error.field) && (
              <button
                type="button"
                class="button secondary"
                onClick={() => goTo(STEPS.findIndex((s) => s.id === stepForField(error.field ?? '')))}
              >
                Go to that question
              </button>
            )}
          </div>
        )}
        {busy && (
          <p class="loading" role="status">
            {busy}
          </p>
        )}

        <div class="step-actions">
          <button type="submit" class="button primary" disabled={!!busy}>
            {step.id === 'review' ? 'See my result' : 'Continue'}
          </button>
          {group && !anyYes && (
            <button
              type="button"
              class="button secondary"
              disabled={!!busy}
              onClick={() => noneApply(group.questions)}
            >
              None of these apply
            </button>
          )}
          {step.id !== 'review' && (
            <button type="button" class="button secondary" disabled={!!busy} onClick={skip}>
              Skip this step
            </button>
          )}
          {stepIndex > 0 && (
            <button type="button" class="button tertiary" onClick={() => goTo(stepIndex - 1)}>
              Back
            </button>
          )}
        </div>
        {group && (
          <p class="hint">
            Skipping is allowed, but your result will say that serious causes were not ruled out.
          </p>
        )}
      </form>
    </>
  );
}

type Edit = (update: (d: Draft) => Partial<Draft>) => void;

const SELF_CHECK_IDS = [
  'wall-test',
  'mirror-profile',
  'long-run-photos',
  'thoracic-rotation',
  'plank-hold',
  'single-leg-bridge',
];

function HowTo({
  id,
  items,
}: {
  id: string;
  items: Record<string, { name: string; steps: string[]; interpretation?: string }>;
}) {
  const c = items[id];
  if (!c) return null;
  return (
    <details class="how-to">
      <summary>How to do it: {c.name}</summary>
      <ol>
        {c.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {c.interpretation && <p class="hint">{c.interpretation}</p>}
    </details>
  );
}

function SelfChecks({ draft, edit }: { draft: Draft; edit: Edit }) {
  const how = useAsync(async () => {
    const out: Record<string, { name: string; steps: string[]; interpretation?: string }> = {};
    await Promise.all(
      SELF_CHECK_IDS.map(async (id) => {
        try {
          const { item } = await api.kbItem(`self-check:${id}`);
          out[id] = item as unknown as { name: string; steps: string[]; interpretation?: string };
        } catch {
          // Instructions are a help, not a must: the questions still work without them.
        }
      }),
    );
    return out;
  });
  const items = how.data ?? {};
  const c = draft.checks;
  const set = (patch: Partial<Draft['checks']>) => edit((d) => ({ checks: { ...d.checks, ...patch } }));
  return (
    <>
      <p class="lead">Optional, about five minutes. Each check has instructions; do only the ones you can.</p>
      <HowTo id="wall-test" items={items} />
      <RadioGroup
        name="wall"
        legend="Wall test: what fitted behind your lower back?"
        options={WALL_TEST}
        value={c.wallTest}
        onChange={(v) => set({ wallTest: v })}
      />
      <HowTo id="mirror-profile" items={items} />
      <RadioGroup
        name="mirror"
        legend="Side-on in a mirror, does your lower back form a C-shaped arch?"
        options={MIRROR}
        value={c.mirror}
        onChange={(v) => set({ mirror: v })}
      />
      <HowTo id="long-run-photos" items={items} />
      <RadioGroup
        name="photos"
        legend="Photos at the start and end of a long run: what changed?"
        options={PHOTOS}
        value={c.photos}
        onChange={(v) => set({ photos: v })}
      />
      <HowTo id="thoracic-rotation" items={items} />
      <RadioGroup
        name="rotation"
        legend="Seated rotation"
        options={ROTATION}
        value={c.rotation}
        onChange={(v) => set({ rotation: v })}
      />
      <HowTo id="plank-hold" items={items} />
      <NumberField
        label="Plank hold"
        unit="seconds"
        min={0}
        max={3600}
        value={c.plankS}
        onChange={(v) => set({ plankS: v })}
      />
      <HowTo id="single-leg-bridge" items={items} />
      <div class="field-grid">
        <NumberField
          label="Single-leg bridge, left leg"
          unit="seconds"
          min={0}
          max={600}
          value={c.bridgeLeft}
          onChange={(v) => set({ bridgeLeft: v })}
        />
        <NumberField
          label="Single-leg bridge, right leg"
          unit="seconds"
          min={0}
          max={600}
          value={c.bridgeRight}
          onChange={(v) => set({ bridgeRight: v })}
        />
      </div>
    </>
  );
}

/** What was answered per step, with a way back to each. */
function Review({ draft, goTo }: { draft: Draft; goTo: (i: number) => void }) {
  const units = useUnits();
  const answers = toAnswers(draft, units);
  const status = (id: StepId): string => {
    if (draft.skipped.includes(id)) return 'Skipped';
    const group = RED_FLAG_GROUPS.find((g) => g.id === id);
    if (group) {
      const n = group.questions.filter((q) => draft.flags[q] !== undefined).length;
      const yes = group.questions.filter((q) => draft.flags[q] === true).length;
      return `${n} of ${group.questions.length} answered${yes ? `, ${yes} yes` : ''}`;
    }
    const has: Record<string, boolean> = {
      where: draft.regions.length > 0,
      spread: true,
      severity: draft.now !== undefined || draft.worst !== undefined || draft.timing.length > 0,
      duration: draft.since !== undefined || draft.episode !== undefined,
      feel: draft.qualities.length + draft.worseWith.length > 0 || draft.eases !== undefined,
      onset:
        answers.about !== undefined || answers.pain?.onset !== undefined || answers.pain?.trend !== undefined,
      running: answers.running !== undefined,
      form: true,
      daily: answers.daily !== undefined,
      gear: answers.gear !== undefined,
      'self-checks': answers.selfChecks !== undefined,
    };
    return has[id] ? 'Answered' : 'Not answered';
  };
  return (
    <>
      <p class="lead">
        Check what you told us, then send it. Nothing you skipped is guessed; the result says what it could
        not check.
      </p>
      <table class="review">
        <caption class="visually-hidden">Your answers by step</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {STEPS.slice(0, -1).map((s, i) => (
            <tr key={s.id}>
              <th scope="row">{s.title}</th>
              <td>{status(s.id)}</td>
              <td>
                <button type="button" class="link-button" onClick={() => goTo(i)}>
                  Change<span class="visually-hidden"> {s.title}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

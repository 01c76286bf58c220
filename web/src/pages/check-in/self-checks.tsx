/**
 * The self-checks: each with its instructions from the knowledge base, all optional.
 */

import type { FigureSpec } from '../../../../src/figures/spec.js';
import { api } from '../../api.js';
import { MIRROR, PHOTOS, ROTATION, WALL_TEST } from '../../check-in-model.js';
import { Figure } from '../../components/figures.js';
import { NumberField, RadioGroup, useAsync } from '../../components/ui.js';
import type { StepProps } from './step.js';

const SELF_CHECK_IDS = [
  'wall-test',
  'mirror-profile',
  'long-run-photos',
  'thoracic-rotation',
  'plank-hold',
  'single-leg-bridge',
];

type HowToItem = { name: string; steps: string[]; interpretation?: string; figure?: FigureSpec };

function HowTo({ id, items }: { id: string; items: Record<string, HowToItem> }) {
  const c = items[id];
  if (!c) return null;
  return (
    <details class="how-to">
      <summary>How to do it: {c.name}</summary>
      {c.figure && <Figure figure={c.figure} title={c.name} />}
      <ol>
        {c.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {c.interpretation && <p class="hint">{c.interpretation}</p>}
    </details>
  );
}

export function SelfChecksStep({ draft, edit }: StepProps) {
  const how = useAsync(async () => {
    const out: Record<string, HowToItem> = {};
    await Promise.all(
      SELF_CHECK_IDS.map(async (id) => {
        try {
          const { item } = await api.kbItem(`self-check:${id}`);
          out[id] = item as unknown as HowToItem;
        } catch {
          // Instructions are a help, not a must: the questions still work without them.
        }
      }),
    );
    return out;
  });
  const items = how.data ?? {};
  const c = draft.checks;
  const set = (patch: Partial<StepProps['draft']['checks']>) =>
    edit((d) => ({ checks: { ...d.checks, ...patch } }));
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

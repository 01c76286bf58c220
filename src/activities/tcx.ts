/**
 * TCX (Garmin Training Center Database v2) decoder: each `<Activity>` with at least one trackpoint
 * becomes one activity, including the legs of a `<MultiSportSession>`. Trackpoints without a
 * `<Position>` (treadmill, GPS drop-outs, the FR305's sensor-only points) keep their time, HR,
 * cadence and distance; the DOM converters drop them and lose up to 30% of the HR series.
 *
 * The file's own summary comes from the `<Lap>` elements (summed; max of max) so the metrics code can
 * cross-check what it computes from the samples. `<Courses>` and `<Workouts>` are plans and are ignored.
 */
import {
  type DecodedActivity,
  DecodeError,
  type RecordedSummary,
  SampleBuilder,
  type Sport,
} from './types.js';
import { clip, isUsablePosition, type XmlHandler, XmlScanner } from './xml.js';

/** TCX's Sport attribute is an enum of Running | Biking | Other; anything unknown is 'other'. */
function tcxSport(label: string | undefined): Sport {
  switch (label?.trim().toLowerCase()) {
    case 'running':
      return 'running';
    case 'biking':
      return 'cycling';
    default:
      return 'other';
  }
}

type Lap = {
  start: number;
  totalS: number;
  distM: number;
  avgHr: number;
  maxHr: number;
  /** ActivityExtension v2 `<LX><AvgRunCadence>`: one leg's strides per minute. */
  avgRunCad: number;
};

/**
 * Combine the laps into the activity's recorded summary: distance and timer time are summed, max HR is
 * the max of the laps' maxima, average HR is weighted by lap time. TCX has no elapsed time, so it is
 * taken from the first lap's start to the later of the last lap's start + its timer time and the last
 * trackpoint (a pause inside the last lap makes the timer time short).
 */
function lapSummary(laps: Lap[], lastT: number): RecordedSummary {
  const summary: RecordedSummary = {};
  let dist = 0;
  let hasDist = false;
  let timer = 0;
  let hasTimer = false;
  let hrSum = 0;
  let hrWeight = 0;
  let hrPlain = 0;
  let hrCount = 0;
  let maxHr = Number.NEGATIVE_INFINITY;
  let cadSum = 0;
  let cadWeight = 0;
  let first: Lap | undefined;
  let last: Lap | undefined;
  for (const lap of laps) {
    if (Number.isFinite(lap.distM)) {
      dist += lap.distM;
      hasDist = true;
    }
    if (Number.isFinite(lap.totalS)) {
      timer += lap.totalS;
      hasTimer = true;
    }
    if (Number.isFinite(lap.avgHr)) {
      hrPlain += lap.avgHr;
      hrCount++;
      if (lap.totalS > 0) {
        hrSum += lap.avgHr * lap.totalS;
        hrWeight += lap.totalS;
      }
    }
    if (lap.maxHr > maxHr) maxHr = lap.maxHr;
    if (Number.isFinite(lap.avgRunCad) && lap.totalS > 0) {
      cadSum += lap.avgRunCad * lap.totalS;
      cadWeight += lap.totalS;
    }
    if (Number.isFinite(lap.start)) {
      if (!first || lap.start < first.start) first = lap;
      if (!last || lap.start >= last.start) last = lap;
    }
  }
  if (hasDist) summary.distanceM = dist;
  if (hasTimer) summary.timerS = timer;
  if (first && last) {
    let end = last.start + (Number.isFinite(last.totalS) ? last.totalS * 1000 : 0);
    if (lastT > end) end = lastT;
    summary.elapsedS = (end - first.start) / 1000;
  }
  if (hrCount > 0) summary.avgHr = hrWeight > 0 ? hrSum / hrWeight : hrPlain / hrCount;
  if (maxHr > Number.NEGATIVE_INFINITY) summary.maxHr = maxHr;
  // Per leg in the file; steps per minute count both feet.
  if (cadWeight > 0) summary.avgCadenceSpm = (2 * cadSum) / cadWeight;
  return summary;
}

class TcxHandler implements XmlHandler {
  readonly out: DecodedActivity[] = [];
  private readonly x: XmlScanner;
  private actDepth = -1;
  private lapDepth = -1;
  private tpDepth = -1;
  private creatorDepth = -1;
  private b = new SampleBuilder(1024);
  private i = -1;
  private sportLabel: string | undefined;
  private sport: Sport = 'other';
  /** Run cadence in `<Cadence>` is per leg like everything else Garmin records; doubled for runs. */
  private cadScale = 1;
  private idTime = Number.NaN;
  private notes: string | undefined;
  private product: string | undefined;
  private serial: string | undefined;
  private laps: Lap[] = [];
  private lap: Lap = {
    start: Number.NaN,
    totalS: Number.NaN,
    distM: Number.NaN,
    avgHr: Number.NaN,
    maxHr: Number.NaN,
    avgRunCad: Number.NaN,
  };

  constructor(x: XmlScanner) {
    this.x = x;
  }

  open(name: string, depth: number): void {
    if (this.tpDepth >= 0) return; // Trackpoint children are read when they close.
    if (depth === 0) {
      if (name !== 'TrainingCenterDatabase') {
        throw new DecodeError(`TCX: the root element is <${clip(name)}>, not <TrainingCenterDatabase>`);
      }
      return;
    }
    if (this.actDepth < 0) {
      if (name === 'Activity') this.startActivity(depth);
      return;
    }
    if (name === 'Trackpoint') {
      this.tpDepth = depth;
      this.i = this.b.push();
    } else if (name === 'Lap' && depth === this.actDepth + 1) {
      this.lapDepth = depth;
      this.lap = {
        start: this.x.attrTime('StartTime'),
        totalS: Number.NaN,
        distM: Number.NaN,
        avgHr: Number.NaN,
        maxHr: Number.NaN,
        avgRunCad: Number.NaN,
      };
    } else if (name === 'Creator' && depth === this.actDepth + 1) {
      this.creatorDepth = depth;
    }
  }

  private startActivity(depth: number): void {
    this.actDepth = depth;
    this.sportLabel = this.x.attr('Sport');
    this.sport = tcxSport(this.sportLabel);
    this.cadScale = this.sport === 'running' ? 2 : 1;
    this.b = new SampleBuilder(1024);
    this.laps = [];
    this.idTime = Number.NaN;
    this.notes = undefined;
    this.product = undefined;
    this.serial = undefined;
  }

  close(name: string, depth: number): void {
    const x = this.x;
    if (this.tpDepth >= 0) {
      const b = this.b;
      const i = this.i;
      if (depth === this.tpDepth) {
        this.tpDepth = -1;
        if (!isUsablePosition(b.get('lat', i), b.get('lon', i))) {
          b.set('lat', i, Number.NaN);
          b.set('lon', i, Number.NaN);
        }
        return;
      }
      switch (name) {
        case 'Time':
          b.set('t', i, x.time());
          break;
        case 'LatitudeDegrees':
          b.set('lat', i, x.num());
          break;
        case 'LongitudeDegrees':
          b.set('lon', i, x.num());
          break;
        case 'AltitudeMeters':
          b.set('altM', i, x.num());
          break;
        case 'DistanceMeters':
          b.set('distM', i, x.num());
          break;
        case 'Value':
          if (x.nameAt(depth - 1) === 'HeartRateBpm') {
            // 0 bpm is what some devices write with no strap: it means "no reading".
            const hr = x.num();
            b.set('hr', i, hr > 0 ? hr : Number.NaN);
          }
          break;
        case 'Cadence':
          b.set('cadSpm', i, x.num() * this.cadScale);
          break;
        case 'RunCadence':
          // ActivityExtension's RunCadence is per leg by definition, whatever the Sport says.
          b.set('cadSpm', i, x.num() * 2);
          break;
        case 'Speed':
          b.set('speedMps', i, x.num());
          break;
      }
      return;
    }
    if (this.actDepth < 0) return;
    if (depth === this.actDepth) {
      this.finishActivity();
      return;
    }
    if (this.lapDepth >= 0) {
      if (depth === this.lapDepth) {
        this.laps.push(this.lap);
        this.lapDepth = -1;
      } else if (depth === this.lapDepth + 1) {
        if (name === 'TotalTimeSeconds') this.lap.totalS = x.num();
        else if (name === 'DistanceMeters') this.lap.distM = x.num();
      } else if (depth === this.lapDepth + 2 && name === 'Value') {
        const parent = x.nameAt(depth - 1);
        if (parent === 'AverageHeartRateBpm') this.lap.avgHr = x.num();
        else if (parent === 'MaximumHeartRateBpm') this.lap.maxHr = x.num();
      } else if (depth === this.lapDepth + 3 && name === 'AvgRunCadence' && x.nameAt(depth - 1) === 'LX') {
        this.lap.avgRunCad = x.num();
      }
      return;
    }
    if (this.creatorDepth >= 0) {
      if (depth === this.creatorDepth) this.creatorDepth = -1;
      else if (depth === this.creatorDepth + 1 && name === 'Name') this.product = x.text() || undefined;
      else if (depth === this.creatorDepth + 1 && name === 'UnitId') this.serial = x.text() || undefined;
      return;
    }
    if (depth === this.actDepth + 1) {
      if (name === 'Id') this.idTime = x.time();
      // TCX has no title; <Notes> is the only free text an activity carries.
      else if (name === 'Notes') this.notes = x.text() || undefined;
    }
  }

  private finishActivity(): void {
    this.actDepth = -1;
    this.lapDepth = -1;
    this.creatorDepth = -1;
    // An activity with laps but no trackpoints (a manual entry) has nothing to analyse.
    if (this.b.length === 0) return;
    const samples = this.b.build();
    let startTime = Number.NaN;
    let lastT = Number.NaN;
    for (const t of samples.t) {
      if (Number.isFinite(t)) {
        if (Number.isNaN(startTime)) startTime = t;
        lastT = t;
      }
    }
    if (Number.isNaN(startTime)) startTime = this.laps[0]?.start ?? Number.NaN;
    if (Number.isNaN(startTime)) startTime = this.idTime;
    const activity: DecodedActivity = {
      format: 'tcx',
      sport: this.sport,
      startTime,
      summary: lapSummary(this.laps, lastT),
      samples,
    };
    if (this.sportLabel !== undefined) activity.sportLabel = this.sportLabel;
    if (this.notes !== undefined) activity.name = this.notes;
    if (this.product !== undefined || this.serial !== undefined) {
      activity.device = {};
      if (this.product !== undefined) activity.device.product = this.product;
      if (this.serial !== undefined) activity.device.serial = this.serial;
    }
    this.out.push(activity);
  }
}

/**
 * Decode a TCX document into one activity per `<Activity>` that has trackpoints.
 *
 * Sport: Running → 'running', Biking → 'cycling', Other (and anything else) → 'other'; TCX cannot say
 * trail or treadmill. Cadence: `RunCadence` is always doubled to steps per minute, `<Cadence>` only
 * for running (for rides it stays as crank rpm). Returns [] when no activity has a trackpoint; throws
 * {@link DecodeError} on malformed XML or when the root is not `<TrainingCenterDatabase>`.
 */
export function decodeTcx(text: string): DecodedActivity[] {
  const x = new XmlScanner(text, 'TCX');
  const h = new TcxHandler(x);
  x.run(h);
  return h.out;
}

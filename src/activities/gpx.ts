/**
 * GPX 1.0 / 1.1 decoder: each `<trk>` with at least one point becomes one activity, its `<trkseg>`s
 * concatenated. Points are kept even without a position or a time (NaN in that column), because a GPS
 * drop-out must not delete the heart rate recorded meanwhile — the DOM converters drop such points.
 *
 * Extensions are matched by local name whatever the prefix: Garmin TrackPointExtension v1/v2 `hr`,
 * `cad`, `speed`; the plain `heartrate` / `cadence` some exporters write; the cluetrust `distance`
 * (Suunto Movescount), which is cumulative metres. Routes (`<rte>`) and waypoints are plans, not
 * recordings, and are ignored.
 */
import { type DecodedActivity, DecodeError, SampleBuilder, type Sport } from './types.js';
import { clip, isUsablePosition, type XmlHandler, XmlScanner } from './xml.js';

/** Sports whose cadence is recorded per leg and is doubled into steps per minute. */
const FOOT_SPORTS: ReadonlySet<Sport> = new Set(['running', 'trail-running', 'treadmill', 'walking']);

/** Exact `<type>` values (lower-cased, spaces and hyphens as '_'), including Strava's numeric codes. */
const TYPE_SPORTS = new Map<string, Sport>([
  ['running', 'running'],
  ['run', 'running'],
  ['9', 'running'],
  ['street_running', 'running'],
  ['track_running', 'running'],
  ['trail', 'trail-running'],
  ['trail_running', 'trail-running'],
  ['trailrun', 'trail-running'],
  ['treadmill', 'treadmill'],
  ['treadmill_running', 'treadmill'],
  ['indoor_running', 'treadmill'],
  ['virtualrun', 'treadmill'],
  ['virtual_run', 'treadmill'],
  ['walking', 'walking'],
  ['walk', 'walking'],
  ['hiking', 'walking'],
  ['hike', 'walking'],
  ['10', 'walking'],
  ['cycling', 'cycling'],
  ['biking', 'cycling'],
  ['ride', 'cycling'],
  ['1', 'cycling'],
  ['swimming', 'swimming'],
  ['swim', 'swimming'],
]);

/**
 * Map a GPX `<type>` to a sport. No type at all means 'running': most GPX exports of runs (Garmin
 * Connect, Strava, watches) carry no type, and this importer is pointed at a runner's own history; a
 * type that names something we do not recognise is 'other', so a ride labelled "MTB" is not counted
 * as a run.
 */
export function gpxSport(type: string | undefined): Sport {
  if (type === undefined || type.trim() === '') return 'running';
  const key = type
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const exact = TYPE_SPORTS.get(key);
  if (exact) return exact;
  // Loose matches for labels like 'Mountain Biking', 'road_running', 'VirtualRide'.
  if (key.includes('treadmill')) return 'treadmill';
  if (key.includes('trail') && key.includes('run')) return 'trail-running';
  if (key.includes('run')) return 'running';
  if (key.includes('walk') || key.includes('hik')) return 'walking';
  if (key.includes('cycl') || key.includes('bik') || key.includes('ride')) return 'cycling';
  if (key.includes('swim')) return 'swimming';
  return 'other';
}

class GpxHandler implements XmlHandler {
  readonly out: DecodedActivity[] = [];
  private readonly x: XmlScanner;
  /** Start time from `<metadata><time>` (1.1) or `<gpx><time>` (1.0), used when points have none. */
  private metaTime = Number.NaN;
  private metaDepth = -1;
  private trkDepth = -1;
  private ptDepth = -1;
  private b = new SampleBuilder(1024);
  private i = -1;
  private name: string | undefined;
  private type: string | undefined;

  constructor(x: XmlScanner) {
    this.x = x;
  }

  open(name: string, depth: number): void {
    if (this.ptDepth >= 0) return; // Point children are read when they close.
    if (depth === 0) {
      if (name !== 'gpx') throw new DecodeError(`GPX: the root element is <${clip(name)}>, not <gpx>`);
      return;
    }
    if (this.trkDepth >= 0) {
      if (name === 'trkpt') {
        const b = this.b;
        const i = b.push();
        this.i = i;
        this.ptDepth = depth;
        b.set('lat', i, this.x.attrNum('lat'));
        b.set('lon', i, this.x.attrNum('lon'));
      }
      return;
    }
    if (name === 'trk') {
      this.trkDepth = depth;
      this.b = new SampleBuilder(1024);
      this.name = undefined;
      this.type = undefined;
    } else if (name === 'metadata' && depth === 1) {
      this.metaDepth = depth;
    }
  }

  close(name: string, depth: number): void {
    const x = this.x;
    if (this.ptDepth >= 0) {
      const b = this.b;
      const i = this.i;
      if (depth === this.ptDepth) {
        this.ptDepth = -1;
        if (!isUsablePosition(b.get('lat', i), b.get('lon', i))) {
          b.set('lat', i, Number.NaN);
          b.set('lon', i, Number.NaN);
        }
        return;
      }
      switch (name) {
        case 'ele':
          if (depth === this.ptDepth + 1) b.set('altM', i, x.num());
          break;
        case 'time':
          if (depth === this.ptDepth + 1) b.set('t', i, x.time());
          break;
        case 'hr':
        case 'heartrate': {
          // 0 bpm is what some devices write with no strap: it means "no reading".
          const hr = x.num();
          b.set('hr', i, hr > 0 ? hr : Number.NaN);
          break;
        }
        case 'cad':
        case 'cadence':
          b.set('cadSpm', i, x.num()); // Doubled for foot sports once the track's type is known.
          break;
        case 'speed':
          b.set('speedMps', i, x.num());
          break;
        case 'distance':
          if (depth > this.ptDepth + 1) b.set('distM', i, x.num());
          break;
      }
      return;
    }
    if (this.trkDepth >= 0) {
      if (depth === this.trkDepth) {
        this.finishTrack();
      } else if (depth === this.trkDepth + 1) {
        if (name === 'name') this.name = x.text() || undefined;
        else if (name === 'type') this.type = x.text() || undefined;
      }
      return;
    }
    if (name === 'time' && (depth === 1 || (this.metaDepth >= 0 && depth === this.metaDepth + 1))) {
      this.metaTime = x.time();
    } else if (name === 'metadata' && depth === this.metaDepth) {
      this.metaDepth = -1;
    }
  }

  private finishTrack(): void {
    this.trkDepth = -1;
    if (this.b.length === 0) return; // Empty <trk>: nothing recorded.
    const samples = this.b.build();
    const sport = gpxSport(this.type);
    if (FOOT_SPORTS.has(sport)) {
      const cad = samples.cadSpm;
      for (let k = 0; k < cad.length; k++) cad[k] = (cad[k] as number) * 2;
    }
    let startTime = Number.NaN;
    for (const t of samples.t) {
      if (Number.isFinite(t)) {
        startTime = t;
        break;
      }
    }
    const activity: DecodedActivity = { format: 'gpx', sport, startTime, summary: {}, samples };
    if (this.type !== undefined) activity.sportLabel = this.type;
    if (this.name !== undefined) activity.name = this.name;
    this.out.push(activity);
  }

  /** Fall back to the metadata time for tracks without any timed point (it may come after them). */
  finish(): DecodedActivity[] {
    for (const a of this.out) if (Number.isNaN(a.startTime)) a.startTime = this.metaTime;
    return this.out;
  }
}

/**
 * Decode a GPX document (1.0 or 1.1) into one activity per non-empty `<trk>`.
 *
 * `startTime` is the first timed point's time, else the file's metadata time, else NaN (a route-like track
 * with no times at all). GPX carries no summary, so `summary` is empty. Returns [] when the file has
 * no track points (metadata-only, empty tracks); throws {@link DecodeError} on malformed XML or when
 * the root element is not `<gpx>`.
 */
export function decodeGpx(text: string): DecodedActivity[] {
  const x = new XmlScanner(text, 'GPX');
  const h = new GpxHandler(x);
  x.run(h);
  return h.finish();
}

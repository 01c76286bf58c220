/**
 * What every activity decoder returns: plain data, columnar samples, no I/O. One file can hold several
 * activities (a multisport file's legs, a TCX with several <Activity>, chained FIT files).
 */

/** Sports Backstride distinguishes; everything not a run is kept only to be counted and skipped. */
export type Sport = 'running' | 'trail-running' | 'treadmill' | 'walking' | 'cycling' | 'swimming' | 'other';

export const RUN_SPORTS: ReadonlySet<Sport> = new Set(['running', 'trail-running', 'treadmill']);

export type ActivityFormat = 'fit' | 'gpx' | 'tcx';

/**
 * Samples as parallel columns, one entry per recorded point. A missing value is NaN, never dropped:
 * a treadmill run or a GPS drop-out keeps its heart rate and cadence.
 */
export type Samples = {
  /** Epoch milliseconds. */
  t: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Metres above sea level. */
  altM: Float64Array;
  /** Cumulative distance in metres as the device recorded it (NaN if it recorded none). */
  distM: Float64Array;
  /** Beats per minute. */
  hr: Float64Array;
  /** Steps per minute (both feet): FIT/TCX/GPX running cadence is per leg and is doubled on decode. */
  cadSpm: Float64Array;
  /** Metres per second as recorded. */
  speedMps: Float64Array;
};

/** The file's own summary (FIT session, TCX laps), used to cross-check the computed metrics. */
export type RecordedSummary = {
  distanceM?: number;
  /** Wall-clock duration. */
  elapsedS?: number;
  /** Timer (moving/recording) duration. */
  timerS?: number;
  avgHr?: number;
  maxHr?: number;
  /** Steps per minute, as the device averaged it (FIT counts the timer time, stops included). */
  avgCadenceSpm?: number;
  maxCadenceSpm?: number;
};

export type DecodedActivity = {
  format: ActivityFormat;
  sport: Sport;
  /** The sport as the file names it (e.g. FIT sub-sport, TCX Sport attribute, GPX <type>). */
  sportLabel?: string;
  /** Epoch milliseconds of the first sample, or of the file's start time when there are no samples. */
  startTime: number;
  name?: string;
  device?: { manufacturer?: string; product?: string; serial?: string };
  summary: RecordedSummary;
  samples: Samples;
  /**
   * The file ended before its data did (a FIT file cut short): these are the complete records before the
   * break, and the summary is whatever came before it (usually none).
   */
  truncated?: boolean;
  /**
   * The file names no sport at all (a FIT file with records but no session, lap or sport message): `sport`
   * is then 'other', and the import gives its own reason instead of "not a run".
   */
  noSport?: boolean;
};

export const SAMPLE_COLUMNS = ['t', 'lat', 'lon', 'altM', 'distM', 'hr', 'cadSpm', 'speedMps'] as const;
export type SampleColumn = (typeof SAMPLE_COLUMNS)[number];

/** Grow-as-you-go column builder used by the decoders. */
export class SampleBuilder {
  private cap: number;
  length = 0;
  private cols: Record<SampleColumn, Float64Array>;

  constructor(initial = 1024) {
    this.cap = initial;
    this.cols = Object.fromEntries(
      SAMPLE_COLUMNS.map((c) => [c, new Float64Array(initial).fill(Number.NaN)]),
    ) as Record<SampleColumn, Float64Array>;
  }

  /** Start a new sample; returns its index. Every column starts as NaN. */
  push(): number {
    if (this.length === this.cap) {
      const cap = this.cap * 2;
      for (const c of SAMPLE_COLUMNS) {
        const next = new Float64Array(cap).fill(Number.NaN);
        next.set(this.cols[c]);
        this.cols[c] = next;
      }
      this.cap = cap;
    }
    return this.length++;
  }

  set(column: SampleColumn, index: number, value: number): void {
    this.cols[column][index] = value;
  }

  get(column: SampleColumn, index: number): number {
    return this.cols[column][index] ?? Number.NaN;
  }

  build(): Samples {
    return Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, this.cols[c].slice(0, this.length)])) as Samples;
  }
}

/** An expected decoding failure: the file is bad, truncated or not an activity. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

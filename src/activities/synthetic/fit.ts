/**
 * A small FIT activity writer for tests and the import benchmark: turns columnar samples (e.g. from
 * syntheticRun) into a valid FIT activity file: header with CRC, file_id, sport, timer start event, one
 * record per sample, a lap and a session per leg (one leg unless asked for more), timer stop event, the
 * activity message and the file CRC (FIT protocol "File Header", "CRC"; FIT file types guide, "Activity File").
 *
 * Options switch on the encodings a decoder must also handle: enhanced (32-bit) altitude and speed,
 * compressed-timestamp record headers, big-endian messages, developer fields, heart rate in separate hr
 * messages (as a watch writes a chest strap's stored beats) and files without summary or sport messages.
 * The CRC here uses the protocol document's nibble-table algorithm, on purpose independent of the decoder's
 * byte-table CRC.
 */
import { FIT_EPOCH_S } from '../fit.js';
import type { Samples, Sport } from '../types.js';

/** What to write. */
export type FitEncodeInput = {
  sport: Sport;
  /** Epoch ms of the activity start (session start_time); whole seconds are written. */
  startTime: number;
  samples: Samples;
  /** FIT manufacturer id (default 255, "development"), product id and serial number. */
  device?: { manufacturer?: number; product?: number; serial?: number };
  /** Write enhanced_altitude / enhanced_speed (uint32) instead of altitude / speed (uint16), like newer Garmins. */
  enhanced?: boolean;
  /** Write records after the first with compressed-timestamp headers where the gap allows (< 32 s). */
  compressedTimestamps?: boolean;
  /** Write every message big-endian (architecture byte 1). */
  bigEndian?: boolean;
  /** Add two developer fields (a Connect IQ style "Power" uint16 and a 1-byte field) to every record. */
  developerFields?: boolean;
  /**
   * Split the samples into consecutive legs of a multisport activity (sample counts, in order), each followed
   * by its own lap and session; samples after the last leg are not written. Default: one leg of `sport`.
   */
  legs?: ReadonlyArray<{ sport: Sport; samples: number }>;
  /**
   * Leave out these messages: lap, session and activity as a device that stopped mid-run does; sport (the
   * sport message) as well for a file that names no sport at all.
   */
  omit?: ReadonlyArray<'lap' | 'session' | 'activity' | 'sport'>;
  /**
   * Beats to write as hr messages (132) after the records: epoch ms (fractional) and filtered bpm of each, in
   * time order. An anchor message (timestamp, fractional time, one event_timestamp) starts the list, again
   * after every `anchorEvery` beats (default 64) and wherever the strap clock jumps by 4 s or more (a 12-bit
   * delta cannot span it); the beats in between go eight to a message.
   */
  hrMessages?: {
    t: ArrayLike<number>;
    bpm: ArrayLike<number>;
    /** Delta messages as packed event_timestamp_12 (default) or as whole uint32 event_timestamp arrays. */
    packed?: boolean;
    /** Anchor fraction as time256 (field 1, 1/256 s) instead of fractional_timestamp (field 0, 1/32768 s). */
    time256?: boolean;
    /** The strap clock at the first beat, in 1/1024 s (default 1_242_209 × 1024); wraps at 2^32. */
    clockStart?: number;
    anchorEvery?: number;
  };
  /** Override the stored file CRC (to make a file with a bad CRC). */
  fileCrc?: number;
};

// Base types (FIT "Base Type"), with the endian bit set for multi-byte types as devices write them.
const ENUM = 0x00;
const UINT8 = 0x02;
const STRING = 0x07;
const UINT16 = 0x84;
const SINT32 = 0x85;
const UINT32 = 0x86;
const UINT32Z = 0x8c;
const BYTE = 0x0d;

const SIZE: Record<number, number> = {
  [ENUM]: 1,
  [UINT8]: 1,
  [STRING]: 1,
  [UINT16]: 2,
  [SINT32]: 4,
  [UINT32]: 4,
  [UINT32Z]: 4,
  [BYTE]: 1,
};

/** [field number, base type] or [field number, base type, size] for arrays and strings. */
type FieldDef = readonly [num: number, bt: number, size?: number];
/** A field value: a number (every element of an array field), a string, or one number per element. */
type Value = number | string | ArrayLike<number>;
/** [field number, size, developer data index] (FIT "Developer Field Definition"). */
type DevFieldDef = readonly [num: number, size: number, index: number];

/** FIT CRC-16, nibble-table form as printed in the protocol document (FIT "CRC"). */
const NIBBLE = [
  0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401, 0xa001, 0x6c00, 0x7800, 0xb401, 0x5000,
  0x9c01, 0x8801, 0x4400,
];
function crc16(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    let tmp = NIBBLE[crc & 0xf] as number;
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ (NIBBLE[b & 0xf] as number);
    tmp = NIBBLE[crc & 0xf] as number;
    crc = (crc >> 4) & 0x0fff;
    crc = crc ^ tmp ^ (NIBBLE[(b >> 4) & 0xf] as number);
  }
  return crc;
}

class Writer {
  buf = new Uint8Array(1 << 16);
  view = new DataView(this.buf.buffer);
  n = 0;
  constructor(private readonly le: boolean) {}

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.n + k) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.room(1);
    this.view.setUint8(this.n++, v);
  }

  /**
   * Write `v` as base type `bt` in `size` bytes; NaN writes the type's invalid value (FIT "Base Type"). An
   * array of numbers fills an array field element by element (missing elements invalid).
   */
  value(bt: number, size: number, v: Value): void {
    if (typeof v === 'object') {
      const el = SIZE[bt] as number;
      for (let k = 0; k * el < size; k++) this.value(bt, el, v[k] ?? Number.NaN);
      return;
    }
    this.room(size);
    const d = this.view;
    const p = this.n;
    const le = this.le;
    if (typeof v === 'string') {
      const b = new TextEncoder().encode(v).subarray(0, size - 1);
      this.buf.set(b, p);
      this.buf.fill(0, p + b.length, p + size);
    } else {
      const ok = Number.isFinite(v);
      switch (bt) {
        case ENUM:
        case UINT8:
        case BYTE:
          this.buf.fill(ok ? v : 0xff, p, p + size);
          break;
        case UINT16:
          d.setUint16(p, ok ? v : 0xffff, le);
          break;
        case SINT32:
          d.setInt32(p, ok ? v : 0x7fffffff, le);
          break;
        case UINT32:
          d.setUint32(p, ok ? v : 0xffffffff, le);
          break;
        case UINT32Z:
          d.setUint32(p, ok ? v : 0, le);
          break;
        default:
          throw new Error(`encodeFit: base type ${bt}`);
      }
    }
    this.n += size;
  }

  /** Definition message (FIT "Definition Message"). */
  define(local: number, global: number, fields: readonly FieldDef[], dev: readonly DevFieldDef[] = []): void {
    this.u8(0x40 | (dev.length > 0 ? 0x20 : 0) | local);
    this.u8(0);
    this.u8(this.le ? 0 : 1);
    this.room(2);
    this.view.setUint16(this.n, global, this.le);
    this.n += 2;
    this.u8(fields.length);
    for (const [num, bt, size] of fields) {
      this.u8(num);
      this.u8(size ?? (SIZE[bt] as number));
      this.u8(bt);
    }
    if (dev.length > 0) {
      this.u8(dev.length);
      for (const [num, size, index] of dev) {
        this.u8(num);
        this.u8(size);
        this.u8(index);
      }
    }
  }

  /** Data message with a normal header; `values` in definition order. */
  data(local: number, fields: readonly FieldDef[], values: readonly Value[]): void {
    this.u8(local);
    this.fields(fields, values);
  }

  fields(fields: readonly FieldDef[], values: readonly Value[]): void {
    for (let i = 0; i < fields.length; i++) {
      const [, bt, size] = fields[i] as FieldDef;
      this.value(bt, size ?? (SIZE[bt] as number), values[i] ?? Number.NaN);
    }
  }
}

const FOOT: ReadonlySet<Sport> = new Set(['running', 'trail-running', 'treadmill', 'walking']);

/** FIT sport / sub_sport for a Backstride sport (FIT profile types "sport", "sub_sport"). */
const SPORT_CODES: Record<Sport, readonly [number, number]> = {
  running: [1, 0],
  'trail-running': [1, 3],
  treadmill: [1, 1],
  walking: [11, 0],
  cycling: [2, 0],
  swimming: [5, 0],
  other: [0, 0],
};

const round = (v: number, scale: number, offset = 0, max = 0xfffffffe) => {
  const x = Math.round((v + offset) * scale);
  return Number.isFinite(x) && x >= 0 && x <= max ? x : Number.NaN;
};

/**
 * Encode an activity as a FIT file. Records are written per sample (semicircle positions, altitude scale 5
 * offset 500, distance scale 100, speed scale 1000, heart rate, cadence per leg plus fractional_cadence in
 * 1/128 for foot sports); lap and session carry totals computed from the samples.
 */
export function encodeFit(input: FitEncodeInput): Uint8Array {
  const { samples: s, sport } = input;
  const le = !input.bigEndian;
  const w = new Writer(le);
  const n = s.t.length;
  const fitS = (ms: number) => Math.round(ms / 1000) - FIT_EPOCH_S;
  const start = fitS(input.startTime);
  const lastT = n > 0 ? fitS(s.t[n - 1] as number) : start;
  const [sportCode, subCode] = SPORT_CODES[sport];

  // FIT "File Header": 14 bytes, protocol 2.0, profile 21.40, ".FIT"; data size and CRCs are set at the end.
  w.buf.set([14, 0x20, 0, 0, 0, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54, 0, 0]);
  w.n = 14;

  // file_id: type 4 = activity.
  const fileId: FieldDef[] = [
    [0, ENUM],
    [1, UINT16],
    [2, UINT16],
    [3, UINT32Z],
    [4, UINT32],
  ];
  w.define(0, 0, fileId);
  const dev = input.device ?? {};
  w.data(0, fileId, [4, dev.manufacturer ?? 255, dev.product ?? 1, dev.serial ?? 12345, start]);

  // sport (12): the activity profile's sport and sub_sport.
  const sportMsg: FieldDef[] = [
    [0, ENUM],
    [1, ENUM],
  ];
  const omit = new Set(input.omit);
  if (!omit.has('sport')) {
    w.define(9, 12, sportMsg);
    w.data(9, sportMsg, [sportCode, subCode]);
  }

  // Developer data (FIT "Developer Field Definition"): developer_data_id (207) and two field_description (206).
  const devFields: DevFieldDef[] = [];
  if (input.developerFields) {
    const devId: FieldDef[] = [
      [1, BYTE, 16],
      [3, UINT8],
    ];
    w.define(7, 207, devId);
    w.data(7, devId, [0xff, 0]);
    const desc: FieldDef[] = [
      [0, UINT8],
      [1, UINT8],
      [2, UINT8],
      [3, STRING, 16],
      [8, STRING, 8],
    ];
    w.define(8, 206, desc);
    w.data(8, desc, [0, 0, UINT16, 'Power', 'watts']);
    w.data(8, desc, [0, 1, UINT8, 'Leg spring', 'kN/m']);
    devFields.push([0, 2, 0], [1, 1, 0]);
  }

  // Timer start event (21): event 0 = timer, event_type 0 = start.
  const event: FieldDef[] = [
    [253, UINT32],
    [0, ENUM],
    [1, ENUM],
  ];
  w.define(3, 21, event);
  w.data(3, event, [start, 0, 0]);

  // Records (20), and after each leg its lap and session.
  const recFields: FieldDef[] = [
    [0, SINT32],
    [1, SINT32],
    input.enhanced ? [78, UINT32] : [2, UINT16],
    [5, UINT32],
    input.enhanced ? [73, UINT32] : [6, UINT16],
    [3, UINT8],
    [4, UINT8],
    [53, UINT8],
  ];
  const withTs: FieldDef[] = [[253, UINT32], ...recFields];
  w.define(1, 20, withTs, devFields);
  if (input.compressedTimestamps) w.define(2, 20, recFields, devFields);
  const semis = 2 ** 31 / 180;
  const altMax = input.enhanced ? 0xfffffffe : 0xfffe;
  const legs = input.legs ?? [{ sport, samples: n }];
  let prevTs = Number.NaN;
  const values: number[] = new Array(withTs.length).fill(Number.NaN);
  let from = 0;
  for (const [leg, { sport: legSport, samples: count }] of legs.entries()) {
    const to = Math.min(n, from + count);
    const foot = FOOT.has(legSport);
    for (let i = from; i < to; i++) {
      const ts = fitS(s.t[i] as number);
      const lat = s.lat[i] as number;
      const lon = s.lon[i] as number;
      const hasPos = Number.isFinite(lat) && Number.isFinite(lon);
      const cad = (s.cadSpm[i] as number) / (foot ? 2 : 1);
      let whole = Math.floor(cad);
      let frac = Math.round((cad - whole) * 128);
      if (frac === 128) {
        whole += 1;
        frac = 0;
      }
      values[0] = ts;
      values[1] = hasPos ? Math.round(lat * semis) : Number.NaN;
      values[2] = hasPos ? Math.round(lon * semis) : Number.NaN;
      values[3] = round(s.altM[i] as number, 5, 500, altMax);
      values[4] = round(s.distM[i] as number, 100);
      values[5] = round(s.speedMps[i] as number, 1000, 0, input.enhanced ? 0xfffffffe : 0xfffe);
      values[6] = round(s.hr[i] as number, 1, 0, 254);
      values[7] = Number.isFinite(cad) && whole <= 254 ? whole : Number.NaN;
      values[8] = Number.isFinite(cad) && whole <= 254 ? frac : Number.NaN;
      const delta = ts - prevTs;
      if (input.compressedTimestamps && delta >= 0 && delta < 32) {
        // FIT "Compressed Timestamp Header": bit 7 set, local type in bits 5–6, low 5 bits of the timestamp.
        w.u8(0x80 | (2 << 5) | (ts & 0x1f));
        w.fields(recFields, values.slice(1));
      } else {
        w.data(1, withTs, values);
      }
      if (devFields.length > 0) {
        w.value(UINT16, 2, 150 + (i % 100));
        w.value(UINT8, 1, 10);
      }
      prevTs = ts;
    }
    const legStart = leg === 0 || from >= n ? start : fitS(s.t[from] as number);
    const legEnd = to > from ? fitS(s.t[to - 1] as number) : legStart;
    writeLegSummary(w, s, from, to, leg, legStart, legEnd, SPORT_CODES[legSport], foot, omit);
    from = to;
  }

  if (input.hrMessages) writeHrMessages(w, input.hrMessages);

  // Timer stop event: event_type 4 = stop_all.
  w.data(3, event, [lastT, 0, 4]);

  // Activity (34): total_timer_time, num_sessions, type 0 = manual, event 26 = activity, event_type 1 = stop.
  if (!omit.has('activity')) {
    const act: FieldDef[] = [
      [253, UINT32],
      [0, UINT32],
      [1, UINT16],
      [2, ENUM],
      [3, ENUM],
      [4, ENUM],
    ];
    w.define(6, 34, act);
    w.data(6, act, [lastT, Math.max(0, lastT - start) * 1000, legs.length, 0, 26, 1]);
  }

  // Header fields, header CRC, file CRC (all little endian whatever the message architecture).
  const dataSize = w.n - 14;
  w.view.setUint16(2, 2140, true);
  w.view.setUint32(4, dataSize, true);
  w.view.setUint16(12, crc16(w.buf, 0, 12), true);
  const crc = input.fileCrc ?? crc16(w.buf, 0, w.n);
  w.value(UINT8, 1, crc & 0xff);
  w.value(UINT8, 1, crc >>> 8);
  return w.buf.slice(0, w.n);
}

/**
 * Lap (19) and session (18) of one leg, samples [from, to), with totals from the samples (no pauses, so the
 * timer time is the elapsed time; the distance is what the leg added to the cumulative distance).
 */
function writeLegSummary(
  w: Writer,
  s: Samples,
  from: number,
  to: number,
  index: number,
  start: number,
  end: number,
  [sportCode, subCode]: readonly [number, number],
  foot: boolean,
  omit: ReadonlySet<string>,
): void {
  let base = 0;
  for (let i = from - 1; i >= 0; i--) {
    const d = s.distM[i] as number;
    if (Number.isFinite(d)) {
      base = d;
      break;
    }
  }
  let dist = Number.NaN;
  let hrSum = 0;
  let hrN = 0;
  let hrMax = Number.NaN;
  let cadSum = 0;
  let cadN = 0;
  let cadMax = Number.NaN;
  for (let i = from; i < to; i++) {
    const d = s.distM[i] as number;
    if (Number.isFinite(d)) dist = d - base;
    const hr = s.hr[i] as number;
    if (Number.isFinite(hr)) {
      hrSum += hr;
      hrN++;
      if (!(hr <= hrMax)) hrMax = hr;
    }
    const cad = s.cadSpm[i] as number;
    if (Number.isFinite(cad)) {
      cadSum += cad;
      cadN++;
      if (!(cad <= cadMax)) cadMax = cad;
    }
  }
  const elapsedMs = Math.max(0, end - start) * 1000;
  const avgHr = hrN > 0 ? Math.round(hrSum / hrN) : Number.NaN;
  // Average and max cadence, per leg for the foot sports, as whole + fractional (1/128) parts.
  const [avgCad, avgFrac] = cadenceParts(cadN > 0 ? cadSum / cadN / (foot ? 2 : 1) : Number.NaN);
  const [maxCad, maxFrac] = cadenceParts(cadMax / (foot ? 2 : 1));

  // Lap: event 9 = lap, event_type 1 = stop.
  const lap: FieldDef[] = [
    [253, UINT32],
    [254, UINT16],
    [0, ENUM],
    [1, ENUM],
    [2, UINT32],
    [7, UINT32],
    [8, UINT32],
    [9, UINT32],
    [15, UINT8],
    [16, UINT8],
    [17, UINT8],
    [18, UINT8],
    [25, ENUM],
    [39, ENUM],
    [80, UINT8],
    [81, UINT8],
  ];
  if (!omit.has('lap')) w.define(4, 19, lap);
  if (!omit.has('lap'))
    w.data(4, lap, [
      end,
      index,
      9,
      1,
      start,
      elapsedMs,
      elapsedMs,
      round(dist, 100),
      avgHr,
      hrMax,
      avgCad,
      maxCad,
      sportCode,
      subCode,
      avgFrac,
      maxFrac,
    ]);

  // Session: event 8 = session; first_lap_index 25, num_laps 26 (one lap per leg here).
  const session: FieldDef[] = [
    [253, UINT32],
    [254, UINT16],
    [0, ENUM],
    [1, ENUM],
    [2, UINT32],
    [5, ENUM],
    [6, ENUM],
    [7, UINT32],
    [8, UINT32],
    [9, UINT32],
    [16, UINT8],
    [17, UINT8],
    [18, UINT8],
    [19, UINT8],
    [25, UINT16],
    [26, UINT16],
    [92, UINT8],
    [93, UINT8],
  ];
  if (omit.has('session')) return;
  w.define(5, 18, session);
  w.data(5, session, [
    end,
    index,
    8,
    1,
    start,
    sportCode,
    subCode,
    elapsedMs,
    elapsedMs,
    round(dist, 100),
    avgHr,
    hrMax,
    avgCad,
    maxCad,
    index,
    1,
    avgFrac,
    maxFrac,
  ]);
}

/** A cadence as FIT writes it: whole part and fractional part in 1/128 (NaN, NaN when not writable). */
function cadenceParts(cad: number): [number, number] {
  if (!Number.isFinite(cad) || cad < 0) return [Number.NaN, Number.NaN];
  let whole = Math.floor(cad);
  let frac = Math.round((cad - whole) * 128);
  if (frac === 128) {
    whole += 1;
    frac = 0;
  }
  return whole <= 254 ? [whole, frac] : [Number.NaN, Number.NaN];
}

/**
 * hr messages (132) for the beats of `hr` (FIT profile message hr; layout as a Garmin watch writes a strap's
 * stored beats): anchor messages with timestamp (253), fractional_timestamp (0) or time256 (1), one
 * event_timestamp (9, uint32, 1/1024 s) and its filtered_bpm (6); then delta messages of eight beats, with
 * filtered_bpm[8] and either event_timestamp_12 (10, 12 bytes: eight 12-bit values, low bits first, that the
 * reader accumulates onto the last event_timestamp) or event_timestamp[8]. Unused slots of the last delta
 * message repeat the last 12-bit value (a zero step) or are invalid, with an invalid bpm.
 */
function writeHrMessages(w: Writer, hr: NonNullable<FitEncodeInput['hrMessages']>): void {
  const packed = hr.packed ?? true;
  const every = hr.anchorEvery ?? 64;
  const m = Math.min(hr.t.length, hr.bpm.length);
  if (m === 0) return;
  const t0 = hr.t[0] as number;
  const clock0 = hr.clockStart ?? 1_242_209 * 1024;
  /** Strap clock of beat i, 1/1024 s, not wrapped. */
  const raw = (i: number) => clock0 + Math.round((((hr.t[i] as number) - t0) * 1024) / 1000);
  const anchor: FieldDef[] = [[253, UINT32], hr.time256 ? [1, UINT8] : [0, UINT16], [9, UINT32], [6, UINT8]];
  const delta: FieldDef[] = [[6, UINT8, 8], packed ? [10, BYTE, 12] : [9, UINT32, 32]];
  w.define(12, 132, anchor);
  w.define(13, 132, delta);
  let pending: number[] = [];
  const flush = () => {
    for (let k = 0; k < pending.length; k += 8) {
      const group = pending.slice(k, k + 8);
      const bpm = group.map((i) => hr.bpm[i] as number);
      if (packed) {
        const v12 = group.map((i) => raw(i) & 0xfff);
        while (v12.length < 8) v12.push(v12[v12.length - 1] as number);
        const bytes = new Uint8Array(12);
        for (let j = 0; j < 8; j++) {
          const bit = j * 12;
          const at = bit >> 3;
          const x = (v12[j] as number) << (bit & 7);
          bytes[at] = (bytes[at] as number) | (x & 0xff);
          bytes[at + 1] = (bytes[at + 1] as number) | ((x >> 8) & 0xff);
        }
        w.data(13, delta, [bpm, bytes]);
      } else {
        w.data(13, delta, [bpm, group.map((i) => raw(i) % 2 ** 32)]);
      }
    }
    pending = [];
  };
  let sinceAnchor = 0;
  for (let i = 0; i < m; i++) {
    const jump = i > 0 && raw(i) - raw(i - 1) >= 4096;
    if (i === 0 || sinceAnchor >= every || (packed && jump)) {
      flush();
      const s = (hr.t[i] as number) / 1000;
      const whole = Math.floor(s);
      // The anchor's own time is whole seconds plus the fraction; its beat is at the exact strap time.
      const frac = hr.time256 ? Math.round((s - whole) * 256) : Math.round((s - whole) * 32768);
      const fracMax = hr.time256 ? 256 : 32768;
      const [ts, f] = frac >= fracMax ? [whole + 1, 0] : [whole, frac];
      w.data(12, anchor, [ts - FIT_EPOCH_S, f, raw(i) % 2 ** 32, hr.bpm[i] as number]);
      sinceAnchor = 0;
    } else {
      pending.push(i);
      sinceAnchor++;
    }
  }
  flush();
}

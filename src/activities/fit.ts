/**
 * FIT activity decoder, written by hand from the FIT protocol (Garmin "Flexible and Interoperable Data
 * Transfer" protocol, developer.garmin.com/fit/protocol; its sections are cited below as FIT "Section name")
 * and the public FIT profile (message, field and type numbers; cited as "profile").
 * It deliberately does not use @garmin/fitsdk (its licence forbids benchmarking and use where failure could
 * cause injury) nor fit-file-parser at run time.
 *
 * Only what Backstride needs is decoded: file_id, sport, session, lap, record and hr messages. Every other
 * message is skipped by its defined size, so unknown and developer data cost nothing but a bounds check.
 * hr messages (beats a chest strap stored while the watch was not listening) are expanded onto the records
 * that lack a heart rate after the file is read (see expandHr); a file without them pays nothing for it.
 *
 * Speed: one DataView over the caller's buffer, one pass, no object per record. Each definition message is
 * compiled once into an offset table (which byte of the data message holds which wanted field, with which
 * base type); data messages then read straight from those offsets into growable Float64Array columns.
 *
 * Robustness policy (what a bad file does):
 * - not FIT (no ".FIT" at offset 8, header shorter than 12 bytes) → DecodeError('not a FIT file: …');
 * - header data size larger than the bytes present (a truncated file): the complete messages before the break
 *   are decoded, up to the last one that fits entirely in the bytes present, and the activity is built from
 *   them with `truncated: true` (as fitdecode reads such files); DecodeError('truncated FIT file: …') only when
 *   no record with a timestamp comes before the break, or the header itself is cut;
 * - a message that runs past the end of the declared data, a data message for an undefined local type,
 *   an unknown architecture byte → DecodeError('corrupt FIT file: …');
 * - a wrong file CRC is accepted with its data: devices and converters write bad CRCs often enough
 *   (fit-file-parser needs force:true for them) and the structural checks above still catch real damage;
 *   so is a wrong header CRC in the first file (a later chained file must have a right one or none);
 * - chained FIT files (FIT "Chained FIT Files"): each file decodes on its own; a damaged, truncated or
 *   unrecognisable later file ends the chain and the earlier files' activities are kept (only the first file
 *   of a buffer is read up to a break: a later one that is cut short is dropped whole, as before).
 * Nothing but DecodeError escapes for bad input, and every loop advances by at least one byte.
 */
import {
  type DecodedActivity,
  DecodeError,
  type RecordedSummary,
  type Samples,
  type Sport,
} from './types.js';

/** Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z (profile type date_time). */
export const FIT_EPOCH_S = 631_065_600;

/** Degrees per semicircle: 180 / 2^31 (FIT profile, position_lat/position_long units). */
const DEG_PER_SEMICIRCLE = 180 / 2 ** 31;

// ---------------------------------------------------------------------------------------------------------
// CRC (FIT "CRC"): CRC-16 with the reflected polynomial 0xA001, initial value 0, computed over the
// header (bytes 0–11, stored in bytes 12–13 of a 14-byte header) and over header + data (stored in the two
// bytes after the data). The protocol document gives a nibble-table version; this byte table computes the same
// CRC with one lookup per byte instead of two.

const CRC_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xa001 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/**
 * FIT CRC-16 of `bytes[start, end)`, continuing from `crc` (0 to start a new CRC). A file is intact when the
 * CRC of its header and data equals the two little-endian bytes that follow the data.
 */
export function fitCrc16(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  for (let i = start; i < end; i++)
    crc = (crc >>> 8) ^ (CRC_TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number);
  return crc;
}

/** ".FIT" at bytes 8–11 of a header starting at `start` (FIT "File Header": the data type signature). */
function hasSignature(bytes: Uint8Array, start: number): boolean {
  return (
    bytes.length - start >= 12 &&
    bytes[start + 8] === 0x2e &&
    bytes[start + 9] === 0x46 &&
    bytes[start + 10] === 0x49 &&
    bytes[start + 11] === 0x54
  );
}

/**
 * Whether every FIT file in `bytes` (one, or several chained) carries a matching file CRC, and a matching
 * header CRC where one is stored. decodeFit accepts files with a wrong CRC; an importer can call this to warn.
 */
export function fitCrcOk(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  let files = 0;
  while (hasSignature(bytes, start)) {
    const headerSize = bytes[start] as number;
    const dataEnd = start + headerSize + view.getUint32(start + 4, true);
    if (headerSize < 12 || dataEnd + 2 > bytes.length) return false;
    if (headerSize >= 14) {
      const stored = view.getUint16(start + 12, true);
      if (stored !== 0 && stored !== fitCrc16(bytes, start, start + 12)) return false;
    }
    if (view.getUint16(dataEnd, true) !== fitCrc16(bytes, start, dataEnd)) return false;
    files++;
    start = dataEnd + 2;
  }
  return files > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Base types (FIT "Field Definition"/"Base Type"): the low 5 bits number the type; bit 7 only says whether
// it is multi-byte (endian-sensitive). Each type has an "invalid" value that means "no data".

const BT_ENUM = 0x00;
const BT_SINT8 = 0x01;
const BT_UINT8 = 0x02;
const BT_SINT16 = 0x03;
const BT_UINT16 = 0x04;
const BT_SINT32 = 0x05;
const BT_UINT32 = 0x06;
const BT_STRING = 0x07;
const BT_FLOAT32 = 0x08;
const BT_FLOAT64 = 0x09;
const BT_UINT8Z = 0x0a;
const BT_UINT16Z = 0x0b;
const BT_UINT32Z = 0x0c;
const BT_BYTE = 0x0d;
const BT_SINT64 = 0x0e;
const BT_UINT64 = 0x0f;
const BT_UINT64Z = 0x10;

/** Size in bytes of each base type number (0 = unknown). */
const BT_SIZE = new Uint8Array(32);
for (const [bt, size] of [
  [BT_ENUM, 1],
  [BT_SINT8, 1],
  [BT_UINT8, 1],
  [BT_SINT16, 2],
  [BT_UINT16, 2],
  [BT_SINT32, 4],
  [BT_UINT32, 4],
  [BT_STRING, 1],
  [BT_FLOAT32, 4],
  [BT_FLOAT64, 8],
  [BT_UINT8Z, 1],
  [BT_UINT16Z, 2],
  [BT_UINT32Z, 4],
  [BT_BYTE, 1],
  [BT_SINT64, 8],
  [BT_UINT64, 8],
  [BT_UINT64Z, 8],
] as const) {
  BT_SIZE[bt] = size;
}

/**
 * The first element of a numeric field, or NaN when it holds the base type's invalid value (FIT "Base Type":
 * 0xFF for enum/uint8/byte, 0x7F for sint8, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, all-ones floats, and 0
 * for the "z" types). The caller guarantees `p + size` is inside the buffer.
 */
function readNum(v: DataView, p: number, bt: number, le: boolean): number {
  switch (bt) {
    case BT_ENUM:
    case BT_UINT8:
    case BT_BYTE: {
      const x = v.getUint8(p);
      return x === 0xff ? Number.NaN : x;
    }
    case BT_SINT8: {
      const x = v.getInt8(p);
      return x === 0x7f ? Number.NaN : x;
    }
    case BT_UINT8Z: {
      const x = v.getUint8(p);
      return x === 0 ? Number.NaN : x;
    }
    case BT_SINT16: {
      const x = v.getInt16(p, le);
      return x === 0x7fff ? Number.NaN : x;
    }
    case BT_UINT16: {
      const x = v.getUint16(p, le);
      return x === 0xffff ? Number.NaN : x;
    }
    case BT_UINT16Z: {
      const x = v.getUint16(p, le);
      return x === 0 ? Number.NaN : x;
    }
    case BT_SINT32: {
      const x = v.getInt32(p, le);
      return x === 0x7fffffff ? Number.NaN : x;
    }
    case BT_UINT32: {
      const x = v.getUint32(p, le);
      return x === 0xffffffff ? Number.NaN : x;
    }
    case BT_UINT32Z: {
      const x = v.getUint32(p, le);
      return x === 0 ? Number.NaN : x;
    }
    case BT_FLOAT32: {
      // Invalid is the all-ones bit pattern, which is itself a NaN; any other NaN is no data either.
      return v.getFloat32(p, le);
    }
    case BT_FLOAT64:
      return v.getFloat64(p, le);
    case BT_SINT64: {
      const x = v.getBigInt64(p, le);
      return x === 0x7fffffffffffffffn ? Number.NaN : Number(x);
    }
    case BT_UINT64: {
      const x = v.getBigUint64(p, le);
      return x === 0xffffffffffffffffn ? Number.NaN : Number(x);
    }
    case BT_UINT64Z: {
      const x = v.getBigUint64(p, le);
      return x === 0n ? Number.NaN : Number(x);
    }
    default:
      return Number.NaN;
  }
}

const utf8 = new TextDecoder('utf-8');

/** A string field: UTF-8 up to the first NUL or the end of the field (some writers do not terminate). */
function readString(bytes: Uint8Array, p: number, size: number): string | undefined {
  let end = p;
  const max = p + size;
  while (end < max && bytes[end] !== 0) end++;
  if (end === p) return undefined;
  return utf8.decode(bytes.subarray(p, end)).trim() || undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Wanted messages and fields (FIT profile, Messages tab). Each wanted field gets a slot; a definition maps
// slots to byte offsets.

const MESG_FILE_ID = 0;
const MESG_SPORT = 12;
const MESG_SESSION = 18;
const MESG_LAP = 19;
const MESG_RECORD = 20;
const MESG_HR = 132;

const KIND_SKIP = 0;
const KIND_RECORD = 1;
const KIND_SESSION = 2;
const KIND_LAP = 3;
const KIND_SPORT = 4;
const KIND_FILE_ID = 5;
const KIND_HR = 6;

/** Field number 253 is the timestamp of every message that has one (profile "common fields"). */
const FIELD_TIMESTAMP = 253;

// Record slots.
const R_LAT = 0;
const R_LON = 1;
const R_ALT = 2;
const R_EALT = 3;
const R_DIST = 4;
const R_SPEED = 5;
const R_ESPEED = 6;
const R_HR = 7;
const R_CAD = 8;
const R_FCAD = 9;
// Session and lap slots (same meaning, different field numbers).
const S_START = 0;
const S_SPORT = 1;
const S_SUB = 2;
const S_ELAPSED = 3;
const S_TIMER = 4;
const S_DIST = 5;
const S_AVGHR = 6;
const S_MAXHR = 7;
const S_AVGCAD = 8;
const S_MAXCAD = 9;
const S_AVGFCAD = 10;
const S_MAXFCAD = 11;
// Sport message slots.
const SP_SPORT = 0;
const SP_SUB = 1;
// file_id slots.
const F_TYPE = 0;
const F_MANUFACTURER = 1;
const F_PRODUCT = 2;
const F_SERIAL = 3;
const F_PRODUCT_NAME = 4;
// hr message slots.
const H_FRAC = 0;
const H_TIME256 = 1;
const H_BPM = 2;
const H_EVT = 3;
const H_EVT12 = 4;

const SLOT_COUNT = 12;

/** field number → slot, per message kind (-1 = not wanted). */
function slotTable(pairs: ReadonlyArray<readonly [field: number, slot: number]>): Int8Array {
  const t = new Int8Array(256).fill(-1);
  for (const [field, slot] of pairs) t[field] = slot;
  return t;
}

const SLOTS: Record<number, Int8Array> = {
  // record: 0 position_lat, 1 position_long (sint32 semicircles), 2 altitude (uint16, scale 5, offset 500),
  // 78 enhanced_altitude (uint32, same scale), 5 distance (uint32, scale 100), 6 speed (uint16, scale 1000),
  // 73 enhanced_speed (uint32, same scale), 3 heart_rate (uint8 bpm), 4 cadence (uint8, per leg for running),
  // 53 fractional_cadence (uint8, scale 128).
  [KIND_RECORD]: slotTable([
    [0, R_LAT],
    [1, R_LON],
    [2, R_ALT],
    [78, R_EALT],
    [5, R_DIST],
    [6, R_SPEED],
    [73, R_ESPEED],
    [3, R_HR],
    [4, R_CAD],
    [53, R_FCAD],
  ]),
  // session: 2 start_time, 5 sport, 6 sub_sport, 7 total_elapsed_time and 8 total_timer_time (uint32,
  // scale 1000 → s), 9 total_distance (uint32, scale 100 → m), 16 avg_heart_rate, 17 max_heart_rate,
  // 18 avg_cadence and 19 max_cadence (uint8 rpm; strides/min for running, the avg_running_cadence
  // subfield), 92 avg_fractional_cadence and 93 max_fractional_cadence (uint8, scale 128 → rpm).
  [KIND_SESSION]: slotTable([
    [2, S_START],
    [5, S_SPORT],
    [6, S_SUB],
    [7, S_ELAPSED],
    [8, S_TIMER],
    [9, S_DIST],
    [16, S_AVGHR],
    [17, S_MAXHR],
    [18, S_AVGCAD],
    [19, S_MAXCAD],
    [92, S_AVGFCAD],
    [93, S_MAXFCAD],
  ]),
  // lap: same quantities; sport is field 25, sub_sport 39, heart rates 15 and 16, cadences 17 and 18,
  // fractional cadences 80 and 81.
  [KIND_LAP]: slotTable([
    [2, S_START],
    [25, S_SPORT],
    [39, S_SUB],
    [7, S_ELAPSED],
    [8, S_TIMER],
    [9, S_DIST],
    [15, S_AVGHR],
    [16, S_MAXHR],
    [17, S_AVGCAD],
    [18, S_MAXCAD],
    [80, S_AVGFCAD],
    [81, S_MAXFCAD],
  ]),
  // sport: 0 sport, 1 sub_sport (3 name is the user's profile name; not used).
  [KIND_SPORT]: slotTable([
    [0, SP_SPORT],
    [1, SP_SUB],
  ]),
  // file_id: 0 type, 1 manufacturer, 2 product, 3 serial_number, 8 product_name.
  [KIND_FILE_ID]: slotTable([
    [0, F_TYPE],
    [1, F_MANUFACTURER],
    [2, F_PRODUCT],
    [3, F_SERIAL],
    [8, F_PRODUCT_NAME],
  ]),
  // hr: 0 fractional_timestamp (uint16, scale 32768 → s), 1 time256 (uint8, scale 256 → s; a component that
  // expands into fractional_timestamp), 6 filtered_bpm (uint8 array), 9 event_timestamp (uint32 array,
  // scale 1024 → s, the strap's own clock), 10 event_timestamp_12 (byte array of packed 12-bit values that
  // accumulate into event_timestamp). 253 timestamp anchors the strap clock to FIT time.
  [KIND_HR]: slotTable([
    [0, H_FRAC],
    [1, H_TIME256],
    [6, H_BPM],
    [9, H_EVT],
    [10, H_EVT12],
  ]),
};

function kindOf(global: number): number {
  switch (global) {
    case MESG_RECORD:
      return KIND_RECORD;
    case MESG_SESSION:
      return KIND_SESSION;
    case MESG_LAP:
      return KIND_LAP;
    case MESG_SPORT:
      return KIND_SPORT;
    case MESG_FILE_ID:
      return KIND_FILE_ID;
    case MESG_HR:
      return KIND_HR;
    default:
      return KIND_SKIP;
  }
}

/** A compiled definition message (FIT "Definition Message"). */
type Def = {
  kind: number;
  /** Architecture byte 0 = little endian, 1 = big endian (FIT "Definition Message", "Architecture"). */
  le: boolean;
  /** Bytes of a data message after its header: every field plus every developer field. */
  size: number;
  /** Offset of the timestamp field (253) or -1, and its base type. */
  tsOff: number;
  tsBt: number;
  /** Per slot: offset in the data message or -1, base type, field size. */
  off: Int32Array;
  bt: Uint8Array;
  len: Uint8Array;
};

// ---------------------------------------------------------------------------------------------------------
// Decoded pieces of one FIT file before they become activities.

/** Growable record columns shared by the files of a chain; cadence is raw until the sport is known. */
class Columns {
  n = 0;
  cap: number;
  t: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  alt: Float64Array;
  dist: Float64Array;
  hr: Float64Array;
  cad: Float64Array;
  speed: Float64Array;

  constructor(cap: number) {
    this.cap = cap;
    this.t = new Float64Array(cap);
    this.lat = new Float64Array(cap);
    this.lon = new Float64Array(cap);
    this.alt = new Float64Array(cap);
    this.dist = new Float64Array(cap);
    this.hr = new Float64Array(cap);
    this.cad = new Float64Array(cap);
    this.speed = new Float64Array(cap);
  }

  grow(): void {
    const cap = this.cap * 2;
    const g = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.t = g(this.t);
    this.lat = g(this.lat);
    this.lon = g(this.lon);
    this.alt = g(this.alt);
    this.dist = g(this.dist);
    this.hr = g(this.hr);
    this.cad = g(this.cad);
    this.speed = g(this.speed);
    this.cap = cap;
  }
}

/** A session or lap message, in SI units, NaN where absent. */
type Span = {
  /** Epoch ms. */
  start: number;
  /** Epoch ms of the message timestamp (the end of the session or lap). */
  end: number;
  sport: number;
  subSport: number;
  elapsedS: number;
  timerS: number;
  distanceM: number;
  avgHr: number;
  maxHr: number;
  /** Cadence as written (rpm, or strides per minute for foot sports), whole plus fractional part. */
  avgCad: number;
  maxCad: number;
};

type FileParts = {
  /** Records of this file are columns[r0, r1). */
  r0: number;
  r1: number;
  sessions: Span[];
  laps: Span[];
  sport: number;
  subSport: number;
  /** Some session, lap or sport message of the file names a sport (a valid sport field). */
  namesSport: boolean;
  /** The file ended before its declared data did; only the complete messages before the break were read. */
  truncated: boolean;
  fileType: number;
  device: DecodedActivity['device'];
};

const fitToEpochMs = (fitS: number) => (fitS + FIT_EPOCH_S) * 1000;

// ---------------------------------------------------------------------------------------------------------
// Heart rate from hr messages (profile message 132; Garmin FIT SDK HrMesgUtils.expand_heart_rates /
// merge_heart_rates, read for the semantics, not copied). A strap such as the HRM-Pro stores beats while the
// watch is not listening (swimming, a watch left behind) and the watch writes them as hr messages:
// - an anchor message has its own timestamp (253) plus fractional_timestamp (0, or time256, 1) and exactly one
//   event_timestamp (9, the strap's clock in 1/1024 s): it ties the strap clock to FIT time;
// - later messages carry up to 8 beats each: filtered_bpm (6) and event_timestamp_12 (10), 12-bit values
//   packed low bit first that accumulate onto the last event_timestamp (value += (v12 − last) mod 4096), or
//   whole event_timestamp (9) values;
// - a beat's time is anchor time + (event_timestamp − anchor event_timestamp) / 1024 s.
// The SDK averages the beats in (previous record, record] into each record and carries a beat forward up to
// 5 s. Backstride's rule, simpler and no worse at 1 s recording: a record with no heart rate of its own takes
// the filtered_bpm of the beat nearest in time (the earlier one on a tie), if that beat is within
// HR_MATCH_MS; a record that has a heart rate keeps it. A beat interval is at most 2 s down to 30 bpm, so a
// farther beat means the strap had lost contact, and the record stays without heart rate.

/** Largest distance between a record and the beat whose heart rate it takes. */
const HR_MATCH_MS = 2000;

/** The beats of one file's hr messages, in growable columns, plus the strap-clock state. */
class HrEvents {
  n = 0;
  /** Epoch ms (fractional). */
  t = new Float64Array(256);
  bpm = new Float64Array(256);
  /** Anchor: epoch ms and strap clock (1/1024 s) of the last anchor message; NaN before the first. */
  anchorMs = Number.NaN;
  anchorRaw = Number.NaN;
  /** Accumulated event_timestamp (1/1024 s, not wrapped) and the last raw value it accumulated from. */
  acc = Number.NaN;
  last = 0;

  push(t: number, bpm: number): void {
    if (this.n === this.t.length) {
      const t2 = new Float64Array(this.n * 2);
      t2.set(this.t);
      this.t = t2;
      const b2 = new Float64Array(this.n * 2);
      b2.set(this.bpm);
      this.bpm = b2;
    }
    this.t[this.n] = t;
    this.bpm[this.n] = bpm;
    this.n++;
  }

  /** One beat at strap time `raw` (1/1024 s); the first event of an anchor message sets the anchor. */
  beat(raw: number, bpm: number, anchorMs: number): void {
    if (!Number.isNaN(anchorMs)) {
      this.anchorMs = anchorMs;
      this.anchorRaw = raw;
    }
    if (Number.isNaN(this.anchorRaw) || Number.isNaN(bpm) || bpm === 0) return;
    // Direct uint32 values wrap at 2^32 (every 48.5 days of strap clock): take the nearer side.
    let d = raw - this.anchorRaw;
    if (d < -2147483648) d += 4294967296;
    else if (d >= 2147483648) d -= 4294967296;
    this.push(this.anchorMs + (d * 1000) / 1024, bpm);
  }
}

/** Read one hr message (data at `p`) into `ev`. `ownTs` is its own timestamp field (FIT s) or NaN. */
function readHr(bytes: Uint8Array, view: DataView, p: number, def: Def, ownTs: number, ev: HrEvents): void {
  const o = def.off;
  const le = def.le;
  let anchorMs = Number.NaN;
  if (!Number.isNaN(ownTs)) {
    // time256 expands into fractional_timestamp (profile components), so it wins when both are present.
    const t256 = field(view, p, def, H_TIME256);
    const frac = field(view, p, def, H_FRAC);
    const fracS = !Number.isNaN(t256) ? t256 / 256 : !Number.isNaN(frac) ? frac / 32768 : 0;
    anchorMs = fitToEpochMs(ownTs + fracS);
  }
  const bpmOff = o[H_BPM] as number;
  const bpmBt = def.bt[H_BPM] as number;
  const bpmSize = BT_SIZE[bpmBt] as number;
  const nBpm = bpmOff >= 0 ? (def.len[H_BPM] as number) / bpmSize : 0;
  const bpmAt = (i: number) => readNum(view, p + bpmOff + i * bpmSize, bpmBt, le);

  // event_timestamp (9) read directly reseeds the accumulator with each value (as the SDK's decoder does).
  const evtOff = o[H_EVT] as number;
  const evtBt = def.bt[H_EVT] as number;
  const evtSize = BT_SIZE[evtBt] as number;
  const nEvt = evtOff >= 0 ? (def.len[H_EVT] as number) / evtSize : 0;
  for (let i = 0; i < nEvt; i++) {
    const v = readNum(view, p + evtOff + i * evtSize, evtBt, le);
    if (!Number.isNaN(v)) {
      ev.acc = v;
      ev.last = v;
    }
  }

  // event_timestamp_12 (10): expanded when present and not all 0xFF (all-invalid fields do not expand).
  const e12Off = o[H_EVT12] as number;
  let n12 = 0;
  if (e12Off >= 0) {
    const size = def.len[H_EVT12] as number;
    for (let k = 0; k < size; k++) {
      if (bytes[p + e12Off + k] !== 0xff) {
        n12 = Math.floor((size * 8) / 12);
        break;
      }
    }
  }
  if (n12 > 0) {
    const base = p + e12Off;
    for (let i = 0; i < n12; i++) {
      const bit = i * 12;
      const k = base + (bit >> 3);
      const v = (((bytes[k] as number) | ((bytes[k + 1] as number) << 8)) >> (bit & 7)) & 0xfff;
      // The SDK's accumulator starts from the first value when nothing seeded it.
      if (Number.isNaN(ev.acc)) {
        ev.acc = v;
        ev.last = v;
      }
      ev.acc += (v - ev.last) & 0xfff;
      ev.last = v;
      ev.beat(ev.acc, i < nBpm ? bpmAt(i) : Number.NaN, i === 0 ? anchorMs : Number.NaN);
    }
    return;
  }
  // The anchor is the message's first valid event timestamp (the profile's anchor has exactly one).
  let anchor = anchorMs;
  for (let i = 0; i < nEvt; i++) {
    const v = readNum(view, p + evtOff + i * evtSize, evtBt, le);
    if (Number.isNaN(v)) continue;
    ev.beat(v, i < nBpm ? bpmAt(i) : Number.NaN, anchor);
    anchor = Number.NaN;
  }
}

/** Give each record of columns [r0, r1) without heart rate the bpm of the nearest beat (rule above). */
function expandHr(cols: Columns, r0: number, r1: number, ev: HrEvents): void {
  const m = ev.n;
  if (m === 0) return;
  let et = ev.t;
  let eb = ev.bpm;
  let sorted = true;
  for (let j = 1; j < m && sorted; j++) if ((et[j] as number) < (et[j - 1] as number)) sorted = false;
  if (!sorted) {
    // Several anchors can leave beats out of order; sort once by time (rare, so an index sort will do).
    const order = new Uint32Array(m);
    for (let j = 0; j < m; j++) order[j] = j;
    const src = et;
    order.sort((a, b) => (src[a] as number) - (src[b] as number));
    const t2 = new Float64Array(m);
    const b2 = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      t2[j] = src[order[j] as number] as number;
      b2[j] = eb[order[j] as number] as number;
    }
    et = t2;
    eb = b2;
  }
  for (let i = r0; i < r1; i++) {
    if (!Number.isNaN(cols.hr[i] as number)) continue;
    const t = cols.t[i] as number;
    // First beat at or after t.
    let a = 0;
    let b = m;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((et[mid] as number) < t) a = mid + 1;
      else b = mid;
    }
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    if (a > 0) {
      const d = t - (et[a - 1] as number);
      if (d <= HR_MATCH_MS) {
        best = a - 1;
        bestD = d;
      }
    }
    if (a < m) {
      const d = (et[a] as number) - t;
      if (d <= HR_MATCH_MS && d < bestD) best = a;
    }
    if (best >= 0) cols.hr[i] = eb[best] as number;
  }
}

// ---------------------------------------------------------------------------------------------------------
// One FIT file of a (possibly chained) buffer.

/**
 * Decode the FIT file whose header starts at `start`: append its records to `cols`, return the rest.
 * `next` receives the offset just after its CRC.
 */
function decodeOne(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  cols: Columns,
  next: { at: number },
): FileParts {
  const len = bytes.length;
  // FIT "File Header": [0] header size (12 or 14), [1] protocol version, [2..3] profile version,
  // [4..7] data size (little endian), [8..11] ".FIT", [12..13] header CRC (0 = not computed).
  if (len - start < 12)
    throw new DecodeError(`not a FIT file: only ${len - start} bytes where a header belongs`);
  if (!hasSignature(bytes, start)) {
    throw new DecodeError(`not a FIT file: no ".FIT" signature at byte ${start + 8}`);
  }
  const headerSize = bytes[start] as number;
  if (headerSize < 12) throw new DecodeError(`not a FIT file: header size ${headerSize} at byte ${start}`);
  if (start + headerSize > len) {
    throw new DecodeError(`truncated FIT file: ${len - start} bytes of a ${headerSize}-byte header`);
  }
  // A wrong header CRC is tolerated in the first file like a wrong file CRC (the signature and the data
  // size check carry the weight), but a later "file" of a chain must prove it is one: there the bytes could
  // as well be trailing garbage that happens to contain ".FIT".
  if (headerSize >= 14 && start > 0) {
    const stored = view.getUint16(start + 12, true);
    if (stored !== 0 && stored !== fitCrc16(bytes, start, start + 12)) {
      throw new DecodeError(`corrupt FIT file: header CRC mismatch at byte ${start}`);
    }
  }
  const dataSize = view.getUint32(start + 4, true);
  const dataStart = start + headerSize;
  const dataEnd = dataStart + dataSize;
  // A file cut short (FIT "File Header" data size beyond the bytes present): read it up to the break, the
  // first file of a buffer only (see top); `stop` is where the bytes end.
  const truncated = dataEnd > len;
  const truncatedWhat = `the header announces ${dataSize} data bytes, only ${len - dataStart} are present`;
  if (truncated && start > 0) throw new DecodeError(`truncated FIT file: ${truncatedWhat}`);
  const stop = truncated ? len : dataEnd;
  // The file CRC may be missing (file cut right after the data) or wrong; both are tolerated (see top), so
  // it is only computed to explain a structural error: over a whole file it costs as much as decoding.
  next.at = Math.min(len, dataEnd + 2);
  const corrupt = (what: string, at: number) => {
    const crcOk = dataEnd + 2 <= len && view.getUint16(dataEnd, true) === fitCrc16(bytes, start, dataEnd);
    return new DecodeError(
      `corrupt FIT file: ${what} at byte ${at}${crcOk ? '' : truncated ? ' (in a truncated file)' : ' (and the file CRC does not match)'}`,
    );
  };

  const parts: FileParts = {
    r0: cols.n,
    r1: cols.n,
    sessions: [],
    laps: [],
    sport: Number.NaN,
    subSport: Number.NaN,
    namesSport: false,
    truncated,
    fileType: Number.NaN,
    device: undefined,
  };

  const defs: (Def | undefined)[] = new Array(16).fill(undefined);
  /** Last timestamp seen in any message, FIT seconds; the base of compressed timestamps. */
  let lastTs = Number.NaN;
  /** Beats from hr messages, created at the first one. */
  let hrEvents: HrEvents | undefined;
  let p = dataStart;

  // A message that runs past `stop` is the break of a truncated file (stop there, keeping what came before)
  // or, in a complete file, corruption.
  while (p < stop) {
    const headerAt = p;
    const h = bytes[p++] as number;
    let local: number;
    let compressedTs = Number.NaN;

    if (h & 0x80) {
      // FIT "Compressed Timestamp Header": bits 5–6 local type (0–3), bits 0–4 a time offset in seconds that
      // replaces the low 5 bits of the last timestamp, rolling over (+32 s) when it is smaller.
      local = (h >> 5) & 0x03;
      const offset = h & 0x1f;
      if (!Number.isNaN(lastTs)) {
        const low = lastTs % 32;
        compressedTs = lastTs - low + offset + (offset >= low ? 0 : 32);
        lastTs = compressedTs;
      }
    } else if (h & 0x40) {
      // FIT "Definition Message": reserved, architecture, global message number (in the message's own byte
      // order), field count, then 3 bytes per field: number, size, base type. Bit 5 of the header adds
      // developer fields (FIT "Developer Field Definition"): a count, then 3 bytes each (number, size,
      // developer index), whose bytes follow the normal fields in every data message and are skipped by size.
      if (p + 5 > stop) {
        if (truncated) break;
        throw corrupt('definition message runs past the end of the data', headerAt);
      }
      const arch = bytes[p + 1];
      if (arch !== 0 && arch !== 1) throw corrupt(`architecture byte ${arch}`, headerAt);
      const le = arch === 0;
      const global = view.getUint16(p + 2, le);
      const nFields = bytes[p + 4] as number;
      p += 5;
      if (p + nFields * 3 > stop) {
        if (truncated) break;
        throw corrupt('definition message runs past the end of the data', headerAt);
      }
      const kind = kindOf(global);
      const slots = SLOTS[kind];
      const off = new Int32Array(SLOT_COUNT).fill(-1);
      const bt = new Uint8Array(SLOT_COUNT);
      const flen = new Uint8Array(SLOT_COUNT);
      let tsOff = -1;
      let tsBt = 0;
      let size = 0;
      for (let i = 0; i < nFields; i++, p += 3) {
        const num = bytes[p] as number;
        const fsize = bytes[p + 1] as number;
        const fbt = (bytes[p + 2] as number) & 0x1f;
        const bsize = BT_SIZE[fbt] as number;
        // A field whose size is not a whole number of its base type is unreadable (FIT "Field Definition":
        // sizes are multiples); it is skipped, not trusted. Arrays are read by their first element.
        const readable = bsize > 0 && fsize >= bsize && fsize % bsize === 0;
        if (readable) {
          if (num === FIELD_TIMESTAMP && (fbt === BT_UINT32 || fbt === BT_UINT32Z)) {
            tsOff = size;
            tsBt = fbt;
          } else if (slots !== undefined) {
            const slot = slots[num] as number;
            if (slot >= 0) {
              off[slot] = size;
              bt[slot] = fbt;
              flen[slot] = fsize;
            }
          }
        }
        size += fsize;
      }
      if (h & 0x20) {
        if (p + 1 > stop) {
          if (truncated) break;
          throw corrupt('developer field count runs past the end of the data', headerAt);
        }
        const nDev = bytes[p++] as number;
        if (p + nDev * 3 > stop) {
          if (truncated) break;
          throw corrupt('developer field definitions run past the end', headerAt);
        }
        for (let i = 0; i < nDev; i++, p += 3) size += bytes[p + 1] as number;
      }
      defs[h & 0x0f] = { kind, le, size, tsOff, tsBt, off, bt, len: flen };
      continue;
    } else {
      // Normal data message header (FIT "Normal Header"): bits 0–3 local message type.
      local = h & 0x0f;
    }

    const def = defs[local];
    if (def === undefined) throw corrupt(`data message for undefined local type ${local}`, headerAt);
    const end = p + def.size;
    if (end > stop) {
      if (truncated) break;
      throw corrupt('data message runs past the end of the data', headerAt);
    }
    const le = def.le;
    // The timestamp field of any message moves the base of later compressed timestamps (FIT "Compressed
    // Timestamp Header").
    let ts = compressedTs;
    if (def.tsOff >= 0) {
      const v = readNum(view, p + def.tsOff, def.tsBt, le);
      if (!Number.isNaN(v)) {
        ts = v;
        lastTs = v;
      }
    }

    switch (def.kind) {
      case KIND_RECORD: {
        // A record with no time cannot be placed on the time series; everything else is kept with NaN
        // for what it lacks (a treadmill run or a GPS drop-out keeps its heart rate and cadence).
        if (Number.isNaN(ts)) break;
        if (cols.n === cols.cap) cols.grow();
        const i = cols.n++;
        const o = def.off;
        const b = def.bt;
        cols.t[i] = fitToEpochMs(ts);
        let lat = Number.NaN;
        let lon = Number.NaN;
        if ((o[R_LAT] as number) >= 0 && (o[R_LON] as number) >= 0) {
          lat = readNum(view, p + (o[R_LAT] as number), b[R_LAT] as number, le) * DEG_PER_SEMICIRCLE;
          lon = readNum(view, p + (o[R_LON] as number), b[R_LON] as number, le) * DEG_PER_SEMICIRCLE;
          // Half a position is no position.
          if (Number.isNaN(lat) || Number.isNaN(lon)) {
            lat = Number.NaN;
            lon = Number.NaN;
          }
        }
        cols.lat[i] = lat;
        cols.lon[i] = lon;
        // enhanced_altitude / enhanced_speed are the 32-bit versions of altitude / speed (profile
        // components); prefer them when valid.
        let alt =
          (o[R_EALT] as number) >= 0
            ? readNum(view, p + (o[R_EALT] as number), b[R_EALT] as number, le)
            : NaN;
        if (Number.isNaN(alt) && (o[R_ALT] as number) >= 0) {
          alt = readNum(view, p + (o[R_ALT] as number), b[R_ALT] as number, le);
        }
        cols.alt[i] = alt / 5 - 500;
        cols.dist[i] =
          (o[R_DIST] as number) >= 0
            ? readNum(view, p + (o[R_DIST] as number), b[R_DIST] as number, le) / 100
            : NaN;
        let speed =
          (o[R_ESPEED] as number) >= 0
            ? readNum(view, p + (o[R_ESPEED] as number), b[R_ESPEED] as number, le)
            : NaN;
        if (Number.isNaN(speed) && (o[R_SPEED] as number) >= 0) {
          speed = readNum(view, p + (o[R_SPEED] as number), b[R_SPEED] as number, le);
        }
        cols.speed[i] = speed / 1000;
        cols.hr[i] =
          (o[R_HR] as number) >= 0 ? readNum(view, p + (o[R_HR] as number), b[R_HR] as number, le) : NaN;
        let cad =
          (o[R_CAD] as number) >= 0 ? readNum(view, p + (o[R_CAD] as number), b[R_CAD] as number, le) : NaN;
        if (!Number.isNaN(cad) && (o[R_FCAD] as number) >= 0) {
          const frac = readNum(view, p + (o[R_FCAD] as number), b[R_FCAD] as number, le);
          if (!Number.isNaN(frac)) cad += frac / 128;
        }
        cols.cad[i] = cad;
        break;
      }
      case KIND_SESSION:
      case KIND_LAP: {
        const span = readSpan(view, p, def, ts);
        if (!Number.isNaN(span.sport)) parts.namesSport = true;
        if (def.kind === KIND_SESSION) parts.sessions.push(span);
        else parts.laps.push(span);
        break;
      }
      case KIND_SPORT: {
        parts.sport = field(view, p, def, SP_SPORT);
        parts.subSport = field(view, p, def, SP_SUB);
        if (!Number.isNaN(parts.sport)) parts.namesSport = true;
        break;
      }
      case KIND_HR: {
        if (hrEvents === undefined) hrEvents = new HrEvents();
        const own = def.tsOff >= 0 ? readNum(view, p + def.tsOff, def.tsBt, le) : Number.NaN;
        readHr(bytes, view, p, def, own, hrEvents);
        break;
      }
      case KIND_FILE_ID: {
        parts.fileType = field(view, p, def, F_TYPE);
        const manufacturer = field(view, p, def, F_MANUFACTURER);
        const product = field(view, p, def, F_PRODUCT);
        const serial = field(view, p, def, F_SERIAL);
        const productName =
          (def.off[F_PRODUCT_NAME] as number) >= 0 && def.bt[F_PRODUCT_NAME] === BT_STRING
            ? readString(bytes, p + (def.off[F_PRODUCT_NAME] as number), def.len[F_PRODUCT_NAME] as number)
            : undefined;
        const device: NonNullable<DecodedActivity['device']> = {};
        if (!Number.isNaN(manufacturer))
          device.manufacturer = MANUFACTURERS[manufacturer] ?? String(manufacturer);
        if (productName !== undefined) device.product = productName;
        else if (!Number.isNaN(product)) device.product = String(product);
        if (!Number.isNaN(serial)) device.serial = String(serial);
        // Only the first file_id counts (FIT file types guide: file_id is the first message of a file).
        if (parts.device === undefined) parts.device = device;
        break;
      }
      default:
        break;
    }
    p = end;
  }
  parts.r1 = cols.n;
  if (truncated && parts.r1 === parts.r0) {
    throw new DecodeError(
      `truncated FIT file: ${truncatedWhat}, and no complete record comes before the break`,
    );
  }
  if (hrEvents !== undefined) expandHr(cols, parts.r0, parts.r1, hrEvents);
  return parts;
}

/** A wanted numeric field of a non-record message, NaN when absent or invalid. */
function field(view: DataView, p: number, def: Def, slot: number): number {
  const o = def.off[slot] as number;
  return o >= 0 ? readNum(view, p + o, def.bt[slot] as number, def.le) : Number.NaN;
}

function readSpan(view: DataView, p: number, def: Def, ts: number): Span {
  const startField = field(view, p, def, S_START);
  const end = !Number.isNaN(ts) ? fitToEpochMs(ts) : Number.NaN;
  // total_elapsed_time / total_timer_time: uint32, scale 1000 (ms → s); total_distance: scale 100 (cm → m).
  const elapsedS = field(view, p, def, S_ELAPSED) / 1000;
  // Without start_time, the message timestamp (its end) minus the elapsed time still places it.
  const start = !Number.isNaN(startField) ? fitToEpochMs(startField) : end - elapsedS * 1000;
  return {
    start,
    end,
    sport: field(view, p, def, S_SPORT),
    subSport: field(view, p, def, S_SUB),
    elapsedS,
    timerS: field(view, p, def, S_TIMER) / 1000,
    distanceM: field(view, p, def, S_DIST) / 100,
    avgHr: field(view, p, def, S_AVGHR),
    maxHr: field(view, p, def, S_MAXHR),
    avgCad: withFraction(field(view, p, def, S_AVGCAD), field(view, p, def, S_AVGFCAD)),
    maxCad: withFraction(field(view, p, def, S_MAXCAD), field(view, p, def, S_MAXFCAD)),
  };
}

/** A cadence plus its fractional part in 1/128 (profile fractional_cadence fields), the whole part alone
 *  when the fraction is invalid, NaN when the whole part is. */
function withFraction(whole: number, frac: number): number {
  return Number.isNaN(frac) ? whole : whole + frac / 128;
}

// ---------------------------------------------------------------------------------------------------------
// Sports (FIT profile types "sport" and "sub_sport").

const SPORT_NAMES: Record<number, string> = {
  0: 'generic',
  1: 'running',
  2: 'cycling',
  3: 'transition',
  4: 'fitness equipment',
  5: 'swimming',
  6: 'basketball',
  7: 'soccer',
  8: 'tennis',
  9: 'american football',
  10: 'training',
  11: 'walking',
  12: 'cross-country skiing',
  13: 'alpine skiing',
  14: 'snowboarding',
  15: 'rowing',
  16: 'mountaineering',
  17: 'hiking',
  18: 'multisport',
  19: 'paddling',
  21: 'e-biking',
  30: 'inline skating',
  31: 'rock climbing',
  35: 'snowshoeing',
  37: 'stand-up paddleboarding',
  41: 'kayaking',
  47: 'boxing',
  48: 'floor climbing',
  53: 'diving',
  62: 'HIIT',
  64: 'racket',
  67: 'meditation',
  83: 'dance',
  84: 'jump rope',
};

const SUB_SPORT_NAMES: Record<number, string> = {
  1: 'treadmill',
  2: 'street',
  3: 'trail',
  4: 'track',
  5: 'spin',
  6: 'indoor cycling',
  7: 'road',
  8: 'mountain',
  9: 'downhill',
  10: 'recumbent',
  11: 'cyclocross',
  13: 'track cycling',
  14: 'indoor rowing',
  15: 'elliptical',
  16: 'stair climbing',
  17: 'lap swimming',
  18: 'open water',
  19: 'flexibility training',
  20: 'strength training',
  21: 'warm up',
  26: 'cardio training',
  27: 'indoor walking',
  30: 'casual walking',
  31: 'speed walking',
  32: 'bike to run transition',
  33: 'run to bike transition',
  34: 'swim to bike transition',
  43: 'yoga',
  44: 'pilates',
  45: 'indoor running',
  46: 'gravel cycling',
  47: 'e-bike mountain',
  58: 'virtual activity',
  59: 'obstacle',
  67: 'ultra',
  70: 'HIIT',
};

/** Manufacturer names for the devices runners actually use (FIT profile type "manufacturer"). */
const MANUFACTURERS: Record<number, string> = {
  1: 'garmin',
  13: 'dynastream_oem',
  15: 'dynastream',
  16: 'timex',
  23: 'suunto',
  32: 'wahoo_fitness',
  37: 'magellan',
  71: 'tomtom',
  89: 'tacx',
  95: 'stryd',
  123: 'polar_electro',
  255: 'development',
  260: 'zwift',
  265: 'strava',
  267: 'bryton',
  289: 'hammerhead',
  294: 'coros',
  310: 'decathlon',
  326: 'nike',
  339: 'zepp',
  348: 'huawei',
};

/**
 * Backstride's sport for a FIT sport / sub_sport pair: running with the treadmill (1), indoor running (45) or
 * virtual activity (58) sub-sport is a treadmill run, with trail (3) a trail run; walking (11) and hiking (17)
 * are walking; cycling (2) and e-biking (21) are cycling; a fitness-equipment (4) treadmill is a treadmill run.
 */
export function fitSport(sport: number, subSport: number): Sport {
  switch (sport) {
    case 1:
      if (subSport === 1 || subSport === 45 || subSport === 58) return 'treadmill';
      if (subSport === 3) return 'trail-running';
      return 'running';
    case 11:
    case 17:
      return 'walking';
    case 2:
    case 21:
      return 'cycling';
    case 5:
      return 'swimming';
    case 4:
      return subSport === 1 ? 'treadmill' : 'other';
    default:
      return 'other';
  }
}

/** A readable label such as "Running", "Running (trail)" or "Training (yoga)". */
function sportLabel(sport: number, subSport: number): string | undefined {
  if (Number.isNaN(sport)) return undefined;
  const name = SPORT_NAMES[sport] ?? `sport ${sport}`;
  const sub =
    !Number.isNaN(subSport) && subSport !== 0 ? (SUB_SPORT_NAMES[subSport] ?? `sub-sport ${subSport}`) : '';
  const label = name.charAt(0).toUpperCase() + name.slice(1);
  return sub ? `${label} (${sub})` : label;
}

// ---------------------------------------------------------------------------------------------------------
// From decoded parts to activities.

/** Sports whose FIT cadence counts one leg: steps per minute are twice the cadence (profile: cadence rpm). */
const FOOT_SPORTS: ReadonlySet<Sport> = new Set(['running', 'trail-running', 'treadmill', 'walking']);

function gather(cols: Columns, idx: Int32Array, n: number, doubleCadence: boolean): Samples {
  const pick = (src: Float64Array, k = 1) => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = (src[idx[j] as number] as number) * k;
    return out;
  };
  return {
    t: pick(cols.t),
    lat: pick(cols.lat),
    lon: pick(cols.lon),
    altM: pick(cols.alt),
    distM: pick(cols.dist),
    hr: pick(cols.hr),
    cadSpm: pick(cols.cad, doubleCadence ? 2 : 1),
    speedMps: pick(cols.speed),
  };
}

function summaryOf(s: Span): RecordedSummary {
  const out: RecordedSummary = {};
  if (!Number.isNaN(s.distanceM)) out.distanceM = s.distanceM;
  if (!Number.isNaN(s.elapsedS)) out.elapsedS = s.elapsedS;
  if (!Number.isNaN(s.timerS)) out.timerS = s.timerS;
  if (!Number.isNaN(s.avgHr)) out.avgHr = s.avgHr;
  if (!Number.isNaN(s.maxHr)) out.maxHr = s.maxHr;
  // Still as written; activity() doubles them for the foot sports.
  if (!Number.isNaN(s.avgCad)) out.avgCadenceSpm = s.avgCad;
  if (!Number.isNaN(s.maxCad)) out.maxCadenceSpm = s.maxCad;
  return out;
}

function activity(
  parts: FileParts,
  cols: Columns,
  idx: Int32Array,
  n: number,
  sport: number,
  subSport: number,
  start: number,
  summary: RecordedSummary,
): DecodedActivity {
  const s = fitSport(sport, subSport);
  const foot = FOOT_SPORTS.has(s);
  const samples = gather(cols, idx, n, foot);
  // Session and lap cadence count one leg for the foot sports, like the records' (profile: avg_cadence has
  // the subfield avg_running_cadence in strides/min when the sport is running); fraction included.
  if (foot && summary.avgCadenceSpm !== undefined) summary.avgCadenceSpm *= 2;
  if (foot && summary.maxCadenceSpm !== undefined) summary.maxCadenceSpm *= 2;
  const a: DecodedActivity = {
    format: 'fit',
    sport: s,
    startTime: n > 0 ? (samples.t[0] as number) : start,
    summary,
    samples,
  };
  const label = sportLabel(sport, subSport);
  if (label !== undefined) a.sportLabel = label;
  if (parts.device !== undefined) a.device = { ...parts.device };
  if (parts.truncated) a.truncated = true;
  // No session, lap or sport message with a sport field: the file does not say what was done (a generic
  // or other sport that is written down is a sport, and leaves this unset).
  if (!parts.namesSport) a.noSport = true;
  return a;
}

/**
 * Split one file's records among its sessions (FIT file types guide, "Activity File": a multisport file has
 * one session per leg, each with its start_time and total_elapsed_time). A record belongs to the session whose
 * [start_time, start_time + elapsed] holds it (the later one where two touch). A record outside every session
 * goes to the nearest session in time: devices write session start times that are off (the fenix 2 multisport
 * fixture's first leg starts 45 min before its session's start_time) and elapsed times that are short (a
 * virtual ride whose elapsed time is its moving time), and a sample should not vanish for that.
 */
function toActivities(parts: FileParts, cols: Columns, seen: Set<string>): DecodedActivity[] {
  // `seen`: session keys of the earlier files of a chain; this file's are added at the end.
  const { r0, r1 } = parts;
  const nRec = r1 - r0;
  const sessions = parts.sessions
    .filter((s) => !Number.isNaN(s.start) || parts.sessions.length === 1)
    .sort((a, b) => a.start - b.start);

  if (sessions.length === 0) {
    // No session: settings, course or workout files (file_id type ≠ activity, 4) carry no activity; an
    // activity file without a session (a device that crashed before writing it) keeps its records, with the
    // sport message or first lap's sport and a summary added up from the laps.
    if (nRec === 0 || (!Number.isNaN(parts.fileType) && parts.fileType !== 4)) return [];
    const idx = new Int32Array(nRec);
    for (let j = 0; j < nRec; j++) idx[j] = r0 + j;
    const lap0 = parts.laps[0];
    const sport = !Number.isNaN(parts.sport) ? parts.sport : (lap0?.sport ?? Number.NaN);
    const sub = !Number.isNaN(parts.sport) ? parts.subSport : (lap0?.subSport ?? Number.NaN);
    const summary: RecordedSummary = {};
    if (parts.laps.length > 0) {
      let dist = 0;
      let timer = 0;
      let elapsed = 0;
      let maxHr = Number.NaN;
      let maxCad = Number.NaN;
      // Average cadence: the laps' averages weighted by their timer time, as the device averages over the
      // timer time; a plain mean of the laps' averages when no lap with a cadence has a timer time.
      let cadWeighted = 0;
      let cadWeight = 0;
      let cadSum = 0;
      let cadN = 0;
      for (const l of parts.laps) {
        if (!Number.isNaN(l.distanceM)) dist += l.distanceM;
        if (!Number.isNaN(l.timerS)) timer += l.timerS;
        if (!Number.isNaN(l.elapsedS)) elapsed += l.elapsedS;
        if (!Number.isNaN(l.maxHr) && !(l.maxHr <= maxHr)) maxHr = l.maxHr;
        if (!Number.isNaN(l.maxCad) && !(l.maxCad <= maxCad)) maxCad = l.maxCad;
        if (!Number.isNaN(l.avgCad)) {
          cadSum += l.avgCad;
          cadN++;
          if (l.timerS > 0) {
            cadWeighted += l.avgCad * l.timerS;
            cadWeight += l.timerS;
          }
        }
      }
      summary.distanceM = dist;
      summary.timerS = timer;
      summary.elapsedS = elapsed;
      if (!Number.isNaN(maxHr)) summary.maxHr = maxHr;
      if (cadN > 0) summary.avgCadenceSpm = cadWeight > 0 ? cadWeighted / cadWeight : cadSum / cadN;
      if (!Number.isNaN(maxCad)) summary.maxCadenceSpm = maxCad;
    }
    return [activity(parts, cols, idx, nRec, sport, sub, cols.t[r0] as number, summary)];
  }

  // Owner session of each record, by binary search over the sorted start times.
  const k = sessions.length;
  const lo = new Float64Array(k);
  const hi = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    const ses = sessions[s] as Span;
    lo[s] = !Number.isNaN(ses.start) ? ses.start : Number.NEGATIVE_INFINITY;
    // The session's own timestamp (253) is its end; take the widest of that and start + elapsed or timer.
    const dur = Math.max(
      !Number.isNaN(ses.elapsedS) ? ses.elapsedS : 0,
      !Number.isNaN(ses.timerS) ? ses.timerS : 0,
    );
    const end = Math.max(ses.start + dur * 1000, !Number.isNaN(ses.end) ? ses.end : Number.NEGATIVE_INFINITY);
    hi[s] = !Number.isNaN(ses.start) ? end : Number.POSITIVE_INFINITY;
  }
  const owner = new Int32Array(nRec);
  const counts = new Int32Array(k);
  for (let j = 0; j < nRec; j++) {
    const t = cols.t[r0 + j] as number;
    // Last session with lo <= t.
    let a = 0;
    let b = k;
    while (a < b) {
      const m = (a + b) >>> 1;
      if ((lo[m] as number) <= t) a = m + 1;
      else b = m;
    }
    let s = a - 1;
    if (s < 0) s = 0;
    else if (t > (hi[s] as number) && s + 1 < k && (lo[s + 1] as number) - t < t - (hi[s] as number)) s += 1;
    owner[j] = s;
    counts[s] = (counts[s] as number) + 1;
  }

  // Bucket the record indices by owner (a counting sort: linear in records + sessions, whatever the input).
  const first = new Int32Array(k + 1);
  for (let s = 0; s < k; s++) first[s + 1] = (first[s] as number) + (counts[s] as number);
  const fill = first.slice(0, k);
  const order = new Int32Array(nRec);
  for (let j = 0; j < nRec; j++) {
    const s = owner[j] as number;
    order[fill[s] as number] = r0 + j;
    fill[s] = (fill[s] as number) + 1;
  }

  const out: DecodedActivity[] = [];
  const keys: string[] = [];
  for (let s = 0; s < k; s++) {
    const ses = sessions[s] as Span;
    // A chained file that repeats a session of an earlier file (same start and sport) is a copy, not a new
    // run. (Within one file every session stands: its records were assigned to it.)
    const key = `${ses.start}|${ses.sport}|${ses.subSport}`;
    keys.push(key);
    if (!Number.isNaN(ses.start) && seen.has(key)) continue;
    const n = counts[s] as number;
    const idx = order.subarray(first[s] as number, (first[s] as number) + n);
    const sport = !Number.isNaN(ses.sport) ? ses.sport : parts.sport;
    const sub = !Number.isNaN(ses.sport) ? ses.subSport : parts.subSport;
    out.push(activity(parts, cols, idx, n, sport, sub, ses.start, summaryOf(ses)));
  }
  for (const key of keys) seen.add(key);
  return out;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Decode a FIT activity file (or several chained FIT files) into one activity per session.
 *
 * Samples are columnar, NaN where a record lacks a value; a record without position keeps its heart rate and
 * cadence. Running and walking cadence is converted to steps per minute (FIT stores one leg's cadence plus a
 * 1/128 fractional part). A file with no session yields one activity from all its records.
 *
 * @throws DecodeError when the bytes are not FIT, are truncated or are structurally corrupt; nothing else.
 */
export function decodeFit(bytes: Uint8Array): DecodedActivity[] {
  if (!(bytes instanceof Uint8Array)) throw new DecodeError('not a FIT file: expected bytes');
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // A 1 s record is about 20–40 bytes; start near the right size to avoid most regrowth, but do not let a
    // large file of other messages reserve memory up front.
    const cols = new Columns(Math.min(1 << 15, Math.max(64, Math.ceil(bytes.length / 24))));
    const out: DecodedActivity[] = [];
    const seen = new Set<string>();
    const next = { at: 0 };
    let start = 0;
    // At least one file; after it, any further bytes must be another FIT file (or are ignored, see above).
    while (start === 0 || start < bytes.length) {
      let parts: FileParts;
      try {
        parts = decodeOne(bytes, view, start, cols, next);
      } catch (e) {
        // A later file of a chain that is damaged ends the chain; the earlier files stand.
        if (start === 0) throw e;
        break;
      }
      out.push(...toActivities(parts, cols, seen));
      if (next.at <= start) break;
      start = next.at;
    }
    return out;
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    // Safety net: every length is checked above, but bad input must never surface as anything else.
    throw new DecodeError(`corrupt FIT file: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/**
 * A small, strict, single-pass XML scanner shared by the GPX and TCX decoders.
 *
 * Why hand-written: DOM converters (togeojson + xmldom) run at 2–5 MB/s and build a tree we throw away;
 * this walks the string once with `indexOf`/`charCodeAt`, never builds a tree, and hands the decoder
 * each element's local name on open and close. Leaf text is read lazily from index ranges, so the
 * numbers in `<ele>`, `<Value>` and friends are parsed straight out of the source string without
 * allocating a substring (see {@link parseXmlNumber}).
 *
 * What it checks, so that a damaged file fails loudly instead of yielding half a run: one root element,
 * properly nested and matching tags, well-formed attributes (either quote style, no `<` in values),
 * terminated comments / CDATA / processing instructions, valid entity references (the five predefined
 * ones and numeric character references), no text outside the root, and a complete file. Every
 * failure is a {@link DecodeError} with a one-line reason and a character offset. What it does not
 * check: namespace declarations (decoders match by local name, because exporters use any prefix:
 * `gpxtpx:`, `ns3:`, `tp1:`), duplicate attributes, the character ranges of names, DTD contents
 * (a DOCTYPE is skipped; entities it might declare are not supported).
 *
 * Every loop advances the position, so no input can make it hang.
 */
import { DecodeError } from './types.js';

/** What a decoder implements to receive elements. `depth` is 0 for the root element. */
export type XmlHandler = {
  open(name: string, depth: number): void;
  close(name: string, depth: number): void;
};

// Character codes used below.
const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const AMP = 38;
const COLON = 58;
const HASH = 35;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isNameStart(c: number): boolean {
  // ASCII letters, '_', ':' and (loosely) anything non-ASCII, as XML allows most of it.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON || c >= 0x80;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/**
 * A piece of the input fit for a one-line error message: at most 40 characters, line breaks and
 * other control characters replaced by spaces.
 */
export function clip(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point.
  const flat = text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** Exact powers of ten: every one up to 1e22 is exactly representable as a double. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Parse a decimal number from `s[a, b)` (surrounding whitespace allowed) without allocating.
 * Fast path (Clinger): with at most 15 significant digits the digits form an exact integer below 2^53
 * and 10^k (k ≤ 22) is exact, so one IEEE division gives the correctly rounded value, identical to
 * `Number()`. Longer mantissas, exponents and anything odd fall back to `Number(slice)`. Empty or
 * non-numeric text gives NaN, as do infinities (never a real measurement).
 */
export function parseXmlNumber(s: string, a: number, b: number): number {
  while (a < b && isWs(s.charCodeAt(a))) a++;
  while (b > a && isWs(s.charCodeAt(b - 1))) b--;
  if (a === b) return Number.NaN;
  let i = a;
  let c = s.charCodeAt(i);
  let neg = false;
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) {
    i++;
  }
  let m = 0;
  let sig = 0;
  let frac = -1;
  let digits = 0;
  for (; i < b; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (m !== 0 || c !== 48) sig++;
      m = m * 10 + (c - 48);
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) {
      frac = 0;
    } else {
      break;
    }
  }
  if (i === b && digits > 0 && sig <= 15 && frac <= 22) {
    const v = frac > 0 ? m / (POW10[frac] as number) : m;
    return neg ? -v : v;
  }
  const v = Number(s.slice(a, b));
  return Number.isFinite(v) ? v : Number.NaN;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parse an ISO 8601 timestamp from `s[a, b)` to epoch ms, or NaN.
 * Fast path for `YYYY-MM-DDTHH:MM:SS[.fff…][Z|±HH:MM|±HHMM]`, which is what devices write; fractions
 * beyond milliseconds are truncated, as `Date.parse` does. A time without a zone is read as UTC: that
 * is what GPX 1.0 exporters that omit the `Z` mean, and `Date.parse` would otherwise apply the zone of
 * whatever machine runs the import. Anything else goes to `Date.parse`.
 */
export function parseXmlTime(s: string, a: number, b: number): number {
  while (a < b && isWs(s.charCodeAt(a))) a++;
  while (b > a && isWs(s.charCodeAt(b - 1))) b--;
  if (
    b - a >= 19 &&
    s.charCodeAt(a + 4) === 45 &&
    s.charCodeAt(a + 7) === 45 &&
    s.charCodeAt(a + 10) === 84
  ) {
    const y = digitsAt(s, a, 4);
    const mo = digitsAt(s, a + 5, 2);
    const d = digitsAt(s, a + 8, 2);
    const h = digitsAt(s, a + 11, 2);
    const mi = digitsAt(s, a + 14, 2);
    const sec = digitsAt(s, a + 17, 2);
    if (
      s.charCodeAt(a + 13) === COLON &&
      s.charCodeAt(a + 16) === COLON &&
      y >= 0 &&
      mo >= 0 &&
      d >= 0 &&
      h >= 0 &&
      mi >= 0 &&
      sec >= 0
    ) {
      // The shape is right, so out-of-range fields make an invalid time, not another format
      // (Date.parse would roll 2024-02-30 over to 1 March).
      const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
      const dim = mo === 2 && !leap ? 28 : (DAYS_IN_MONTH[mo - 1] ?? 0);
      if (mo < 1 || mo > 12 || d < 1 || d > dim || h > 23 || mi > 59 || sec > 59) return Number.NaN;
      let i = a + 19;
      let ms = 0;
      if (i < b && s.charCodeAt(i) === 46) {
        i++;
        let scale = 100;
        const start = i;
        for (; i < b; i++) {
          const c = s.charCodeAt(i) - 48;
          if (c < 0 || c > 9) break;
          ms += c * scale;
          scale /= 10;
        }
        if (i === start) return Date.parse(s.slice(a, b));
        ms = Math.floor(ms);
      }
      let offsetMin = 0;
      if (i < b) {
        const c = s.charCodeAt(i);
        if (c === 90 && i + 1 === b) {
          // 'Z'
        } else if (c === 43 || c === 45) {
          const oh = digitsAt(s, i + 1, 2);
          const colon = s.charCodeAt(i + 3) === COLON;
          const om = digitsAt(s, i + (colon ? 4 : 3), 2);
          if (oh < 0 || om < 0 || i + (colon ? 6 : 5) !== b || oh > 23 || om > 59) {
            return Date.parse(s.slice(a, b));
          }
          offsetMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
        } else {
          return Date.parse(s.slice(a, b));
        }
      }
      return (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offsetMin * 60) * 1000 + ms;
    }
  }
  if (a === b) return Number.NaN;
  const text = s.slice(a, b);
  // Zoneless date-times are UTC here (see above); Date.parse would read them as local time.
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(text) || !/[Tt ]\d/.test(text);
  return Date.parse(zoned ? text : `${text}Z`);
}

/** The five predefined entities (a Map, so names like `constructor` are not found on a prototype). */
const PREDEFINED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);

/**
 * An XML scanner over one string. Create it, then call {@link XmlScanner.run} with a handler; during
 * `open` the handler may read the tag's attributes, during `close` the element's text (leaf elements
 * only: text interleaved with child elements is of no use to activity decoders).
 */
export class XmlScanner {
  private readonly s: string;
  private readonly label: string;
  /** Attributes of the tag being opened: [localStart, nameEnd, valueStart, valueEnd] per attribute. */
  private attrs = new Int32Array(64);
  /** Whether each attribute's value holds an entity reference (needs decoding). */
  private attrAmp: boolean[] = [];
  private nAttrs = 0;
  /** Raw content range of the element just closed, and whether it is a leaf. */
  private ts = 0;
  private te = 0;
  private leaf = false;
  /** The content holds an entity, comment, CDATA section or PI, so it needs the slow decode. */
  private complex = false;
  /** Local names of the open elements, by depth. */
  private readonly names: string[] = [];

  /** @param label Prefix for error messages, e.g. 'GPX'. */
  constructor(s: string, label: string) {
    this.s = s;
    this.label = label;
  }

  private fail(pos: number, reason: string): never {
    throw new DecodeError(`${this.label}: malformed XML at offset ${pos}: ${reason}`);
  }

  /** Local name of the open element at `depth` (e.g. the parent of the element being closed). */
  nameAt(depth: number): string | undefined {
    return depth >= 0 ? this.names[depth] : undefined;
  }

  /** Walk the whole document, calling the handler; throws DecodeError on any well-formedness error. */
  run(h: XmlHandler): void {
    const s = this.s;
    const n = s.length;
    let p = n > 0 && s.charCodeAt(0) === 0xfeff ? 1 : 0;
    const docStart = p;
    const qStart: number[] = [];
    const qLen: number[] = [];
    const names = this.names;
    names.length = 0;
    let depth = 0;
    let sawRoot = false;
    let lastWasOpen = false;
    let contentStart = 0;
    let nextAmp = s.indexOf('&', p);
    if (nextAmp < 0) nextAmp = n;

    while (p < n) {
      const lt = s.indexOf('<', p);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > p) {
        if (depth === 0) {
          for (let i = p; i < textEnd; i++) {
            if (!isWs(s.charCodeAt(i)))
              this.fail(i, sawRoot ? 'text after the root element' : 'text before the root element');
          }
        } else {
          // '&' is rare in activity files: track the next one instead of scanning every text run.
          if (nextAmp < p) {
            nextAmp = s.indexOf('&', p);
            if (nextAmp < 0) nextAmp = n;
          }
          while (nextAmp < textEnd) {
            this.entityEnd(nextAmp, textEnd);
            this.complex = true;
            nextAmp = s.indexOf('&', nextAmp + 1);
            if (nextAmp < 0) nextAmp = n;
          }
        }
      }
      if (lt < 0) break;
      p = lt + 1;
      if (p >= n) this.fail(lt, 'unexpected end of file after "<"');
      const c = s.charCodeAt(p);

      if (c === SLASH) {
        // Close tag: must match the innermost open element, compared in place.
        if (depth === 0) this.fail(lt, 'closing tag without a matching open tag');
        const d = depth - 1;
        const qs = qStart[d] as number;
        const ql = qLen[d] as number;
        p++;
        let ok = p + ql <= n;
        for (let k = 0; ok && k < ql; k++) ok = s.charCodeAt(p + k) === s.charCodeAt(qs + k);
        if (ok && p + ql < n && isNameChar(s.charCodeAt(p + ql))) ok = false;
        if (!ok) {
          if (p + ql > n && s.startsWith(s.slice(p, n), qs))
            this.fail(lt, 'unexpected end of file in a closing tag');
          let e = p;
          while (e < n && isNameChar(s.charCodeAt(e))) e++;
          this.fail(lt, `</${clip(s.slice(p, e))}> does not match <${clip(s.slice(qs, qs + ql))}>`);
        }
        p += ql;
        while (p < n && isWs(s.charCodeAt(p))) p++;
        if (p >= n) this.fail(lt, 'unexpected end of file in a closing tag');
        if (s.charCodeAt(p) !== GT) this.fail(p, 'expected ">" to end a closing tag');
        p++;
        this.leaf = lastWasOpen;
        this.ts = contentStart;
        this.te = lt;
        depth = d;
        lastWasOpen = false;
        h.close(names[d] as string, d);
      } else if (c === BANG) {
        if (s.startsWith('!--', p)) {
          const end = s.indexOf('-->', p + 3);
          if (end < 0) this.fail(lt, 'unterminated comment');
          p = end + 3;
          this.complex = true;
        } else if (s.startsWith('![CDATA[', p)) {
          if (depth === 0) this.fail(lt, 'CDATA section outside the root element');
          const end = s.indexOf(']]>', p + 8);
          if (end < 0) this.fail(lt, 'unterminated CDATA section');
          p = end + 3;
          this.complex = true;
        } else if (s.startsWith('!DOCTYPE', p)) {
          if (depth > 0 || sawRoot) this.fail(lt, 'DOCTYPE inside the document');
          p = this.skipDoctype(lt, p + 8);
        } else {
          this.fail(lt, 'malformed markup after "<!"');
        }
      } else if (c === QUESTION) {
        const end = s.indexOf('?>', p + 1);
        if (end < 0) this.fail(lt, 'unterminated processing instruction');
        let e = p + 1;
        while (e < end && isNameChar(s.charCodeAt(e))) e++;
        if (e === p + 1) this.fail(lt, 'processing instruction without a target');
        if (e - p - 1 === 3 && s.slice(p + 1, e).toLowerCase() === 'xml' && lt !== docStart) {
          this.fail(lt, 'XML declaration not at the start of the file');
        }
        p = end + 2;
        if (depth > 0) this.complex = true;
      } else {
        // Open tag.
        if (!isNameStart(c)) this.fail(lt, 'invalid character after "<"');
        const qs = p;
        let colon = -1;
        while (p < n) {
          const cc = s.charCodeAt(p);
          if (!isNameChar(cc)) break;
          if (cc === COLON) colon = p;
          p++;
        }
        const qe = p;
        const localStart = colon >= 0 ? colon + 1 : qs;
        if (localStart === qe) this.fail(lt, 'empty local name');
        const name = s.slice(localStart, qe);
        p = this.readAttributes(lt, p);
        const selfClosing = s.charCodeAt(p - 2) === SLASH;
        if (depth === 0) {
          if (sawRoot) this.fail(lt, 'a second root element');
          sawRoot = true;
        }
        qStart[depth] = qs;
        qLen[depth] = qe - qs;
        names[depth] = name;
        const d = depth++;
        this.complex = false;
        h.open(name, d);
        if (selfClosing) {
          this.leaf = true;
          this.ts = p;
          this.te = p;
          depth = d;
          lastWasOpen = false;
          h.close(name, d);
        } else {
          lastWasOpen = true;
          contentStart = p;
        }
      }
    }
    if (depth > 0) {
      const qs = qStart[depth - 1] as number;
      this.fail(
        n,
        `unexpected end of file: <${clip(s.slice(qs, qs + (qLen[depth - 1] as number)))}> is not closed`,
      );
    }
    if (!sawRoot) this.fail(n, 'no root element');
  }

  /** Parse the attributes after a tag name; returns the position after '>' or '/>'. */
  private readAttributes(lt: number, p: number): number {
    const s = this.s;
    const n = s.length;
    this.nAttrs = 0;
    for (;;) {
      let ws = false;
      while (p < n && isWs(s.charCodeAt(p))) {
        p++;
        ws = true;
      }
      if (p >= n) this.fail(lt, 'unexpected end of file in a tag');
      const c = s.charCodeAt(p);
      if (c === GT) return p + 1;
      if (c === SLASH) {
        if (s.charCodeAt(p + 1) !== GT) this.fail(p, 'expected "/>"');
        return p + 2;
      }
      if (!ws || !isNameStart(c)) this.fail(p, 'malformed attribute');
      const ns = p;
      let colon = -1;
      while (p < n) {
        const cc = s.charCodeAt(p);
        if (!isNameChar(cc)) break;
        if (cc === COLON) colon = p;
        p++;
      }
      const ne = p;
      while (p < n && isWs(s.charCodeAt(p))) p++;
      if (s.charCodeAt(p) !== EQUALS) this.fail(p, 'attribute without "="');
      p++;
      while (p < n && isWs(s.charCodeAt(p))) p++;
      const q = s.charCodeAt(p);
      if (q !== DQUOTE && q !== SQUOTE) this.fail(p, 'attribute value without quotes');
      const vs = p + 1;
      const ve = s.indexOf(q === DQUOTE ? '"' : "'", vs);
      if (ve < 0) this.fail(p, 'unterminated attribute value');
      let amp = false;
      for (let i = vs; i < ve; i++) {
        const cc = s.charCodeAt(i);
        if (cc === LT) this.fail(i, '"<" in an attribute value');
        if (cc === AMP) {
          this.entityEnd(i, ve);
          amp = true;
        }
      }
      const k = this.nAttrs++ * 4;
      if (k + 4 > this.attrs.length) {
        const grown = new Int32Array(this.attrs.length * 2);
        grown.set(this.attrs);
        this.attrs = grown;
      }
      this.attrs[k] = colon >= 0 ? colon + 1 : ns;
      this.attrs[k + 1] = ne;
      this.attrs[k + 2] = vs;
      this.attrs[k + 3] = ve;
      this.attrAmp[this.nAttrs - 1] = amp;
      p = ve + 1;
    }
  }

  /** Skip a DOCTYPE (with an optional internal subset); returns the position after its '>'. */
  private skipDoctype(lt: number, p: number): number {
    const s = this.s;
    const n = s.length;
    let inSubset = false;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c === DQUOTE || c === SQUOTE) {
        const end = s.indexOf(c === DQUOTE ? '"' : "'", p + 1);
        if (end < 0) break;
        p = end + 1;
        continue;
      }
      if (c === 91) inSubset = true;
      else if (c === 93) inSubset = false;
      else if (c === GT && !inSubset) return p + 1;
      p++;
    }
    return this.fail(lt, 'unterminated DOCTYPE');
  }

  /** Validate the entity reference at `i` (which holds '&'); returns the index after its ';'. */
  private entityEnd(i: number, limit: number): number {
    const s = this.s;
    const semi = s.indexOf(';', i + 1);
    if (semi < 0 || semi >= limit || semi - i > 40) this.fail(i, 'unterminated entity reference');
    if (decodeEntity(s, i + 1, semi) === undefined)
      this.fail(i, `invalid entity reference "${clip(s.slice(i, semi + 1))}"`);
    return semi + 1;
  }

  private attrIndex(local: string): number {
    const a = this.attrs;
    for (let k = 0; k < this.nAttrs; k++) {
      const ls = a[k * 4] as number;
      if ((a[k * 4 + 1] as number) - ls === local.length && this.s.startsWith(local, ls)) return k;
    }
    return -1;
  }

  /** Value of the current tag's attribute with this local name (entities decoded), or undefined. */
  attr(local: string): string | undefined {
    const k = this.attrIndex(local);
    if (k < 0) return undefined;
    const vs = this.attrs[k * 4 + 2] as number;
    const ve = this.attrs[k * 4 + 3] as number;
    return this.attrAmp[k] ? decodeText(this.s, vs, ve) : this.s.slice(vs, ve);
  }

  /** Numeric value of the current tag's attribute, or NaN when absent or not a number. */
  attrNum(local: string): number {
    const k = this.attrIndex(local);
    if (k < 0) return Number.NaN;
    if (this.attrAmp[k]) return toNumber(this.attr(local) ?? '');
    return parseXmlNumber(this.s, this.attrs[k * 4 + 2] as number, this.attrs[k * 4 + 3] as number);
  }

  /** Timestamp (epoch ms) in the current tag's attribute, or NaN. */
  attrTime(local: string): number {
    const v = this.attr(local);
    return v === undefined ? Number.NaN : parseXmlTime(v, 0, v.length);
  }

  /** Text of the element just closed, trimmed and decoded; '' for non-leaf elements. */
  text(): string {
    if (!this.leaf) return '';
    return (this.complex ? decodeText(this.s, this.ts, this.te) : this.s.slice(this.ts, this.te)).trim();
  }

  /** Number in the element just closed, or NaN (empty, not a number, or not a leaf). */
  num(): number {
    if (!this.leaf) return Number.NaN;
    if (this.complex) return toNumber(decodeText(this.s, this.ts, this.te));
    return parseXmlNumber(this.s, this.ts, this.te);
  }

  /** Timestamp (epoch ms) in the element just closed, or NaN. */
  time(): number {
    if (!this.leaf) return Number.NaN;
    if (this.complex) {
      const t = decodeText(this.s, this.ts, this.te);
      return parseXmlTime(t, 0, t.length);
    }
    return parseXmlTime(this.s, this.ts, this.te);
  }
}

function toNumber(text: string): number {
  return parseXmlNumber(text, 0, text.length);
}

/** Decode the entity whose name is `s[a, b)` (between '&' and ';'); undefined if invalid. */
function decodeEntity(s: string, a: number, b: number): string | undefined {
  if (s.charCodeAt(a) === HASH) {
    const hex = s.charCodeAt(a + 1) === 120;
    const digits = s.slice(a + (hex ? 2 : 1), b);
    if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
    const cp = Number.parseInt(digits, hex ? 16 : 10);
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    return String.fromCodePoint(cp);
  }
  return PREDEFINED.get(s.slice(a, b));
}

/**
 * Decode raw element content `s[a, b)`: expand entities, unwrap CDATA, drop comments and PIs.
 * Only reached for the rare leaf that holds any of those; the scanner has already validated it.
 */
function decodeText(s: string, a: number, b: number): string {
  let out = '';
  let i = a;
  while (i < b) {
    const c = s.charCodeAt(i);
    if (c === AMP) {
      const semi = s.indexOf(';', i);
      out += decodeEntity(s, i + 1, semi) ?? '';
      i = semi + 1;
    } else if (c === LT) {
      if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i);
        out += s.slice(i + 9, end);
        i = end + 3;
      } else if (s.startsWith('<!--', i)) {
        i = s.indexOf('-->', i + 4) + 3;
      } else {
        i = s.indexOf('?>', i) + 2;
      }
    } else {
      let j = i + 1;
      while (j < b) {
        const d = s.charCodeAt(j);
        if (d === AMP || d === LT) break;
        j++;
      }
      out += s.slice(i, j);
      i = j;
    }
  }
  return out;
}

// --- Helpers shared by the GPX and TCX decoders -------------------------------------------------

/**
 * Whether a decoded position is worth keeping. Both coordinates must be numbers and in range (a lone
 * latitude is no position). A (0, 0) position is rejected too: some exporters (Fitbit TCX, see
 * `togeojson-bad.tcx`) write 0,0 when the watch had no fix, and kept, it adds a jump of thousands of
 * kilometres to the Gulf of Guinea that ruins distance and pace. Nobody runs within 0.1 m of null
 * island, so |lat| < 1e-6 and |lon| < 1e-6 means "no position".
 */
export function isUsablePosition(lat: number, lon: number): boolean {
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return false; // Also false for NaN.
  return !(Math.abs(lat) < 1e-6 && Math.abs(lon) < 1e-6);
}

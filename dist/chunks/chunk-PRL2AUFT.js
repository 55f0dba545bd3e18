import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/coverage/model.ts
var COVER_MODES = ["set", "count", "atomic"];
var CoverageError = class extends Error {
  name = "CoverageError";
};
function packageOf(file) {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "." : file.slice(0, slash);
}

// src/coverage/read.ts
import { closeSync, openSync, readSync } from "node:fs";

// src/coverage/order.ts
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/coverage/blocks-builder.ts
var ADDED = -1;
var ProfileBuilder = class {
  constructor(mode) {
    this.mode = mode;
  }
  mode;
  files = /* @__PURE__ */ new Map();
  add(file, startLine, startCol, endLine, endCol, numStmt, count) {
    return this.file(file).add(startLine, startCol, endLine, endCol, numStmt, count);
  }
  /** The builder of one file's blocks (a parser keeps it while lines name the same file). */
  file(file) {
    let builder = this.files.get(file);
    if (builder === void 0) {
      const name = Buffer.from(file, "utf8").toString("utf8");
      builder = new FileBuilder(name, this.mode === "set");
      this.files.set(name, builder);
    }
    return builder;
  }
  addBlock(b) {
    return this.add(b.file, b.startLine, b.startCol, b.endLine, b.endCol, b.numStmt, b.count);
  }
  finish() {
    const names = [...this.files.keys()].sort(compareStrings);
    return { mode: this.mode, files: names.map((name) => this.files.get(name).finish()) };
  }
};
var FileBuilder = class {
  constructor(file, orCounts2) {
    this.file = file;
    this.orCounts = orCounts2;
    this.allocate(16);
  }
  file;
  orCounts;
  length = 0;
  startLine;
  startCol;
  endLine;
  endCol;
  numStmt;
  count;
  /** The index: the previous block with the same start line (index + 1; 0 ends the chain). */
  next;
  /** The index: the latest block starting on each line (index + 1; 0 for none). */
  head = new Int32Array(0);
  /** The same for start lines past HEAD_LIMIT, which only odd or hostile profiles have. */
  farHead;
  /** Whether blocks arrived in order so far, which spares sorting at the end. */
  sorted = true;
  /** What the last `add` did: the index of the block it stored or merged into, and whether it merged. */
  lastBlock = -1;
  merged = false;
  add(startLine, startCol, endLine, endCol, numStmt, count) {
    const last = this.length - 1;
    if (this.next === void 0) {
      if (last < 0 || (this.startLine[last] - startLine || this.startCol[last] - startCol || this.endLine[last] - endLine || this.endCol[last] - endCol) < 0) {
        this.append(startLine, startCol, endLine, endCol, numStmt, count);
        return ADDED;
      }
      this.buildIndex();
    }
    return this.addIndexed(startLine, startCol, endLine, endCol, numStmt, count);
  }
  /** `add` once blocks are indexed (the lookup, kept apart so that `add`, run per line, stays small). */
  addIndexed(startLine, startCol, endLine, endCol, numStmt, count) {
    const last = this.length - 1;
    const far = startLine >= HEAD_LIMIT;
    const first = far ? this.farHead?.get(startLine) ?? 0 : startLine < this.head.length ? this.head[startLine] : 0;
    for (let i = first - 1; i >= 0; i = this.next[i] - 1) {
      if (this.startCol[i] !== startCol || this.endLine[i] !== endLine || this.endCol[i] !== endCol) continue;
      if (this.numStmt[i] !== numStmt) return this.numStmt[i];
      this.addCount(i, count);
      this.lastBlock = i;
      this.merged = true;
      return ADDED;
    }
    if (this.sorted && last >= 0) {
      this.sorted = (this.startLine[last] - startLine || this.startCol[last] - startCol || this.endLine[last] - endLine || this.endCol[last] - endCol) < 0;
    }
    this.append(startLine, startCol, endLine, endCol, numStmt, count);
    this.indexBlock(this.length - 1);
    return ADDED;
  }
  /** Merges `count` into block i (an identical block came again). */
  addCount(i, count) {
    const seen = this.count[i];
    this.count[i] = this.orCounts ? orCounts(seen, count) : seen + count;
  }
  append(startLine, startCol, endLine, endCol, numStmt, count) {
    const i = this.length;
    this.lastBlock = i;
    this.merged = false;
    if (i === this.startLine.length) this.growColumns();
    this.startLine[i] = startLine;
    this.startCol[i] = startCol;
    this.endLine[i] = endLine;
    this.endCol[i] = endCol;
    this.numStmt[i] = numStmt;
    this.count[i] = count;
    this.length++;
  }
  buildIndex() {
    this.next = new Int32Array(this.startLine.length);
    for (let i = 0; i < this.length; i++) this.indexBlock(i);
  }
  /** Puts block i at the front of its start line's chain. */
  indexBlock(i) {
    const next = this.next;
    const startLine = this.startLine[i];
    if (startLine >= HEAD_LIMIT) {
      const map = this.farHead ??= /* @__PURE__ */ new Map();
      next[i] = map.get(startLine) ?? 0;
      map.set(startLine, i + 1);
      return;
    }
    if (startLine >= this.head.length) this.head = grow(this.head, Math.min(HEAD_LIMIT, Math.max(startLine + 1, this.head.length * 2, 64)));
    next[i] = this.head[startLine];
    this.head[startLine] = i + 1;
  }
  /**
   * The file's blocks in position order. Columns are handed out as views of the builder's own
   * storage (no copy), reordered one column at a time when blocks arrived out of order, so the
   * peak stays near one copy of the data.
   */
  finish() {
    const n = this.length;
    if (!this.sorted) {
      const order = Int32Array.from({ length: n }, (_, i) => i);
      order.sort((a, b) => this.compare(a, b));
      this.startCol = permute(this.startCol, order);
      this.endLine = permute(this.endLine, order);
      this.endCol = permute(this.endCol, order);
      this.numStmt = permute(this.numStmt, order);
      this.count = permute(this.count, order);
      this.startLine = permute(this.startLine, order);
    }
    this.next = void 0;
    this.head = new Int32Array(0);
    this.farHead = void 0;
    return {
      file: this.file,
      length: n,
      startLine: this.startLine.subarray(0, n),
      startCol: this.startCol.subarray(0, n),
      endLine: this.endLine.subarray(0, n),
      endCol: this.endCol.subarray(0, n),
      numStmt: this.numStmt.subarray(0, n),
      count: this.count.subarray(0, n)
    };
  }
  compare(a, b) {
    return this.startLine[a] - this.startLine[b] || this.startCol[a] - this.startCol[b] || this.endLine[a] - this.endLine[b] || this.endCol[a] - this.endCol[b];
  }
  /**
   * Doubles: the outgrown columns stay allocated until the next collection, and doubling leaves
   * the least of them (measured against growing by half, which leaves twice the final size).
   */
  growColumns() {
    const old = [this.startLine, this.startCol, this.endLine, this.endCol, this.numStmt];
    const count = this.count;
    this.allocate(this.startLine.length * 2);
    [this.startLine, this.startCol, this.endLine, this.endCol, this.numStmt].forEach((column, i) => column.set(old[i]));
    this.count.set(count);
    if (this.next !== void 0) this.next = grow(this.next, this.startLine.length);
  }
  /** All columns in one buffer: one allocation per growth instead of six (allocation dominated growing). */
  allocate(capacity) {
    const buffer = new ArrayBuffer(capacity * (8 + 5 * 4));
    this.count = new Float64Array(buffer, 0, capacity);
    const int32 = (k) => new Int32Array(buffer, capacity * (8 + 4 * k), capacity);
    this.startLine = int32(0);
    this.startCol = int32(1);
    this.endLine = int32(2);
    this.endCol = int32(3);
    this.numStmt = int32(4);
  }
};
var HEAD_LIMIT = 1 << 20;
function grow(column, size) {
  const out = new column.constructor(size);
  out.set(column);
  return out;
}
function permute(column, order) {
  const out = new column.constructor(order.length);
  for (let k = 0; k < order.length; k++) out[k] = column[order[k]];
  return out;
}
function orCounts(a, b) {
  return a <= 2147483647 && b <= 2147483647 ? a | b : Math.max(a, b);
}

// src/coverage/byte-words.ts
function wordCount(length) {
  return length + 3 >>> 2;
}
function tailWord(bytes, from, end) {
  let word = 0;
  for (let k = end - 1; k >= from; k--) word = word << 8 | bytes[k];
  return word;
}
function sameWords(view, bytes, start, end, words, at) {
  let k = start;
  let w = at;
  for (; k + 4 <= end; k += 4, w++) if (view.getInt32(k, true) !== words[w]) return false;
  return k === end || tailWord(bytes, k, end) === words[w];
}
function copyWords(view, bytes, start, end, words, at) {
  let k = start;
  let w = at;
  for (; k + 4 <= end; k += 4, w++) words[w] = view.getInt32(k, true);
  if (k < end) words[w] = tailWord(bytes, k, end);
}
function hashWords(view, bytes, start, end) {
  let hash = end - start;
  let k = start;
  for (; k + 4 <= end; k += 4) hash = Math.imul(hash, 31) + view.getInt32(k, true) | 0;
  if (k < end) hash = Math.imul(hash, 31) + tailWord(bytes, k, end) | 0;
  return finalMix(hash);
}
function hashStoredWords(words, at, length) {
  let hash = length;
  const last = at + wordCount(length);
  for (let w = at; w < last; w++) hash = Math.imul(hash, 31) + words[w] | 0;
  return finalMix(hash);
}
function finalMix(hash) {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 2246822507);
  return hash ^ hash >>> 13;
}
function viewOf(bytes) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
var NEWLINE = 10;
var CR = 13;
var SPACE = 32;
var DIGIT_0 = 48;
var DIGIT_9 = 57;

// src/coverage/repeated-lines.ts
var RepeatedLines = class {
  /** Entries kept. */
  size = 0;
  /**
   * Whether entries can be looked up: the hash table is built at the first repeat (`position`).
   * Until then no line can be found here that the full parse would not merge anyway, and a
   * profile of distinct blocks never pays for hashing.
   */
  indexed = false;
  /** Entry index + 1 per slot (0: empty); the length is a power of two, at most half full. */
  slots = new Int32Array(1024);
  hashes = new Int32Array(256);
  /** Where each entry's key starts in `words`, and its length in bytes. */
  keyAt = new Int32Array(256);
  keyLength = new Int32Array(256);
  blocks = new Int32Array(256);
  /** The entry that came after each one the last time it was found (at first, the next one kept). */
  successor = new Int32Array(256);
  files = [];
  /** The keys' bytes, as words (byte-words.ts), one after the other. */
  words = new Int32Array(4096);
  wordsUsed = 0;
  /** The entry found last, and the one expected next (its successor); -1 before the first is found. */
  lastFound = -1;
  next = -1;
  /** The hash of the last key looked up, and where that key was. */
  hashed = 0;
  hashedBytes;
  hashedStart = 0;
  hashedEnd = 0;
  /**
   * The entry expected next, or -1. Nothing is expected before a first repeat was found, so that
   * the parser's fast path first runs where it succeeds (code compiled while it only failed would
   * be thrown away at the first success).
   */
  expected() {
    const entry = this.next;
    return entry < this.size ? entry : -1;
  }
  /** The length in bytes of an entry's key. */
  length(entry) {
    return this.keyLength[entry];
  }
  /** Whether bytes[start, end) is the key of `entry`. */
  matches(entry, view, bytes, start, end) {
    return this.keyLength[entry] === end - start && sameWords(view, bytes, start, end, this.words, this.keyAt[entry]);
  }
  /**
   * At a repeat the full parse found (and merged): builds the table if it is not yet, and if
   * bytes[start, end) is kept, expects next the entry that came after it; returns whether it is.
   */
  position(view, bytes, start, end) {
    if (!this.indexed) {
      this.indexed = true;
      for (let entry2 = 0; entry2 < this.size; entry2++) {
        this.hashes[entry2] = hashStoredWords(this.words, this.keyAt[entry2], this.keyLength[entry2]);
      }
      this.rehash(Math.max(1024, tableSize(this.size)));
    }
    const entry = this.lookUp(view, bytes, start, end);
    if (entry < 0) return false;
    this.lastFound = entry;
    this.next = this.successor[entry];
    return true;
  }
  /** The entry whose key is bytes[start, end), or -1: the expected one, else by hash. */
  find(view, bytes, start, end) {
    const expected = this.next;
    if (expected >= 0 && expected < this.size && this.matches(expected, view, bytes, start, end)) return expected;
    return this.lookUp(view, bytes, start, end);
  }
  /** How many lines the last `run` merged (the parser counts lines with it). */
  ran = 0;
  /**
   * The parser's fastest path: while the line at bytes[from] is the entry expected next (its key
   * compared in words where the line starts, then a count and the line break), merges its count
   * and goes on, without looking for the line break first. Returns where the first other line
   * starts. A loop of its own with no calls but the merge, so that it runs fast before V8 has
   * optimized it and is compiled early (on-stack replacement) rather than with the whole parser.
   */
  run(view, bytes, from, end) {
    const keyAt = this.keyAt;
    const keyLength = this.keyLength;
    const successor = this.successor;
    const words = this.words;
    let entry = this.next;
    let lines = 0;
    for (; ; ) {
      if (entry < 0 || entry >= this.size) break;
      const length = keyLength[entry];
      const space = from + length;
      if (space >= end || bytes[space] !== SPACE) break;
      let k = from;
      let w = keyAt[entry];
      for (; k + 4 <= space; k += 4, w++) if (view.getInt32(k, true) !== words[w]) break;
      if (k + 4 <= space) break;
      if (k < space) {
        let tail = 0;
        for (let t = space - 1; t >= k; t--) tail = tail << 8 | bytes[t];
        if (tail !== words[w]) break;
      }
      let i = space + 1;
      let count = 0;
      for (; i < end; i++) {
        const c = bytes[i];
        if (c < DIGIT_0 || c > DIGIT_9) break;
        count = count * 10 + (c - DIGIT_0);
      }
      const digits = i - space - 1;
      if (digits === 0 || digits > 15) break;
      if (i < end && bytes[i] === CR) i++;
      if (i >= end || bytes[i] !== NEWLINE) break;
      if (this.lastFound >= 0) successor[this.lastFound] = entry;
      this.lastFound = entry;
      this.files[entry].addCount(this.blocks[entry], count);
      entry = successor[entry];
      lines++;
      from = i + 1;
    }
    this.next = entry;
    this.ran = lines;
    return from;
  }
  /** Merges `count` into the block of `entry`, and expects the same entry next as came after it now. */
  addCount(entry, count) {
    if (this.lastFound >= 0) this.successor[this.lastFound] = entry;
    this.lastFound = entry;
    this.next = this.successor[entry];
    this.files[entry].addCount(this.blocks[entry], count);
  }
  lookUp(view, bytes, start, end) {
    const hash = hashWords(view, bytes, start, end);
    this.hashed = hash;
    this.hashedBytes = bytes;
    this.hashedStart = start;
    this.hashedEnd = end;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = slot + 1 & mask) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.matches(entry, view, bytes, start, end)) return entry;
    }
  }
  /** Keeps bytes[start, end) as the key of `block` of `file` (the caller found it missing). */
  add(view, bytes, start, end, file, block) {
    const entry = this.size;
    if (entry === this.hashes.length) this.growEntries();
    const words = wordCount(end - start);
    if (this.wordsUsed + words > this.words.length) this.words = grown(this.words, Math.max(this.words.length * 2, this.wordsUsed + words));
    copyWords(view, bytes, start, end, this.words, this.wordsUsed);
    this.keyAt[entry] = this.wordsUsed;
    this.keyLength[entry] = end - start;
    this.blocks[entry] = block;
    this.successor[entry] = entry + 1;
    this.files[entry] = file;
    this.wordsUsed += words;
    this.size++;
    if (!this.indexed) return;
    const hash = bytes === this.hashedBytes && start === this.hashedStart && end === this.hashedEnd ? this.hashed : hashWords(view, bytes, start, end);
    this.hashedBytes = void 0;
    this.hashes[entry] = hash;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(entry, hash);
  }
  place(entry, hash) {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = slot + 1 & mask;
    this.slots[slot] = entry + 1;
  }
  rehash(slots) {
    this.slots = new Int32Array(slots);
    for (let entry = 0; entry < this.size; entry++) this.place(entry, this.hashes[entry]);
  }
  growEntries() {
    const capacity = this.hashes.length * 2;
    this.hashes = grown(this.hashes, capacity);
    this.keyAt = grown(this.keyAt, capacity);
    this.keyLength = grown(this.keyLength, capacity);
    this.blocks = grown(this.blocks, capacity);
    this.successor = grown(this.successor, capacity);
  }
};
function tableSize(entries) {
  let slots = 1;
  while (slots < entries * 2 + 1) slots *= 2;
  return slots;
}
function grown(column, capacity) {
  const out = new Int32Array(capacity);
  out.set(column);
  return out;
}

// src/coverage/parse.ts
var MODE_PREFIX = "mode: ";
var FORMAT = '"file:startLine.startCol,endLine.endCol numStmt count"';
var ProfileParser = class {
  constructor(source) {
    this.source = source;
  }
  source;
  mode;
  builder;
  lineNumber = 0;
  /** A blank line is only allowed at the end or before a repeated mode line: remember where it was. */
  blankLine = 0;
  /** The file of the previous line and its name's bytes as words: consecutive lines mostly name the same file. */
  lastFile;
  lastName = new Int32Array(64);
  lastNameLength = -1;
  repeated = new RepeatedLines();
  /**
   * Whether lines are looked up among the repeated ones: until MISS_LIMIT lines in a row were new
   * blocks (a profile of distinct blocks, which then pays nothing more), and again from the next
   * block that merges. While looking, the first EAGER_ENTRIES new blocks are kept at first sight,
   * so that the second test binary of a `-coverpkg` profile already takes the fast path.
   */
  looking = true;
  misses = 0;
  /** A DataView of the bytes being parsed, made again only when they are another buffer. */
  bytes;
  view = new DataView(new ArrayBuffer(0));
  /** Feeds one line, without its line break. */
  line(text) {
    const bytes = Buffer.from(text, "utf8");
    this.lineBytes(bytes, 0, bytes.length);
  }
  /** Feeds the line bytes[start, end) (UTF-8, without its line break). */
  lineBytes(bytes, start, end) {
    if (bytes !== this.bytes) this.useBytes(bytes);
    this.parseLine(bytes, start, end);
  }
  /**
   * Feeds every line of bytes[start, end) that ends with a line break, and returns where the
   * rest (an incomplete last line) begins. The loop over lines is here, next to the parsing,
   * so that the call per line is one the compiler can inline.
   */
  lines(bytes, start, end) {
    if (bytes !== this.bytes) this.useBytes(bytes);
    let from = start;
    for (; ; ) {
      if (this.looking && this.blankLine === 0 && this.repeated.expected() >= 0) {
        from = this.repeated.run(this.view, bytes, from, end);
        if (this.repeated.ran > 0) {
          this.lineNumber += this.repeated.ran;
          this.misses = 0;
        }
      }
      const lineBreak = bytes.indexOf(NEWLINE, from);
      if (lineBreak < 0 || lineBreak >= end) return from;
      this.parseLine(bytes, from, lineBreak);
      from = lineBreak + 1;
    }
  }
  useBytes(bytes) {
    this.bytes = bytes;
    this.view = viewOf(bytes);
  }
  parseLine(bytes, start, end) {
    this.lineNumber++;
    if (end > start && bytes[end - 1] === CR) end--;
    if (isBlank(bytes, start, end)) {
      if (this.mode === void 0) this.fail(`expected "mode: set|count|atomic" as the first line`, bytes, start, end);
      if (this.blankLine === 0) this.blankLine = this.lineNumber;
      return;
    }
    if (bytes[start] === M && isModeLine(bytes, start, end)) {
      this.modeLine(decode(bytes, start, end));
      this.blankLine = 0;
      return;
    }
    if (this.mode === void 0) this.fail(`expected "mode: set|count|atomic" as the first line`, bytes, start, end);
    if (this.blankLine !== 0) {
      this.failAt(this.blankLine, "blank line inside the profile (only trailing blank lines are allowed)", "");
    }
    if (!this.looking || !this.repeated.indexed || !this.repeatedLine(bytes, start, end)) this.blockLine(bytes, start, end);
  }
  /** Ends the input and returns the profile: identical blocks merged, sorted by file and position. */
  finish() {
    if (this.builder === void 0) {
      throw new CoverageError(`${this.source}: empty profile: expected "mode: set|count|atomic" as the first line`);
    }
    this.bytes = void 0;
    this.view = new DataView(new ArrayBuffer(0));
    return this.builder.finish();
  }
  modeLine(text) {
    const mode = text.startsWith(MODE_PREFIX) ? text.slice(MODE_PREFIX.length).trim() : "";
    if (!COVER_MODES.includes(mode)) {
      this.failAt(this.lineNumber, `bad mode line: expected "mode: set", "mode: count" or "mode: atomic"`, text);
    }
    if (this.mode !== void 0 && this.mode !== mode) {
      this.failAt(this.lineNumber, `mode ${mode} differs from mode ${this.mode} of the lines above (profiles of different modes cannot be merged)`, text);
    }
    this.mode = mode;
    this.builder ??= new ProfileBuilder(this.mode);
  }
  /** Parses `name:startLine.startCol,endLine.endCol numStmt count` from the right, so names may contain `:`. */
  blockLine(bytes, start, end) {
    const scanned = scanBlockLine(bytes, start, end, FIELDS);
    if (scanned === NEGATIVE) {
      const text = decode(bytes, start, end);
      this.fail(`negative count ${text.slice(text.lastIndexOf(" ") + 1)}`, bytes, start, end);
    }
    if (scanned === BAD) this.fail(`expected ${FORMAT}`, bytes, start, end);
    const count = FIELDS[0];
    const numStmt = FIELDS[1];
    const endCol = FIELDS[2];
    const endLine = FIELDS[3];
    const startCol = FIELDS[4];
    const startLine = FIELDS[5];
    const colon = FIELDS[6];
    const countSpace = FIELDS[7];
    if (startLine > MAX_INT32 || startCol > MAX_INT32 || endLine > MAX_INT32 || endCol > MAX_INT32 || numStmt > MAX_INT32) {
      this.fail("line, column or statement number too large", bytes, start, end);
    }
    let file = this.lastFile;
    if (file === void 0 || !this.sameName(bytes, start, colon)) {
      file = this.builder.file(decode(bytes, start, colon));
      this.lastFile = file;
      this.rememberName(bytes, start, colon);
    }
    const result = file.add(startLine, startCol, endLine, endCol, numStmt, count);
    if (result !== ADDED) {
      this.fail(`the same block had ${result} statements before and ${numStmt} here (profiles of different sources?)`, bytes, start, end);
    }
    if (this.looking) this.keep(bytes, start, countSpace, file);
    else if (file.merged) this.looking = true;
  }
  /**
   * Keeps the line of a block that merged (it repeats: its next repeats take the fast path), or
   * of a new one while few are kept. Only called while looking: a new block's line cannot be kept
   * yet, and a merged one is looked up first (by `position`, or by the fast path once the table
   * is built), so no line is kept twice.
   */
  keep(bytes, start, space, file) {
    const repeated = this.repeated;
    if (file.merged) {
      this.misses = 0;
      if (!repeated.indexed && repeated.position(this.view, bytes, start, space)) return;
      repeated.add(this.view, bytes, start, space, file, file.lastBlock);
      return;
    }
    if (repeated.size < EAGER_ENTRIES) repeated.add(this.view, bytes, start, space, file, file.lastBlock);
    if (++this.misses > MISS_LIMIT) {
      this.looking = false;
      this.repeated = new RepeatedLines();
    }
  }
  /**
   * The fast path for a line whose text up to the count came before: merges its count into that
   * block and returns true. Anything unusual about the count returns false, and the full parse
   * then handles it (and its errors); a different statement count is a different text, so it
   * takes the full parse too, which reports it.
   */
  repeatedLine(bytes, start, end) {
    let i = end - 1;
    let count = 0;
    let scale = 1;
    for (; i > start; i--) {
      const c = bytes[i];
      if (c === SPACE) break;
      if (c < DIGIT_0 || c > DIGIT_9) return false;
      count += (c - DIGIT_0) * scale;
      scale *= 10;
    }
    const digits = end - 1 - i;
    if (digits === 0 || digits > 15 || i <= start) return false;
    const entry = this.repeated.find(this.view, bytes, start, i);
    if (entry < 0) return false;
    this.repeated.addCount(entry, count);
    this.misses = 0;
    return true;
  }
  sameName(bytes, start, end) {
    return end - start === this.lastNameLength && sameWords(this.view, bytes, start, end, this.lastName, 0);
  }
  rememberName(bytes, start, end) {
    const words = wordCount(end - start);
    if (words > this.lastName.length) this.lastName = new Int32Array(2 * words);
    copyWords(this.view, bytes, start, end, this.lastName, 0);
    this.lastNameLength = end - start;
  }
  fail(message, bytes, start, end) {
    return this.failAt(this.lineNumber, message, decode(bytes, start, end));
  }
  failAt(lineNumber, message, text) {
    const shown = text.length > 200 ? `${text.slice(0, 200)}\u2026` : text;
    throw new CoverageError(`${this.source}:${lineNumber}: ${message}, got ${JSON.stringify(shown)}`);
  }
};
var MAX_INT32 = 2147483647;
var EAGER_ENTRIES = 1 << 14;
var MISS_LIMIT = 1 << 14;
var M = 109;
function decode(bytes, start, end) {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8");
}
function isModeLine(bytes, start, end) {
  return end - start >= 5 && bytes[start + 1] === 111 && bytes[start + 2] === 100 && bytes[start + 3] === 101 && bytes[start + 4] === 58;
}
function isBlank(bytes, start, end) {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c !== 32 && c !== 9 && c !== CR) return false;
  }
  return true;
}
var OK = 0;
var BAD = 1;
var NEGATIVE = 2;
var DOT = 46;
var COMMA = 44;
var COLON = 58;
var MINUS = 45;
var FIELDS = new Float64Array(8);
function scanBlockLine(bytes, start, end, out) {
  const countSpace = numberBefore(bytes, start, end - 1, SPACE, out, 0);
  if (countSpace < 0) return isNegativeCount(bytes, start, end) ? NEGATIVE : BAD;
  const numStmtSpace = numberBefore(bytes, start, countSpace - 1, SPACE, out, 1);
  if (numStmtSpace < 0) return BAD;
  const endDot = numberBefore(bytes, start, numStmtSpace - 1, DOT, out, 2);
  if (endDot < 0) return BAD;
  const comma = numberBefore(bytes, start, endDot - 1, COMMA, out, 3);
  if (comma < 0) return BAD;
  const startDot = numberBefore(bytes, start, comma - 1, DOT, out, 4);
  if (startDot < 0) return BAD;
  const colon = numberBefore(bytes, start, startDot - 1, COLON, out, 5);
  if (colon < 0) return BAD;
  out[6] = colon;
  out[7] = countSpace;
  return OK;
}
function numberBefore(bytes, start, last, separator, out, field) {
  let value = 0;
  let scale = 1;
  let i = last;
  for (; i > start; i--) {
    const c = bytes[i];
    if (c === separator) break;
    if (c < DIGIT_0 || c > DIGIT_9) return -1;
    value += (c - DIGIT_0) * scale;
    scale *= 10;
  }
  const digits = last - i;
  if (digits === 0 || digits > 15 || i <= start) return -1;
  out[field] = value;
  return i;
}
function isNegativeCount(bytes, start, end) {
  let i = end - 1;
  while (i > start && bytes[i] >= DIGIT_0 && bytes[i] <= DIGIT_9) i--;
  return i < end - 1 && bytes[i] === MINUS && i - 1 >= start && bytes[i - 1] === SPACE;
}

// src/coverage/read.ts
async function readProfile(path) {
  const parser = new ProfileParser(path);
  await readChunks(path, (bytes, available) => parser.lines(bytes, 0, available));
  return parser.finish();
}
async function readChunks(path, consume) {
  let buffer = Buffer.allocUnsafe(CHUNK);
  let filled = 0;
  let fd;
  try {
    fd = openSync(path, "r");
    let sinceYield = 0;
    for (; ; ) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      const available = filled + bytesRead;
      const used = consume(buffer, available);
      buffer.copy(buffer, 0, used, available);
      filled = available - used;
      sinceYield += bytesRead;
      if (sinceYield >= YIELD_BYTES) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (filled > 0) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length + 1);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      buffer[filled] = NEWLINE2;
      consume(buffer, filled + 1);
    }
  } catch (err) {
    if (err instanceof CoverageError) throw err;
    throw new CoverageError(`${path}: cannot read the profile: ${err.message}`, { cause: err });
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
var NEWLINE2 = 10;
var CHUNK = 1 << 16;
var YIELD_BYTES = 1 << 22;

// src/coverage/percent.ts
function formatPercent(covered, total) {
  if (total === 0) return "0.0";
  return formatOneDecimal(100 * covered / total);
}
function percentValue(covered, total) {
  return Number(formatPercent(covered, total));
}
function summary(covered, total) {
  return { covered, total, percent: percentValue(covered, total) };
}
function addSummaries(parts) {
  let covered = 0;
  let total = 0;
  for (const part of parts) {
    covered += part.covered;
    total += part.total;
  }
  return summary(covered, total);
}
function formatOneDecimal(value) {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0 || Object.is(value, -0);
  const { mantissa, exponent } = decompose(Math.abs(value));
  let tenths;
  if (exponent >= 0) {
    tenths = mantissa * 10n * (1n << BigInt(exponent));
  } else {
    const denominator = 1n << BigInt(-exponent);
    const numerator = mantissa * 10n;
    const quotient = numerator / denominator;
    const twiceRemainder = numerator % denominator * 2n;
    const roundUp = twiceRemainder > denominator || twiceRemainder === denominator && quotient % 2n === 1n;
    tenths = roundUp ? quotient + 1n : quotient;
  }
  const digits = tenths.toString().padStart(2, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -1)}.${digits.slice(-1)}`;
}
function decompose(value) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number(bits >> 52n & 0x7ffn);
  const fraction = bits & (1n << 52n) - 1n;
  if (biasedExponent === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | 1n << 52n, exponent: biasedExponent - 1075 };
}

// src/coverage/summary.ts
function summarizeStatements(profile) {
  const files = /* @__PURE__ */ new Map();
  for (const f of profile.files) {
    let covered = 0;
    let total = 0;
    for (let i = 0; i < f.length; i++) {
      const n = f.numStmt[i];
      total += n;
      if (f.count[i] > 0) covered += n;
    }
    files.set(f.file, { covered, total });
  }
  return breakdown(files);
}
function breakdown(files) {
  const packages = /* @__PURE__ */ new Map();
  const total = { covered: 0, total: 0 };
  for (const [file, counts] of files) {
    const name = packageOf(file);
    const pkg = packages.get(name) ?? { covered: 0, total: 0 };
    pkg.covered += counts.covered;
    pkg.total += counts.total;
    packages.set(name, pkg);
    total.covered += counts.covered;
    total.total += counts.total;
  }
  return { total: summary(total.covered, total.total), packages: named(packages), files: named(files) };
}
function named(counts) {
  return [...counts].sort(([a], [b]) => compareStrings(a, b)).map(([name, c]) => ({ name, summary: summary(c.covered, c.total) }));
}

// src/coverage/lines.ts
var DenseLines = class {
  constructor(first, hits, size) {
    this.first = first;
    this.hits = hits;
    this.size = size;
    this.missing = hits instanceof Float64Array ? NaN : hits instanceof Uint8Array ? 255 : hits instanceof Uint16Array ? 65535 : 4294967295;
  }
  first;
  hits;
  size;
  /** The value that marks a line not instrumented (NaN for a Float64Array). */
  missing;
  get(line) {
    const hits = this.hits[line - this.first];
    return hits === void 0 || hits === this.missing || Number.isNaN(hits) ? void 0 : hits;
  }
  has(line) {
    return this.get(line) !== void 0;
  }
  /** How many instrumented lines have hits above 0 (what summarizeLines counts), without iterating entries. */
  coveredCount() {
    let covered = 0;
    const missing = this.missing;
    for (let i = 0; i < this.hits.length; i++) {
      const hits = this.hits[i];
      if (hits > 0 && hits !== missing) covered++;
    }
    return covered;
  }
  forEach(callback, thisArg) {
    for (const [line, hits] of this.entries()) callback.call(thisArg, hits, line, this);
  }
  *entries() {
    for (let i = 0; i < this.hits.length; i++) {
      const hits = this.hits[i];
      if (hits !== this.missing && !Number.isNaN(hits)) yield [this.first + i, hits];
    }
  }
  *keys() {
    for (const [line] of this.entries()) yield line;
  }
  *values() {
    for (const [, hits] of this.entries()) yield hits;
  }
  [Symbol.iterator]() {
    return this.entries();
  }
};
var LinesBuilder = class {
  constructor(first, last, scratch) {
    this.first = first;
    const length = last - first + 1;
    if (scratch.hits.length < length) scratch.hits = new Float64Array(Math.max(length, scratch.hits.length * 2));
    this.hits = scratch.hits.subarray(0, length);
    this.hits.fill(NaN);
  }
  first;
  hits;
  add(from, to, hits) {
    for (let line = from; line <= to; line++) {
      const i = line - this.first;
      const seen = this.hits[i];
      if (Number.isNaN(seen) || hits > seen) this.hits[i] = hits;
    }
  }
  finish() {
    let size = 0;
    let highest = 0;
    let integers = true;
    for (let i = 0; i < this.hits.length; i++) {
      const hits = this.hits[i];
      if (Number.isNaN(hits)) continue;
      size++;
      if (hits > highest) highest = hits;
      if (hits < 0 || !Number.isInteger(hits)) integers = false;
    }
    const Narrow = !integers ? Float64Array : highest < 255 ? Uint8Array : highest < 65535 ? Uint16Array : highest < 4294967295 ? Uint32Array : Float64Array;
    const kept = new Narrow(this.hits.length);
    if (kept instanceof Float64Array) kept.set(this.hits);
    else {
      const missing = Narrow === Uint8Array ? 255 : Narrow === Uint16Array ? 65535 : 4294967295;
      for (let i = 0; i < this.hits.length; i++) {
        const hits = this.hits[i];
        kept[i] = Number.isNaN(hits) ? missing : hits;
      }
    }
    return new DenseLines(this.first, kept, size);
  }
};
var SparseLinesBuilder = class {
  hits = /* @__PURE__ */ new Map();
  add(from, to, hits) {
    for (let line = from; line <= to; line++) {
      const seen = this.hits.get(line);
      if (seen === void 0 || hits > seen) this.hits.set(line, hits);
    }
  }
  finish() {
    return new Map([...this.hits].sort(([a], [b]) => a - b));
  }
};
function linesBuilder(first, last, lines, scratch) {
  return last - first + 1 > 64 + 16 * lines ? new SparseLinesBuilder() : new LinesBuilder(first, last, scratch);
}
function lineCoverage(profile) {
  const files = /* @__PURE__ */ new Map();
  const scratch = { hits: new Float64Array(0) };
  for (const f of profile.files) {
    if (f.length === 0) continue;
    let first = Infinity;
    let last = 0;
    let spans = 0;
    for (let i = 0; i < f.length; i++) {
      const startLine = f.startLine[i];
      const endLine = f.endLine[i];
      if (startLine < first) first = startLine;
      if (endLine > last) last = endLine;
      spans += Math.max(0, endLine - startLine) + 1;
    }
    const builder = linesBuilder(first, Math.max(first, last), spans, scratch);
    for (let i = 0; i < f.length; i++) builder.add(f.startLine[i], f.endLine[i], f.count[i]);
    files.set(f.file, builder.finish());
  }
  return files;
}
function mergeLineCoverage(inputs) {
  const names = [...new Set(inputs.flatMap((input) => [...input.keys()]))].sort(compareStrings);
  const files = /* @__PURE__ */ new Map();
  const scratch = { hits: new Float64Array(0) };
  for (const name of names) {
    const parts = inputs.map((input) => input.get(name)).filter((part) => part !== void 0 && part.size > 0);
    if (parts.length === 0) continue;
    let first = Infinity;
    let last = 0;
    for (const part of parts) {
      for (const line of part.keys()) {
        first = Math.min(first, line);
        last = Math.max(last, line);
      }
    }
    const builder = linesBuilder(first, last, parts.reduce((n, part) => n + part.size, 0), scratch);
    for (const part of parts) for (const [line, hits] of part) builder.add(line, line, hits);
    files.set(name, builder.finish());
  }
  return files;
}
function summarizeLines(lines) {
  const files = /* @__PURE__ */ new Map();
  for (const [file, hitsByLine] of lines) {
    let covered = 0;
    if (hitsByLine instanceof DenseLines) covered = hitsByLine.coveredCount();
    else for (const hits of hitsByLine.values()) if (hits > 0) covered++;
    files.set(file, { covered, total: hitsByLine.size });
  }
  return breakdown(files);
}

// src/coverage/go-profile.ts
function formatProfile(profile) {
  const out = [`mode: ${profile.mode}`];
  for (const f of profile.files) {
    for (let i = 0; i < f.length; i++) {
      out.push(`${f.file}:${f.startLine[i]}.${f.startCol[i]},${f.endLine[i]}.${f.endCol[i]} ${f.numStmt[i]} ${f.count[i]}`);
    }
  }
  return `${out.join("\n")}
`;
}

// src/coverage/lcov.ts
function formatLcov(lines, options = {}) {
  const sourcePath = options.sourcePath ?? ((file) => file);
  const functionsByFile = /* @__PURE__ */ new Map();
  for (const fn of options.functions ?? []) {
    const list = functionsByFile.get(fn.file) ?? [];
    list.push(fn);
    functionsByFile.set(fn.file, list);
  }
  const files = [.../* @__PURE__ */ new Set([...lines.keys(), ...functionsByFile.keys()])].sort(compareStrings);
  const out = [];
  for (const file of files) {
    if (options.testName) out.push(`TN:${options.testName}`);
    out.push(`SF:${sourcePath(file)}`);
    const functions = [...functionsByFile.get(file) ?? []].sort((a, b) => a.line - b.line);
    const names = uniqueNames(functions);
    functions.forEach((fn, i) => out.push(`FN:${fn.line},${names[i]}`));
    functions.forEach((fn, i) => out.push(`FNDA:${fn.hits},${names[i]}`));
    out.push(`FNF:${functions.length}`, `FNH:${functions.filter((fn) => fn.hits > 0).length}`);
    let covered = 0;
    const hitsByLine = lines.get(file) ?? /* @__PURE__ */ new Map();
    for (const [line, hits] of hitsByLine) {
      out.push(`DA:${line},${hits}`);
      if (hits > 0) covered++;
    }
    out.push(`LF:${hitsByLine.size}`, `LH:${covered}`, "end_of_record");
  }
  return out.length === 0 ? "" : `${out.join("\n")}
`;
}
function uniqueNames(functions) {
  const counts = /* @__PURE__ */ new Map();
  for (const fn of functions) counts.set(fn.name, (counts.get(fn.name) ?? 0) + 1);
  return functions.map((fn) => (counts.get(fn.name) ?? 0) > 1 ? `${fn.name}@${fn.line}` : fn.name);
}
function moduleRelativePath(modulePath, moduleDir = "") {
  const prefix = `${modulePath}/`;
  const dir = moduleDir.replace(/\/+$/, "").replace(/^\.\/?/, "");
  return (file) => file.startsWith(prefix) ? (dir ? `${dir}/` : "") + file.slice(prefix.length) : file;
}
function modulePathOf(goMod, source = "go.mod") {
  const match = /^\s*module\s+("?)([^\s"]+)\1\s*(?:\/\/.*)?$/m.exec(goMod);
  if (match === null) throw new CoverageError(`${source}: no "module" line, so the module path is unknown`);
  return match[2];
}

// src/coverage/merge.ts
function mergeProfiles(profiles) {
  const first = profiles[0];
  if (first === void 0) throw new CoverageError("no profiles to merge");
  const builder = new ProfileBuilder(first.profile.mode);
  profiles.forEach(({ name, profile }, index) => {
    if (profile.mode !== first.profile.mode) {
      throw new CoverageError(`${name}: mode ${profile.mode} differs from mode ${first.profile.mode} of ${first.name}; profiles of different modes cannot be merged`);
    }
    for (const f of profile.files) {
      for (let i = 0; i < f.length; i++) {
        const result = builder.add(f.file, f.startLine[i], f.startCol[i], f.endLine[i], f.endCol[i], f.numStmt[i], f.count[i]);
        if (result !== ADDED) {
          const key = `${f.file}:${f.startLine[i]}.${f.startCol[i]},${f.endLine[i]}.${f.endCol[i]}`;
          const earlier = profiles.slice(0, index).find((p) => hasBlock(p.profile, f, i, result));
          throw new CoverageError(`${name}: block ${key} has ${f.numStmt[i]} statements, but ${result} in ${earlier?.name ?? "an earlier profile"}`);
        }
      }
    }
  });
  return builder.finish();
}
function hasBlock(profile, f, i, numStmt) {
  const g = profile.files.find((other) => other.file === f.file);
  if (g === void 0) return false;
  for (let j = 0; j < g.length; j++) {
    if (g.startLine[j] === f.startLine[i] && g.startCol[j] === f.startCol[i] && g.endLine[j] === f.endLine[i] && g.endCol[j] === f.endCol[i] && g.numStmt[j] === numStmt) return true;
  }
  return false;
}

export {
  CoverageError,
  packageOf,
  compareStrings,
  readProfile,
  formatPercent,
  summary,
  addSummaries,
  formatOneDecimal,
  summarizeStatements,
  lineCoverage,
  mergeLineCoverage,
  summarizeLines,
  formatProfile,
  formatLcov,
  moduleRelativePath,
  modulePathOf,
  mergeProfiles
};

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
function lastLineOf(startLine, startCol, endLine, endCol) {
  if (endLine > startLine) return endCol <= 1 ? endLine - 1 : endLine;
  return endLine === startLine && endCol > startCol ? endLine : startLine - 1;
}
function lineSpanOf(startLine, startCol, endLine, endCol) {
  return Math.max(0, lastLineOf(startLine, startCol, endLine, endCol) - startLine + 1);
}
function linesCovered(profile) {
  const { startLine, startCol, endLine, endCol } = profile.blocks;
  let lines = 0;
  for (let i = 0; i < startLine.length; i++) lines += lineSpanOf(startLine[i], startCol[i], endLine[i], endCol[i]);
  return lines;
}
function lineBudget(blocks) {
  return LINES_PER_PROFILE + LINES_PER_BLOCK * blocks;
}
var LINES_PER_PROFILE = 1 << 20;
var LINES_PER_BLOCK = 16;

// src/files/read-profile.ts
import { closeSync, openSync, readSync, statSync } from "node:fs";

// src/coverage/blocks-builder.ts
var ADDED = -1;
var ProfileBuilder = class {
  constructor(mode) {
    this.mode = mode;
    this.orCounts = mode === "set";
    this.allocate(16);
  }
  mode;
  /** Blocks stored. */
  length = 0;
  /** What the last `add` did: the block it stored or merged into, and whether it merged. */
  lastBlock = -1;
  merged = false;
  /**
   * How many blocks the profile will likely hold, when the caller can tell (the parser projects it
   * from the bytes read so far and the profile's size): growing to it at once, rather than by
   * doubling, leaves fewer outgrown columns waiting for a collection (at a million blocks, 28 MB
   * of them, which put the peak over twice the profile's size).
   */
  expectedBlocks;
  orCounts;
  startLine;
  startCol;
  endLine;
  endCol;
  numStmt;
  count;
  ids = /* @__PURE__ */ new Map();
  names = [];
  /** Per file: its first block, its number of blocks, and its greatest block (by position). */
  fileFirst = new Int32Array(16);
  fileCount = new Int32Array(16);
  fileMax = new Int32Array(16);
  /** Per file: 1 while its blocks are one run in position order. */
  fileInOrder = new Uint8Array(16);
  /** Whether some file's blocks are not one run in position order (finish must gather them). */
  scattered = false;
  /** The file of the block appended last. */
  lastAppended = -1;
  /** Each block's file: kept from the first moment it is needed (an index, or a scattered file). */
  fileOf;
  /** The index: block + 1 per slot (0: empty), a power of two at most half full. */
  slots;
  /**
   * The id of a file by name (created at its first block). A name is copied before it is kept (a
   * caller's string may be a slice of a much larger one, which it would keep alive), unless the
   * caller says it is `fresh` (the parser decodes each name from bytes).
   */
  fileId(name, fresh = false) {
    let id = this.ids.get(name);
    if (id === void 0) {
      id = this.names.length;
      const kept = fresh ? name : Buffer.from(name, "utf8").toString("utf8");
      this.names.push(kept);
      this.ids.set(kept, id);
      if (id === this.fileFirst.length) this.growFiles();
      this.fileCount[id] = 0;
      this.fileInOrder[id] = 1;
    }
    return id;
  }
  add(file, startLine, startCol, endLine, endCol, numStmt, count) {
    return this.addTo(this.fileId(file), startLine, startCol, endLine, endCol, numStmt, count);
  }
  addBlock(b) {
    return this.add(b.file, b.startLine, b.startCol, b.endLine, b.endCol, b.numStmt, b.count);
  }
  /** Whether a block of file `id` with this range is new for certain: it comes after every block of its file. */
  isNew(id, startLine, startCol, endLine, endCol) {
    return this.fileCount[id] === 0 || this.after(this.fileMax[id], startLine, startCol, endLine, endCol);
  }
  /** Adds a block to file `id` (from `fileId`): appended when new, else merged into the identical one. */
  addTo(id, startLine, startCol, endLine, endCol, numStmt, count) {
    if (this.fileCount[id] === 0 || this.after(this.fileMax[id], startLine, startCol, endLine, endCol)) {
      this.append(id, startLine, startCol, endLine, endCol, numStmt, count, true);
      return ADDED;
    }
    const found = this.find(id, startLine, startCol, endLine, endCol);
    if (found >= 0) {
      if (this.numStmt[found] !== numStmt) return this.numStmt[found];
      this.addCount(found, count);
      this.lastBlock = found;
      this.merged = true;
      return ADDED;
    }
    this.append(id, startLine, startCol, endLine, endCol, numStmt, count, false);
    return ADDED;
  }
  /** Merges `count` into block i (an identical block came again). */
  addCount(i, count) {
    const seen = this.count[i];
    this.count[i] = this.orCounts ? orCounts(seen, count) : seen + count;
  }
  /** Whether the range comes after block i's, in position order. */
  after(i, startLine, startCol, endLine, endCol) {
    return (this.startLine[i] - startLine || this.startCol[i] - startCol || this.endLine[i] - endLine || this.endCol[i] - endCol) < 0;
  }
  append(id, startLine, startCol, endLine, endCol, numStmt, count, greatest) {
    const i = this.length;
    if (i === this.startLine.length) this.growColumns();
    this.startLine[i] = startLine;
    this.startCol[i] = startCol;
    this.endLine[i] = endLine;
    this.endCol[i] = endCol;
    this.numStmt[i] = numStmt;
    this.count[i] = count;
    this.length++;
    this.lastBlock = i;
    this.merged = false;
    const blocks = this.fileCount[id];
    if (blocks === 0) this.fileFirst[id] = i;
    else if (this.fileInOrder[id] === 1 && (!greatest || this.lastAppended !== id)) this.scatter(id);
    this.fileCount[id] = blocks + 1;
    if (greatest) this.fileMax[id] = i;
    this.lastAppended = id;
    if (this.fileOf !== void 0) this.fileOf[i] = id;
    if (this.slots !== void 0) {
      if (this.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
      else this.place(i);
    }
  }
  /** File `id`'s blocks stop being one run in order: from now on each block's file is kept. */
  scatter(id) {
    this.fileInOrder[id] = 0;
    this.scattered = true;
    this.keepFiles();
  }
  /** Starts keeping each block's file; until now every file's blocks were one run, so they are known. */
  keepFiles() {
    if (this.fileOf !== void 0) return;
    this.fileOf = new Int32Array(this.startLine.length);
    for (let id = 0; id < this.names.length; id++) {
      const first = this.fileFirst[id];
      this.fileOf.fill(id, first, first + this.fileCount[id]);
    }
  }
  find(id, startLine, startCol, endLine, endCol) {
    if (this.slots === void 0) {
      this.keepFiles();
      this.rehash(tableSize(this.length));
    }
    const slots = this.slots;
    const fileOf = this.fileOf;
    const mask = slots.length - 1;
    for (let slot = hashBlock(id, startLine, startCol, endLine, endCol) & mask; ; slot = slot + 1 & mask) {
      const i = slots[slot] - 1;
      if (i < 0) return -1;
      if (this.startLine[i] === startLine && this.startCol[i] === startCol && this.endLine[i] === endLine && this.endCol[i] === endCol && fileOf[i] === id) {
        return i;
      }
    }
  }
  place(i) {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hashBlock(this.fileOf[i], this.startLine[i], this.startCol[i], this.endLine[i], this.endCol[i]) & mask;
    while (slots[slot] !== 0) slot = slot + 1 & mask;
    slots[slot] = i + 1;
  }
  rehash(size) {
    this.slots = new Int32Array(size);
    for (let i = 0; i < this.length; i++) this.place(i);
  }
  /**
   * The profile: files by name, each file's blocks by position. When every file's blocks arrived
   * as one run in order, the columns are handed out as views of the builder's own storage (no
   * copy); otherwise each file's blocks are gathered and sorted into new columns.
   */
  finish() {
    const n = this.length;
    const order = [...this.names].sort().map((name) => this.ids.get(name));
    const columns = () => ({
      startLine: this.startLine.subarray(0, n),
      startCol: this.startCol.subarray(0, n),
      endLine: this.endLine.subarray(0, n),
      endCol: this.endCol.subarray(0, n),
      numStmt: this.numStmt.subarray(0, n),
      count: this.count.subarray(0, n)
    });
    if (!this.scattered) {
      const files2 = order.map((id) => ({ file: this.names[id], start: this.fileFirst[id], length: this.fileCount[id] }));
      return { mode: this.mode, files: files2, blocks: columns() };
    }
    const fileOf = this.fileOf;
    const starts = new Int32Array(this.names.length);
    let at = 0;
    for (const id of order) {
      starts[id] = at;
      at += this.fileCount[id];
    }
    const files = order.map((id) => ({ file: this.names[id], start: starts[id], length: this.fileCount[id] }));
    const next = Int32Array.from(starts);
    const permutation = new Int32Array(n);
    for (let i = 0; i < n; i++) permutation[next[fileOf[i]]++] = i;
    const byPosition = (a, b) => this.startLine[a] - this.startLine[b] || this.startCol[a] - this.startCol[b] || this.endLine[a] - this.endLine[b] || this.endCol[a] - this.endCol[b];
    for (const id of order) {
      if (this.fileInOrder[id] === 0) permutation.subarray(starts[id], starts[id] + this.fileCount[id]).sort(byPosition);
    }
    const blocks = columns();
    return {
      mode: this.mode,
      files,
      blocks: {
        startLine: permute(blocks.startLine, permutation),
        startCol: permute(blocks.startCol, permutation),
        endLine: permute(blocks.endLine, permutation),
        endCol: permute(blocks.endCol, permutation),
        numStmt: permute(blocks.numStmt, permutation),
        count: permute(blocks.count, permutation)
      }
    };
  }
  /**
   * Grows to the expected size (between 1.25 and 4 times), else doubles: the outgrown columns
   * stay allocated until the next collection, and of plain growth factors doubling leaves the
   * least of them (measured against growing by half, which leaves twice the final size).
   */
  growColumns() {
    const old = [this.startLine, this.startCol, this.endLine, this.endCol, this.numStmt];
    const count = this.count;
    const capacity = this.startLine.length;
    const expected = this.expectedBlocks?.() ?? 0;
    this.allocate(expected > capacity ? Math.min(4 * capacity, Math.max(Math.ceil(1.25 * capacity), expected)) : 2 * capacity);
    [this.startLine, this.startCol, this.endLine, this.endCol, this.numStmt].forEach((column, i) => column.set(old[i]));
    this.count.set(count);
    if (this.fileOf !== void 0) this.fileOf = grow(this.fileOf, this.startLine.length);
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
  growFiles() {
    const size = this.fileFirst.length * 2;
    this.fileFirst = grow(this.fileFirst, size);
    this.fileCount = grow(this.fileCount, size);
    this.fileMax = grow(this.fileMax, size);
    const inOrder = new Uint8Array(size);
    inOrder.set(this.fileInOrder);
    this.fileInOrder = inOrder;
  }
};
function hashBlock(file, startLine, startCol, endLine, endCol) {
  let hash = Math.imul(file, 2654435761) ^ startLine;
  hash = Math.imul(hash ^ hash >>> 15, 2246822507) + startCol;
  hash = Math.imul(hash ^ hash >>> 13, 3266489909) + endLine;
  hash = Math.imul(hash ^ hash >>> 16, 2246822507) + endCol;
  hash ^= hash >>> 15;
  return Math.imul(hash, 739982445) ^ hash >>> 12;
}
function tableSize(entries) {
  let slots = 1024;
  while (slots < entries * 2 + 2) slots *= 2;
  return slots;
}
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
    const entry = this.indexAndFind(view, bytes, start, end);
    if (entry < 0) return false;
    this.lastFound = entry;
    this.next = this.successor[entry];
    return true;
  }
  /** Builds the table if it is not yet, and returns the entry whose key is bytes[start, end), or -1. */
  indexAndFind(view, bytes, start, end) {
    if (!this.indexed) {
      this.indexed = true;
      for (let entry = 0; entry < this.size; entry++) {
        this.hashes[entry] = hashStoredWords(this.words, this.keyAt[entry], this.keyLength[entry]);
      }
      this.rehash(Math.max(1024, tableSize2(this.size)));
    }
    return this.lookUp(view, bytes, start, end);
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
  run(view, bytes, from, end, builder) {
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
      builder.addCount(this.blocks[entry], count);
      entry = successor[entry];
      lines++;
      from = i + 1;
    }
    this.next = entry;
    this.ran = lines;
    return from;
  }
  /** Merges `count` into the block of `entry`, and expects the same entry next as came after it now. */
  addCount(entry, count, builder) {
    if (this.lastFound >= 0) this.successor[this.lastFound] = entry;
    this.lastFound = entry;
    this.next = this.successor[entry];
    builder.addCount(this.blocks[entry], count);
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
  /** Keeps bytes[start, end) as the key of `block` (the caller found it missing). */
  add(view, bytes, start, end, block) {
    const entry = this.size;
    if (entry === this.hashes.length) this.growEntries();
    const words = wordCount(end - start);
    if (this.wordsUsed + words > this.words.length) this.words = grown(this.words, Math.max(this.words.length * 2, this.wordsUsed + words));
    copyWords(view, bytes, start, end, this.words, this.wordsUsed);
    this.keyAt[entry] = this.wordsUsed;
    this.keyLength[entry] = end - start;
    this.blocks[entry] = block;
    this.successor[entry] = entry + 1;
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
function tableSize2(entries) {
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
  /** `size`: the profile's length in bytes, when known (the builder then grows to the size it projects). */
  constructor(source, size = 0) {
    this.source = source;
    this.size = size;
  }
  source;
  size;
  mode;
  builder;
  lineNumber = 0;
  /** A blank line is only allowed at the end or before a repeated mode line: remember where it was. */
  blankLine = 0;
  /** The file of the previous line (its id) and its name's bytes as words: consecutive lines mostly name the same file. */
  lastFile = -1;
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
  /** The new block covering the most lines (of those spanning WIDE_BLOCK lines or more), with its line number and text. */
  widest = { span: -1, lineNumber: 0, text: "" };
  /** Bytes of lines fed so far, to project how many blocks the profile holds (`size`). */
  consumed = 0;
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
        const before = from;
        from = this.repeated.run(this.view, bytes, from, end, this.builder);
        this.consumed += from - before;
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
    this.consumed += end - start + 1;
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
    const profile = this.builder.finish();
    const lines = linesCovered(profile);
    const blocks = this.builder.length;
    if (lines > lineBudget(blocks)) {
      const too = `the profile's blocks cover ${lines} lines in all, more than the ${lineBudget(blocks)} a profile of ${plural(blocks, "block")} can (Go's blocks cover about 3 lines each)`;
      const { lineNumber, span, text } = this.widest;
      if (span < 0) throw new CoverageError(`${this.source}: ${too}: the profile does not describe real source files`);
      this.failAt(lineNumber, `${too}; this block alone covers ${span}: the profile does not describe real source files`, text);
    }
    return profile;
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
    if (this.builder === void 0) {
      const builder = new ProfileBuilder(this.mode);
      if (this.size > 0) builder.expectedBlocks = () => Math.ceil(1.05 * builder.length * this.size / Math.max(1, this.consumed));
      this.builder = builder;
    }
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
    if (endLine < startLine || endLine === startLine && endCol < startCol) {
      this.fail("the block ends before it starts", bytes, start, end);
    }
    const builder = this.builder;
    let file = this.lastFile;
    if (file < 0 || !this.sameName(bytes, start, colon)) {
      file = builder.fileId(decode(bytes, start, colon), true);
      this.lastFile = file;
      this.rememberName(bytes, start, colon);
    }
    if (this.looking && !this.repeated.indexed && this.repeated.size > 0 && !builder.isNew(file, startLine, startCol, endLine, endCol)) {
      const entry = this.repeated.indexAndFind(this.view, bytes, start, countSpace);
      if (entry >= 0) {
        this.repeated.addCount(entry, count, builder);
        this.misses = 0;
        return;
      }
    }
    const result = builder.addTo(file, startLine, startCol, endLine, endCol, numStmt, count);
    if (result !== ADDED) {
      this.fail(`the same block had ${result} statements before and ${numStmt} here (profiles of different sources?)`, bytes, start, end);
    }
    if (endLine - startLine >= WIDE_BLOCK && !builder.merged) {
      const span = lineSpanOf(startLine, startCol, endLine, endCol);
      if (span > this.widest.span) this.widest = { span, lineNumber: this.lineNumber, text: decode(bytes, start, end) };
    }
    if (this.looking) this.keep(bytes, start, countSpace, builder);
    else if (builder.merged) this.looking = true;
  }
  /**
   * Keeps the line of a block that merged (it repeats: its next repeats take the fast path), or
   * of a new one while few are kept. Only called while looking: a new block's line cannot be kept
   * yet, and a merged one is looked up first (by `position`, or by the fast path once the table
   * is built), so no line is kept twice.
   */
  keep(bytes, start, space, builder) {
    const repeated = this.repeated;
    if (builder.merged) {
      this.misses = 0;
      if (!repeated.indexed && repeated.position(this.view, bytes, start, space)) return;
      repeated.add(this.view, bytes, start, space, builder.lastBlock);
      return;
    }
    if (repeated.size < EAGER_ENTRIES) repeated.add(this.view, bytes, start, space, builder.lastBlock);
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
    this.repeated.addCount(entry, count, this.builder);
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
var WIDE_BLOCK = 64;
function plural(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
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

// src/files/read-profile.ts
async function readProfile(path) {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
  }
  const parser = new ProfileParser(path, size);
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
  if (total === 0) return 0;
  const tenths = roundedTenths(100 * covered / total);
  return tenths >= 0 ? tenths / 10 : Number(formatPercent(covered, total));
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
  const quick = roundedTenths(value);
  if (quick >= 0) return `${Math.floor(quick / 10)}.${quick % 10}`;
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
function roundedTenths(value) {
  if (!(value >= 0 && value < 1024) || Object.is(value, -0)) return -1;
  const scaled = value * 10;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) <= NEAR_TIE) return -1;
  return fraction > 0.5 ? whole + 1 : whole;
}
var NEAR_TIE = 2 ** -20;
function decompose(value) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number(bits >> 52n & 0x7ffn);
  const fraction = bits & (1n << 52n) - 1n;
  if (biasedExponent === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | 1n << 52n, exponent: biasedExponent - 1075 };
}

// src/coverage/order.ts
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/coverage/summary.ts
function summarizeStatements(profile) {
  const n = profile.files.length;
  const covered = new Float64Array(n);
  const totals = new Float64Array(n);
  const { numStmt, count } = profile.blocks;
  profile.files.forEach((f, k) => {
    let c = 0;
    let t = 0;
    for (let i = f.start; i < f.start + f.length; i++) {
      const statements = numStmt[i];
      t += statements;
      if (count[i] > 0) c += statements;
    }
    covered[k] = c;
    totals[k] = t;
  });
  return breakdown({ names: profile.files.map((f) => f.file), covered, totals });
}
function breakdown(counts) {
  const { names, covered, totals } = counts;
  let order = names.map((_, i) => i);
  if (!isSorted(names)) order = order.sort((a, b) => compareStrings(names[a], names[b]));
  const files = [];
  const packages = /* @__PURE__ */ new Map();
  let all = 0;
  let allCovered = 0;
  let lastPackage = "";
  let current;
  for (const i of order) {
    const name = names[i];
    const c = covered[i];
    const t = totals[i];
    files.push({ name, summary: summary(c, t) });
    if (current === void 0 || !inPackage(name, lastPackage)) {
      lastPackage = packageOf(name);
      current = packages.get(lastPackage);
      if (current === void 0) packages.set(lastPackage, current = { covered: 0, total: 0 });
    }
    current.covered += c;
    current.total += t;
    allCovered += c;
    all += t;
  }
  const packageNames = [...packages.keys()];
  if (!isSorted(packageNames)) packageNames.sort(compareStrings);
  return {
    total: summary(allCovered, all),
    packages: packageNames.map((name) => {
      const p = packages.get(name);
      return { name, summary: summary(p.covered, p.total) };
    }),
    files
  };
}
function inPackage(file, pkg) {
  return file.length > pkg.length && file.startsWith(pkg) && file.charCodeAt(pkg.length) === SLASH && file.indexOf("/", pkg.length + 1) < 0;
}
var SLASH = 47;
function isSorted(names) {
  for (let i = 1; i < names.length; i++) if (compareStrings(names[i - 1], names[i]) > 0) return false;
  return true;
}

// src/coverage/lines.ts
var LineTable = class {
  constructor(names, first, at, width, linesAt, sizes, covered, hits, lineNumbers) {
    this.names = names;
    this.first = first;
    this.at = at;
    this.width = width;
    this.linesAt = linesAt;
    this.sizes = sizes;
    this.covered = covered;
    this.hits = hits;
    this.lineNumbers = lineNumbers;
    this.missing = missingOf(hits);
  }
  names;
  first;
  at;
  width;
  linesAt;
  sizes;
  covered;
  hits;
  lineNumbers;
  /** The value that marks a slot whose line is not instrumented (NaN for a Float64Array). */
  missing;
  get size() {
    return this.names.length;
  }
  /** The index of a file, or -1. */
  indexOf(file) {
    let lo = 0;
    let hi = this.names.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (this.names[mid] < file) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.names.length && this.names[lo] === file ? lo : -1;
  }
  get(file) {
    const index = this.indexOf(file);
    return index < 0 ? void 0 : new FileLines(this, index);
  }
  has(file) {
    return this.indexOf(file) >= 0;
  }
  /** Instrumented and covered lines of every file (what summarizeLines counts), without iterating them. */
  fileCounts() {
    return { names: this.names, covered: this.covered, totals: this.sizes };
  }
  nameAt(index) {
    return this.names[index];
  }
  sizeAt(index) {
    return this.sizes[index];
  }
  /** The hits of `line` in file `index`, or undefined when it is not instrumented. */
  hitsAt(index, line) {
    const at = this.at[index];
    const width = this.width[index];
    let slot;
    const linesAt = this.linesAt[index];
    if (linesAt < 0) {
      slot = line - this.first[index];
      if (!(slot >= 0 && slot < width)) return void 0;
    } else {
      let lo = linesAt;
      let hi = linesAt + width;
      while (lo < hi) {
        const mid = lo + hi >>> 1;
        if (this.lineNumbers[mid] < line) lo = mid + 1;
        else hi = mid;
      }
      if (lo === linesAt + width || this.lineNumbers[lo] !== line) return void 0;
      slot = lo - linesAt;
    }
    const hits = this.hits[at + slot];
    return hits === this.missing || hits !== hits ? void 0 : hits;
  }
  /** Calls `each(line, hits)` for every instrumented line of file `index`, in line order. */
  forEachLine(index, each) {
    const at = this.at[index];
    const width = this.width[index];
    const linesAt = this.linesAt[index];
    const first = this.first[index];
    const missing = this.missing;
    for (let slot = 0; slot < width; slot++) {
      const hits = this.hits[at + slot];
      if (hits === missing || hits !== hits) continue;
      each(linesAt < 0 ? first + slot : this.lineNumbers[linesAt + slot], hits);
    }
  }
  forEach(callback, thisArg) {
    for (let i = 0; i < this.names.length; i++) callback.call(thisArg, new FileLines(this, i), this.names[i], this);
  }
  *entries() {
    for (let i = 0; i < this.names.length; i++) yield [this.names[i], new FileLines(this, i)];
  }
  *keys() {
    yield* this.names;
  }
  *values() {
    for (let i = 0; i < this.names.length; i++) yield new FileLines(this, i);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
};
var FileLines = class {
  constructor(table, index) {
    this.table = table;
    this.index = index;
  }
  table;
  index;
  get size() {
    return this.table.sizeAt(this.index);
  }
  get(line) {
    return this.table.hitsAt(this.index, line);
  }
  has(line) {
    return this.get(line) !== void 0;
  }
  forEach(callback, thisArg) {
    this.table.forEachLine(this.index, (line, hits) => callback.call(thisArg, hits, line, this));
  }
  /** Calls `each(line, hits)` for every instrumented line, in line order. */
  eachLine(each) {
    this.table.forEachLine(this.index, each);
  }
  *entries() {
    const pairs = [];
    this.table.forEachLine(this.index, (line, hits) => pairs.push([line, hits]));
    yield* pairs;
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
function missingOf(hits) {
  return hits instanceof Float64Array ? NaN : hits instanceof Uint8Array ? 255 : hits instanceof Uint16Array ? 65535 : 4294967295;
}
function hitsArrayFor(highest, integers) {
  if (!integers) return Float64Array;
  return highest < 255 ? Uint8Array : highest < 65535 ? Uint16Array : highest < 4294967295 ? Uint32Array : Float64Array;
}
var TableBuilder = class {
  constructor(capacity, highest, integers) {
    this.highest = highest;
    this.integers = integers;
    this.firstLines = new Int32Array(capacity);
    this.lastLines = new Int32Array(capacity);
    this.spans = new Float64Array(capacity);
  }
  highest;
  integers;
  names = [];
  /** Per planned file: the first and last line of its blocks, and the lines they cover in all. */
  firstLines;
  lastLines;
  spans;
  table;
  file = -1;
  /** A sparse file's lines and hits while it is built (dense files write in place). */
  sparse = /* @__PURE__ */ new Map();
  /** Declares the next file (names in sorted order): its lines lie in [first, last], `lines` in all. */
  plan(name, first, last, lines) {
    const i = this.names.length;
    this.names.push(name);
    this.firstLines[i] = first;
    this.lastLines[i] = last;
    this.spans[i] = lines;
  }
  /** Allocates the table once every file is planned; files are then filled in the same order. */
  allocate() {
    const n = this.names.length;
    const first = new Int32Array(n);
    const at = new Int32Array(n);
    const width = new Int32Array(n);
    const linesAt = new Int32Array(n);
    let slots = 0;
    let sparseSlots = 0;
    for (let i = 0; i < n; i++) {
      const lines = this.spans[i];
      const range = this.lastLines[i] - this.firstLines[i] + 1;
      at[i] = slots;
      if (range <= 64 + 16 * lines) {
        first[i] = this.firstLines[i];
        width[i] = range;
        linesAt[i] = -1;
        slots += range;
      } else {
        first[i] = -1;
        width[i] = lines;
        linesAt[i] = sparseSlots;
        sparseSlots += lines;
        slots += lines;
      }
    }
    const Hits = hitsArrayFor(this.highest, this.integers);
    const hits = new Hits(slots);
    hits.fill(missingOf(hits));
    this.table = { first, at, width, linesAt, sizes: new Int32Array(n), covered: new Int32Array(n), hits, lineNumbers: new Int32Array(sparseSlots) };
  }
  /** Starts filling the next file. */
  next() {
    this.file++;
    this.sparse.clear();
  }
  /** Lines from..to of the current file ran `hits` times (a line keeps the highest). */
  add(from, to, hits) {
    const t = this.table;
    const file = this.file;
    if (t.linesAt[file] >= 0) {
      for (let line = from; line <= to; line++) {
        const seen = this.sparse.get(line);
        if (seen === void 0 || hits > seen) this.sparse.set(line, hits);
      }
      return;
    }
    const array = t.hits;
    const missing = missingOf(array);
    const base = t.at[file] - t.first[file];
    for (let line = from; line <= to; line++) {
      const seen = array[base + line];
      if (seen === missing || seen !== seen || hits > seen) array[base + line] = hits;
    }
  }
  /** Ends the current file: counts its lines (and lays out a sparse file's). */
  end() {
    const t = this.table;
    const file = this.file;
    const at = t.at[file];
    const linesAt = t.linesAt[file];
    if (linesAt >= 0) {
      const lines = [...this.sparse.keys()].sort((a, b) => a - b);
      lines.forEach((line, k) => {
        t.lineNumbers[linesAt + k] = line;
        t.hits[at + k] = this.sparse.get(line);
      });
      t.width[file] = lines.length;
    }
    const missing = missingOf(t.hits);
    let size = 0;
    let covered = 0;
    for (let slot = at; slot < at + t.width[file]; slot++) {
      const hits = t.hits[slot];
      if (hits === missing || hits !== hits) continue;
      size++;
      if (hits > 0) covered++;
    }
    t.sizes[file] = size;
    t.covered[file] = covered;
  }
  finish() {
    const t = this.table;
    return new LineTable(this.names, t.first, t.at, t.width, t.linesAt, t.sizes, t.covered, t.hits, t.lineNumbers);
  }
};
function lineCoverage(profile) {
  const { startLine, startCol, endLine, endCol, count } = profile.blocks;
  const files = profile.files;
  let highest = 0;
  let integers = true;
  let lines = 0;
  let blocks = 0;
  const firstLines = new Int32Array(files.length);
  const lastLines = new Int32Array(files.length);
  const spans = new Float64Array(files.length);
  files.forEach((f, k) => {
    let first = 2147483647;
    let last = -1;
    let fileLines = 0;
    for (let i = f.start; i < f.start + f.length; i++) {
      const from = startLine[i];
      const to = lastLineOf(from, startCol[i], endLine[i], endCol[i]);
      if (to < from) continue;
      if (from < first) first = from;
      if (to > last) last = to;
      fileLines += to - from + 1;
      const hits = count[i];
      if (hits > highest) highest = hits;
      if (hits < 0 || !Number.isInteger(hits)) integers = false;
    }
    firstLines[k] = first;
    lastLines[k] = last;
    spans[k] = fileLines;
    lines += fileLines;
    blocks += f.length;
  });
  if (lines > lineBudget(blocks)) {
    throw new CoverageError(`the profile's blocks cover ${lines} lines in all, more than the ${lineBudget(blocks)} a profile of ${blocks} blocks can: it does not describe real source files`);
  }
  const builder = new TableBuilder(files.length, highest, integers);
  files.forEach((f, k) => {
    if (spans[k] > 0) builder.plan(f.file, firstLines[k], lastLines[k], spans[k]);
  });
  builder.allocate();
  files.forEach((f, k) => {
    if (spans[k] === 0) return;
    builder.next();
    for (let i = f.start; i < f.start + f.length; i++) {
      const from = startLine[i];
      builder.add(from, lastLineOf(from, startCol[i], endLine[i], endCol[i]), count[i]);
    }
    builder.end();
  });
  return builder.finish();
}
function mergeLineCoverage(inputs) {
  if (inputs.length === 1) return inputs[0];
  const parts = filesOf(inputs);
  let highest = 0;
  let integers = true;
  const bounds = parts.map(({ found }) => {
    let first = Infinity;
    let last = -Infinity;
    let lines = 0;
    for (const part of found) {
      eachLine(part, (line, hits) => {
        if (line < first) first = line;
        if (line > last) last = line;
        if (hits > highest) highest = hits;
        if (hits < 0 || !Number.isInteger(hits)) integers = false;
      });
      lines += part.size;
    }
    return { first, last, lines };
  });
  const builder = new TableBuilder(parts.length, highest, integers);
  parts.forEach((p, k) => {
    const b = bounds[k];
    builder.plan(p.name, b.first, b.last, b.lines);
  });
  builder.allocate();
  for (const p of parts) {
    builder.next();
    for (const part of p.found) eachLine(part, (line, hits) => builder.add(line, line, hits));
    builder.end();
  }
  return builder.finish();
}
function filesOf(inputs) {
  const result = [];
  if (inputs.every((input) => input instanceof LineTable)) {
    const tables = inputs;
    const at = tables.map(() => 0);
    for (; ; ) {
      let name;
      tables.forEach((t, k) => {
        const i = at[k];
        if (i < t.size && (name === void 0 || t.nameAt(i) < name)) name = t.nameAt(i);
      });
      if (name === void 0) return result;
      const found = [];
      tables.forEach((t, k) => {
        const i = at[k];
        if (i < t.size && t.nameAt(i) === name) {
          if (t.sizeAt(i) > 0) found.push(new FileLines(t, i));
          at[k] = i + 1;
        }
      });
      if (found.length > 0) result.push({ name, found });
    }
  }
  const names = inputs.flatMap((input) => [...input.keys()]).sort();
  names.forEach((name, k) => {
    if (k > 0 && names[k - 1] === name) return;
    const found = inputs.map((input) => input.get(name)).filter((part) => part !== void 0 && part.size > 0);
    if (found.length > 0) result.push({ name, found });
  });
  return result;
}
function eachLine(lines, each) {
  if (lines instanceof FileLines) lines.eachLine(each);
  else for (const [line, hits] of lines) each(line, hits);
}
function summarizeLines(lines) {
  if (lines instanceof LineTable) return breakdown(lines.fileCounts());
  const names = [];
  const covered = [];
  const totals = [];
  for (const [file, hitsByLine] of lines) {
    let c = 0;
    for (const hits of hitsByLine.values()) if (hits > 0) c++;
    names.push(file);
    covered.push(c);
    totals.push(hitsByLine.size);
  }
  return breakdown({ names, covered, totals });
}

// src/coverage/go-profile.ts
function formatProfile(profile) {
  const out = [`mode: ${profile.mode}`];
  const { startLine, startCol, endLine, endCol, numStmt, count } = profile.blocks;
  for (const f of profile.files) {
    for (let i = f.start; i < f.start + f.length; i++) {
      out.push(`${f.file}:${startLine[i]}.${startCol[i]},${endLine[i]}.${endCol[i]} ${numStmt[i]} ${count[i]}`);
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
  return repositoryPaths([{ path: modulePath, dir: moduleDir }]);
}
function repositoryPaths(modules) {
  const byLength = [...modules].sort((a, b) => b.path.length - a.path.length);
  return (file) => {
    const module = byLength.find((m) => file.startsWith(`${m.path}/`));
    if (module === void 0) return file;
    const dir = module.dir.replace(/\/+$/, "").replace(/^\.(\/|$)/, "");
    return (dir === "" ? "" : `${dir}/`) + file.slice(module.path.length + 1);
  };
}
function parseLcov(text, where, options = {}) {
  const records = [];
  let record = null;
  let byName = /* @__PURE__ */ new Map();
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "end_of_record") {
      record = null;
      return;
    }
    const colon = line.indexOf(":");
    const key = line.slice(0, colon).toUpperCase();
    const value = line.slice(colon + 1);
    if (key === "SF") {
      record = { source: value.trim(), lines: /* @__PURE__ */ new Map(), found: null, hit: null, functions: [] };
      records.push(record);
      byName = /* @__PURE__ */ new Map();
      return;
    }
    if (key === "DA" && record !== null) {
      const [at, hits] = value.split(",").map(Number);
      if (at === void 0 || hits === void 0 || !Number.isFinite(at) || !Number.isFinite(hits)) return;
      record.lines.set(at, Math.max(record.lines.get(at) ?? 0, hits));
    } else if ((key === "LF" || key === "LH") && record !== null) {
      const n = Number(value.trim());
      if (key === "LF") record.found = n;
      else record.hit = n;
    } else if ((key === "FN" || key === "FNDA") && options.functions) {
      readFunction(line, key, value, `${where}:${index + 1}`, record, byName);
    }
  });
  return records;
}
function readFunction(line, key, body, at, record, byName) {
  const comma = body.indexOf(",");
  const number = Number(body.slice(0, comma));
  const name = body.slice(comma + 1);
  if (comma <= 0 || !Number.isInteger(number) || number < 0 || name === "") {
    throw new CoverageError(`${at}: expected "${key === "FN" ? "FN:<line>,<name>" : "FNDA:<hits>,<name>"}", got ${JSON.stringify(line)}`);
  }
  if (record === null) throw new CoverageError(`${at}: ${JSON.stringify(line)} outside an SF record`);
  if (key === "FN") {
    const fn = { source: record.source, line: number, name: name.endsWith(`@${number}`) ? name.slice(0, -`@${number}`.length) : name, hits: 0 };
    byName.set(name, fn);
    record.functions.push(fn);
  } else {
    const fn = byName.get(name);
    if (fn === void 0) throw new CoverageError(`${at}: FNDA for ${JSON.stringify(name)}, which no FN line of ${record.source} declares`);
    fn.hits = number;
  }
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
    const { startLine, startCol, endLine, endCol, numStmt, count } = profile.blocks;
    for (const f of profile.files) {
      const id = builder.fileId(f.file);
      for (let i = f.start; i < f.start + f.length; i++) {
        const result = builder.addTo(id, startLine[i], startCol[i], endLine[i], endCol[i], numStmt[i], count[i]);
        if (result !== ADDED) {
          const key = `${f.file}:${startLine[i]}.${startCol[i]},${endLine[i]}.${endCol[i]}`;
          const earlier = profiles.slice(0, index).find((p) => hasBlock(p.profile, f.file, profile, i, result));
          throw new CoverageError(`${name}: block ${key} has ${numStmt[i]} statements, but ${result} in ${earlier?.name ?? "an earlier profile"}`);
        }
      }
    }
  });
  return builder.finish();
}
function hasBlock(profile, file, of, i, numStmt) {
  const g = profile.files.find((other) => other.file === file);
  if (g === void 0) return false;
  const a = profile.blocks;
  const b = of.blocks;
  for (let j = g.start; j < g.start + g.length; j++) {
    if (a.startLine[j] === b.startLine[i] && a.startCol[j] === b.startCol[i] && a.endLine[j] === b.endLine[i] && a.endCol[j] === b.endCol[i] && a.numStmt[j] === numStmt) return true;
  }
  return false;
}

// src/go/gover.ts
var INVALID = { major: "", minor: "", patch: "", kind: "", pre: "" };
function parse(text) {
  let rest = text.trim();
  if (rest.startsWith("go")) rest = rest.slice(2).split("-", 1)[0];
  const major = leadingInt(rest);
  if (major === null) return INVALID;
  rest = rest.slice(major.length);
  if (rest === "") return { ...INVALID, major, minor: "0", patch: "0" };
  if (rest[0] !== ".") return INVALID;
  const minor = leadingInt(rest.slice(1));
  if (minor === null) return INVALID;
  rest = rest.slice(1 + minor.length);
  if (rest === "") return { ...INVALID, major, minor, patch: compareDecimal(minor, "21") < 0 ? "0" : "" };
  if (rest[0] === ".") {
    const patch = leadingInt(rest.slice(1));
    return patch !== null && rest.length === 1 + patch.length ? { ...INVALID, major, minor, patch } : INVALID;
  }
  const kind = /^[a-z]+/.exec(rest)?.[0];
  if (kind === void 0) return INVALID;
  rest = rest.slice(kind.length);
  if (rest === "") return { ...INVALID, major, minor, kind };
  const pre = leadingInt(rest);
  return pre !== null && rest.length === pre.length ? { major, minor, patch: "", kind, pre } : INVALID;
}
function leadingInt(text) {
  const digits = /^\d+/.exec(text)?.[0];
  if (digits === void 0 || digits.length > 1 && digits.startsWith("0")) return null;
  return digits;
}
function compareDecimal(a, b) {
  if (a === b) return 0;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : 1;
}
function compareGoVersions(a, b) {
  const x = parse(a);
  const y = parse(b);
  return compareDecimal(x.major, y.major) || compareDecimal(x.minor, y.minor) || compareDecimal(x.patch, y.patch) || // '' < alpha < beta < rc: a release or language version before a prerelease of the same patch ('').
  (x.kind === y.kind ? 0 : x.kind < y.kind ? -1 : 1) || compareDecimal(x.pre, y.pre);
}
function isGoVersion(text) {
  return parse(text).major !== "";
}
function isPrerelease(text) {
  return parse(text).kind !== "";
}

export {
  compareGoVersions,
  isGoVersion,
  isPrerelease,
  CoverageError,
  packageOf,
  lastLineOf,
  readProfile,
  compareStrings,
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
  repositoryPaths,
  parseLcov,
  mergeProfiles
};

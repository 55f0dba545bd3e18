import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  CoverageError,
  addSummaries,
  compareStrings,
  formatLcov,
  formatOneDecimal,
  formatPercent,
  formatProfile,
  lineCoverage,
  mergeLineCoverage,
  mergeProfiles,
  modulePathOf,
  moduleRelativePath,
  packageOf,
  readProfile,
  summarizeLines,
  summarizeStatements,
  summary
} from "./chunk-PRL2AUFT.js";
import {
  joinArgs
} from "./chunk-CPX76DZJ.js";
import {
  HttpClient,
  require_semver
} from "./chunk-YMFHXHFB.js";
import {
  lineRanges,
  percent,
  plural,
  seconds,
  signed,
  versionLabels
} from "./chunk-GLNLGA6B.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-L35V7ZA7.js";

// node_modules/lcov-parse/lib/index.js
var require_lib = __commonJS({
  "node_modules/lcov-parse/lib/index.js"(exports, module) {
    var fs2 = __require("fs");
    var path12 = __require("path");
    var exists2 = fs2.exists || path12.exists;
    var walkFile = function(str, cb) {
      var data = [], item;
      ["end_of_record"].concat(str.split("\n")).forEach(function(line) {
        line = line.trim();
        var allparts = line.split(":"), parts = [allparts.shift(), allparts.join(":")], lines, fn;
        switch (parts[0].toUpperCase()) {
          case "TN":
            item.title = parts[1].trim();
            break;
          case "SF":
            item.file = parts.slice(1).join(":").trim();
            break;
          case "FNF":
            item.functions.found = Number(parts[1].trim());
            break;
          case "FNH":
            item.functions.hit = Number(parts[1].trim());
            break;
          case "LF":
            item.lines.found = Number(parts[1].trim());
            break;
          case "LH":
            item.lines.hit = Number(parts[1].trim());
            break;
          case "DA":
            lines = parts[1].split(",");
            item.lines.details.push({
              line: Number(lines[0]),
              hit: Number(lines[1])
            });
            break;
          case "FN":
            fn = parts[1].split(",");
            item.functions.details.push({
              name: fn[1],
              line: Number(fn[0])
            });
            break;
          case "FNDA":
            fn = parts[1].split(",");
            item.functions.details.some(function(i, k2) {
              if (i.name === fn[1] && i.hit === void 0) {
                item.functions.details[k2].hit = Number(fn[0]);
                return true;
              }
            });
            break;
          case "BRDA":
            fn = parts[1].split(",");
            item.branches.details.push({
              line: Number(fn[0]),
              block: Number(fn[1]),
              branch: Number(fn[2]),
              taken: fn[3] === "-" ? 0 : Number(fn[3])
            });
            break;
          case "BRF":
            item.branches.found = Number(parts[1]);
            break;
          case "BRH":
            item.branches.hit = Number(parts[1]);
            break;
        }
        if (line.indexOf("end_of_record") > -1) {
          data.push(item);
          item = {
            lines: {
              found: 0,
              hit: 0,
              details: []
            },
            functions: {
              hit: 0,
              found: 0,
              details: []
            },
            branches: {
              hit: 0,
              found: 0,
              details: []
            }
          };
        }
      });
      data.shift();
      if (data.length) {
        cb(null, data);
      } else {
        cb("Failed to parse string");
      }
    };
    var parse = function(file, cb) {
      exists2(file, function(x) {
        if (!x) {
          return walkFile(file, cb);
        }
        fs2.readFile(file, "utf8", function(err, str) {
          walkFile(str, cb);
        });
      });
    };
    module.exports = parse;
    module.exports.source = walkFile;
  }
});

// src/pipeline.ts
import { mkdir as mkdir4, readFile as readFile4, writeFile as writeFile3 } from "node:fs/promises";
import path11 from "node:path";

// src/go/install.ts
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path5 from "node:path";

// src/go/actions-cache.ts
import path from "node:path";
function toolchainCacheKey(version, os4, arch, sha256) {
  return `go-matrix-go-${version}-${os4}-${arch}-${sha256}`;
}
var actionsToolchainCache = {
  async available() {
    const cache = await import("./cache-BTWSK2OZ.js");
    return cache.isFeatureAvailable();
  },
  async restore(dir, key2) {
    const cache = await import("./cache-BTWSK2OZ.js");
    return await cache.restoreCache([path.resolve(dir)], key2) !== void 0;
  },
  async save(dir, key2) {
    const cache = await import("./cache-BTWSK2OZ.js");
    await cache.saveCache([path.resolve(dir)], key2);
  }
};

// src/go/archive.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// node_modules/tar/dist/esm/index.min.js
import Qr from "events";
import I from "fs";
import { EventEmitter as Di } from "node:events";
import Cs from "node:stream";
import { StringDecoder as Hr } from "node:string_decoder";
import cr from "node:path";
import Kt from "node:fs";
import { dirname as Fn, parse as kn } from "path";
import { EventEmitter as Dn } from "events";
import zi from "assert";
import { Buffer as Ot } from "buffer";
import * as Ps from "zlib";
import en from "zlib";
import { posix as Zt } from "node:path";
import { basename as _n } from "node:path";
import mi from "fs";
import X from "fs";
import js from "path";
import { win32 as Pn } from "node:path";
import ar from "path";
import Br from "node:fs";
import co from "node:assert";
import { randomBytes as Mr } from "node:crypto";
import u from "node:fs";
import R from "node:path";
import pr from "fs";
import wi from "node:fs";
import we from "node:path";
import k from "node:fs";
import ro from "node:fs/promises";
import Si from "node:path";
import { join as xr } from "node:path";
import v from "node:fs";
import Pr from "node:path";
var zr = Object.defineProperty;
var Ur = (s3, t) => {
  for (var e in t) zr(s3, e, { get: t[e], enumerable: true });
};
var Ds = typeof process == "object" && process ? process : { stdout: null, stderr: null };
var Wr = (s3) => !!s3 && typeof s3 == "object" && (s3 instanceof A || s3 instanceof Cs || Gr(s3) || Zr(s3));
var Gr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.pipe == "function" && s3.pipe !== Cs.Writable.prototype.pipe;
var Zr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.write == "function" && typeof s3.end == "function";
var Q = /* @__PURE__ */ Symbol("EOF");
var J = /* @__PURE__ */ Symbol("maybeEmitEnd");
var nt = /* @__PURE__ */ Symbol("emittedEnd");
var De = /* @__PURE__ */ Symbol("emittingEnd");
var qt = /* @__PURE__ */ Symbol("emittedError");
var Ne = /* @__PURE__ */ Symbol("closed");
var Ns = /* @__PURE__ */ Symbol("read");
var Ae = /* @__PURE__ */ Symbol("flush");
var As = /* @__PURE__ */ Symbol("flushChunk");
var z = /* @__PURE__ */ Symbol("encoding");
var Mt = /* @__PURE__ */ Symbol("decoder");
var g = /* @__PURE__ */ Symbol("flowing");
var Qt = /* @__PURE__ */ Symbol("paused");
var Bt = /* @__PURE__ */ Symbol("resume");
var b = /* @__PURE__ */ Symbol("buffer");
var N = /* @__PURE__ */ Symbol("pipes");
var _ = /* @__PURE__ */ Symbol("bufferLength");
var bi = /* @__PURE__ */ Symbol("bufferPush");
var Ie = /* @__PURE__ */ Symbol("bufferShift");
var L = /* @__PURE__ */ Symbol("objectMode");
var S = /* @__PURE__ */ Symbol("destroyed");
var _i = /* @__PURE__ */ Symbol("error");
var Oi = /* @__PURE__ */ Symbol("emitData");
var Is = /* @__PURE__ */ Symbol("emitEnd");
var Ti = /* @__PURE__ */ Symbol("emitEnd2");
var Z = /* @__PURE__ */ Symbol("async");
var xi = /* @__PURE__ */ Symbol("abort");
var Ce = /* @__PURE__ */ Symbol("aborted");
var Jt = /* @__PURE__ */ Symbol("signal");
var Rt = /* @__PURE__ */ Symbol("dataListeners");
var C = /* @__PURE__ */ Symbol("discarded");
var jt = (s3) => Promise.resolve().then(s3);
var Yr = (s3) => s3();
var Kr = (s3) => s3 === "end" || s3 === "finish" || s3 === "prefinish";
var Vr = (s3) => s3 instanceof ArrayBuffer || !!s3 && typeof s3 == "object" && s3.constructor && s3.constructor.name === "ArrayBuffer" && s3.byteLength >= 0;
var $r = (s3) => !Buffer.isBuffer(s3) && ArrayBuffer.isView(s3);
var Fe = class {
  src;
  dest;
  opts;
  ondrain;
  constructor(t, e, i) {
    this.src = t, this.dest = e, this.opts = i, this.ondrain = () => t[Bt](), this.dest.on("drain", this.ondrain);
  }
  unpipe() {
    this.dest.removeListener("drain", this.ondrain);
  }
  proxyErrors(t) {
  }
  end() {
    this.unpipe(), this.opts.end && this.dest.end();
  }
};
var Li = class extends Fe {
  unpipe() {
    this.src.removeListener("error", this.proxyErrors), super.unpipe();
  }
  constructor(t, e, i) {
    super(t, e, i), this.proxyErrors = (r) => this.dest.emit("error", r), t.on("error", this.proxyErrors);
  }
};
var Xr = (s3) => !!s3.objectMode;
var qr = (s3) => !s3.objectMode && !!s3.encoding && s3.encoding !== "buffer";
var A = class extends Di {
  [g] = false;
  [Qt] = false;
  [N] = [];
  [b] = [];
  [L];
  [z];
  [Z];
  [Mt];
  [Q] = false;
  [nt] = false;
  [De] = false;
  [Ne] = false;
  [qt] = null;
  [_] = 0;
  [S] = false;
  [Jt];
  [Ce] = false;
  [Rt] = 0;
  [C] = false;
  writable = true;
  readable = true;
  constructor(...t) {
    let e = t[0] || {};
    if (super(), e.objectMode && typeof e.encoding == "string") throw new TypeError("Encoding and objectMode may not be used together");
    Xr(e) ? (this[L] = true, this[z] = null) : qr(e) ? (this[z] = e.encoding, this[L] = false) : (this[L] = false, this[z] = null), this[Z] = !!e.async, this[Mt] = this[z] ? new Hr(this[z]) : null, e && e.debugExposeBuffer === true && Object.defineProperty(this, "buffer", { get: () => this[b] }), e && e.debugExposePipes === true && Object.defineProperty(this, "pipes", { get: () => this[N] });
    let { signal: i } = e;
    i && (this[Jt] = i, i.aborted ? this[xi]() : i.addEventListener("abort", () => this[xi]()));
  }
  get bufferLength() {
    return this[_];
  }
  get encoding() {
    return this[z];
  }
  set encoding(t) {
    throw new Error("Encoding must be set at instantiation time");
  }
  setEncoding(t) {
    throw new Error("Encoding must be set at instantiation time");
  }
  get objectMode() {
    return this[L];
  }
  set objectMode(t) {
    throw new Error("objectMode must be set at instantiation time");
  }
  get async() {
    return this[Z];
  }
  set async(t) {
    this[Z] = this[Z] || !!t;
  }
  [xi]() {
    this[Ce] = true, this.emit("abort", this[Jt]?.reason), this.destroy(this[Jt]?.reason);
  }
  get aborted() {
    return this[Ce];
  }
  set aborted(t) {
  }
  write(t, e, i) {
    if (this[Ce]) return false;
    if (this[Q]) throw new Error("write after end");
    if (this[S]) return this.emit("error", Object.assign(new Error("Cannot call write after a stream was destroyed"), { code: "ERR_STREAM_DESTROYED" })), true;
    typeof e == "function" && (i = e, e = "utf8"), e || (e = "utf8");
    let r = this[Z] ? jt : Yr;
    if (!this[L] && !Buffer.isBuffer(t)) {
      if ($r(t)) t = Buffer.from(t.buffer, t.byteOffset, t.byteLength);
      else if (Vr(t)) t = Buffer.from(t);
      else if (typeof t != "string") throw new Error("Non-contiguous data written to non-objectMode stream");
    }
    return this[L] ? (this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : t.length ? (typeof t == "string" && !(e === this[z] && !this[Mt]?.lastNeed) && (t = Buffer.from(t, e)), Buffer.isBuffer(t) && this[z] && (t = this[Mt].write(t)), this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : (this[_] !== 0 && this.emit("readable"), i && r(i), this[g]);
  }
  read(t) {
    if (this[S]) return null;
    if (this[C] = false, this[_] === 0 || t === 0 || t && t > this[_]) return this[J](), null;
    this[L] && (t = null), this[b].length > 1 && !this[L] && (this[b] = [this[z] ? this[b].join("") : Buffer.concat(this[b], this[_])]);
    let e = this[Ns](t || null, this[b][0]);
    return this[J](), e;
  }
  [Ns](t, e) {
    if (this[L]) this[Ie]();
    else {
      let i = e;
      t === i.length || t === null ? this[Ie]() : typeof i == "string" ? (this[b][0] = i.slice(t), e = i.slice(0, t), this[_] -= t) : (this[b][0] = i.subarray(t), e = i.subarray(0, t), this[_] -= t);
    }
    return this.emit("data", e), !this[b].length && !this[Q] && this.emit("drain"), e;
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = "utf8"), t !== void 0 && this.write(t, e), i && this.once("end", i), this[Q] = true, this.writable = false, (this[g] || !this[Qt]) && this[J](), this;
  }
  [Bt]() {
    this[S] || (!this[Rt] && !this[N].length && (this[C] = true), this[Qt] = false, this[g] = true, this.emit("resume"), this[b].length ? this[Ae]() : this[Q] ? this[J]() : this.emit("drain"));
  }
  resume() {
    return this[Bt]();
  }
  pause() {
    this[g] = false, this[Qt] = true, this[C] = false;
  }
  get destroyed() {
    return this[S];
  }
  get flowing() {
    return this[g];
  }
  get paused() {
    return this[Qt];
  }
  [bi](t) {
    this[L] ? this[_] += 1 : this[_] += t.length, this[b].push(t);
  }
  [Ie]() {
    return this[L] ? this[_] -= 1 : this[_] -= this[b][0].length, this[b].shift();
  }
  [Ae](t = false) {
    do
      ;
    while (this[As](this[Ie]()) && this[b].length);
    !t && !this[b].length && !this[Q] && this.emit("drain");
  }
  [As](t) {
    return this.emit("data", t), this[g];
  }
  pipe(t, e) {
    if (this[S]) return t;
    this[C] = false;
    let i = this[nt];
    return e = e || {}, t === Ds.stdout || t === Ds.stderr ? e.end = false : e.end = e.end !== false, e.proxyErrors = !!e.proxyErrors, i ? e.end && t.end() : (this[N].push(e.proxyErrors ? new Li(this, t, e) : new Fe(this, t, e)), this[Z] ? jt(() => this[Bt]()) : this[Bt]()), t;
  }
  unpipe(t) {
    let e = this[N].find((i) => i.dest === t);
    e && (this[N].length === 1 ? (this[g] && this[Rt] === 0 && (this[g] = false), this[N] = []) : this[N].splice(this[N].indexOf(e), 1), e.unpipe());
  }
  addListener(t, e) {
    return this.on(t, e);
  }
  on(t, e) {
    let i = super.on(t, e);
    if (t === "data") this[C] = false, this[Rt]++, !this[N].length && !this[g] && this[Bt]();
    else if (t === "readable" && this[_] !== 0) super.emit("readable");
    else if (Kr(t) && this[nt]) super.emit(t), this.removeAllListeners(t);
    else if (t === "error" && this[qt]) {
      let r = e;
      this[Z] ? jt(() => r.call(this, this[qt])) : r.call(this, this[qt]);
    }
    return i;
  }
  removeListener(t, e) {
    return this.off(t, e);
  }
  off(t, e) {
    let i = super.off(t, e);
    return t === "data" && (this[Rt] = this.listeners("data").length, this[Rt] === 0 && !this[C] && !this[N].length && (this[g] = false)), i;
  }
  removeAllListeners(t) {
    let e = super.removeAllListeners(t);
    return (t === "data" || t === void 0) && (this[Rt] = 0, !this[C] && !this[N].length && (this[g] = false)), e;
  }
  get emittedEnd() {
    return this[nt];
  }
  [J]() {
    !this[De] && !this[nt] && !this[S] && this[b].length === 0 && this[Q] && (this[De] = true, this.emit("end"), this.emit("prefinish"), this.emit("finish"), this[Ne] && this.emit("close"), this[De] = false);
  }
  emit(t, ...e) {
    let i = e[0];
    if (t !== "error" && t !== "close" && t !== S && this[S]) return false;
    if (t === "data") return !this[L] && !i ? false : this[Z] ? (jt(() => this[Oi](i)), true) : this[Oi](i);
    if (t === "end") return this[Is]();
    if (t === "close") {
      if (this[Ne] = true, !this[nt] && !this[S]) return false;
      let n = super.emit("close");
      return this.removeAllListeners("close"), n;
    } else if (t === "error") {
      this[qt] = i, super.emit(_i, i);
      let n = !this[Jt] || this.listeners("error").length ? super.emit("error", i) : false;
      return this[J](), n;
    } else if (t === "resume") {
      let n = super.emit("resume");
      return this[J](), n;
    } else if (t === "finish" || t === "prefinish") {
      let n = super.emit(t);
      return this.removeAllListeners(t), n;
    }
    let r = super.emit(t, ...e);
    return this[J](), r;
  }
  [Oi](t) {
    for (let i of this[N]) i.dest.write(t) === false && this.pause();
    let e = this[C] ? false : super.emit("data", t);
    return this[J](), e;
  }
  [Is]() {
    return this[nt] ? false : (this[nt] = true, this.readable = false, this[Z] ? (jt(() => this[Ti]()), true) : this[Ti]());
  }
  [Ti]() {
    if (this[Mt]) {
      let e = this[Mt].end();
      if (e) {
        for (let i of this[N]) i.dest.write(e);
        this[C] || super.emit("data", e);
      }
    }
    for (let e of this[N]) e.end();
    let t = super.emit("end");
    return this.removeAllListeners("end"), t;
  }
  async collect() {
    let t = Object.assign([], { dataLength: 0 });
    this[L] || (t.dataLength = 0);
    let e = this.promise();
    return this.on("data", (i) => {
      t.push(i), this[L] || (t.dataLength += i.length);
    }), await e, t;
  }
  async concat() {
    if (this[L]) throw new Error("cannot concat in objectMode");
    let t = await this.collect();
    return this[z] ? t.join("") : Buffer.concat(t, t.dataLength);
  }
  async promise() {
    return new Promise((t, e) => {
      this.on(S, () => e(new Error("stream destroyed"))), this.on("error", (i) => e(i)), this.on("end", () => t());
    });
  }
  [Symbol.asyncIterator]() {
    this[C] = false;
    let t = false, e = async () => (this.pause(), t = true, { value: void 0, done: true });
    return { next: () => {
      if (t) return e();
      let r = this.read();
      if (r !== null) return Promise.resolve({ done: false, value: r });
      if (this[Q]) return e();
      let n, o, h = (d) => {
        this.off("data", a), this.off("end", l), this.off(S, c), e(), o(d);
      }, a = (d) => {
        this.off("error", h), this.off("end", l), this.off(S, c), this.pause(), n({ value: d, done: !!this[Q] });
      }, l = () => {
        this.off("error", h), this.off("data", a), this.off(S, c), e(), n({ done: true, value: void 0 });
      }, c = () => h(new Error("stream destroyed"));
      return new Promise((d, y) => {
        o = y, n = d, this.once(S, c), this.once("error", h), this.once("end", l), this.once("data", a);
      });
    }, throw: e, return: e, [Symbol.asyncIterator]() {
      return this;
    }, [Symbol.asyncDispose]: async () => {
    } };
  }
  [Symbol.iterator]() {
    this[C] = false;
    let t = false, e = () => (this.pause(), this.off(_i, e), this.off(S, e), this.off("end", e), t = true, { done: true, value: void 0 }), i = () => {
      if (t) return e();
      let r = this.read();
      return r === null ? e() : { done: false, value: r };
    };
    return this.once("end", e), this.once(_i, e), this.once(S, e), { next: i, throw: e, return: e, [Symbol.iterator]() {
      return this;
    }, [Symbol.dispose]: () => {
    } };
  }
  destroy(t) {
    if (this[S]) return t ? this.emit("error", t) : this.emit(S), this;
    this[S] = true, this[C] = true, this[b].length = 0, this[_] = 0;
    let e = this;
    return typeof e.close == "function" && !this[Ne] && e.close(), t ? this.emit("error", t) : this.emit(S), this;
  }
  static get isStream() {
    return Wr;
  }
};
var Jr = I.writev;
var ht = /* @__PURE__ */ Symbol("_autoClose");
var H = /* @__PURE__ */ Symbol("_close");
var te = /* @__PURE__ */ Symbol("_ended");
var m = /* @__PURE__ */ Symbol("_fd");
var Ni = /* @__PURE__ */ Symbol("_finished");
var tt = /* @__PURE__ */ Symbol("_flags");
var Ai = /* @__PURE__ */ Symbol("_flush");
var ki = /* @__PURE__ */ Symbol("_handleChunk");
var vi = /* @__PURE__ */ Symbol("_makeBuf");
var ie = /* @__PURE__ */ Symbol("_mode");
var ke = /* @__PURE__ */ Symbol("_needDrain");
var Ut = /* @__PURE__ */ Symbol("_onerror");
var Ht = /* @__PURE__ */ Symbol("_onopen");
var Ii = /* @__PURE__ */ Symbol("_onread");
var Pt = /* @__PURE__ */ Symbol("_onwrite");
var at = /* @__PURE__ */ Symbol("_open");
var U = /* @__PURE__ */ Symbol("_path");
var ot = /* @__PURE__ */ Symbol("_pos");
var Y = /* @__PURE__ */ Symbol("_queue");
var zt = /* @__PURE__ */ Symbol("_read");
var Ci = /* @__PURE__ */ Symbol("_readSize");
var j = /* @__PURE__ */ Symbol("_reading");
var ee = /* @__PURE__ */ Symbol("_remain");
var Fi = /* @__PURE__ */ Symbol("_size");
var ve = /* @__PURE__ */ Symbol("_write");
var gt = /* @__PURE__ */ Symbol("_writing");
var Me = /* @__PURE__ */ Symbol("_defaultFlag");
var bt = /* @__PURE__ */ Symbol("_errored");
var _t = class extends A {
  [bt] = false;
  [m];
  [U];
  [Ci];
  [j] = false;
  [Fi];
  [ee];
  [ht];
  constructor(t, e) {
    if (e = e || {}, super(e), this.readable = true, this.writable = false, typeof t != "string") throw new TypeError("path must be a string");
    this[bt] = false, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[U] = t, this[Ci] = e.readSize || 16 * 1024 * 1024, this[j] = false, this[Fi] = typeof e.size == "number" ? e.size : 1 / 0, this[ee] = this[Fi], this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true, typeof this[m] == "number" ? this[zt]() : this[at]();
  }
  get fd() {
    return this[m];
  }
  get path() {
    return this[U];
  }
  write() {
    throw new TypeError("this is a readable stream");
  }
  end() {
    throw new TypeError("this is a readable stream");
  }
  [at]() {
    I.open(this[U], "r", (t, e) => this[Ht](t, e));
  }
  [Ht](t, e) {
    t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[zt]());
  }
  [vi]() {
    return Buffer.allocUnsafe(Math.min(this[Ci], this[ee]));
  }
  [zt]() {
    if (!this[j]) {
      this[j] = true;
      let t = this[vi]();
      if (t.length === 0) return process.nextTick(() => this[Ii](null, 0, t));
      I.read(this[m], t, 0, t.length, null, (e, i, r) => this[Ii](e, i, r));
    }
  }
  [Ii](t, e, i) {
    this[j] = false, t ? this[Ut](t) : this[ki](e, i) && this[zt]();
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
    }
  }
  [Ut](t) {
    this[j] = true, this[H](), this.emit("error", t);
  }
  [ki](t, e) {
    let i = false;
    return this[ee] -= t, t > 0 && (i = super.write(t < e.length ? e.subarray(0, t) : e)), (t === 0 || this[ee] <= 0) && (i = false, this[H](), super.end()), i;
  }
  emit(t, ...e) {
    switch (t) {
      case "prefinish":
      case "finish":
        return false;
      case "drain":
        return typeof this[m] == "number" && this[zt](), false;
      case "error":
        return this[bt] ? false : (this[bt] = true, super.emit(t, ...e));
      default:
        return super.emit(t, ...e);
    }
  }
};
var Be = class extends _t {
  [at]() {
    let t = true;
    try {
      this[Ht](null, I.openSync(this[U], "r")), t = false;
    } finally {
      t && this[H]();
    }
  }
  [zt]() {
    let t = true;
    try {
      if (!this[j]) {
        this[j] = true;
        do {
          let e = this[vi](), i = e.length === 0 ? 0 : I.readSync(this[m], e, 0, e.length, null);
          if (!this[ki](i, e)) break;
        } while (true);
        this[j] = false;
      }
      t = false;
    } finally {
      t && this[H]();
    }
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.closeSync(t), this.emit("close");
    }
  }
};
var et = class extends Qr {
  readable = false;
  writable = true;
  [bt] = false;
  [gt] = false;
  [te] = false;
  [Y] = [];
  [ke] = false;
  [U];
  [ie];
  [ht];
  [m];
  [Me];
  [tt];
  [Ni] = false;
  [ot];
  constructor(t, e) {
    e = e || {}, super(e), this[U] = t, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[ie] = e.mode === void 0 ? 438 : e.mode, this[ot] = typeof e.start == "number" ? e.start : void 0, this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true;
    let i = this[ot] !== void 0 ? "r+" : "w";
    this[Me] = e.flags === void 0, this[tt] = e.flags === void 0 ? i : e.flags, this[m] === void 0 && this[at]();
  }
  emit(t, ...e) {
    if (t === "error") {
      if (this[bt]) return false;
      this[bt] = true;
    }
    return super.emit(t, ...e);
  }
  get fd() {
    return this[m];
  }
  get path() {
    return this[U];
  }
  [Ut](t) {
    this[H](), this[gt] = true, this.emit("error", t);
  }
  [at]() {
    I.open(this[U], this[tt], this[ie], (t, e) => this[Ht](t, e));
  }
  [Ht](t, e) {
    this[Me] && this[tt] === "r+" && t && t.code === "ENOENT" ? (this[tt] = "w", this[at]()) : t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[gt] || this[Ai]());
  }
  end(t, e) {
    return t && this.write(t, e), this[te] = true, !this[gt] && !this[Y].length && typeof this[m] == "number" && this[Pt](null, 0), this;
  }
  write(t, e) {
    return typeof t == "string" && (t = Buffer.from(t, e)), this[te] ? (this.emit("error", new Error("write() after end()")), false) : this[m] === void 0 || this[gt] || this[Y].length ? (this[Y].push(t), this[ke] = true, false) : (this[gt] = true, this[ve](t), true);
  }
  [ve](t) {
    I.write(this[m], t, 0, t.length, this[ot], (e, i) => this[Pt](e, i));
  }
  [Pt](t, e) {
    t ? this[Ut](t) : (this[ot] !== void 0 && typeof e == "number" && (this[ot] += e), this[Y].length ? this[Ai]() : (this[gt] = false, this[te] && !this[Ni] ? (this[Ni] = true, this[H](), this.emit("finish")) : this[ke] && (this[ke] = false, this.emit("drain"))));
  }
  [Ai]() {
    if (this[Y].length === 0) this[te] && this[Pt](null, 0);
    else if (this[Y].length === 1) this[ve](this[Y].pop());
    else {
      let t = this[Y];
      this[Y] = [], Jr(this[m], t, this[ot], (e, i) => this[Pt](e, i));
    }
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
    }
  }
};
var Wt = class extends et {
  [at]() {
    let t;
    if (this[Me] && this[tt] === "r+") try {
      t = I.openSync(this[U], this[tt], this[ie]);
    } catch (e) {
      if (e?.code === "ENOENT") return this[tt] = "w", this[at]();
      throw e;
    }
    else t = I.openSync(this[U], this[tt], this[ie]);
    this[Ht](null, t);
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.closeSync(t), this.emit("close");
    }
  }
  [ve](t) {
    let e = true;
    try {
      this[Pt](null, I.writeSync(this[m], t, 0, t.length, this[ot])), e = false;
    } finally {
      if (e) try {
        this[H]();
      } catch {
      }
    }
  }
};
var jr = /* @__PURE__ */ new Map([["C", "cwd"], ["f", "file"], ["z", "gzip"], ["P", "preservePaths"], ["U", "unlink"], ["strip-components", "strip"], ["stripComponents", "strip"], ["keep-newer", "newer"], ["keepNewer", "newer"], ["keep-newer-files", "newer"], ["keepNewerFiles", "newer"], ["k", "keep"], ["keep-existing", "keep"], ["keepExisting", "keep"], ["m", "noMtime"], ["no-mtime", "noMtime"], ["p", "preserveOwner"], ["L", "follow"], ["h", "follow"], ["onentry", "onReadEntry"]]);
var Fs = (s3) => !!s3.sync && !!s3.file;
var ks = (s3) => !s3.sync && !!s3.file;
var vs = (s3) => !!s3.sync && !s3.file;
var Ms = (s3) => !s3.sync && !s3.file;
var Bs = (s3) => !!s3.file;
var tn = (s3) => {
  let t = jr.get(s3);
  return t || s3;
};
var se = (s3 = {}) => {
  if (!s3) return {};
  let t = {};
  for (let [e, i] of Object.entries(s3)) {
    let r = tn(e);
    t[r] = i;
  }
  return t.chmod === void 0 && t.noChmod === false && (t.chmod = true), delete t.noChmod, t;
};
var K = (s3, t, e, i, r) => Object.assign((n = [], o, h) => {
  Array.isArray(n) && (o = n, n = {}), typeof o == "function" && (h = o, o = void 0), o = o ? Array.from(o) : [];
  let a = se(n);
  if (r?.(a, o), Fs(a)) {
    if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
    return s3(a, o);
  } else if (ks(a)) {
    let l = t(a, o);
    return h ? l.then(() => h(), h) : l;
  } else if (vs(a)) {
    if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
    return e(a, o);
  } else if (Ms(a)) {
    if (typeof h == "function") throw new TypeError("callback only supported with file option");
    return i(a, o);
  }
  throw new Error("impossible options??");
}, { syncFile: s3, asyncFile: t, syncNoFile: e, asyncNoFile: i, validate: r });
var sn = en.constants || { ZLIB_VERNUM: 4736 };
var M = Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 1 / 0, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_PARAM_LGWIN: 2, BROTLI_PARAM_LGBLOCK: 3, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14, BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30, BROTLI_DECODER_ERROR_UNREACHABLE: -31 }, sn));
var rn = Ot.concat;
var zs = Object.getOwnPropertyDescriptor(Ot, "concat");
var nn = (s3) => s3;
var Bi = zs?.writable === true || zs?.set !== void 0 ? (s3) => {
  Ot.concat = s3 ? nn : rn;
} : (s3) => {
};
var Tt = /* @__PURE__ */ Symbol("_superWrite");
var Gt = class extends Error {
  code;
  errno;
  constructor(t, e) {
    super("zlib: " + t.message, { cause: t }), this.code = t.code, this.errno = t.errno, this.code || (this.code = "ZLIB_ERROR"), this.message = "zlib: " + t.message, Error.captureStackTrace(this, e ?? this.constructor);
  }
  get name() {
    return "ZlibError";
  }
};
var Pi = /* @__PURE__ */ Symbol("flushFlag");
var re = class extends A {
  #t = false;
  #i = false;
  #s;
  #n;
  #r;
  #e;
  #o;
  get sawError() {
    return this.#t;
  }
  get handle() {
    return this.#e;
  }
  get flushFlag() {
    return this.#s;
  }
  constructor(t, e) {
    if (!t || typeof t != "object") throw new TypeError("invalid options for ZlibBase constructor");
    if (super(t), this.#s = t.flush ?? 0, this.#n = t.finishFlush ?? 0, this.#r = t.fullFlushFlag ?? 0, typeof Ps[e] != "function") throw new TypeError("Compression method not supported: " + e);
    try {
      this.#e = new Ps[e](t);
    } catch (i) {
      throw new Gt(i, this.constructor);
    }
    this.#o = (i) => {
      this.#t || (this.#t = true, this.close(), this.emit("error", i));
    }, this.#e?.on("error", (i) => this.#o(new Gt(i))), this.once("end", () => this.close);
  }
  close() {
    this.#e && (this.#e.close(), this.#e = void 0, this.emit("close"));
  }
  reset() {
    if (!this.#t) return zi(this.#e, "zlib binding closed"), this.#e.reset?.();
  }
  flush(t) {
    this.ended || (typeof t != "number" && (t = this.#r), this.write(Object.assign(Ot.alloc(0), { [Pi]: t })));
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), t && (e ? this.write(t, e) : this.write(t)), this.flush(this.#n), this.#i = true, super.end(i);
  }
  get ended() {
    return this.#i;
  }
  [Tt](t) {
    return super.write(t);
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = "utf8"), typeof t == "string" && (t = Ot.from(t, e)), this.#t) return;
    zi(this.#e, "zlib binding closed");
    let r = this.#e._handle, n = r.close;
    r.close = () => {
    };
    let o = this.#e.close;
    this.#e.close = () => {
    }, Bi(true);
    let h;
    try {
      let l = typeof t[Pi] == "number" ? t[Pi] : this.#s;
      h = this.#e._processChunk(t, l), Bi(false);
    } catch (l) {
      Bi(false), this.#o(new Gt(l, this.write));
    } finally {
      this.#e && (this.#e._handle = r, r.close = n, this.#e.close = o, this.#e.removeAllListeners("error"));
    }
    this.#e && this.#e.on("error", (l) => this.#o(new Gt(l, this.write)));
    let a;
    if (h) if (Array.isArray(h) && h.length > 0) {
      let l = h[0];
      a = this[Tt](Ot.from(l));
      for (let c = 1; c < h.length; c++) a = this[Tt](h[c]);
    } else a = this[Tt](Ot.from(h));
    return i && i(), a;
  }
};
var Pe = class extends re {
  #t;
  #i;
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.Z_NO_FLUSH, t.finishFlush = t.finishFlush || M.Z_FINISH, t.fullFlushFlag = M.Z_FULL_FLUSH, super(t, e), this.#t = t.level, this.#i = t.strategy;
  }
  params(t, e) {
    if (!this.sawError) {
      if (!this.handle) throw new Error("cannot switch params when binding is closed");
      if (!this.handle.params) throw new Error("not supported in this implementation");
      if (this.#t !== t || this.#i !== e) {
        this.flush(M.Z_SYNC_FLUSH), zi(this.handle, "zlib binding closed");
        let i = this.handle.flush;
        this.handle.flush = (r, n) => {
          typeof r == "function" && (n = r, r = this.flushFlag), this.flush(r), n?.();
        };
        try {
          this.handle.params(t, e);
        } finally {
          this.handle.flush = i;
        }
        this.handle && (this.#t = t, this.#i = e);
      }
    }
  }
};
var ze = class extends Pe {
  #t;
  constructor(t) {
    super(t, "Gzip"), this.#t = t && !!t.portable;
  }
  [Tt](t) {
    return this.#t ? (this.#t = false, t[9] = 255, super[Tt](t)) : super[Tt](t);
  }
};
var Ue = class extends Pe {
  constructor(t) {
    super(t, "Unzip");
  }
};
var He = class extends re {
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.BROTLI_OPERATION_PROCESS, t.finishFlush = t.finishFlush || M.BROTLI_OPERATION_FINISH, t.fullFlushFlag = M.BROTLI_OPERATION_FLUSH, super(t, e);
  }
};
var We = class extends He {
  constructor(t) {
    super(t, "BrotliCompress");
  }
};
var Ge = class extends He {
  constructor(t) {
    super(t, "BrotliDecompress");
  }
};
var Ze = class extends re {
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.ZSTD_e_continue, t.finishFlush = t.finishFlush || M.ZSTD_e_end, t.fullFlushFlag = M.ZSTD_e_flush, super(t, e);
  }
};
var Ye = class extends Ze {
  constructor(t) {
    super(t, "ZstdCompress");
  }
};
var Ke = class extends Ze {
  constructor(t) {
    super(t, "ZstdDecompress");
  }
};
var Us = (s3, t) => {
  if (Number.isSafeInteger(s3)) s3 < 0 ? an(s3, t) : hn(s3, t);
  else throw Error("cannot encode number outside of javascript safe integer range");
  return t;
};
var hn = (s3, t) => {
  t[0] = 128;
  for (var e = t.length; e > 1; e--) t[e - 1] = s3 & 255, s3 = Math.floor(s3 / 256);
};
var an = (s3, t) => {
  t[0] = 255;
  var e = false;
  s3 = s3 * -1;
  for (var i = t.length; i > 1; i--) {
    var r = s3 & 255;
    s3 = Math.floor(s3 / 256), e ? t[i - 1] = Ws(r) : r === 0 ? t[i - 1] = 0 : (e = true, t[i - 1] = Gs(r));
  }
};
var Hs = (s3) => {
  let t = s3[0], e = t === 128 ? cn(s3.subarray(1, s3.length)) : t === 255 ? ln(s3) : null;
  if (e === null) throw Error("invalid base256 encoding");
  if (!Number.isSafeInteger(e)) throw Error("parsed number outside of javascript safe integer range");
  return e;
};
var ln = (s3) => {
  for (var t = s3.length, e = 0, i = false, r = t - 1; r > -1; r--) {
    var n = Number(s3[r]), o;
    i ? o = Ws(n) : n === 0 ? o = n : (i = true, o = Gs(n)), o !== 0 && (e -= o * Math.pow(256, t - r - 1));
  }
  return e;
};
var cn = (s3) => {
  for (var t = s3.length, e = 0, i = t - 1; i > -1; i--) {
    var r = Number(s3[i]);
    r !== 0 && (e += r * Math.pow(256, t - i - 1));
  }
  return e;
};
var Ws = (s3) => (255 ^ s3) & 255;
var Gs = (s3) => (255 ^ s3) + 1 & 255;
var Hi = {};
Ur(Hi, { code: () => Ve, isCode: () => ne, isName: () => dn, name: () => oe, normalFsTypes: () => Ui });
var ne = (s3) => oe.has(s3);
var dn = (s3) => Ve.has(s3);
var Ui = /* @__PURE__ */ new Set(["0", "", "1", "2", "3", "4", "5", "6", "7", "D"]);
var oe = /* @__PURE__ */ new Map([["0", "File"], ["", "OldFile"], ["1", "Link"], ["2", "SymbolicLink"], ["3", "CharacterDevice"], ["4", "BlockDevice"], ["5", "Directory"], ["6", "FIFO"], ["7", "ContiguousFile"], ["g", "GlobalExtendedHeader"], ["x", "ExtendedHeader"], ["A", "SolarisACL"], ["D", "GNUDumpDir"], ["I", "Inode"], ["K", "NextFileHasLongLinkpath"], ["L", "NextFileHasLongPath"], ["M", "ContinuationFile"], ["N", "OldGnuLongPath"], ["S", "SparseFile"], ["V", "TapeVolumeHeader"], ["X", "OldExtendedHeader"]]);
var Ve = new Map(Array.from(oe).map((s3) => [s3[1], s3[0]]));
var un = (s3) => s3 === void 0 || s3 < 0 ? void 0 : s3;
var F = class {
  cksumValid = false;
  needPax = false;
  nullBlock = false;
  block;
  path;
  mode;
  uid;
  gid;
  size;
  cksum;
  #t = "Unsupported";
  linkpath;
  uname;
  gname;
  devmaj = 0;
  devmin = 0;
  atime;
  ctime;
  mtime;
  charset;
  comment;
  constructor(t, e = 0, i, r) {
    Buffer.isBuffer(t) ? this.decode(t, e || 0, i, r) : t && this.#i(t);
  }
  decode(t, e, i, r) {
    if (e || (e = 0), !t || !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
    let n = xt(t, e + 156, 1), o = Ui.has(n), h = o ? i : void 0, a = o ? r : void 0;
    if (this.path = h?.path ?? xt(t, e, 100), this.mode = h?.mode ?? a?.mode ?? lt(t, e + 100, 8), this.uid = h?.uid ?? a?.uid ?? lt(t, e + 108, 8), this.gid = h?.gid ?? a?.gid ?? lt(t, e + 116, 8), this.size = un(h?.size ?? a?.size ?? lt(t, e + 124, 12)), this.mtime = h?.mtime ?? a?.mtime ?? Wi(t, e + 136, 12), this.cksum = lt(t, e + 148, 12), a && this.#i(a, true), h && this.#i(h), ne(n) && (this.#t = n || "0"), this.#t === "0" && this.path.slice(-1) === "/" && (this.#t = "5"), this.#t === "5" && (this.size = 0), this.linkpath = xt(t, e + 157, 100), t.subarray(e + 257, e + 265).toString() === "ustar\x0000") if (this.uname = h?.uname ?? a?.uname ?? xt(t, e + 265, 32), this.gname = h?.gname ?? a?.gname ?? xt(t, e + 297, 32), this.devmaj = h?.devmaj ?? a?.devmaj ?? lt(t, e + 329, 8) ?? 0, this.devmin = h?.devmin ?? a?.devmin ?? lt(t, e + 337, 8) ?? 0, t[e + 475] !== 0) {
      let c = xt(t, e + 345, 155);
      this.path = c + "/" + this.path;
    } else {
      let c = xt(t, e + 345, 130);
      c && (this.path = c + "/" + this.path), this.atime = i?.atime ?? r?.atime ?? Wi(t, e + 476, 12), this.ctime = i?.ctime ?? r?.ctime ?? Wi(t, e + 488, 12);
    }
    let l = 256;
    for (let c = e; c < e + 148; c++) l += t[c];
    for (let c = e + 156; c < e + 512; c++) l += t[c];
    this.cksumValid = l === this.cksum, this.cksum === void 0 && l === 256 && (this.nullBlock = true);
  }
  #i(t, e = false) {
    Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "size" && Number(r) < 0 || i === "path" && e || i === "linkpath" && e || i === "global"))));
  }
  encode(t, e = 0) {
    if (t || (t = this.block = Buffer.alloc(512)), this.#t === "Unsupported" && (this.#t = "0"), !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
    let i = this.ctime || this.atime ? 130 : 155, r = mn(this.path || "", i), n = r[0], o = r[1];
    this.needPax = !!r[2], this.needPax = Lt(t, e, 100, n) || this.needPax, this.needPax = ct(t, e + 100, 8, this.mode) || this.needPax, this.needPax = ct(t, e + 108, 8, this.uid) || this.needPax, this.needPax = ct(t, e + 116, 8, this.gid) || this.needPax, this.needPax = ct(t, e + 124, 12, this.size) || this.needPax, this.needPax = Gi(t, e + 136, 12, this.mtime) || this.needPax, t[e + 156] = Number(this.#t.codePointAt(0)), this.needPax = Lt(t, e + 157, 100, this.linkpath) || this.needPax, t.write("ustar\x0000", e + 257, 8), this.needPax = Lt(t, e + 265, 32, this.uname) || this.needPax, this.needPax = Lt(t, e + 297, 32, this.gname) || this.needPax, this.needPax = ct(t, e + 329, 8, this.devmaj) || this.needPax, this.needPax = ct(t, e + 337, 8, this.devmin) || this.needPax, this.needPax = Lt(t, e + 345, i, o) || this.needPax, t[e + 475] !== 0 ? this.needPax = Lt(t, e + 345, 155, o) || this.needPax : (this.needPax = Lt(t, e + 345, 130, o) || this.needPax, this.needPax = Gi(t, e + 476, 12, this.atime) || this.needPax, this.needPax = Gi(t, e + 488, 12, this.ctime) || this.needPax);
    let h = 256;
    for (let a = e; a < e + 148; a++) h += t[a];
    for (let a = e + 156; a < e + 512; a++) h += t[a];
    return this.cksum = h, ct(t, e + 148, 8, this.cksum), this.cksumValid = true, this.needPax;
  }
  get type() {
    return this.#t === "Unsupported" ? this.#t : oe.get(this.#t);
  }
  get typeKey() {
    return this.#t;
  }
  set type(t) {
    let e = String(Ve.get(t));
    if (ne(e) || e === "Unsupported") this.#t = e;
    else if (ne(t)) this.#t = t;
    else throw new TypeError("invalid entry type: " + t);
  }
};
var mn = (s3, t) => {
  let i = s3, r = "", n, o = Zt.parse(s3).root || ".";
  if (Buffer.byteLength(i) < 100) n = [i, r, false];
  else {
    r = Zt.dirname(i), i = Zt.basename(i);
    do
      Buffer.byteLength(i) <= 100 && Buffer.byteLength(r) <= t ? n = [i, r, false] : Buffer.byteLength(i) > 100 && Buffer.byteLength(r) <= t ? n = [i.slice(0, 99), r, true] : (i = Zt.join(Zt.basename(r), i), r = Zt.dirname(r));
    while (r !== o && n === void 0);
    n || (n = [s3.slice(0, 99), "", true]);
  }
  return n;
};
var xt = (s3, t, e) => s3.subarray(t, t + e).toString("utf8").replace(/\0.*/, "");
var Wi = (s3, t, e) => pn(lt(s3, t, e));
var pn = (s3) => s3 === void 0 ? void 0 : new Date(s3 * 1e3);
var lt = (s3, t, e) => Number(s3[t]) & 128 ? Hs(s3.subarray(t, t + e)) : wn(s3, t, e);
var En = (s3) => isNaN(s3) ? void 0 : s3;
var wn = (s3, t, e) => En(parseInt(s3.subarray(t, t + e).toString("utf8").replace(/\0.*$/, "").trim(), 8));
var Sn = { 12: 8589934591, 8: 2097151 };
var ct = (s3, t, e, i) => i === void 0 ? false : i > Sn[e] || i < 0 ? (Us(i, s3.subarray(t, t + e)), true) : (yn(s3, t, e, i), false);
var yn = (s3, t, e, i) => s3.write(Rn(i, e), t, e, "ascii");
var Rn = (s3, t) => gn(Math.floor(s3).toString(8), t);
var gn = (s3, t) => (s3.length === t - 1 ? s3 : new Array(t - s3.length - 1).join("0") + s3 + " ") + "\0";
var Gi = (s3, t, e, i) => i === void 0 ? false : ct(s3, t, e, i.getTime() / 1e3);
var bn = new Array(156).join("\0");
var Lt = (s3, t, e, i) => i === void 0 ? false : (s3.write(i + bn, t, e, "utf8"), i.length !== Buffer.byteLength(i) || i.length > e);
var ft = class s {
  atime;
  mtime;
  ctime;
  charset;
  comment;
  gid;
  uid;
  gname;
  uname;
  linkpath;
  dev;
  ino;
  nlink;
  path;
  size;
  mode;
  global;
  constructor(t, e = false) {
    this.atime = t.atime, this.charset = t.charset, this.comment = t.comment, this.ctime = t.ctime, this.dev = t.dev, this.gid = t.gid, this.global = e, this.gname = t.gname, this.ino = t.ino, this.linkpath = t.linkpath, this.mtime = t.mtime, this.nlink = t.nlink, this.path = t.path, this.size = t.size, this.uid = t.uid, this.uname = t.uname;
  }
  encode() {
    let t = this.encodeBody();
    if (t === "") return Buffer.allocUnsafe(0);
    let e = Buffer.byteLength(t), i = 512 * Math.ceil(1 + e / 512), r = Buffer.allocUnsafe(i);
    for (let n = 0; n < 512; n++) r[n] = 0;
    new F({ path: ("PaxHeader/" + _n(this.path ?? "")).slice(0, 99), mode: this.mode || 420, uid: this.uid, gid: this.gid, size: e, mtime: this.mtime, type: this.global ? "GlobalExtendedHeader" : "ExtendedHeader", linkpath: "", uname: this.uname || "", gname: this.gname || "", devmaj: 0, devmin: 0, atime: this.atime, ctime: this.ctime }).encode(r), r.write(t, 512, e, "utf8");
    for (let n = e + 512; n < r.length; n++) r[n] = 0;
    return r;
  }
  encodeBody() {
    return this.encodeField("path") + this.encodeField("ctime") + this.encodeField("atime") + this.encodeField("dev") + this.encodeField("ino") + this.encodeField("nlink") + this.encodeField("charset") + this.encodeField("comment") + this.encodeField("gid") + this.encodeField("gname") + this.encodeField("linkpath") + this.encodeField("mtime") + this.encodeField("size") + this.encodeField("uid") + this.encodeField("uname");
  }
  encodeField(t) {
    if (this[t] === void 0) return "";
    let e = this[t], i = e instanceof Date ? e.getTime() / 1e3 : e, r = " " + (t === "dev" || t === "ino" || t === "nlink" ? "SCHILY." : "") + t + "=" + i + `
`, n = Buffer.byteLength(r), o = Math.floor(Math.log(n) / Math.log(10)) + 1;
    return n + o >= Math.pow(10, o) && (o += 1), o + n + r;
  }
  static parse(t, e, i = false) {
    return new s(On(Tn(t), e), i);
  }
};
var On = (s3, t) => t ? Object.assign({}, t, s3) : s3;
var Tn = (s3) => s3.replace(/\n$/, "").split(`
`).reduce(xn, /* @__PURE__ */ Object.create(null));
var xn = (s3, t) => {
  let e = parseInt(t, 10);
  if (e !== Buffer.byteLength(t) + 1) return s3;
  t = t.slice((e + " ").length);
  let i = t.split("="), r = i.shift();
  if (!r) return s3;
  let n = r.replace(/^SCHILY\.(dev|ino|nlink)/, "$1"), o = i.join("=").replace(/\0.*/, "");
  switch (n) {
    case "path":
    case "linkpath":
    case "type":
    case "charset":
    case "comment":
    case "gname":
    case "uname":
      s3[n] = o;
      break;
    case "ctime":
    case "atime":
    case "mtime":
      s3[n] = new Date(Number(o) * 1e3);
      break;
    case "size":
      let h = +o;
      h >= 0 && (s3[n] = h);
      break;
    case "gid":
    case "uid":
    case "dev":
    case "ino":
    case "nlink":
    case "mode":
      s3[n] = +o;
      break;
  }
  return s3;
};
var Ln = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var f = Ln !== "win32" ? (s3) => String(s3) : (s3) => String(s3).replaceAll(/\\/g, "/");
var $e = class extends A {
  extended;
  globalExtended;
  header;
  startBlockSize;
  blockRemain;
  remain;
  type;
  meta = false;
  ignore = false;
  path;
  mode;
  uid;
  gid;
  uname;
  gname;
  size = 0;
  mtime;
  atime;
  ctime;
  linkpath;
  dev;
  ino;
  nlink;
  invalid = false;
  absolute;
  unsupported = false;
  constructor(t, e, i) {
    switch (super({}), this.pause(), this.extended = e, this.globalExtended = i, this.header = t, this.remain = t.size ?? 0, this.startBlockSize = 512 * Math.ceil(this.remain / 512), this.blockRemain = this.startBlockSize, this.type = t.type, this.type) {
      case "File":
      case "OldFile":
      case "Link":
      case "SymbolicLink":
      case "CharacterDevice":
      case "BlockDevice":
      case "Directory":
      case "FIFO":
      case "ContiguousFile":
      case "GNUDumpDir":
        break;
      case "NextFileHasLongLinkpath":
      case "NextFileHasLongPath":
      case "OldGnuLongPath":
      case "GlobalExtendedHeader":
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this.meta = true;
        break;
      default:
        this.ignore = true;
    }
    if (!t.path) throw new Error("no path provided for tar.ReadEntry");
    this.path = f(t.path), this.mode = t.mode, this.mode && (this.mode = this.mode & 4095), this.uid = t.uid, this.gid = t.gid, this.uname = t.uname, this.gname = t.gname, this.size = this.remain, this.mtime = t.mtime, this.atime = t.atime, this.ctime = t.ctime, this.linkpath = t.linkpath ? f(t.linkpath) : void 0, this.uname = t.uname, this.gname = t.gname, e && this.#t(e), i && this.#t(i, true);
  }
  write(t) {
    let e = t.length;
    if (e > this.blockRemain) throw new Error("writing more to entry than is appropriate");
    let i = this.remain, r = this.blockRemain;
    return this.remain = Math.max(0, i - e), this.blockRemain = Math.max(0, r - e), this.ignore ? true : i >= e ? super.write(t) : super.write(t.subarray(0, i));
  }
  #t(t, e = false) {
    t.path && (t.path = f(t.path)), t.linkpath && (t.linkpath = f(t.linkpath)), Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "path" && e))));
  }
};
var Dt = (s3, t, e, i = {}) => {
  s3.file && (i.file = s3.file), s3.cwd && (i.cwd = s3.cwd), i.code = e instanceof Error && e.code || t, i.tarCode = t, !s3.strict && i.recoverable !== false ? (e instanceof Error && (i = Object.assign(e, i), e = e.message), s3.emit("warn", t, e, i)) : e instanceof Error ? s3.emit("error", Object.assign(e, i)) : s3.emit("error", Object.assign(new Error(`${t}: ${e}`), i));
};
var Nn = 1024 * 1024;
var Xi = Buffer.from([31, 139]);
var qi = Buffer.from([40, 181, 47, 253]);
var An = Math.max(Xi.length, qi.length);
var B = /* @__PURE__ */ Symbol("state");
var Nt = /* @__PURE__ */ Symbol("writeEntry");
var it = /* @__PURE__ */ Symbol("readEntry");
var Zi = /* @__PURE__ */ Symbol("nextEntry");
var Zs = /* @__PURE__ */ Symbol("processEntry");
var V = /* @__PURE__ */ Symbol("extendedHeader");
var he = /* @__PURE__ */ Symbol("globalExtendedHeader");
var dt = /* @__PURE__ */ Symbol("meta");
var Ys = /* @__PURE__ */ Symbol("emitMeta");
var p = /* @__PURE__ */ Symbol("buffer");
var st = /* @__PURE__ */ Symbol("queue");
var ut = /* @__PURE__ */ Symbol("ended");
var Yi = /* @__PURE__ */ Symbol("emittedEnd");
var At = /* @__PURE__ */ Symbol("emit");
var w = /* @__PURE__ */ Symbol("unzip");
var Xe = /* @__PURE__ */ Symbol("consumeChunk");
var qe = /* @__PURE__ */ Symbol("consumeChunkSub");
var Ki = /* @__PURE__ */ Symbol("consumeBody");
var Ks = /* @__PURE__ */ Symbol("consumeMeta");
var Vs = /* @__PURE__ */ Symbol("consumeHeader");
var ae = /* @__PURE__ */ Symbol("consuming");
var Vi = /* @__PURE__ */ Symbol("bufferConcat");
var Qe = /* @__PURE__ */ Symbol("maybeEnd");
var Yt = /* @__PURE__ */ Symbol("writing");
var $ = /* @__PURE__ */ Symbol("aborted");
var Je = /* @__PURE__ */ Symbol("onDone");
var It = /* @__PURE__ */ Symbol("sawValidEntry");
var je = /* @__PURE__ */ Symbol("sawNullBlock");
var ti = /* @__PURE__ */ Symbol("sawEOF");
var $s = /* @__PURE__ */ Symbol("closeStream");
var In = 1e3;
var le = /* @__PURE__ */ Symbol("compressedBytesRead");
var $i = /* @__PURE__ */ Symbol("decompressedBytesRead");
var Xs = /* @__PURE__ */ Symbol("checkDecompressionRatio");
var Cn = () => true;
var rt = class extends Dn {
  file;
  strict;
  maxMetaEntrySize;
  filter;
  brotli;
  zstd;
  maxDecompressionRatio;
  writable = true;
  readable = false;
  [st] = [];
  [p];
  [it];
  [Nt];
  [B] = "begin";
  [dt] = "";
  [V];
  [he];
  [ut] = false;
  [w];
  [$] = false;
  [It];
  [je] = false;
  [ti] = false;
  [Yt] = false;
  [ae] = false;
  [Yi] = false;
  [le] = 0;
  [$i] = 0;
  constructor(t = {}) {
    super(), this.file = t.file || "", this.on(Je, () => {
      (this[B] === "begin" || this[It] === false) && this.warn("TAR_BAD_ARCHIVE", "Unrecognized archive format");
    }), t.ondone ? this.on(Je, t.ondone) : this.on(Je, () => {
      this.emit("prefinish"), this.emit("finish"), this.emit("end");
    }), this.strict = !!t.strict, this.maxDecompressionRatio = typeof t.maxDecompressionRatio == "number" ? t.maxDecompressionRatio : In, this.maxMetaEntrySize = t.maxMetaEntrySize || Nn, this.filter = typeof t.filter == "function" ? t.filter : Cn;
    let e = t.file && (t.file.endsWith(".tar.br") || t.file.endsWith(".tbr"));
    this.brotli = !(t.gzip || t.zstd) && t.brotli !== void 0 ? t.brotli : e ? void 0 : false;
    let i = t.file && (t.file.endsWith(".tar.zst") || t.file.endsWith(".tzst"));
    this.zstd = !(t.gzip || t.brotli) && t.zstd !== void 0 ? t.zstd : i ? true : void 0, this.on("end", () => this[$s]()), typeof t.onwarn == "function" && this.on("warn", t.onwarn), typeof t.onReadEntry == "function" && this.on("entry", t.onReadEntry);
  }
  warn(t, e, i = {}) {
    Dt(this, t, e, i);
  }
  [Vs](t, e) {
    this[It] === void 0 && (this[It] = false);
    let i;
    try {
      i = new F(t, e, this[V], this[he]);
    } catch (r) {
      return this.warn("TAR_ENTRY_INVALID", r);
    }
    if (i.nullBlock) this[je] ? (this[ti] = true, this[B] === "begin" && (this[B] = "header"), this[At]("eof")) : (this[je] = true, this[At]("nullBlock"));
    else if (this[je] = false, !i.cksumValid) this.warn("TAR_ENTRY_INVALID", "checksum failure", { header: i });
    else if (!i.path) this.warn("TAR_ENTRY_INVALID", "path is required", { header: i });
    else {
      let r = i.type;
      if (/^(Symbolic)?Link$/.test(r) && !i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath required", { header: i });
      else if (!/^(Symbolic)?Link$/.test(r) && !/^(Global)?ExtendedHeader$/.test(r) && i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath forbidden", { header: i });
      else {
        let n = this[Nt] = new $e(i, this[V], this[he]);
        if (!this[It]) if (n.remain) {
          let o = () => {
            n.invalid || (this[It] = true);
          };
          n.on("end", o);
        } else this[It] = true;
        n.meta ? n.size > this.maxMetaEntrySize ? (n.ignore = true, this[At]("ignoredEntry", n), this[B] = "ignore", n.resume()) : n.size > 0 && (this[dt] = "", n.on("data", (o) => this[dt] += o), this[B] = "meta") : (this[V] = void 0, n.ignore = n.ignore || !this.filter(n.path, n), n.ignore ? (this[At]("ignoredEntry", n), this[B] = n.remain ? "ignore" : "header", n.resume()) : (n.remain ? this[B] = "body" : (this[B] = "header", n.end()), this[it] ? this[st].push(n) : (this[st].push(n), this[Zi]())));
      }
    }
  }
  [$s]() {
    queueMicrotask(() => this.emit("close"));
  }
  [Zs](t) {
    let e = true;
    if (!t) this[it] = void 0, e = false;
    else if (Array.isArray(t)) {
      let [i, ...r] = t;
      this.emit(i, ...r);
    } else this[it] = t, this.emit("entry", t), t.emittedEnd || (t.on("end", () => this[Zi]()), e = false);
    return e;
  }
  [Zi]() {
    do
      ;
    while (this[Zs](this[st].shift()));
    if (this[st].length === 0) {
      let t = this[it];
      !t || t.flowing || t.size === t.remain ? this[Yt] || this.emit("drain") : t.once("drain", () => this.emit("drain"));
    }
  }
  [Ki](t, e) {
    let i = this[Nt];
    if (!i) throw new Error("attempt to consume body without entry??");
    let r = i.blockRemain ?? 0, n = r >= t.length && e === 0 ? t : t.subarray(e, e + r);
    return i.write(n), i.blockRemain || (this[B] = "header", this[Nt] = void 0, i.end()), n.length;
  }
  [Ks](t, e) {
    let i = this[Nt], r = this[Ki](t, e);
    return !this[Nt] && i && this[Ys](i), r;
  }
  [At](t, e, i) {
    this[st].length === 0 && !this[it] ? this.emit(t, e, i) : this[st].push([t, e, i]);
  }
  [Ys](t) {
    switch (this[At]("meta", this[dt]), t.type) {
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this[V] = ft.parse(this[dt], this[V], false);
        break;
      case "GlobalExtendedHeader":
        this[he] = ft.parse(this[dt], this[he], true);
        break;
      case "NextFileHasLongPath":
      case "OldGnuLongPath": {
        let e = this[V] ?? /* @__PURE__ */ Object.create(null);
        this[V] = e, e.path = this[dt].replace(/\0.*/, "");
        break;
      }
      case "NextFileHasLongLinkpath": {
        let e = this[V] || /* @__PURE__ */ Object.create(null);
        this[V] = e, e.linkpath = this[dt].replace(/\0.*/, "");
        break;
      }
      default:
        throw new Error("unknown meta: " + t.type);
    }
  }
  abort(t) {
    if (!this[$]) {
      if (this[w]) {
        let e = this[w];
        e.write = () => true, e.end = () => e, e.emit = () => false, e.destroy?.();
      }
      this[$] = true, this.emit("abort", t), this.warn("TAR_ABORT", t, { recoverable: false });
    }
  }
  [Xs](t) {
    this[$i] += t.length;
    let e = this[$i] / this[le];
    return e > this.maxDecompressionRatio ? (this.abort(new Error(`max decompression ratio exceeded: ${e.toFixed(2)} > ${this.maxDecompressionRatio}`)), false) : true;
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this[$]) return i?.(), false;
    if ((this[w] === void 0 || this.brotli === void 0 && this[w] === false) && t) {
      if (this[p] && (t = Buffer.concat([this[p], t]), this[p] = void 0), t.length < An) return this[p] = t, i?.(), true;
      for (let a = 0; this[w] === void 0 && a < Xi.length; a++) t[a] !== Xi[a] && (this[w] = false);
      let o = false;
      if (this[w] === false && this.zstd !== false) {
        o = true;
        for (let a = 0; a < qi.length; a++) if (t[a] !== qi[a]) {
          o = false;
          break;
        }
      }
      let h = this.brotli === void 0 && !o;
      if (this[w] === false && h) if (t.length < 512) if (this[ut]) this.brotli = true;
      else return this[p] = t, i?.(), true;
      else try {
        new F(t.subarray(0, 512)), this.brotli = false;
      } catch {
        this.brotli = true;
      }
      if (this[w] === void 0 || this[w] === false && (this.brotli || o)) {
        let a = this[ut];
        this[ut] = false, this[w] = this[w] === void 0 ? new Ue({}) : o ? new Ke({}) : new Ge({}), this[w].on("data", (c) => {
          this[Xs](c) && this[Xe](c);
        }), this[w].on("error", (c) => {
          this[$] || this.abort(c);
        }), this[w].on("end", () => {
          this[ut] = true, this[Xe]();
        }), this[Yt] = true, this[le] += t.length;
        let l = !!this[w][a ? "end" : "write"](t);
        return this[Yt] = false, i?.(), l;
      }
    }
    this[Yt] = true, this[w] ? (this[le] += t.length, this[w].write(t)) : this[Xe](t), this[Yt] = false;
    let n = this[st].length > 0 ? false : this[it] ? this[it].flowing : true;
    return !n && this[st].length === 0 && this[it]?.once("drain", () => this.emit("drain")), i?.(), n;
  }
  [Vi](t) {
    t && !this[$] && (this[p] = this[p] ? Buffer.concat([this[p], t]) : t);
  }
  [Qe]() {
    if (this[ut] && !this[Yi] && !this[$] && !this[ae]) {
      this[Yi] = true;
      let t = this[Nt];
      if (t?.blockRemain) {
        let e = this[p] ? this[p].length : 0;
        this.warn("TAR_BAD_ARCHIVE", `Truncated input (needed ${t.blockRemain} more bytes, only ${e} available)`, { entry: t }), this[p] && t.write(this[p]), t.end();
      }
      this[At](Je);
    }
  }
  [Xe](t) {
    if (this[ae] && t) this[Vi](t);
    else if (!t && !this[p]) this[Qe]();
    else if (t) {
      if (this[ae] = true, this[p]) {
        this[Vi](t);
        let e = this[p];
        this[p] = void 0, this[qe](e);
      } else this[qe](t);
      for (; this[p] && this[p]?.length >= 512 && !this[$] && !this[ti]; ) {
        let e = this[p];
        this[p] = void 0, this[qe](e);
      }
      this[ae] = false;
    }
    (!this[p] || this[ut]) && this[Qe]();
  }
  [qe](t) {
    let e = 0, i = t.length;
    for (; e + 512 <= i && !this[$] && !this[ti]; ) switch (this[B]) {
      case "begin":
      case "header":
        this[Vs](t, e), e += 512;
        break;
      case "ignore":
      case "body":
        e += this[Ki](t, e);
        break;
      case "meta":
        e += this[Ks](t, e);
        break;
      default:
        throw new Error("invalid state: " + this[B]);
    }
    e < i && (this[p] = this[p] ? Buffer.concat([t.subarray(e), this[p]]) : t.subarray(e));
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e)), i && this.once("finish", i), this[$] || (this[w] ? (t && (this[le] += t.length, this[w].write(t)), this[w].end()) : (this[ut] = true, (this.brotli === void 0 || this.zstd === void 0) && (t = t || Buffer.alloc(0)), t && this.write(t), this[Qe]())), this;
  }
};
var mt = (s3) => {
  let t = s3.length - 1, e = -1;
  for (; t > -1 && s3.charAt(t) === "/"; ) e = t, t--;
  return e === -1 ? s3 : s3.slice(0, e);
};
var vn = (s3) => {
  let t = s3.onReadEntry;
  s3.onReadEntry = t ? (e) => {
    t(e), e.resume();
  } : (e) => e.resume();
};
var Qi = (s3, t) => {
  let e = new Map(t.map((o) => [mt(o), true])), i = s3.filter, r = 100, n = (o, h = "", a = 0) => {
    if (a >= r) return e.set(o, false), false;
    let l = h || kn(o).root || ".", c;
    if (o === l) c = false;
    else {
      let d = e.get(o);
      c = d !== void 0 ? d : n(Fn(o), l, a + 1);
    }
    return e.set(o, c), c;
  };
  s3.filter = i ? (o, h) => i(o, h) && n(mt(o)) : (o) => n(mt(o));
};
var Mn = (s3) => {
  let t = new rt(s3), e = s3.file, i;
  try {
    i = Kt.openSync(e, "r");
    let r = Kt.fstatSync(i), n = s3.maxReadSize || 16 * 1024 * 1024;
    if (r.size < n) {
      let o = Buffer.allocUnsafe(r.size), h = Kt.readSync(i, o, 0, r.size, 0);
      t.end(h === o.byteLength ? o : o.subarray(0, h));
    } else {
      let o = 0, h = Buffer.allocUnsafe(n);
      for (; o < r.size; ) {
        let a = Kt.readSync(i, h, 0, n, o);
        if (a === 0) break;
        o += a, t.write(h.subarray(0, a));
      }
      t.end();
    }
  } finally {
    if (typeof i == "number") try {
      Kt.closeSync(i);
    } catch {
    }
  }
};
var Bn = (s3, t) => {
  let e = new rt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
  return new Promise((o, h) => {
    e.on("error", h), e.on("end", o), Kt.stat(r, (a, l) => {
      if (a) h(a);
      else {
        let c = new _t(r, { readSize: i, size: l.size });
        c.on("error", h), c.pipe(e);
      }
    });
  });
};
var Ct = K(Mn, Bn, (s3) => new rt(s3), (s3) => new rt(s3), (s3, t) => {
  t?.length && Qi(s3, t), s3.noResume || vn(s3);
});
var Ji = (s3, t, e) => (s3 &= 4095, e && (s3 = (s3 | 384) & -19), t && (s3 & 256 && (s3 |= 64), s3 & 32 && (s3 |= 8), s3 & 4 && (s3 |= 1)), s3);
var { isAbsolute: zn, parse: qs } = Pn;
var ce = (s3) => {
  let t = "", e = qs(s3);
  for (; zn(s3) || e.root; ) {
    let i = s3.charAt(0) === "/" && s3.slice(0, 4) !== "//?/" ? "/" : e.root;
    s3 = s3.slice(i.length), t += i, e = qs(s3);
  }
  return [t, s3];
};
var ei = ["|", "<", ">", "?", ":"];
var ji = ei.map((s3) => String.fromCodePoint(61440 + Number(s3.codePointAt(0))));
var Un = new Map(ei.map((s3, t) => [s3, ji[t]]));
var Hn = new Map(ji.map((s3, t) => [s3, ei[t]]));
var ts = (s3) => ei.reduce((t, e) => t.split(e).join(Un.get(e)), s3);
var Qs = (s3) => ji.reduce((t, e) => t.split(e).join(Hn.get(e)), s3);
var rr = (s3, t) => t ? (s3 = f(s3).replace(/^\.(\/|$)/, ""), mt(t) + "/" + s3) : f(s3);
var Wn = 16 * 1024 * 1024;
var tr = /* @__PURE__ */ Symbol("process");
var er = /* @__PURE__ */ Symbol("file");
var ir = /* @__PURE__ */ Symbol("directory");
var is = /* @__PURE__ */ Symbol("symlink");
var sr = /* @__PURE__ */ Symbol("hardlink");
var fe = /* @__PURE__ */ Symbol("header");
var ii = /* @__PURE__ */ Symbol("read");
var ss = /* @__PURE__ */ Symbol("lstat");
var si = /* @__PURE__ */ Symbol("onlstat");
var rs = /* @__PURE__ */ Symbol("onread");
var ns = /* @__PURE__ */ Symbol("onreadlink");
var os = /* @__PURE__ */ Symbol("openfile");
var hs = /* @__PURE__ */ Symbol("onopenfile");
var pt = /* @__PURE__ */ Symbol("close");
var ri = /* @__PURE__ */ Symbol("mode");
var as = /* @__PURE__ */ Symbol("awaitDrain");
var es = /* @__PURE__ */ Symbol("ondrain");
var q = /* @__PURE__ */ Symbol("prefix");
var de = class extends A {
  path;
  portable;
  myuid = process.getuid && process.getuid() || 0;
  myuser = process.env.USER || "";
  maxReadSize;
  linkCache;
  statCache;
  preservePaths;
  cwd;
  strict;
  mtime;
  noPax;
  noMtime;
  prefix;
  fd;
  blockLen = 0;
  blockRemain = 0;
  buf;
  pos = 0;
  remain = 0;
  length = 0;
  offset = 0;
  win32;
  absolute;
  header;
  type;
  linkpath;
  stat;
  onWriteEntry;
  #t = false;
  constructor(t, e = {}) {
    let i = se(e);
    super(), this.path = f(t), this.portable = !!i.portable, this.maxReadSize = i.maxReadSize || Wn, this.linkCache = i.linkCache || /* @__PURE__ */ new Map(), this.statCache = i.statCache || /* @__PURE__ */ new Map(), this.preservePaths = !!i.preservePaths, this.cwd = f(i.cwd || process.cwd()), this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.mtime = i.mtime, this.prefix = i.prefix ? f(i.prefix) : void 0, this.onWriteEntry = i.onWriteEntry, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
    let r = false;
    if (!this.preservePaths) {
      let [o, h] = ce(this.path);
      o && typeof h == "string" && (this.path = h, r = o);
    }
    this.win32 = !!i.win32 || process.platform === "win32", this.win32 && (this.path = Qs(this.path.replaceAll(/\\/g, "/")), t = t.replaceAll(/\\/g, "/")), this.absolute = f(i.absolute || js.resolve(this.cwd, t)), this.path === "" && (this.path = "./"), r && this.warn("TAR_ENTRY_INFO", `stripping ${r} from absolute path`, { entry: this, path: r + this.path });
    let n = this.statCache.get(this.absolute);
    n ? this[si](n) : this[ss]();
  }
  warn(t, e, i = {}) {
    return Dt(this, t, e, i);
  }
  emit(t, ...e) {
    return t === "error" && (this.#t = true), super.emit(t, ...e);
  }
  [ss]() {
    X.lstat(this.absolute, (t, e) => {
      if (t) return this.emit("error", t);
      this[si](e);
    });
  }
  [si](t) {
    this.statCache.set(this.absolute, t), this.stat = t, t.isFile() || (t.size = 0), this.type = Gn(t), this.emit("stat", t), this[tr]();
  }
  [tr]() {
    switch (this.type) {
      case "File":
        return this[er]();
      case "Directory":
        return this[ir]();
      case "SymbolicLink":
        return this[is]();
      default:
        return this.end();
    }
  }
  [ri](t) {
    return Ji(t, this.type === "Directory", this.portable);
  }
  [q](t) {
    return rr(t, this.prefix);
  }
  [fe]() {
    if (!this.stat) throw new Error("cannot write header before stat");
    this.type === "Directory" && this.portable && (this.noMtime = true), this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this[ri](this.stat.mode), uid: this.portable ? void 0 : this.stat.uid, gid: this.portable ? void 0 : this.stat.gid, size: this.stat.size, mtime: this.noMtime ? void 0 : this.mtime || this.stat.mtime, type: this.type === "Unsupported" ? void 0 : this.type, uname: this.portable ? void 0 : this.stat.uid === this.myuid ? this.myuser : "", atime: this.portable ? void 0 : this.stat.atime, ctime: this.portable ? void 0 : this.stat.ctime }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.header.atime, ctime: this.portable ? void 0 : this.header.ctime, gid: this.portable ? void 0 : this.header.gid, mtime: this.noMtime ? void 0 : this.mtime || this.header.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.header.size, uid: this.portable ? void 0 : this.header.uid, uname: this.portable ? void 0 : this.header.uname, dev: this.portable ? void 0 : this.stat.dev, ino: this.portable ? void 0 : this.stat.ino, nlink: this.portable ? void 0 : this.stat.nlink }).encode());
    let t = this.header?.block;
    if (!t) throw new Error("failed to encode header");
    super.write(t);
  }
  [ir]() {
    if (!this.stat) throw new Error("cannot create directory entry without stat");
    this.path.slice(-1) !== "/" && (this.path += "/"), this.stat.size = 0, this[fe](), this.end();
  }
  [is]() {
    X.readlink(this.absolute, (t, e) => {
      if (t) return this.emit("error", t);
      this[ns](e);
    });
  }
  [ns](t) {
    this.linkpath = f(t), this[fe](), this.end();
  }
  [sr](t) {
    if (!this.stat) throw new Error("cannot create link entry without stat");
    this.type = "Link", this.linkpath = f(js.relative(this.cwd, t)), this.stat.size = 0, this[fe](), this.end();
  }
  [er]() {
    if (!this.stat) throw new Error("cannot create file entry without stat");
    if (this.stat.nlink > 1) {
      let t = `${this.stat.dev}:${this.stat.ino}`, e = this.linkCache.get(t);
      if (e?.indexOf(this.cwd) === 0) return this[sr](e);
      this.linkCache.set(t, this.absolute);
    }
    if (this[fe](), this.stat.size === 0) return this.end();
    this[os]();
  }
  [os]() {
    X.open(this.absolute, "r", (t, e) => {
      if (t) return this.emit("error", t);
      this[hs](e);
    });
  }
  [hs](t) {
    if (this.fd = t, this.#t) return this[pt]();
    if (!this.stat) throw new Error("should stat before calling onopenfile");
    this.blockLen = 512 * Math.ceil(this.stat.size / 512), this.blockRemain = this.blockLen;
    let e = Math.min(this.blockLen, this.maxReadSize);
    this.buf = Buffer.allocUnsafe(e), this.offset = 0, this.pos = 0, this.remain = this.stat.size, this.length = this.buf.length, this[ii]();
  }
  [ii]() {
    let { fd: t, buf: e, offset: i, length: r, pos: n } = this;
    if (t === void 0 || e === void 0) throw new Error("cannot read file without first opening");
    X.read(t, e, i, r, n, (o, h) => {
      if (o) return this[pt](() => this.emit("error", o));
      this[rs](h);
    });
  }
  [pt](t = () => {
  }) {
    this.fd !== void 0 && X.close(this.fd, t);
  }
  [rs](t) {
    if (t <= 0 && this.remain > 0) {
      let r = Object.assign(new Error("encountered unexpected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
      return this[pt](() => this.emit("error", r));
    }
    if (t > this.remain) {
      let r = Object.assign(new Error("did not encounter expected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
      return this[pt](() => this.emit("error", r));
    }
    if (!this.buf) throw new Error("should have created buffer prior to reading");
    if (t === this.remain) for (let r = t; r < this.length && t < this.blockRemain; r++) this.buf[r + this.offset] = 0, t++, this.remain++;
    let e = this.offset === 0 && t === this.buf.length ? this.buf : this.buf.subarray(this.offset, this.offset + t);
    this.write(e) ? this[es]() : this[as](() => this[es]());
  }
  [as](t) {
    this.once("drain", t);
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this.blockRemain < t.length) {
      let r = Object.assign(new Error("writing more data than expected"), { path: this.absolute });
      return this.emit("error", r);
    }
    return this.remain -= t.length, this.blockRemain -= t.length, this.pos += t.length, this.offset += t.length, super.write(t, null, i);
  }
  [es]() {
    if (!this.remain) return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), this[pt]((t) => t ? this.emit("error", t) : this.end());
    if (!this.buf) throw new Error("buffer lost somehow in ONDRAIN");
    this.offset >= this.length && (this.buf = Buffer.allocUnsafe(Math.min(this.blockRemain, this.buf.length)), this.offset = 0), this.length = this.buf.length - this.offset, this[ii]();
  }
};
var ni = class extends de {
  sync = true;
  [ss]() {
    this[si](X.lstatSync(this.absolute));
  }
  [is]() {
    this[ns](X.readlinkSync(this.absolute));
  }
  [os]() {
    this[hs](X.openSync(this.absolute, "r"));
  }
  [ii]() {
    let t = true;
    try {
      let { fd: e, buf: i, offset: r, length: n, pos: o } = this;
      if (e === void 0 || i === void 0) throw new Error("fd and buf must be set in READ method");
      let h = X.readSync(e, i, r, n, o);
      this[rs](h), t = false;
    } finally {
      if (t) try {
        this[pt](() => {
        });
      } catch {
      }
    }
  }
  [as](t) {
    t();
  }
  [pt](t = () => {
  }) {
    this.fd !== void 0 && X.closeSync(this.fd), t();
  }
};
var oi = class extends A {
  blockLen = 0;
  blockRemain = 0;
  buf = 0;
  pos = 0;
  remain = 0;
  length = 0;
  preservePaths;
  portable;
  strict;
  noPax;
  noMtime;
  readEntry;
  type;
  prefix;
  path;
  mode;
  uid;
  gid;
  uname;
  gname;
  header;
  mtime;
  atime;
  ctime;
  linkpath;
  size;
  onWriteEntry;
  warn(t, e, i = {}) {
    return Dt(this, t, e, i);
  }
  constructor(t, e = {}) {
    let i = se(e);
    super(), this.preservePaths = !!i.preservePaths, this.portable = !!i.portable, this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.onWriteEntry = i.onWriteEntry, this.readEntry = t;
    let { type: r } = t;
    if (r === "Unsupported") throw new Error("writing entry that should be ignored");
    this.type = r, this.type === "Directory" && this.portable && (this.noMtime = true), this.prefix = i.prefix, this.path = f(t.path), this.mode = t.mode !== void 0 ? this[ri](t.mode) : void 0, this.uid = this.portable ? void 0 : t.uid, this.gid = this.portable ? void 0 : t.gid, this.uname = this.portable ? void 0 : t.uname, this.gname = this.portable ? void 0 : t.gname, this.size = t.size, this.mtime = this.noMtime ? void 0 : i.mtime || t.mtime, this.atime = this.portable ? void 0 : t.atime, this.ctime = this.portable ? void 0 : t.ctime, this.linkpath = t.linkpath !== void 0 ? f(t.linkpath) : void 0, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
    let n = false;
    if (!this.preservePaths) {
      let [h, a] = ce(this.path);
      h && typeof a == "string" && (this.path = a, n = h);
    }
    this.remain = t.size, this.blockRemain = t.startBlockSize, this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this.mode, uid: this.portable ? void 0 : this.uid, gid: this.portable ? void 0 : this.gid, size: this.size, mtime: this.noMtime ? void 0 : this.mtime, type: this.type, uname: this.portable ? void 0 : this.uname, atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime }), n && this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute path`, { entry: this, path: n + this.path }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime, gid: this.portable ? void 0 : this.gid, mtime: this.noMtime ? void 0 : this.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.size, uid: this.portable ? void 0 : this.uid, uname: this.portable ? void 0 : this.uname, dev: this.portable ? void 0 : this.readEntry.dev, ino: this.portable ? void 0 : this.readEntry.ino, nlink: this.portable ? void 0 : this.readEntry.nlink }).encode());
    let o = this.header?.block;
    if (!o) throw new Error("failed to encode header");
    super.write(o), t.pipe(this);
  }
  [q](t) {
    return rr(t, this.prefix);
  }
  [ri](t) {
    return Ji(t, this.type === "Directory", this.portable);
  }
  write(t, e, i) {
    typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8"));
    let r = t.length;
    if (r > this.blockRemain) throw new Error("writing more to entry than is appropriate");
    return this.blockRemain -= r, super.write(t, i);
  }
  end(t, e, i) {
    return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e ?? "utf8")), i && this.once("finish", i), t ? super.end(t, i) : super.end(i), this;
  }
};
var Gn = (s3) => s3.isFile() ? "File" : s3.isDirectory() ? "Directory" : s3.isSymbolicLink() ? "SymbolicLink" : "Unsupported";
var hi = class s2 {
  tail;
  head;
  length = 0;
  static create(t = []) {
    return new s2(t);
  }
  constructor(t = []) {
    for (let e of t) this.push(e);
  }
  *[Symbol.iterator]() {
    for (let t = this.head; t; t = t.next) yield t.value;
  }
  removeNode(t) {
    if (t.list !== this) throw new Error("removing node which does not belong to this list");
    let e = t.next, i = t.prev;
    return e && (e.prev = i), i && (i.next = e), t === this.head && (this.head = e), t === this.tail && (this.tail = i), this.length--, t.next = void 0, t.prev = void 0, t.list = void 0, e;
  }
  unshiftNode(t) {
    if (t === this.head) return;
    t.list && t.list.removeNode(t);
    let e = this.head;
    t.list = this, t.next = e, e && (e.prev = t), this.head = t, this.tail || (this.tail = t), this.length++;
  }
  pushNode(t) {
    if (t === this.tail) return;
    t.list && t.list.removeNode(t);
    let e = this.tail;
    t.list = this, t.prev = e, e && (e.next = t), this.tail = t, this.head || (this.head = t), this.length++;
  }
  push(...t) {
    for (let e = 0, i = t.length; e < i; e++) Yn(this, t[e]);
    return this.length;
  }
  unshift(...t) {
    for (var e = 0, i = t.length; e < i; e++) Kn(this, t[e]);
    return this.length;
  }
  pop() {
    if (!this.tail) return;
    let t = this.tail.value, e = this.tail;
    return this.tail = this.tail.prev, this.tail ? this.tail.next = void 0 : this.head = void 0, e.list = void 0, this.length--, t;
  }
  shift() {
    if (!this.head) return;
    let t = this.head.value, e = this.head;
    return this.head = this.head.next, this.head ? this.head.prev = void 0 : this.tail = void 0, e.list = void 0, this.length--, t;
  }
  forEach(t, e) {
    e = e || this;
    for (let i = this.head, r = 0; i; r++) t.call(e, i.value, r, this), i = i.next;
  }
  forEachReverse(t, e) {
    e = e || this;
    for (let i = this.tail, r = this.length - 1; i; r--) t.call(e, i.value, r, this), i = i.prev;
  }
  get(t) {
    let e = 0, i = this.head;
    for (; i && e < t; e++) i = i.next;
    if (e === t && i) return i.value;
  }
  getReverse(t) {
    let e = 0, i = this.tail;
    for (; i && e < t; e++) i = i.prev;
    if (e === t && i) return i.value;
  }
  map(t, e) {
    e = e || this;
    let i = new s2();
    for (let r = this.head; r; ) i.push(t.call(e, r.value, this)), r = r.next;
    return i;
  }
  mapReverse(t, e) {
    e = e || this;
    var i = new s2();
    for (let r = this.tail; r; ) i.push(t.call(e, r.value, this)), r = r.prev;
    return i;
  }
  reduce(t, e) {
    let i, r = this.head;
    if (arguments.length > 1) i = e;
    else if (this.head) r = this.head.next, i = this.head.value;
    else throw new TypeError("Reduce of empty list with no initial value");
    for (var n = 0; r; n++) i = t(i, r.value, n), r = r.next;
    return i;
  }
  reduceReverse(t, e) {
    let i, r = this.tail;
    if (arguments.length > 1) i = e;
    else if (this.tail) r = this.tail.prev, i = this.tail.value;
    else throw new TypeError("Reduce of empty list with no initial value");
    for (let n = this.length - 1; r; n--) i = t(i, r.value, n), r = r.prev;
    return i;
  }
  toArray() {
    let t = new Array(this.length);
    for (let e = 0, i = this.head; i; e++) t[e] = i.value, i = i.next;
    return t;
  }
  toArrayReverse() {
    let t = new Array(this.length);
    for (let e = 0, i = this.tail; i; e++) t[e] = i.value, i = i.prev;
    return t;
  }
  slice(t = 0, e = this.length) {
    e < 0 && (e += this.length), t < 0 && (t += this.length);
    let i = new s2();
    if (e < t || e < 0) return i;
    t < 0 && (t = 0), e > this.length && (e = this.length);
    let r = this.head, n = 0;
    for (n = 0; r && n < t; n++) r = r.next;
    for (; r && n < e; n++, r = r.next) i.push(r.value);
    return i;
  }
  sliceReverse(t = 0, e = this.length) {
    e < 0 && (e += this.length), t < 0 && (t += this.length);
    let i = new s2();
    if (e < t || e < 0) return i;
    t < 0 && (t = 0), e > this.length && (e = this.length);
    let r = this.length, n = this.tail;
    for (; n && r > e; r--) n = n.prev;
    for (; n && r > t; r--, n = n.prev) i.push(n.value);
    return i;
  }
  splice(t, e = 0, ...i) {
    t > this.length && (t = this.length - 1), t < 0 && (t = this.length + t);
    let r = this.head;
    for (let o = 0; r && o < t; o++) r = r.next;
    let n = [];
    for (let o = 0; r && o < e; o++) n.push(r.value), r = this.removeNode(r);
    r ? r !== this.tail && (r = r.prev) : r = this.tail;
    for (let o of i) r = Zn(this, r, o);
    return n;
  }
  reverse() {
    let t = this.head, e = this.tail;
    for (let i = t; i; i = i.prev) {
      let r = i.prev;
      i.prev = i.next, i.next = r;
    }
    return this.head = e, this.tail = t, this;
  }
};
function Zn(s3, t, e) {
  let i = t, r = t ? t.next : s3.head, n = new ue(e, i, r, s3);
  return n.next === void 0 && (s3.tail = n), n.prev === void 0 && (s3.head = n), s3.length++, n;
}
function Yn(s3, t) {
  s3.tail = new ue(t, s3.tail, void 0, s3), s3.head || (s3.head = s3.tail), s3.length++;
}
function Kn(s3, t) {
  s3.head = new ue(t, void 0, s3.head, s3), s3.tail || (s3.tail = s3.head), s3.length++;
}
var ue = class {
  list;
  next;
  prev;
  value;
  constructor(t, e, i, r) {
    this.list = r, this.value = t, e ? (e.next = this, this.prev = e) : this.prev = void 0, i ? (i.prev = this, this.next = i) : this.next = void 0;
  }
};
var pi = class {
  path;
  absolute;
  entry;
  stat;
  readdir;
  pending = false;
  pendingLink = false;
  ignore = false;
  piped = false;
  constructor(t, e) {
    this.path = t || "./", this.absolute = e;
  }
};
var nr = Buffer.alloc(1024);
var li = /* @__PURE__ */ Symbol("onStat");
var me = /* @__PURE__ */ Symbol("ended");
var W = /* @__PURE__ */ Symbol("queue");
var pe = /* @__PURE__ */ Symbol("pendingLinks");
var Et = /* @__PURE__ */ Symbol("current");
var Ft = /* @__PURE__ */ Symbol("process");
var Ee = /* @__PURE__ */ Symbol("processing");
var ai = /* @__PURE__ */ Symbol("processJob");
var G = /* @__PURE__ */ Symbol("jobs");
var ls = /* @__PURE__ */ Symbol("jobDone");
var ci = /* @__PURE__ */ Symbol("addFSEntry");
var or = /* @__PURE__ */ Symbol("addTarEntry");
var ds = /* @__PURE__ */ Symbol("stat");
var us = /* @__PURE__ */ Symbol("readdir");
var fi = /* @__PURE__ */ Symbol("onreaddir");
var di = /* @__PURE__ */ Symbol("pipe");
var hr = /* @__PURE__ */ Symbol("entry");
var cs = /* @__PURE__ */ Symbol("entryOpt");
var ui = /* @__PURE__ */ Symbol("writeEntryClass");
var lr = /* @__PURE__ */ Symbol("write");
var fs = /* @__PURE__ */ Symbol("ondrain");
var wt = class extends A {
  sync = false;
  opt;
  cwd;
  maxReadSize;
  preservePaths;
  strict;
  noPax;
  prefix;
  linkCache;
  statCache;
  file;
  portable;
  zip;
  readdirCache;
  noDirRecurse;
  follow;
  noMtime;
  mtime;
  filter;
  jobs;
  [ui];
  onWriteEntry;
  [W];
  [pe] = /* @__PURE__ */ new Map();
  [G] = 0;
  [Ee] = false;
  [me] = false;
  constructor(t = {}) {
    if (super(), this.opt = t, this.file = t.file || "", this.cwd = t.cwd || process.cwd(), this.maxReadSize = t.maxReadSize, this.preservePaths = !!t.preservePaths, this.strict = !!t.strict, this.noPax = !!t.noPax, this.prefix = f(t.prefix || ""), this.linkCache = t.linkCache || /* @__PURE__ */ new Map(), this.statCache = t.statCache || /* @__PURE__ */ new Map(), this.readdirCache = t.readdirCache || /* @__PURE__ */ new Map(), this.onWriteEntry = t.onWriteEntry, this[ui] = de, typeof t.onwarn == "function" && this.on("warn", t.onwarn), this.portable = !!t.portable, t.gzip || t.brotli || t.zstd) {
      if ((t.gzip ? 1 : 0) + (t.brotli ? 1 : 0) + (t.zstd ? 1 : 0) > 1) throw new TypeError("gzip, brotli, zstd are mutually exclusive");
      if (t.gzip && (typeof t.gzip != "object" && (t.gzip = {}), this.portable && (t.gzip.portable = true), this.zip = new ze(t.gzip)), t.brotli && (typeof t.brotli != "object" && (t.brotli = {}), this.zip = new We(t.brotli)), t.zstd && (typeof t.zstd != "object" && (t.zstd = {}), this.zip = new Ye(t.zstd)), !this.zip) throw new Error("impossible");
      let e = this.zip;
      e.on("data", (i) => super.write(i)), e.on("end", () => super.end()), e.on("drain", () => this[fs]()), this.on("resume", () => e.resume());
    } else this.on("drain", this[fs]);
    this.noDirRecurse = !!t.noDirRecurse, this.follow = !!t.follow, this.noMtime = !!t.noMtime, t.mtime && (this.mtime = t.mtime), this.filter = typeof t.filter == "function" ? t.filter : () => true, this[W] = new hi(), this[G] = 0, this.jobs = Number(t.jobs) || 4, this[Ee] = false, this[me] = false;
  }
  [lr](t) {
    return super.write(t);
  }
  add(t) {
    return this.write(t), this;
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = void 0), t && this.add(t), this[me] = true, this[Ft](), i && i(), this;
  }
  write(t) {
    if (this[me]) throw new Error("write after end");
    return typeof t == "string" ? this[ci](t) : this[or](t), this.flowing;
  }
  [or](t) {
    let e = f(ar.resolve(this.cwd, t.path));
    if (!this.filter(t.path, t)) t.resume();
    else {
      let i = new pi(t.path, e);
      i.entry = new oi(t, this[cs](i)), i.entry.on("end", () => this[ls](i)), this[G] += 1, this[W].push(i);
    }
    this[Ft]();
  }
  [ci](t) {
    let e = f(ar.resolve(this.cwd, t));
    this[W].push(new pi(t, e)), this[Ft]();
  }
  [ds](t) {
    t.pending = true, this[G] += 1;
    let e = this.follow ? "stat" : "lstat";
    mi[e](t.absolute, (i, r) => {
      t.pending = false, this[G] -= 1, i ? this.emit("error", i) : this[li](t, r);
    });
  }
  [li](t, e) {
    if (this.statCache.set(t.absolute, e), t.stat = e, !this.filter(t.path, e)) t.ignore = true;
    else if (e.isFile() && e.nlink > 1 && !this.linkCache.get(`${e.dev}:${e.ino}`) && !this.sync) if (t === this[Et]) this[ai](t);
    else {
      let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
      r ? r.push(t) : this[pe].set(i, [t]), t.pendingLink = true, t.pending = true;
    }
    this[Ft]();
  }
  [us](t) {
    t.pending = true, this[G] += 1, mi.readdir(t.absolute, (e, i) => {
      if (t.pending = false, this[G] -= 1, e) return this.emit("error", e);
      this[fi](t, i);
    });
  }
  [fi](t, e) {
    this.readdirCache.set(t.absolute, e), t.readdir = e, this[Ft]();
  }
  [Ft]() {
    if (!this[Ee]) {
      this[Ee] = true;
      for (let t = this[W].head; t && this[G] < this.jobs; t = t.next) if (this[ai](t.value), t.value.ignore) {
        let e = t.next;
        this[W].removeNode(t), t.next = e;
      }
      this[Ee] = false, this[me] && this[W].length === 0 && this[G] === 0 && (this.zip ? this.zip.end(nr) : (super.write(nr), super.end()));
    }
  }
  get [Et]() {
    return this[W] && this[W].head && this[W].head.value;
  }
  [ls](t) {
    this[W].shift(), this[G] -= 1;
    let { stat: e } = t;
    if (e && e.isFile() && e.nlink > 1) {
      let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
      if (r) {
        this[pe].delete(i);
        for (let n of r) n.pending = false, this[ai](n);
      }
    }
    this[Ft]();
  }
  [ai](t) {
    if (t.pending && t.pendingLink && t === this[Et] && (t.pending = false, t.pendingLink = false), !t.pending) {
      if (t.entry) {
        t === this[Et] && !t.piped && this[di](t);
        return;
      }
      if (!t.stat) {
        let e = this.statCache.get(t.absolute);
        e ? this[li](t, e) : this[ds](t);
      }
      if (t.stat && !t.ignore) {
        if (!this.noDirRecurse && t.stat.isDirectory() && !t.readdir) {
          let e = this.readdirCache.get(t.absolute);
          if (e ? this[fi](t, e) : this[us](t), !t.readdir) return;
        }
        if (t.entry = this[hr](t), !t.entry) {
          t.ignore = true;
          return;
        }
        t === this[Et] && !t.piped && this[di](t);
      }
    }
  }
  [cs](t) {
    return { onwarn: (e, i, r) => this.warn(e, i, r), noPax: this.noPax, cwd: this.cwd, absolute: t.absolute, preservePaths: this.preservePaths, maxReadSize: this.maxReadSize, strict: this.strict, portable: this.portable, linkCache: this.linkCache, statCache: this.statCache, noMtime: this.noMtime, mtime: this.mtime, prefix: this.prefix, onWriteEntry: this.onWriteEntry };
  }
  [hr](t) {
    this[G] += 1;
    try {
      return new this[ui](t.path, this[cs](t)).on("end", () => this[ls](t)).on("error", (i) => this.emit("error", i));
    } catch (e) {
      this.emit("error", e);
    }
  }
  [fs]() {
    this[Et] && this[Et].entry && this[Et].entry.resume();
  }
  [di](t) {
    t.piped = true, t.readdir && t.readdir.forEach((r) => {
      let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
      this[ci](o + r);
    });
    let e = t.entry, i = this.zip;
    if (!e) throw new Error("cannot pipe without source");
    i ? e.on("data", (r) => {
      i.write(r) || e.pause();
    }) : e.on("data", (r) => {
      super.write(r) || e.pause();
    });
  }
  pause() {
    return this.zip && this.zip.pause(), super.pause();
  }
  warn(t, e, i = {}) {
    Dt(this, t, e, i);
  }
};
var kt = class extends wt {
  sync = true;
  constructor(t) {
    super(t), this[ui] = ni;
  }
  pause() {
  }
  resume() {
  }
  [ds](t) {
    let e = this.follow ? "statSync" : "lstatSync";
    this[li](t, mi[e](t.absolute));
  }
  [us](t) {
    this[fi](t, mi.readdirSync(t.absolute));
  }
  [di](t) {
    let e = t.entry, i = this.zip;
    if (t.readdir && t.readdir.forEach((r) => {
      let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
      this[ci](o + r);
    }), !e) throw new Error("Cannot pipe without source");
    i ? e.on("data", (r) => {
      i.write(r);
    }) : e.on("data", (r) => {
      super[lr](r);
    });
  }
};
var Vn = (s3, t) => {
  let e = new kt(s3), i = new Wt(s3.file, { mode: s3.mode || 438 });
  e.pipe(i), fr(e, t);
};
var $n = (s3, t) => {
  let e = new wt(s3), i = new et(s3.file, { mode: s3.mode || 438 });
  e.pipe(i);
  let r = new Promise((n, o) => {
    i.on("error", o), i.on("close", n), e.on("error", o);
  });
  return dr(e, t).catch((n) => e.emit("error", n)), r;
};
var fr = (s3, t) => {
  t.forEach((e) => {
    e.charAt(0) === "@" ? Ct({ file: cr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  }), s3.end();
};
var dr = async (s3, t) => {
  for (let e of t) e.charAt(0) === "@" ? await Ct({ file: cr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i) => {
    s3.add(i);
  } }) : s3.add(e);
  s3.end();
};
var Xn = (s3, t) => {
  let e = new kt(s3);
  return fr(e, t), e;
};
var qn = (s3, t) => {
  let e = new wt(s3);
  return dr(e, t).catch((i) => e.emit("error", i)), e;
};
var Qn = K(Vn, $n, Xn, qn, (s3, t) => {
  if (!t?.length) throw new TypeError("no paths specified to add to archive");
});
var Jn = process.env.__FAKE_PLATFORM__ || process.platform;
var Er = Jn === "win32";
var { O_CREAT: wr, O_NOFOLLOW: ur, O_TRUNC: Sr, O_WRONLY: yr } = pr.constants;
var Rr = Number(process.env.__FAKE_FS_O_FILENAME__) || pr.constants.UV_FS_O_FILEMAP || 0;
var jn = Er && !!Rr;
var to = 512 * 1024;
var eo = Rr | Sr | wr | yr;
var mr = !Er && typeof ur == "number" ? ur | Sr | wr | yr : null;
var ms = mr !== null ? () => mr : jn ? (s3) => s3 < to ? eo : "w" : () => "w";
var ps = (s3, t, e) => {
  try {
    return wi.lchownSync(s3, t, e);
  } catch (i) {
    if (i?.code !== "ENOENT") throw i;
  }
};
var Ei = (s3, t, e, i) => {
  wi.lchown(s3, t, e, (r) => {
    i(r && r?.code !== "ENOENT" ? r : null);
  });
};
var io = (s3, t, e, i, r) => {
  if (t.isDirectory()) Es(we.resolve(s3, t.name), e, i, (n) => {
    if (n) return r(n);
    let o = we.resolve(s3, t.name);
    Ei(o, e, i, r);
  });
  else {
    let n = we.resolve(s3, t.name);
    Ei(n, e, i, r);
  }
};
var Es = (s3, t, e, i) => {
  wi.readdir(s3, { withFileTypes: true }, (r, n) => {
    if (r) {
      if (r.code === "ENOENT") return i();
      if (r.code !== "ENOTDIR" && r.code !== "ENOTSUP") return i(r);
    }
    if (r || !n.length) return Ei(s3, t, e, i);
    let o = n.length, h = null, a = (l) => {
      if (!h) {
        if (l) return i(h = l);
        if (--o === 0) return Ei(s3, t, e, i);
      }
    };
    for (let l of n) io(s3, l, t, e, a);
  });
};
var so = (s3, t, e, i) => {
  t.isDirectory() && ws(we.resolve(s3, t.name), e, i), ps(we.resolve(s3, t.name), e, i);
};
var ws = (s3, t, e) => {
  let i;
  try {
    i = wi.readdirSync(s3, { withFileTypes: true });
  } catch (r) {
    let n = r;
    if (n?.code === "ENOENT") return;
    if (n?.code === "ENOTDIR" || n?.code === "ENOTSUP") return ps(s3, t, e);
    throw n;
  }
  for (let r of i) so(s3, r, t, e);
  return ps(s3, t, e);
};
var Se = class extends Error {
  path;
  code;
  syscall = "chdir";
  constructor(t, e) {
    super(`${e}: Cannot cd into '${t}'`), this.path = t, this.code = e;
  }
  get name() {
    return "CwdError";
  }
};
var St = class extends Error {
  path;
  symlink;
  syscall = "symlink";
  code = "TAR_SYMLINK_ERROR";
  constructor(t, e) {
    super("TAR_SYMLINK_ERROR: Cannot extract through symbolic link"), this.symlink = t, this.path = e;
  }
  get name() {
    return "SymlinkError";
  }
};
var no = (s3, t) => {
  k.stat(s3, (e, i) => {
    (e || !i.isDirectory()) && (e = new Se(s3, e?.code || "ENOTDIR")), t(e);
  });
};
var gr = (s3, t, e) => {
  s3 = f(s3);
  let i = t.umask ?? 18, r = t.mode | 448, n = (r & i) !== 0, o = t.uid, h = t.gid, a = typeof o == "number" && typeof h == "number" && (o !== t.processUid || h !== t.processGid), l = t.preserve, c = t.unlink, d = f(t.cwd), y = (E, x) => {
    E ? e(E) : x && a ? Es(x, o, h, (Le) => y(Le)) : n ? k.chmod(s3, r, e) : e();
  };
  if (s3 === d) return no(s3, y);
  if (l) return ro.mkdir(s3, { mode: r, recursive: true }).then((E) => y(null, E ?? void 0), y);
  let D = f(Si.relative(d, s3)).split("/");
  Ss(d, D, r, c, d, void 0, y);
};
var Ss = (s3, t, e, i, r, n, o) => {
  if (t.length === 0) return o(null, n);
  let h = t.shift(), a = f(Si.resolve(s3 + "/" + h));
  k.mkdir(a, e, br(a, t, e, i, r, n, o));
};
var br = (s3, t, e, i, r, n, o) => (h) => {
  h ? k.lstat(s3, (a, l) => {
    if (a) a.path = a.path && f(a.path), o(a);
    else if (l.isDirectory()) Ss(s3, t, e, i, r, n, o);
    else if (i) k.unlink(s3, (c) => {
      if (c) return o(c);
      k.mkdir(s3, e, br(s3, t, e, i, r, n, o));
    });
    else {
      if (l.isSymbolicLink()) return o(new St(s3, s3 + "/" + t.join("/")));
      o(h);
    }
  }) : (n = n || s3, Ss(s3, t, e, i, r, n, o));
};
var oo = (s3) => {
  let t = false, e;
  try {
    t = k.statSync(s3).isDirectory();
  } catch (i) {
    e = i?.code;
  } finally {
    if (!t) throw new Se(s3, e ?? "ENOTDIR");
  }
};
var _r = (s3, t) => {
  s3 = f(s3);
  let e = t.umask ?? 18, i = t.mode | 448, r = (i & e) !== 0, n = t.uid, o = t.gid, h = typeof n == "number" && typeof o == "number" && (n !== t.processUid || o !== t.processGid), a = t.preserve, l = t.unlink, c = f(t.cwd), d = (E) => {
    E && h && ws(E, n, o), r && k.chmodSync(s3, i);
  };
  if (s3 === c) return oo(c), d();
  if (a) return d(k.mkdirSync(s3, { mode: i, recursive: true }) ?? void 0);
  let T = f(Si.relative(c, s3)).split("/"), D;
  for (let E = T.shift(), x = c; E && (x += "/" + E); E = T.shift()) {
    x = f(Si.resolve(x));
    try {
      k.mkdirSync(x, i), D = D || x;
    } catch {
      let Le = k.lstatSync(x);
      if (Le.isDirectory()) continue;
      if (l) {
        k.unlinkSync(x), k.mkdirSync(x, i), D = D || x;
        continue;
      } else if (Le.isSymbolicLink()) return new St(x, x + "/" + T.join("/"));
    }
  }
  return d(D);
};
var ys = /* @__PURE__ */ Object.create(null);
var Or = 1e4;
var Vt = /* @__PURE__ */ new Set();
var Tr = (s3) => {
  Vt.has(s3) ? Vt.delete(s3) : ys[s3] = s3.normalize("NFD").toLocaleLowerCase("en").toLocaleUpperCase("en"), Vt.add(s3);
  let t = ys[s3], e = Vt.size - Or;
  if (e > Or / 10) {
    for (let i of Vt) if (Vt.delete(i), delete ys[i], --e <= 0) break;
  }
  return t;
};
var ho = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var ao = ho === "win32";
var lo = (s3) => s3.split("/").slice(0, -1).reduce((e, i) => {
  let r = e.at(-1);
  return r !== void 0 && (i = xr(r, i)), e.push(i || "/"), e;
}, []);
var yi = class {
  #t = /* @__PURE__ */ new Map();
  #i = /* @__PURE__ */ new Map();
  #s = /* @__PURE__ */ new Set();
  reserve(t, e) {
    t = ao ? ["win32 parallelization disabled"] : t.map((r) => mt(xr(Tr(r))));
    let i = new Set(t.map((r) => lo(r)).reduce((r, n) => r.concat(n)));
    this.#i.set(e, { dirs: i, paths: t });
    for (let r of t) {
      let n = this.#t.get(r);
      n ? n.push(e) : this.#t.set(r, [e]);
    }
    for (let r of i) {
      let n = this.#t.get(r);
      if (!n) this.#t.set(r, [/* @__PURE__ */ new Set([e])]);
      else {
        let o = n.at(-1);
        o instanceof Set ? o.add(e) : n.push(/* @__PURE__ */ new Set([e]));
      }
    }
    return this.#r(e);
  }
  #n(t) {
    let e = this.#i.get(t);
    if (!e) throw new Error("function does not have any path reservations");
    return { paths: e.paths.map((i) => this.#t.get(i)), dirs: [...e.dirs].map((i) => this.#t.get(i)) };
  }
  check(t) {
    let { paths: e, dirs: i } = this.#n(t);
    return e.every((r) => r && r[0] === t) && i.every((r) => r && r[0] instanceof Set && r[0].has(t));
  }
  #r(t) {
    return this.#s.has(t) || !this.check(t) ? false : (this.#s.add(t), t(() => this.#e(t)), true);
  }
  #e(t) {
    if (!this.#s.has(t)) return false;
    let e = this.#i.get(t);
    if (!e) throw new Error("invalid reservation");
    let { paths: i, dirs: r } = e, n = /* @__PURE__ */ new Set();
    for (let o of i) {
      let h = this.#t.get(o);
      if (!h || h?.[0] !== t) continue;
      let a = h[1];
      if (!a) {
        this.#t.delete(o);
        continue;
      }
      if (h.shift(), typeof a == "function") n.add(a);
      else for (let l of a) n.add(l);
    }
    for (let o of r) {
      let h = this.#t.get(o), a = h?.[0];
      if (!(!h || !(a instanceof Set))) if (a.size === 1 && h.length === 1) {
        this.#t.delete(o);
        continue;
      } else if (a.size === 1) {
        h.shift();
        let l = h[0];
        typeof l == "function" && n.add(l);
      } else a.delete(t);
    }
    return this.#s.delete(t), n.forEach((o) => this.#r(o)), true;
  }
};
var Lr = () => process.umask();
var Dr = /* @__PURE__ */ Symbol("onEntry");
var _s = /* @__PURE__ */ Symbol("checkFs");
var Nr = /* @__PURE__ */ Symbol("checkFs2");
var Os = /* @__PURE__ */ Symbol("isReusable");
var P = /* @__PURE__ */ Symbol("makeFs");
var Ts = /* @__PURE__ */ Symbol("file");
var xs = /* @__PURE__ */ Symbol("directory");
var gi = /* @__PURE__ */ Symbol("link");
var Ar = /* @__PURE__ */ Symbol("symlink");
var Ir = /* @__PURE__ */ Symbol("hardlink");
var Re = /* @__PURE__ */ Symbol("ensureNoSymlink");
var Cr = /* @__PURE__ */ Symbol("unsupported");
var Fr = /* @__PURE__ */ Symbol("checkPath");
var Rs = /* @__PURE__ */ Symbol("stripAbsolutePath");
var yt = /* @__PURE__ */ Symbol("mkdir");
var O = /* @__PURE__ */ Symbol("onError");
var Ri = /* @__PURE__ */ Symbol("pending");
var kr = /* @__PURE__ */ Symbol("pend");
var $t = /* @__PURE__ */ Symbol("unpend");
var gs = /* @__PURE__ */ Symbol("ended");
var bs = /* @__PURE__ */ Symbol("maybeClose");
var Ls = /* @__PURE__ */ Symbol("skip");
var ge = /* @__PURE__ */ Symbol("doChown");
var be = /* @__PURE__ */ Symbol("uid");
var _e = /* @__PURE__ */ Symbol("gid");
var Oe = /* @__PURE__ */ Symbol("checkedCwd");
var fo = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var Te = fo === "win32";
var uo = 1024;
var mo = (s3, t) => {
  if (!Te) return u.unlink(s3, t);
  let e = s3 + ".DELETE." + Mr(16).toString("hex");
  u.rename(s3, e, (i) => {
    if (i) return t(i);
    u.unlink(e, t);
  });
};
var po = (s3) => {
  if (!Te) return u.unlinkSync(s3);
  let t = s3 + ".DELETE." + Mr(16).toString("hex");
  u.renameSync(s3, t), u.unlinkSync(t);
};
var vr = (s3, t, e) => s3 !== void 0 && s3 === s3 >>> 0 ? s3 : t !== void 0 && t === t >>> 0 ? t : e;
var Xt = class extends rt {
  [gs] = false;
  [Oe] = false;
  [Ri] = 0;
  reservations = new yi();
  transform;
  writable = true;
  readable = false;
  uid;
  gid;
  setOwner;
  preserveOwner;
  processGid;
  processUid;
  maxDepth;
  forceChown;
  win32;
  newer;
  keep;
  noMtime;
  preservePaths;
  unlink;
  cwd;
  strip;
  processUmask;
  umask;
  dmode;
  fmode;
  chmod;
  constructor(t = {}) {
    if (t.ondone = () => {
      this[gs] = true, this[bs]();
    }, super(t), this.transform = t.transform, this.chmod = !!t.chmod, typeof t.uid == "number" || typeof t.gid == "number") {
      if (typeof t.uid != "number" || typeof t.gid != "number") throw new TypeError("cannot set owner without number uid and gid");
      if (t.preserveOwner) throw new TypeError("cannot preserve owner in archive and also set owner explicitly");
      this.uid = t.uid, this.gid = t.gid, this.setOwner = true;
    } else this.uid = void 0, this.gid = void 0, this.setOwner = false;
    this.preserveOwner = t.preserveOwner === void 0 && typeof t.uid != "number" ? process.getuid?.() === 0 : !!t.preserveOwner, this.processUid = (this.preserveOwner || this.setOwner) && process.getuid ? process.getuid() : void 0, this.processGid = (this.preserveOwner || this.setOwner) && process.getgid ? process.getgid() : void 0, this.maxDepth = typeof t.maxDepth == "number" ? t.maxDepth : uo, this.forceChown = t.forceChown === true, this.win32 = !!t.win32 || Te, this.newer = !!t.newer, this.keep = !!t.keep, this.noMtime = !!t.noMtime, this.preservePaths = !!t.preservePaths, this.unlink = !!t.unlink, this.cwd = f(R.resolve(t.cwd || process.cwd())), this.strip = Number(t.strip) || 0, this.processUmask = this.chmod ? typeof t.processUmask == "number" ? t.processUmask : Lr() : 0, this.umask = typeof t.umask == "number" ? t.umask : this.processUmask, this.dmode = t.dmode || 511 & ~this.umask, this.fmode = t.fmode || 438 & ~this.umask, this.on("entry", (e) => this[Dr](e));
  }
  warn(t, e, i = {}) {
    return (t === "TAR_BAD_ARCHIVE" || t === "TAR_ABORT") && (i.recoverable = false), super.warn(t, e, i);
  }
  [bs]() {
    this[gs] && this[Ri] === 0 && (this.emit("prefinish"), this.emit("finish"), this.emit("end"));
  }
  [Rs](t, e) {
    let i = t[e], { type: r } = t;
    if (!i || this.preservePaths) return true;
    let [n, o] = ce(i), h = o.replaceAll(/\\/g, "/").split("/");
    if (h.includes("..") || Te && /^[a-z]:\.\.$/i.test(h[0] ?? "")) {
      if (e === "path" || r === "Link") return this.warn("TAR_ENTRY_ERROR", `${e} contains '..'`, { entry: t, [e]: i }), false;
      let a = R.posix.dirname(t.path), l = R.posix.normalize(R.posix.join(a, h.join("/")));
      if (l.startsWith("../") || l === "..") return this.warn("TAR_ENTRY_ERROR", `${e} escapes extraction directory`, { entry: t, [e]: i }), false;
    }
    return n && (t[e] = String(o), this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute ${e}`, { entry: t, [e]: i })), true;
  }
  [Fr](t) {
    let e = f(t.path), i = e.split("/");
    if (this.strip) {
      if (i.length < this.strip) return false;
      if (t.type === "Link") {
        let r = f(String(t.linkpath)).split("/");
        if (r.length >= this.strip) t.linkpath = r.slice(this.strip).join("/");
        else return false;
      }
      i.splice(0, this.strip), t.path = i.join("/");
    }
    if (isFinite(this.maxDepth) && i.length > this.maxDepth) return this.warn("TAR_ENTRY_ERROR", "path excessively deep", { entry: t, path: e, depth: i.length, maxDepth: this.maxDepth }), false;
    if (!this[Rs](t, "path") || !this[Rs](t, "linkpath")) return false;
    if (t.absolute = R.isAbsolute(t.path) ? f(R.resolve(t.path)) : f(R.resolve(this.cwd, t.path)), !this.preservePaths && typeof t.absolute == "string" && t.absolute.indexOf(this.cwd + "/") !== 0 && t.absolute !== this.cwd) return this.warn("TAR_ENTRY_ERROR", "path escaped extraction target", { entry: t, path: f(t.path), resolvedPath: t.absolute, cwd: this.cwd }), false;
    if (t.absolute === this.cwd && t.type !== "Directory" && t.type !== "GNUDumpDir") return false;
    if (this.win32) {
      let { root: r } = R.win32.parse(String(t.absolute));
      t.absolute = r + ts(String(t.absolute).slice(r.length));
      let { root: n } = R.win32.parse(t.path);
      t.path = n + ts(t.path.slice(n.length));
    }
    return true;
  }
  [Dr](t) {
    if (!this[Fr](t)) return t.resume();
    switch (co.equal(typeof t.absolute, "string"), t.type) {
      case "Directory":
      case "GNUDumpDir":
        t.mode && (t.mode = t.mode | 448);
      case "File":
      case "OldFile":
      case "ContiguousFile":
      case "Link":
      case "SymbolicLink":
        return this[_s](t);
      default:
        return this[Cr](t);
    }
  }
  [O](t, e) {
    t.name === "CwdError" ? this.emit("error", t) : (this.warn("TAR_ENTRY_ERROR", t, { entry: e }), this[$t](), e.resume());
  }
  [yt](t, e, i) {
    gr(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e }, i);
  }
  [ge](t) {
    return this.forceChown || this.preserveOwner && (typeof t.uid == "number" && t.uid !== this.processUid || typeof t.gid == "number" && t.gid !== this.processGid) || typeof this.uid == "number" && this.uid !== this.processUid || typeof this.gid == "number" && this.gid !== this.processGid;
  }
  [be](t) {
    return vr(this.uid, t.uid, this.processUid);
  }
  [_e](t) {
    return vr(this.gid, t.gid, this.processGid);
  }
  [Ts](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = new et(String(t.absolute), { flags: ms(t.size), mode: i, autoClose: false });
    r.on("error", (a) => {
      r.fd && u.close(r.fd, () => {
      }), r.write = () => true, this[O](a, t), e();
    });
    let n = 1, o = (a) => {
      if (a) {
        r.fd && u.close(r.fd, () => {
        }), this[O](a, t), e();
        return;
      }
      --n === 0 && r.fd !== void 0 && u.close(r.fd, (l) => {
        l ? this[O](l, t) : this[$t](), e();
      });
    };
    r.on("finish", () => {
      let a = String(t.absolute), l = r.fd;
      if (typeof l == "number" && t.mtime && !this.noMtime) {
        n++;
        let c = t.atime || /* @__PURE__ */ new Date(), d = t.mtime;
        u.futimes(l, c, d, (y) => y ? u.utimes(a, c, d, (T) => o(T && y)) : o());
      }
      if (typeof l == "number" && this[ge](t)) {
        n++;
        let c = this[be](t), d = this[_e](t);
        typeof c == "number" && typeof d == "number" && u.fchown(l, c, d, (y) => y ? u.chown(a, c, d, (T) => o(T && y)) : o());
      }
      o();
    });
    let h = this.transform && this.transform(t) || t;
    h !== t && (h.on("error", (a) => {
      this[O](a, t), e();
    }), t.pipe(h)), h.pipe(r);
  }
  [xs](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode;
    this[yt](String(t.absolute), i, (r) => {
      if (r) {
        this[O](r, t), e();
        return;
      }
      let n = 1, o = () => {
        --n === 0 && (e(), this[$t](), t.resume());
      };
      t.mtime && !this.noMtime && (n++, u.utimes(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime, o)), this[ge](t) && (n++, u.chown(String(t.absolute), Number(this[be](t)), Number(this[_e](t)), o)), o();
    });
  }
  [Cr](t) {
    t.unsupported = true, this.warn("TAR_ENTRY_UNSUPPORTED", `unsupported entry type: ${t.type}`, { entry: t }), t.resume();
  }
  [Ar](t, e) {
    let i = f(R.relative(this.cwd, R.resolve(R.dirname(String(t.absolute)), String(t.linkpath)))).split("/");
    this[Re](t, this.cwd, i, () => this[gi](t, String(t.linkpath), "symlink", e), (r) => {
      this[O](r, t), e();
    });
  }
  [Ir](t, e) {
    let i = f(R.resolve(this.cwd, String(t.linkpath))), r = f(String(t.linkpath)).split("/");
    this[Re](t, this.cwd, r, () => this[gi](t, i, "link", e), (n) => {
      this[O](n, t), e();
    });
  }
  [Re](t, e, i, r, n) {
    let o = i.shift();
    if (this.preservePaths || o === void 0) return r();
    let h = R.resolve(e, o);
    u.lstat(h, (a, l) => {
      if (a) return r();
      if (l?.isSymbolicLink()) return n(new St(h, R.resolve(h, i.join("/"))));
      this[Re](t, h, i, r, n);
    });
  }
  [kr]() {
    this[Ri]++;
  }
  [$t]() {
    this[Ri]--, this[bs]();
  }
  [Ls](t) {
    this[$t](), t.resume();
  }
  [Os](t, e) {
    return t.type === "File" && !this.unlink && e.isFile() && e.nlink <= 1 && !Te;
  }
  [_s](t) {
    this[kr]();
    let e = [t.path];
    t.linkpath && e.push(t.linkpath), this.reservations.reserve(e, (i) => this[Nr](t, i));
  }
  [Nr](t, e) {
    let i = (h) => {
      e(h);
    }, r = () => {
      this[yt](this.cwd, this.dmode, (h) => {
        if (h) {
          this[O](h, t), i();
          return;
        }
        this[Oe] = true, n();
      });
    }, n = () => {
      if (t.absolute !== this.cwd) {
        let h = f(R.dirname(String(t.absolute)));
        if (h !== this.cwd) return this[yt](h, this.dmode, (a) => {
          if (a) {
            this[O](a, t), i();
            return;
          }
          o();
        });
      }
      o();
    }, o = () => {
      u.lstat(String(t.absolute), (h, a) => {
        if (a && (this.keep || this.newer && a.mtime > (t.mtime ?? a.mtime))) {
          this[Ls](t), i();
          return;
        }
        if (h || this[Os](t, a)) return this[P](null, t, i);
        if (a.isDirectory()) {
          if (t.type === "Directory") {
            let l = this.chmod && t.mode && (a.mode & 4095) !== t.mode, c = (d) => this[P](d ?? null, t, i);
            return l ? u.chmod(String(t.absolute), Number(t.mode), c) : c();
          }
          if (t.absolute !== this.cwd) return u.rmdir(String(t.absolute), (l) => this[P](l ?? null, t, i));
        }
        if (t.absolute === this.cwd) return this[P](null, t, i);
        mo(String(t.absolute), (l) => this[P](l ?? null, t, i));
      });
    };
    this[Oe] ? n() : r();
  }
  [P](t, e, i) {
    if (t) {
      this[O](t, e), i();
      return;
    }
    switch (e.type) {
      case "File":
      case "OldFile":
      case "ContiguousFile":
        return this[Ts](e, i);
      case "Link":
        return this[Ir](e, i);
      case "SymbolicLink":
        return this[Ar](e, i);
      case "Directory":
      case "GNUDumpDir":
        return this[xs](e, i);
    }
  }
  [gi](t, e, i, r) {
    u[i](e, String(t.absolute), (n) => {
      n ? this[O](n, t) : (this[$t](), t.resume()), r();
    });
  }
};
var ye = (s3) => {
  try {
    return [null, s3()];
  } catch (t) {
    return [t, null];
  }
};
var xe = class extends Xt {
  sync = true;
  [P](t, e) {
    return super[P](t, e, () => {
    });
  }
  [_s](t) {
    if (!this[Oe]) {
      let n = this[yt](this.cwd, this.dmode);
      if (n) return this[O](n, t);
      this[Oe] = true;
    }
    if (t.absolute !== this.cwd) {
      let n = f(R.dirname(String(t.absolute)));
      if (n !== this.cwd) {
        let o = this[yt](n, this.dmode);
        if (o) return this[O](o, t);
      }
    }
    let [e, i] = ye(() => u.lstatSync(String(t.absolute)));
    if (i && (this.keep || this.newer && i.mtime > (t.mtime ?? i.mtime))) return this[Ls](t);
    if (e || this[Os](t, i)) return this[P](null, t);
    if (i.isDirectory()) {
      if (t.type === "Directory") {
        let o = this.chmod && t.mode && (i.mode & 4095) !== t.mode, [h] = o ? ye(() => {
          u.chmodSync(String(t.absolute), Number(t.mode));
        }) : [];
        return this[P](h, t);
      }
      let [n] = ye(() => u.rmdirSync(String(t.absolute)));
      this[P](n, t);
    }
    let [r] = t.absolute === this.cwd ? [] : ye(() => po(String(t.absolute)));
    this[P](r, t);
  }
  [Ts](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = (h) => {
      let a;
      try {
        u.closeSync(n);
      } catch (l) {
        a = l;
      }
      (h || a) && this[O](h || a, t), e();
    }, n;
    try {
      n = u.openSync(String(t.absolute), ms(t.size), i);
    } catch (h) {
      return r(h);
    }
    let o = this.transform && this.transform(t) || t;
    o !== t && (o.on("error", (h) => this[O](h, t)), t.pipe(o)), o.on("data", (h) => {
      try {
        u.writeSync(n, h, 0, h.length);
      } catch (a) {
        r(a);
      }
    }), o.on("end", () => {
      let h = null;
      if (t.mtime && !this.noMtime) {
        let a = t.atime || /* @__PURE__ */ new Date(), l = t.mtime;
        try {
          u.futimesSync(n, a, l);
        } catch (c) {
          try {
            u.utimesSync(String(t.absolute), a, l);
          } catch {
            h = c;
          }
        }
      }
      if (this[ge](t)) {
        let a = this[be](t), l = this[_e](t);
        try {
          u.fchownSync(n, Number(a), Number(l));
        } catch (c) {
          try {
            u.chownSync(String(t.absolute), Number(a), Number(l));
          } catch {
            h = h || c;
          }
        }
      }
      r(h);
    });
  }
  [xs](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode, r = this[yt](String(t.absolute), i);
    if (r) {
      this[O](r, t), e();
      return;
    }
    if (t.mtime && !this.noMtime) try {
      u.utimesSync(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime);
    } catch {
    }
    if (this[ge](t)) try {
      u.chownSync(String(t.absolute), Number(this[be](t)), Number(this[_e](t)));
    } catch {
    }
    e(), t.resume();
  }
  [yt](t, e) {
    try {
      return _r(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e });
    } catch (i) {
      return i;
    }
  }
  [Re](t, e, i, r, n) {
    if (this.preservePaths || i.length === 0) return r();
    let o = e;
    for (let h of i) {
      o = R.resolve(o, h);
      let [a, l] = ye(() => u.lstatSync(o));
      if (a) return r();
      if (l.isSymbolicLink()) return n(new St(o, R.resolve(e, i.join("/"))));
    }
    r();
  }
  [gi](t, e, i, r) {
    let n = `${i}Sync`;
    try {
      u[n](e, String(t.absolute)), r(), t.resume();
    } catch (o) {
      return this[O](o, t);
    }
  }
};
var Eo = (s3) => {
  let t = new xe(s3), e = s3.file, i = Br.statSync(e), r = s3.maxReadSize || 16 * 1024 * 1024;
  new Be(e, { readSize: r, size: i.size }).pipe(t);
};
var wo = (s3, t) => {
  let e = new Xt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
  return new Promise((o, h) => {
    e.on("error", h), e.on("close", o), Br.stat(r, (a, l) => {
      if (a) h(a);
      else {
        let c = new _t(r, { readSize: i, size: l.size });
        c.on("error", h), c.pipe(e);
      }
    });
  });
};
var So = K(Eo, wo, (s3) => new xe(s3), (s3) => new Xt(s3), (s3, t) => {
  t?.length && Qi(s3, t);
});
var yo = (s3, t) => {
  let e = new kt(s3), i = true, r, n;
  try {
    try {
      r = v.openSync(s3.file, "r+");
    } catch (a) {
      if (a?.code === "ENOENT") r = v.openSync(s3.file, "w+");
      else throw a;
    }
    let o = v.fstatSync(r), h = Buffer.alloc(512);
    t: for (n = 0; n < o.size; n += 512) {
      for (let c = 0, d = 0; c < 512; c += d) {
        if (d = v.readSync(r, h, c, h.length - c, n + c), n === 0 && h[0] === 31 && h[1] === 139) throw new Error("cannot append to compressed archives");
        if (!d) break t;
      }
      let a = new F(h);
      if (!a.cksumValid) break;
      let l = 512 * Math.ceil((a.size || 0) / 512);
      if (n + l + 512 > o.size) break;
      n += l, s3.mtimeCache && a.mtime && s3.mtimeCache.set(String(a.path), a.mtime);
    }
    i = false, Ro(s3, e, n, r, t);
  } finally {
    if (i) try {
      v.closeSync(r);
    } catch {
    }
  }
};
var Ro = (s3, t, e, i, r) => {
  let n = new Wt(s3.file, { fd: i, start: e });
  t.pipe(n), bo(t, r);
};
var go = (s3, t) => {
  t = Array.from(t);
  let e = new wt(s3), i = (n, o, h) => {
    let a = (T, D) => {
      T ? v.close(n, (E) => h(T)) : h(null, D);
    }, l = 0;
    if (o === 0) return a(null, 0);
    let c = 0, d = Buffer.alloc(512), y = (T, D) => {
      if (T || D === void 0) return a(T);
      if (c += D, c < 512 && D) return v.read(n, d, c, d.length - c, l + c, y);
      if (l === 0 && d[0] === 31 && d[1] === 139) return a(new Error("cannot append to compressed archives"));
      if (c < 512) return a(null, l);
      let E = new F(d);
      if (!E.cksumValid) return a(null, l);
      let x = 512 * Math.ceil((E.size ?? 0) / 512);
      if (l + x + 512 > o || (l += x + 512, l >= o)) return a(null, l);
      s3.mtimeCache && E.mtime && s3.mtimeCache.set(String(E.path), E.mtime), c = 0, v.read(n, d, 0, 512, l, y);
    };
    v.read(n, d, 0, 512, l, y);
  };
  return new Promise((n, o) => {
    e.on("error", o);
    let h = "r+", a = (l, c) => {
      if (l && l.code === "ENOENT" && h === "r+") return h = "w+", v.open(s3.file, h, a);
      if (l || !c) return o(l);
      v.fstat(c, (d, y) => {
        if (d) return v.close(c, () => o(d));
        i(c, y.size, (T, D) => {
          if (T) return o(T);
          let E = new et(s3.file, { fd: c, start: D });
          e.pipe(E), E.on("error", o), E.on("close", n), _o(e, t);
        });
      });
    };
    v.open(s3.file, h, a);
  });
};
var bo = (s3, t) => {
  t.forEach((e) => {
    e.charAt(0) === "@" ? Ct({ file: Pr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  }), s3.end();
};
var _o = async (s3, t) => {
  for (let e of t) e.charAt(0) === "@" ? await Ct({ file: Pr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  s3.end();
};
var vt = K(yo, go, () => {
  throw new TypeError("file is required");
}, () => {
  throw new TypeError("file is required");
}, (s3, t) => {
  if (!Bs(s3)) throw new TypeError("file is required");
  if (s3.gzip || s3.brotli || s3.zstd || s3.file.endsWith(".br") || s3.file.endsWith(".tbr")) throw new TypeError("cannot append to compressed archives");
  if (!t?.length) throw new TypeError("no paths specified to add/replace");
});
var Oo = K(vt.syncFile, vt.asyncFile, vt.syncNoFile, vt.asyncNoFile, (s3, t = []) => {
  vt.validate?.(s3, t), To(s3);
});
var To = (s3) => {
  let t = s3.filter;
  s3.mtimeCache || (s3.mtimeCache = /* @__PURE__ */ new Map()), s3.filter = t ? (e, i) => t(e, i) && !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0)) : (e, i) => !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0));
};

// src/go/archive-entries.ts
import path2 from "node:path";
var ALLOWED = /* @__PURE__ */ new Set(["File", "OldFile", "ContiguousFile", "Directory", "SymbolicLink", "Link"]);
var OUTSIDE = "it would land outside the target directory";
function isAbsolute(name) {
  return name.startsWith("/") || /^[a-zA-Z]:/.test(name);
}
function segments(name) {
  return name.replace(/\\/g, "/").split("/").filter((s3, i) => s3 !== "" && !(s3 === "." && i === 0));
}
function unsafeEntryReason(name, type, linkpath) {
  if (!ALLOWED.has(type)) return `entries of type ${type} do not belong in a Go archive`;
  if (isAbsolute(name.replace(/\\/g, "/"))) return `${OUTSIDE} (absolute path)`;
  const parts = segments(name);
  if (parts.includes("..")) {
    const resolved = path2.posix.normalize(parts.join("/"));
    return resolved === ".." || resolved.startsWith("../") || !isUnderGo(resolved) ? OUTSIDE : 'its path has a ".." component';
  }
  if (parts[0] !== "go") return "a Go archive holds everything under go/";
  if (type === "SymbolicLink" || type === "Link") {
    const target = (linkpath ?? "").replace(/\\/g, "/");
    if (target === "") return "it is a link without a target";
    if (isAbsolute(target)) return `its link target ${JSON.stringify(linkpath)} is an absolute path`;
    const resolved = type === "SymbolicLink" ? path2.posix.normalize(path2.posix.join(path2.posix.dirname(parts.join("/")), target)) : path2.posix.normalize(target);
    if (!isUnderGo(resolved) || type === "Link" && segments(target).includes("..")) {
      return `its link target ${JSON.stringify(linkpath)} points outside the target directory`;
    }
  }
  return void 0;
}
function isUnderGo(normalized) {
  return normalized === "go" || normalized.startsWith("go/");
}

// src/go/http.ts
var HttpError = class extends Error {
  constructor(message, retryable, status, retryAfterMs, options) {
    super(message, options);
    this.retryable = retryable;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
  retryable;
  status;
  retryAfterMs;
  name = "HttpError";
};
var RETRYABLE_CODES = /* @__PURE__ */ new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "ECONNABORTED", "ERR_STREAM_PREMATURE_CLOSE", "UND_ERR_SOCKET"]);
function isRetryable(err) {
  if (err instanceof HttpError) return err.retryable;
  const e = err;
  if (e?.code && RETRYABLE_CODES.has(e.code)) return true;
  return /socket hang up|aborted|Request timeout|premature close/i.test(e?.message ?? "");
}
function backoffDelay(retry, options, retryAfterMs) {
  const base = options.baseDelayMs ?? 1e3;
  const max = options.maxDelayMs ?? 3e4;
  if (retryAfterMs !== void 0) return Math.min(max, retryAfterMs);
  const jitter = 0.5 + (options.random ?? Math.random)() / 2;
  return Math.min(max, Math.round(base * 2 ** (retry - 1) * jitter));
}
function parseRetryAfter(value, now = Date.now()) {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === void 0 || text.trim() === "") return void 0;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1e3;
  const date = Date.parse(text);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
async function withRetries(options, attempt) {
  const attempts = Math.max(1, options.attempts ?? 4);
  const sleep = options.sleep ?? ((ms2) => new Promise((resolve) => setTimeout(resolve, ms2)));
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n >= attempts || !isRetryable(err)) {
        if (n > 1 && isRetryable(err)) {
          throw new Error(`${err.message} (gave up after ${n} attempts)`, { cause: err });
        }
        throw err;
      }
      const delay = backoffDelay(n, options, err instanceof HttpError ? err.retryAfterMs : void 0);
      options.onRetry?.(`${err.message}; retrying in ${(delay / 1e3).toFixed(1)} s (attempt ${n + 1} of ${attempts})`);
      await sleep(delay);
    }
  }
}
var client;
function httpClient() {
  client ??= new HttpClient("go-matrix", [], { allowRetries: false, allowRedirects: true, maxRedirects: 10, keepAlive: false });
  return client;
}
async function openStream(url, options) {
  const idle = options.idleTimeoutMs ?? 6e4;
  const request = httpClient().get(url);
  let timer;
  const timedOut = new Promise((_2, reject) => {
    timer = setTimeout(() => reject(new HttpError(`${options.what}: no response from ${url} within ${idle / 1e3} s`, true)), idle);
  });
  let response;
  try {
    response = await Promise.race([request, timedOut]);
  } catch (err) {
    if (err instanceof HttpError) {
      void request.then((r) => r.message.destroy(), () => void 0);
      throw err;
    }
    throw new HttpError(`${options.what}: cannot fetch ${url}: ${err.message}`, isRetryable(err), void 0, void 0, { cause: err });
  } finally {
    clearTimeout(timer);
  }
  const message = response.message;
  const status = message.statusCode ?? 0;
  if (status !== 200) {
    message.resume();
    if (status === 404) {
      const hint = options.notFoundHint ? `: ${options.notFoundHint}` : "";
      throw new HttpError(`${options.what}: not found at ${url} (404)${hint}`, false, status);
    }
    const retryable = status >= 500 || status === 429 || status === 408;
    const retryAfter = retryable ? parseRetryAfter(message.headers["retry-after"]) : void 0;
    throw new HttpError(`${options.what}: ${url} answered ${status} ${message.statusMessage ?? ""}`.trimEnd(), retryable, status, retryAfter);
  }
  watchIdle(message, idle, () => new HttpError(`${options.what}: ${url} sent nothing for ${idle / 1e3} s`, true));
  const header = message.headers["content-length"];
  const length = header !== void 0 && /^\d+$/.test(header) ? Number(header) : void 0;
  return { body: message, length };
}
function watchIdle(stream, ms2, makeError) {
  let timer = setTimeout(fire, ms2);
  function fire() {
    stream.destroy(makeError());
  }
  stream.on("data", () => {
    clearTimeout(timer);
    timer = setTimeout(fire, ms2);
  });
  stream.once("close", () => clearTimeout(timer));
  stream.once("end", () => clearTimeout(timer));
}
function truncatedError(what, url, received, expected) {
  return new HttpError(`${what}: download from ${url} ended after ${received} of ${expected} bytes`, true);
}
async function getText(url, what, retry = {}) {
  return withRetries(retry, async () => {
    const { body, length } = await openStream(url, { what, idleTimeoutMs: retry.idleTimeoutMs });
    const chunks = [];
    let received = 0;
    try {
      for await (const chunk of body) {
        chunks.push(chunk);
        received += chunk.length;
      }
    } catch (err) {
      throw new HttpError(`${what}: reading ${url} failed: ${err.message}`, true, void 0, void 0, { cause: err });
    }
    if (length !== void 0 && received < length) throw truncatedError(what, url, received, length);
    return Buffer.concat(chunks).toString("utf8");
  });
}

// src/go/zip-entries.ts
import { open } from "node:fs/promises";
var EOCD_SIGNATURE = 101010256;
var CENTRAL_SIGNATURE = 33639248;
var EOCD_MIN = 22;
var MAX_COMMENT = 65535;
function locateCentralDirectory(tail, fileSize, file) {
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip archive (no end of central directory record)`);
  const count2 = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (count2 === 65535 || size === 4294967295 || offset === 4294967295) {
    throw new Error(`${file}: zip64 archives are not supported (Go's release zips are not zip64)`);
  }
  if (offset + size > fileSize) throw new Error(`${file}: the central directory lies beyond the end of the file`);
  return { count: count2, offset, size };
}
function parseCentralDirectory(directory, count2, file) {
  const entries = [];
  let at2 = 0;
  for (let i = 0; i < count2; i++) {
    if (at2 + 46 > directory.length || directory.readUInt32LE(at2) !== CENTRAL_SIGNATURE) {
      throw new Error(`${file}: central directory entry ${i} is damaged`);
    }
    const madeBy = directory.readUInt16LE(at2 + 4) >> 8;
    const nameLength = directory.readUInt16LE(at2 + 28);
    const extraLength = directory.readUInt16LE(at2 + 30);
    const commentLength = directory.readUInt16LE(at2 + 32);
    const external = directory.readUInt32LE(at2 + 38);
    const name = directory.subarray(at2 + 46, at2 + 46 + nameLength).toString("utf8");
    const mode = madeBy === 3 ? external >>> 16 : 0;
    const type = (mode & 61440) === 40960 ? "SymbolicLink" : name.endsWith("/") || name.endsWith("\\") ? "Directory" : "File";
    entries.push({ name, type });
    at2 += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
async function listZipEntries(file) {
  const handle = await open(file, "r");
  const read = async (offset, length) => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  };
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
    const where = locateCentralDirectory(await read(size - tailLength, tailLength), size, file);
    return parseCentralDirectory(await read(where.offset, where.size), where.count, file);
  } finally {
    await handle.close();
  }
}

// src/go/archive.ts
var ArchiveError = class extends Error {
  name = "ArchiveError";
};
function mismatchError(archive, expected, actual) {
  return new ArchiveError(`${archive}: sha256 mismatch: expected ${expected}, got ${actual}`);
}
async function extractTarGz(body, options) {
  const { archive, dest } = options;
  const hash = createHash("sha256");
  let bytes = 0;
  let entries = 0;
  let extractError;
  const tar = spawn("tar", ["-x", "--no-same-owner", "-f", "-", "-C", dest], { stdio: ["pipe", "ignore", "pipe"] });
  let tarStderr = "";
  tar.stderr.on("data", (d) => tarStderr = (tarStderr + d.toString()).slice(-2e3));
  tar.stdin.on("error", () => void 0);
  const tarExit = new Promise((resolve) => {
    tar.on("error", (err) => {
      fail(new ArchiveError(`${archive}: cannot run tar: ${err.message}`, { cause: err }));
      resolve(null);
    });
    tar.on("close", (code3) => resolve(code3));
  });
  const gunzip = createGunzip();
  const parser = new rt({ strict: true });
  let stopWaitingForParser = () => void 0;
  const parsed = new Promise((resolve) => {
    stopWaitingForParser = resolve;
    parser.on("end", resolve);
    parser.on("close", resolve);
  });
  function fail(err) {
    if (extractError) return;
    extractError = err;
    stopWaitingForParser();
    body.unpipe(gunzip);
    gunzip.destroy();
    tar.kill("SIGKILL");
    body.resume();
  }
  parser.on("entry", (entry) => {
    entries++;
    const reason = unsafeEntryReason(entry.path, entry.type, entry.linkpath);
    if (reason) fail(new ArchiveError(`${archive}: refusing entry ${JSON.stringify(entry.path)}: ${reason}`));
    entry.resume();
  });
  parser.on("error", (err) => fail(new ArchiveError(`${archive}: not a valid tar archive: ${err.message}`, { cause: err })));
  gunzip.on("error", (err) => fail(new ArchiveError(`${archive}: not a valid gzip stream: ${err.message}`, { cause: err })));
  gunzip.on("data", (chunk) => {
    if (extractError) return;
    parser.write(chunk);
    if (extractError) return;
    if (!tar.stdin.write(chunk)) {
      gunzip.pause();
      tar.stdin.once("drain", () => gunzip.resume());
    }
  });
  const unzipped = new Promise((resolve) => {
    gunzip.on("end", () => {
      parser.end();
      tar.stdin.end();
      resolve();
    });
    gunzip.on("close", resolve);
  });
  body.on("data", (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  body.pipe(gunzip);
  try {
    await finished(body);
    if (options.length !== void 0 && bytes < options.length) throw truncatedError(archive, options.url, bytes, options.length);
  } catch (err) {
    fail(err);
    await tarExit;
    throw err instanceof HttpError ? err : new HttpError(`${archive}: download from ${options.url} broke off after ${bytes} bytes: ${err.message}`, true, void 0, void 0, { cause: err });
  }
  const actual = hash.digest("hex");
  if (actual !== options.sha256.toLowerCase()) {
    fail(mismatchError(archive, options.sha256, actual));
    await tarExit;
    throw mismatchError(archive, options.sha256, actual);
  }
  await Promise.all([unzipped, parsed]);
  const code2 = await tarExit;
  if (extractError) throw extractError;
  if (code2 !== 0) throw new ArchiveError(`${archive}: tar exited with ${code2} extracting into ${dest}: ${tarStderr.trim()}`);
  return { sha256: actual, bytes, entries };
}
async function saveVerified(body, options) {
  const hash = createHash("sha256");
  let bytes = 0;
  body.on("data", (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const out = createWriteStream(options.file);
  body.pipe(out);
  try {
    await finished(body);
  } catch (err) {
    out.destroy();
    throw new HttpError(`${options.archive}: download from ${options.url} broke off after ${bytes} bytes: ${err.message}`, true, void 0, void 0, { cause: err });
  }
  await finished(out);
  if (options.length !== void 0 && bytes < options.length) throw truncatedError(options.archive, options.url, bytes, options.length);
  const actual = hash.digest("hex");
  if (actual !== options.sha256.toLowerCase()) throw mismatchError(options.archive, options.sha256, actual);
  return { sha256: actual, bytes };
}
async function extractVerifiedZip(file, dest, archive) {
  const entries = await listZipEntries(file);
  for (const entry of entries) {
    const reason = entry.type === "SymbolicLink" ? "symbolic links do not belong in a Go zip archive" : unsafeEntryReason(entry.name, entry.type);
    if (reason) throw new ArchiveError(`${archive}: refusing entry ${JSON.stringify(entry.name)}: ${reason}`);
  }
  const toolCache = await import("./tool-cache-FO6POQ2C.js");
  await toolCache.extractZip(file, dest);
  return entries.length;
}

// src/go/local.ts
import { execFile } from "node:child_process";
import path3 from "node:path";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
function parseGoVersionOutput(output) {
  return /^go version go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)\b/.exec(output.trim())?.[1];
}
async function goVersionAt(goroot, goBinary = process.platform === "win32" ? "go.exe" : "go") {
  const go2 = path3.join(goroot, "bin", goBinary);
  let stdout;
  try {
    ;
    ({ stdout } = await execFileAsync(go2, ["version"], { env: { ...process.env, GOROOT: goroot, GOTOOLCHAIN: "local" }, timeout: 6e4 }));
  } catch (err) {
    throw new Error(`${go2} version failed: ${err.message.trim()}`, { cause: err });
  }
  const version = parseGoVersionOutput(stdout);
  if (!version) throw new Error(`${go2} version: unexpected output ${JSON.stringify(stdout.trim())}`);
  return version;
}

// src/go/platform.ts
var GO_OS = {
  linux: "linux",
  darwin: "darwin",
  win32: "windows",
  freebsd: "freebsd",
  openbsd: "openbsd",
  netbsd: "netbsd",
  aix: "aix",
  sunos: "solaris"
};
var GO_ARCH = {
  x64: "amd64",
  arm64: "arm64",
  ia32: "386",
  // go.dev publishes 32-bit ARM Linux builds as armv6l (they run on v7 too).
  arm: "armv6l",
  // Node calls little-endian POWER "ppc64" on Linux; Go's only Linux POWER build is ppc64le.
  ppc64: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64",
  loong64: "loong64",
  mips64el: "mips64le"
};
function platformFor(nodePlatform, nodeArch) {
  const os4 = GO_OS[nodePlatform];
  const arch = GO_ARCH[nodeArch];
  if (!os4) throw new Error(`platform ${nodePlatform}: go.dev publishes no Go releases for it`);
  if (!arch) throw new Error(`architecture ${nodeArch}: go.dev publishes no Go releases for it`);
  const windows = os4 === "windows";
  return { os: os4, arch, toolCacheArch: nodeArch, archive: windows ? ".zip" : ".tar.gz", goBinary: windows ? "go.exe" : "go" };
}
function currentPlatform() {
  return platformFor(process.platform, process.arch);
}

// src/go/pool.ts
async function mapBounded(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// src/go/releases.ts
function archiveFor(release, platform) {
  return release.files.find(
    (f2) => f2.kind === "archive" && f2.os === platform.os && f2.arch === platform.arch && f2.filename.endsWith(platform.archive)
  );
}
function availableVersions(releases, platform) {
  return releases.filter((r) => archiveFor(r, platform) !== void 0).map((r) => ({ version: r.version.replace(/^go/, ""), stable: r.stable }));
}
function findArchive(releases, version, platform) {
  const release = releases.find((r) => r.version === `go${version}`);
  const file = release && archiveFor(release, platform);
  return release && file ? { release, file } : void 0;
}
function indexUrl(baseUrl) {
  return `${baseUrl.replace(/\/+$/, "")}/?mode=json&include=all`;
}
function archiveUrl(baseUrl, filename) {
  return `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(filename)}`;
}
function parseIndex(json, url) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new Error(`${url}: the Go release index is not JSON (${err.message})`, { cause: err });
  }
  if (!Array.isArray(data)) throw new Error(`${url}: the Go release index is not a JSON array`);
  data.forEach((release, i) => {
    const r = release;
    if (typeof r?.version !== "string" || typeof r.stable !== "boolean" || !Array.isArray(r.files)) {
      throw new Error(`${url}: entry ${i} is not a release ({version, stable, files}): ${JSON.stringify(release).slice(0, 200)}`);
    }
    r.files.forEach((f2, j2) => {
      if (typeof f2?.filename !== "string" || typeof f2.os !== "string" || typeof f2.arch !== "string" || typeof f2.sha256 !== "string" || typeof f2.kind !== "string") {
        throw new Error(`${url}: ${r.version} file ${j2} lacks filename, os, arch, sha256 or kind: ${JSON.stringify(f2).slice(0, 200)}`);
      }
    });
  });
  return data;
}
async function fetchReleases(baseUrl, retry) {
  const url = indexUrl(baseUrl);
  return parseIndex(await getText(url, "the Go release index", retry), url);
}

// src/go/version-file.ts
import { readFile } from "node:fs/promises";
import path4 from "node:path";
var VersionFileError = class extends Error {
  name = "VersionFileError";
};
function versionFileKind(file) {
  const base = path4.basename(file);
  if (base.endsWith(".mod") || base.endsWith(".work")) return "go.mod";
  if (base === ".tool-versions") return "tool-versions";
  return "go-version";
}
var VERSION_TEXT = /^(?:go)?(\d+(?:\.\d+){0,2}(?:(?:rc|beta)\d+)?)$/;
function parseVersionFile(text, file, kind = versionFileKind(file)) {
  const lines = text.split(/\r?\n/);
  const found = kind === "go.mod" ? fromGoMod(lines) : kind === "tool-versions" ? fromToolVersions(lines, file) : fromGoVersion(lines, file);
  if (!found) {
    const what = kind === "go.mod" ? 'no "toolchain" or "go" line' : kind === "tool-versions" ? 'no "golang" entry' : "no version";
    throw new VersionFileError(`go-version-file ${file}: ${what} found`);
  }
  return found;
}
function fromGoMod(lines) {
  let go2;
  let toolchain;
  let inBlock = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (inBlock) {
      if (line === ")") inBlock = false;
      return;
    }
    if (/\($/.test(line)) {
      inBlock = true;
      return;
    }
    const directive = /^(go|toolchain)\s+(\S+)$/.exec(line);
    if (!directive) return;
    const [, name, value = ""] = directive;
    const version = VERSION_TEXT.exec(value.replace(/[+-].*$/, ""))?.[1];
    if (!version) return;
    if (name === "go") go2 ??= { spec: version, line: i + 1 };
    else toolchain ??= { spec: version, line: i + 1 };
  });
  return toolchain ?? go2;
}
function fromGoVersion(lines, file) {
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") continue;
    const version = VERSION_TEXT.exec(line)?.[1];
    if (!version) throw new VersionFileError(`go-version-file ${file}:${i + 1}: ${JSON.stringify(line)} is not a Go version`);
    return { spec: version, line: i + 1 };
  }
  return void 0;
}
function fromToolVersions(lines, file) {
  for (const [i, raw] of lines.entries()) {
    const [tool, first] = raw.replace(/#.*$/, "").trim().split(/\s+/);
    if (tool !== "golang" && tool !== "go") continue;
    const version = first === void 0 ? void 0 : VERSION_TEXT.exec(first)?.[1];
    if (!version) throw new VersionFileError(`go-version-file ${file}:${i + 1}: ${JSON.stringify(first ?? "")} is not a Go version`);
    return { spec: version, line: i + 1 };
  }
  return void 0;
}
async function readVersionFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const reason = err.code === "ENOENT" ? "no such file" : err.message;
    throw new VersionFileError(`go-version-file ${file}: ${reason}`, { cause: err });
  }
  return parseVersionFile(text, file);
}

// src/go/versions.ts
var import_semver = __toESM(require_semver(), 1);
var VersionResolutionError = class extends Error {
  name = "VersionResolutionError";
};
var GO_VERSION = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(beta|rc)(\d+))?$/;
function parseGoVersion(text) {
  const match = GO_VERSION.exec(stripPrefix(text.trim()));
  if (!match) return void 0;
  const [, major, minor, patch, kind, number] = match;
  if (kind !== void 0 && patch !== void 0) return void 0;
  const version = { major: Number(major), minor: Number(minor ?? 0), patch: Number(patch ?? 0) };
  if (kind !== void 0) version.prerelease = { kind, number: Number(number) };
  return version;
}
function goToSemver(text) {
  const version = parseGoVersion(text);
  if (!version) throw new VersionResolutionError(`${JSON.stringify(text)} is not a Go version`);
  const pre = version.prerelease ? `-${version.prerelease.kind}.${version.prerelease.number}` : "";
  return `${version.major}.${version.minor}.${version.patch}${pre}`;
}
function semverToGo(text) {
  const parsed = import_semver.default.parse(text);
  if (!parsed) throw new VersionResolutionError(`${JSON.stringify(text)} is not a semantic version`);
  const [kind, number] = parsed.prerelease;
  if (kind === "rc" || kind === "beta") return `${parsed.major}.${parsed.minor}${kind}${number ?? ""}`;
  if (parsed.patch === 0 && parsed.major === 1 && parsed.minor < 21) return `${parsed.major}.${parsed.minor}`;
  return `${parsed.major}.${parsed.minor}.${parsed.patch}`;
}
function compareGoVersions(a, b2) {
  return import_semver.default.compare(goToSemver(a), goToSemver(b2));
}
function stripPrefix(text) {
  return text.replace(/^(go|v)(?=\d)/i, "");
}
var SPEC_FORMS = 'use 1.22.5, 1.22, 1.22.x, a range such as ^1.22 or ">=1.21 <1.24", stable, oldstable or 1.24rc1';
function parseVersionSpec(text, source = "go-versions") {
  const spec = stripPrefix(text.trim());
  const lower = spec.toLowerCase();
  if (lower === "stable") return { kind: "stable" };
  if (lower === "oldstable") return { kind: "oldstable" };
  const minor = /^(\d+)\.(\d+)(?:\.x)?$/i.exec(spec);
  if (minor) return { kind: "minor", major: Number(minor[1]), minor: Number(minor[2]) };
  if (/^\d+\.\d+\.\d+$/.test(spec) || /^\d+\.\d+(beta|rc)\d+$/.test(spec)) {
    const version = parseGoVersion(spec);
    if (version) return { kind: "exact", version };
  }
  const asSemver = import_semver.default.valid(spec);
  if (asSemver) {
    const version = parseGoVersion(semverToGo(asSemver));
    if (version) return { kind: "exact", version };
  }
  if (spec !== "" && import_semver.default.validRange(spec)) return { kind: "range", range: spec };
  throw new VersionResolutionError(`${source}: ${JSON.stringify(text)} is not a Go version spec (${SPEC_FORMS})`);
}
function resolveVersions(specs, available) {
  const candidates = toCandidates(available);
  const resolved = [];
  const seen = /* @__PURE__ */ new Set();
  for (const request of specs) {
    const { spec, source = "go-versions" } = typeof request === "string" ? { spec: request } : request;
    const version = resolveOne(spec, source, candidates);
    if (seen.has(version)) continue;
    seen.add(version);
    resolved.push({ spec, version });
  }
  return resolved;
}
function toCandidates(available) {
  const candidates = [];
  for (const a of available) {
    const parsed = parseGoVersion(a.version);
    if (parsed) candidates.push({ ...a, parsed, semver: goToSemver(a.version) });
  }
  return candidates.sort((x, y) => import_semver.default.rcompare(x.semver, y.semver));
}
function resolveOne(spec, source, candidates) {
  const parsed = parseVersionSpec(spec, source);
  const stable = candidates.filter((c) => c.stable);
  const noMatch = (target, what = `no Go release matches ${JSON.stringify(spec)}`) => {
    const nearest = nearestVersions(target, candidates);
    throw new VersionResolutionError(`${source}: ${what}${nearest.length ? `; nearest: ${nearest.join(", ")}` : ""}`);
  };
  switch (parsed.kind) {
    case "exact": {
      const want = goToSemver(formatGoVersion(parsed.version));
      return candidates.find((c) => import_semver.default.eq(c.semver, want))?.version ?? noMatch(parsed.version);
    }
    case "minor": {
      const { major, minor } = parsed;
      return stable.find((c) => c.parsed.major === major && c.parsed.minor === minor)?.version ?? noMatch({ major, minor, patch: 0 });
    }
    case "range": {
      const match = stable.find((c) => import_semver.default.satisfies(c.semver, parsed.range));
      if (match) return match.version;
      const lowest = import_semver.default.minVersion(parsed.range);
      return noMatch(lowest ? parseGoVersion(semverToGo(lowest.version)) : void 0);
    }
    case "stable":
      return stable[0]?.version ?? noMatch(void 0, "the index lists no stable Go release for this platform");
    case "oldstable": {
      const newest = stable[0];
      const older = newest && stable.find((c) => c.parsed.major < newest.parsed.major || c.parsed.minor < newest.parsed.minor);
      return older?.version ?? noMatch(void 0, `the index lists no stable Go release older than ${newest?.version ?? "the newest"} for this platform`);
    }
  }
}
function formatGoVersion(v2) {
  if (v2.prerelease) return `${v2.major}.${v2.minor}${v2.prerelease.kind}${v2.prerelease.number}`;
  return `${v2.major}.${v2.minor}.${v2.patch}`;
}
function nearestVersions(target, candidates, count2 = 2) {
  const stable = candidates.filter((c) => c.stable);
  if (!target) return stable.slice(0, count2).map((c) => c.version);
  const sameMinor = candidates.filter((c) => c.parsed.major === target.major && c.parsed.minor === target.minor);
  const sameMinorStable = sameMinor.filter((c) => c.stable);
  if (sameMinorStable.length > 0) return sameMinorStable.slice(0, 1).map((c) => c.version);
  if (sameMinor.length > 0) return sameMinor.slice(0, 3).map((c) => c.version);
  const perMinor = [];
  for (const c of stable) {
    if (!perMinor.some((p2) => p2.parsed.major === c.parsed.major && p2.parsed.minor === c.parsed.minor)) perMinor.push(c);
  }
  const key2 = (v2) => v2.major * 1e4 + v2.minor;
  const below = perMinor.filter((c) => key2(c.parsed) < key2(target));
  const above = perMinor.filter((c) => key2(c.parsed) > key2(target)).reverse();
  const picked = below.length && above.length ? [above[0], below[0]] : [...above, ...below].slice(0, count2);
  return picked.filter((c) => c !== void 0).sort((a, b2) => key2(b2.parsed) - key2(a.parsed)).map((c) => c.version);
}

// src/util/log.ts
var silentLogger = {
  info() {
  },
  warning() {
  },
  error() {
  },
  debug() {
  },
  group() {
  }
};
function consoleLogger(stream = process.stderr, verbose = false) {
  const at2 = (where) => where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : "";
  return {
    info: (message) => void stream.write(`${message}
`),
    warning: (message, where) => void stream.write(`warning: ${at2(where)}${message}
`),
    error: (message, where) => void stream.write(`error: ${at2(where)}${message}
`),
    debug: (message) => void (verbose && stream.write(`${message}
`)),
    group: (title, body) => void stream.write(`\u2500\u2500 ${title}
${body.endsWith("\n") || body === "" ? body : body + "\n"}`)
  };
}

// src/go/install.ts
async function installGo(request) {
  const logger = request.logger ?? silentLogger;
  const platform = request.platform ?? currentPlatform();
  const retry = { onRetry: (message) => logger.warning(message), ...request.retry };
  const specs = request.specs.map((spec) => ({ spec, source: "go-versions" }));
  if (request.versionFile) {
    const declared = await readVersionFile(request.versionFile);
    specs.push({ spec: declared.spec, source: `go-version-file ${request.versionFile}` });
  }
  const locals = await inspectLocalToolchains(request.localToolchains ?? [], platform, logger);
  const { releases, available } = await loadIndex(request.downloadBaseUrl, retry, locals, platform, logger);
  const resolved = resolveVersions(specs, available);
  const context = { request, platform, logger, retry, releases, locals, cache: request.toolchainCache ?? actionsToolchainCache };
  return mapBounded(resolved, request.concurrency ?? 3, ({ spec, version }) => installVersion(spec, version, context));
}
async function inspectLocalToolchains(dirs, platform, logger) {
  const found = await Promise.all(
    dirs.map(async (dir) => {
      try {
        return { dir, version: await goVersionAt(dir, platform.goBinary) };
      } catch (err) {
        logger.warning(`local-toolchains: ${dir} is not usable: ${err.message}`);
        return void 0;
      }
    })
  );
  const byVersion = /* @__PURE__ */ new Map();
  for (const f2 of found) if (f2 && !byVersion.has(f2.version)) byVersion.set(f2.version, f2.dir);
  return byVersion;
}
async function loadIndex(baseUrl, retry, locals, platform, logger) {
  try {
    const releases = await fetchReleases(baseUrl, retry);
    return { releases, available: availableVersions(releases, platform) };
  } catch (err) {
    if (locals.size === 0) {
      throw new Error(`cannot fetch the Go release index from ${baseUrl}: ${err.message}`, { cause: err });
    }
    logger.warning(`cannot fetch the Go release index from ${baseUrl} (${err.message}); resolving against local-toolchains: ${[...locals.keys()].join(", ")}`);
    return { releases: void 0, available: [...locals.keys()].map((version) => ({ version, stable: !/(rc|beta)\d+$/.test(version) })) };
  }
}
async function installVersion(spec, version, context) {
  const started = performance.now();
  const done = (source, goroot, sha256) => {
    const seconds2 = Math.round(performance.now() - started) / 1e3;
    context.logger.info(`Go ${version} (${spec}): ${source} ${goroot} in ${seconds2.toFixed(2)} s`);
    return { spec, version, goroot, sha256, source, seconds: seconds2 };
  };
  const local = context.locals.get(version);
  if (local) return done("local", local, "");
  const { request, platform } = context;
  const found = context.releases && findArchive(context.releases, version, platform);
  if (!found) throw new Error(`Go ${version}: no ${platform.os}-${platform.arch} archive in the index of ${request.downloadBaseUrl}`);
  const { file } = found;
  const dir = toolCachePath(request.toolCacheDir, version, platform);
  if (isComplete(dir, platform)) return done("tool-cache", dir, file.sha256);
  const key2 = toolchainCacheKey(version, platform.os, platform.arch, file.sha256);
  const useCache = request.cache === true && await cacheAvailable(context);
  if (useCache && await restoreFromCache(dir, key2, version, context)) return done("cache", dir, file.sha256);
  const placed = await downloadAndPlace(version, file, dir, context);
  if (!placed) context.logger.info(`Go ${version}: another job installed it at ${dir} first; using that verified copy`);
  if (useCache && placed) {
    try {
      await context.cache.save(dir, key2);
    } catch (err) {
      context.logger.warning(`Go ${version}: saving to the Actions cache failed: ${err.message}`);
    }
  }
  return done("download", dir, file.sha256);
}
function toolCachePath(toolCacheDir, version, platform) {
  return path5.join(toolCacheDir, "go", goToSemver(version), platform.toolCacheArch);
}
function isComplete(dir, platform) {
  return existsSync(`${dir}.complete`) && existsSync(path5.join(dir, "bin", platform.goBinary));
}
async function cacheAvailable(context) {
  try {
    return await context.cache.available();
  } catch (err) {
    context.logger.warning(`the Actions cache is not usable: ${err.message}`);
    return false;
  }
}
async function restoreFromCache(dir, key2, version, context) {
  try {
    await rm(dir, { recursive: true, force: true });
    if (!await context.cache.restore(dir, key2)) return false;
    const restored = await goVersionAt(dir, context.platform.goBinary);
    if (restored !== version) throw new Error(`the restored toolchain reports go${restored}`);
    await writeFile(`${dir}.complete`, "");
    return true;
  } catch (err) {
    context.logger.warning(`Go ${version}: restoring from the Actions cache (key ${key2}) failed: ${err.message}; downloading instead`);
    await rm(dir, { recursive: true, force: true }).catch(() => void 0);
    return false;
  }
}
async function downloadAndPlace(version, file, dir, context) {
  const { request, platform } = context;
  const goDir = path5.join(request.toolCacheDir, "go");
  await mkdir(goDir, { recursive: true });
  const staging = await mkdtemp(path5.join(goDir, `.staging-${goToSemver(version)}-${platform.toolCacheArch}-`));
  try {
    const url = archiveUrl(request.downloadBaseUrl, file.filename);
    const extracted = await withRetries(context.retry, async (attempt) => {
      const target = path5.join(staging, `attempt-${attempt}`);
      await mkdir(target);
      try {
        await fetchAndExtract(url, file, target, version, context);
        return target;
      } catch (err) {
        await rm(target, { recursive: true, force: true });
        throw err;
      }
    });
    const root = path5.join(extracted, "go");
    if (!existsSync(path5.join(root, "bin", platform.goBinary))) {
      throw new Error(`${file.filename}: the archive holds no go/bin/${platform.goBinary}`);
    }
    return await placeAtomically(root, dir, platform, context.logger);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
async function fetchAndExtract(url, file, target, version, context) {
  const { body, length } = await openStream(url, {
    what: file.filename,
    notFoundHint: `is ${version} a released version?`,
    idleTimeoutMs: context.retry.idleTimeoutMs
  });
  const verify = { archive: file.filename, url, sha256: file.sha256, length };
  if (context.platform.archive === ".tar.gz") {
    await extractTarGz(body, { ...verify, dest: target });
    return;
  }
  const download = path5.join(context.request.tempDir, `go-matrix-${randomBytes(6).toString("hex")}-${file.filename}`);
  await mkdir(context.request.tempDir, { recursive: true });
  try {
    await saveVerified(body, { ...verify, file: download });
    await extractVerifiedZip(download, target, file.filename);
  } finally {
    await rm(download, { force: true });
  }
}
var TARGET_EXISTS = /* @__PURE__ */ new Set(["ENOTEMPTY", "EEXIST", "EPERM", "EACCES", "EISDIR"]);
async function placeAtomically(source, dir, platform, logger = silentLogger) {
  await mkdir(path5.dirname(dir), { recursive: true });
  const marker = `${dir}.complete`;
  for (let round = 1; ; round++) {
    try {
      await rename(source, dir);
      await writeFile(marker, "");
      return true;
    } catch (err) {
      const code2 = err.code ?? "";
      if (code2 === "ENOENT" && existsSync(source) && round < 5) {
        await mkdir(path5.dirname(dir), { recursive: true });
        continue;
      }
      if (!TARGET_EXISTS.has(code2) || !existsSync(dir)) {
        throw new Error(`cannot move the toolchain into ${dir}: ${err.message}`, { cause: err });
      }
    }
    if (await markerAppears(dir, platform)) return false;
    if (round >= 5) throw new Error(`cannot move the toolchain into ${dir}: something keeps putting an incomplete directory there`);
    const aside = `${dir}.stale-${randomBytes(6).toString("hex")}`;
    logger.warning(`${dir} has no ${path5.basename(marker)} marker: replacing it`);
    try {
      await rename(dir, aside);
    } catch (err) {
      if (err.code !== "ENOENT") throw new Error(`cannot move the incomplete ${dir} aside: ${err.message}`, { cause: err });
    }
    await rm(aside, { recursive: true, force: true });
  }
}
async function markerAppears(dir, platform, waitMs = 1e3) {
  const until = Date.now() + waitMs;
  for (; ; ) {
    if (isComplete(dir, platform)) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// src/run/matrix.ts
import { mkdir as mkdir3, readFile as readFile2 } from "node:fs/promises";
import os2 from "node:os";
import path9 from "node:path";

// src/run/annotations.ts
import path6 from "node:path";
var LOCATION = /^\s*((?:[A-Za-z]:)?[^\s:]*\.go):(\d+)(?::(\d+))?: (.*)$/;
function compilerAnnotations(output, moduleDir) {
  const found = [];
  for (const line of output.split("\n")) {
    const m2 = LOCATION.exec(line);
    if (!m2) continue;
    const file = relativeInside(moduleDir, m2[1]);
    if (file === null) continue;
    found.push(located(file, m2[2], m2[3], m2[4].trim()));
  }
  return found;
}
function testFailureAnnotations(failure, modules, moduleDir) {
  const dir = packageDir(failure.package, modules);
  if (dir === null) return [];
  const found = loggedLocations(failure, dir);
  if (found.length > 0 || moduleDir === void 0) return found;
  const frame = panicFrame(failure.output, moduleDir);
  if (frame === null) return [];
  const panic = /^panic: (.*?)(?: \[recovered(?:, repanicked)?\])?$/m.exec(failure.output)?.[1] ?? "panic";
  return [{ ...frame, message: `${failure.test}: panic: ${panic}` }];
}
var FRAME = /^\s+((?:[A-Za-z]:)?[/\\]\S*\.go):(\d+)(?: \+0x[0-9a-f]+)?$/;
function panicFrame(output, moduleDir) {
  for (const line of output.split("\n")) {
    const m2 = FRAME.exec(line);
    if (!m2) continue;
    const file = relativeInside(moduleDir, m2[1]);
    if (file !== null) return { file, line: Number(m2[2]) };
  }
  return null;
}
function loggedLocations(failure, dir) {
  const found = [];
  const lines = failure.output.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m2 = LOCATION.exec(lines[i]);
    if (!m2 || m2[1].includes("/")) continue;
    const more = [];
    while (i + 1 < lines.length && /^\s{4,}\S/.test(lines[i + 1]) && !LOCATION.test(lines[i + 1])) {
      more.push(lines[++i].trim());
    }
    const message = [`${failure.test}: ${m2[4].trim()}`, ...more].join("\n");
    found.push(located(joinPosix(dir, m2[1]), m2[2], m2[3], message));
  }
  return found;
}
function packageDir(importPath, modules) {
  const sorted = [...modules].sort((a, b2) => b2.path.length - a.path.length);
  for (const mod of sorted) {
    if (importPath === mod.path) return mod.dir;
    if (importPath.startsWith(`${mod.path}/`)) return joinPosix(mod.dir, importPath.slice(mod.path.length + 1));
  }
  return null;
}
function uniqueAnnotations(list) {
  const byKey = /* @__PURE__ */ new Map();
  for (const a of list) {
    const k2 = annotationKey(a);
    const known = byKey.get(k2);
    if (!known) byKey.set(k2, a);
    else if (known.column === void 0 && a.column !== void 0) byKey.set(k2, { ...known, column: a.column });
  }
  return [...byKey.values()];
}
function annotationKey(a) {
  return `${a.file}:${a.line}:${a.message}`;
}
function located(file, line, column, message) {
  const a = { file, line: Number(line), message };
  if (column !== void 0) a.column = Number(column);
  return a;
}
function relativeInside(root, file) {
  const absolute = path6.isAbsolute(file) ? file : path6.join(root, file);
  const rel = path6.relative(root, absolute);
  if (rel === "" || rel.startsWith("..") || path6.isAbsolute(rel)) return null;
  return rel.split(path6.sep).join("/");
}
function joinPosix(dir, file) {
  return dir === "" || dir === "." ? file : `${dir.replace(/\/+$/, "")}/${file}`;
}

// src/run/go-mod.ts
var VERSION = /^(?:go)?(\d+)(?:\.(\d+))?(?:\.(\d+)|(alpha|beta|rc)(\d+))?$/;
function parseVersion(text) {
  const m2 = VERSION.exec(text.trim());
  if (!m2) return null;
  return {
    major: Number(m2[1]),
    minor: m2[2] === void 0 ? 0 : Number(m2[2]),
    patch: m2[3] === void 0 ? -1 : Number(m2[3]),
    kind: m2[4] ?? "",
    pre: m2[5] === void 0 ? 0 : Number(m2[5])
  };
}
function isGoVersion(text) {
  return parseVersion(text) !== null;
}
var KIND_ORDER = { alpha: 0, beta: 1, rc: 2 };
function compareGoVersions2(a, b2) {
  const x = parseVersion(a);
  const y = parseVersion(b2);
  if (!x) throw new Error(`not a Go version: ${JSON.stringify(a)}`);
  if (!y) throw new Error(`not a Go version: ${JSON.stringify(b2)}`);
  return x.major - y.major || x.minor - y.minor || rank(x) - rank(y) || x.pre - y.pre || x.patch - y.patch;
}
function rank(v2) {
  if (v2.kind !== "") return 1 + KIND_ORDER[v2.kind];
  return v2.patch < 0 ? 0 : 4;
}
function parseGoFile(name, text) {
  const file = { name, go: null, toolchain: null, module: null, use: [] };
  let block = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = stripComment(lines[i]).trim();
    if (line === "") continue;
    if (block !== null) {
      if (line === ")") block = null;
      else if (block === "use") file.use.push(unquote(line));
      continue;
    }
    const [keyword, ...rest] = line.split(/\s+/);
    const value = rest.join(" ");
    if (value === "(") {
      block = keyword ?? "";
      continue;
    }
    switch (keyword) {
      case "go":
        if (!isGoVersion(value)) {
          throw new Error(`${name}:${i + 1}: expected "go 1.N" or "go 1.N.P", got ${JSON.stringify(line)}`);
        }
        file.go = value;
        break;
      case "toolchain":
        file.toolchain = value.replace(/^go/, "");
        break;
      case "module":
        file.module = unquote(value);
        break;
      case "use":
        file.use.push(unquote(value));
        break;
    }
  }
  return file;
}
function stripComment(line) {
  const at2 = line.indexOf("//");
  return at2 < 0 ? line : line.slice(0, at2);
}
function unquote(text) {
  const t = text.trim();
  return /^".*"$|^`.*`$/.test(t) ? t.slice(1, -1) : t;
}
function skipReason(version, file) {
  if (!file?.go) return null;
  return compareGoVersions2(version, file.go) < 0 ? `${file.name} requires go >= ${file.go}` : null;
}

// src/run/version-run.ts
import { access, mkdir as mkdir2, rm as rm2, writeFile as writeFile2, appendFile } from "node:fs/promises";
import { constants } from "node:fs";
import { randomUUID } from "node:crypto";
import path8 from "node:path";

// src/run/env.ts
import path7 from "node:path";
function versionDirs(goroot, paths, version) {
  const state = path7.join(paths.workDir, version);
  return {
    goroot,
    gopath: path7.join(state, "gopath"),
    gocache: path7.join(paths.cacheDir, version, "gocache"),
    goenv: path7.join(state, "go.env"),
    gobin: path7.join(state, "bin"),
    gomodcache: paths.gomodcache
  };
}
var KEPT_GO_VARIABLES = [
  "GO111MODULE",
  "GOPROXY",
  "GOPRIVATE",
  "GONOPROXY",
  "GONOSUMDB",
  "GOSUMDB",
  "GOINSECURE",
  "GOVCS",
  "GOAUTH",
  "GOFLAGS",
  "GOEXPERIMENT",
  "GOWORK",
  "GOTMPDIR",
  "GODEBUG",
  "GOGC",
  "GOMEMLIMIT",
  "GOMAXPROCS",
  "GOTRACEBACK",
  "GOAMD64",
  "GOARM",
  "GOARM64",
  "GO386",
  "GOMIPS",
  "GOMIPS64",
  "GOPPC64",
  "GORISCV64",
  "GOWASM"
];
var KEPT = new Set(KEPT_GO_VARIABLES);
function isDroppedVariable(name) {
  return name.startsWith("GO") && !KEPT.has(name);
}
function isolatedEnv(inherited, dirs, delimiter = path7.delimiter) {
  const env = {};
  let pathKey = "PATH";
  for (const [name, value] of Object.entries(inherited)) {
    if (value === void 0 || isDroppedVariable(name)) continue;
    if (name.toUpperCase() === "PATH") {
      pathKey = name;
      continue;
    }
    env[name] = value;
  }
  const inheritedPath = inherited[pathKey] ?? "";
  const bin = path7.join(dirs.goroot, "bin");
  env[pathKey] = inheritedPath === "" ? bin : `${bin}${delimiter}${inheritedPath}`;
  env.GOROOT = dirs.goroot;
  env.GOPATH = dirs.gopath;
  env.GOCACHE = dirs.gocache;
  env.GOENV = dirs.goenv;
  env.GOBIN = dirs.gobin;
  env.GOMODCACHE = dirs.gomodcache;
  env.GOTOOLCHAIN = "local";
  env.GOFLAGS = withFlag(inherited.GOFLAGS ?? "", "-modcacherw");
  return env;
}
function withFlag(goflags, flag) {
  const words = goflags.split(/\s+/).filter((w2) => w2 !== "");
  return words.includes(flag) ? words.join(" ") : [...words, flag].join(" ");
}
function crossCompileEnv(env, target) {
  return { ...env, GOOS: target.goos, GOARCH: target.goarch, CGO_ENABLED: "0" };
}

// src/run/bounded.ts
var MAX_LINE_BYTES = 1024 * 1024;
var LineSplitter = class {
  constructor(onLine, maxLineBytes = MAX_LINE_BYTES) {
    this.onLine = onLine;
    this.maxLineBytes = maxLineBytes;
  }
  onLine;
  maxLineBytes;
  pending = [];
  pendingBytes = 0;
  cut = 0;
  push(chunk) {
    let start = 0;
    for (; ; ) {
      const newline = chunk.indexOf(10, start);
      if (newline < 0) {
        this.keep(chunk, start, chunk.length);
        return;
      }
      this.keep(chunk, start, newline);
      this.flush();
      start = newline + 1;
    }
  }
  /** The last line, when the stream did not end with a newline. */
  end() {
    if (this.pendingBytes > 0 || this.cut > 0) this.flush();
  }
  keep(chunk, from, to2) {
    if (to2 <= from) return;
    const room = this.maxLineBytes - this.pendingBytes;
    const end = Math.min(to2, from + room);
    if (end > from) {
      this.pending.push(chunk.subarray(from, end));
      this.pendingBytes += end - from;
    }
    this.cut += to2 - end;
  }
  flush() {
    const line = this.pending.length === 1 ? this.pending[0].toString("utf8") : Buffer.concat(this.pending).toString("utf8");
    const cut = this.cut;
    this.pending = [];
    this.pendingBytes = 0;
    this.cut = 0;
    this.onLine(line, cut);
  }
};
var HeadTail = class {
  constructor(limits) {
    this.limits = limits;
  }
  limits;
  head = [];
  headChars = 0;
  headFull = false;
  tail = [];
  tailStart = 0;
  tailChars = 0;
  /** Lines and characters between the head and the tail that were not kept. */
  droppedLines = 0;
  droppedChars = 0;
  /** Every line added, kept or not. */
  lines = 0;
  add(line) {
    this.lines++;
    if (!this.headFull) {
      if (this.headChars + line.length + 1 <= this.limits.headChars) {
        this.head.push(line);
        this.headChars += line.length + 1;
        return;
      }
      this.headFull = true;
    }
    let kept = line;
    if (kept.length + 1 > this.limits.tailChars) {
      const keep = Math.max(0, this.limits.tailChars - 1);
      this.droppedChars += kept.length - keep;
      kept = keep === 0 ? "" : kept.slice(-keep);
    }
    this.tail.push(kept);
    this.tailChars += kept.length + 1;
    const maxLines = this.limits.tailLines ?? Infinity;
    while (this.tailStart < this.tail.length && (this.tailChars > this.limits.tailChars || this.tail.length - this.tailStart > maxLines)) {
      const dropped = this.tail[this.tailStart++];
      this.tailChars -= dropped.length + 1;
      this.droppedLines++;
      this.droppedChars += dropped.length + 1;
    }
    if (this.tailStart > 1024 && this.tailStart * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailStart);
      this.tailStart = 0;
    }
  }
  /** True when some lines were not kept. */
  get truncated() {
    return this.droppedLines > 0 || this.droppedChars > 0;
  }
  /** The kept lines, in order: the head's, then the tail's. */
  kept() {
    return { head: [...this.head], tail: this.tail.slice(this.tailStart) };
  }
  /** The kept lines joined with `\n`, with `gap(droppedLines)` as a line between head and tail when lines were dropped. */
  text(gap) {
    const { head, tail } = this.kept();
    const middle = this.droppedLines > 0 ? [gap(this.droppedLines, this.droppedChars)] : [];
    return [...head, ...middle, ...tail].join("\n");
  }
};
function formatBytes(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1e3;
  let unit = 0;
  while (value >= 1e3 && unit < units.length - 1) {
    value /= 1e3;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
var KeptOutput = class {
  lines;
  splitter;
  endsWithNewline = false;
  /** Bytes of the stream, kept or not. */
  bytes = 0;
  constructor(chars) {
    this.lines = new HeadTail({ headChars: chars, tailChars: chars });
    this.splitter = new LineSplitter((line) => this.lines.add(line));
  }
  push(chunk) {
    if (chunk.length === 0) return;
    this.bytes += chunk.length;
    this.endsWithNewline = chunk[chunk.length - 1] === 10;
    this.splitter.push(chunk);
  }
  get truncated() {
    return this.lines.truncated;
  }
  /** The kept text; call once, at the end of the stream. */
  text() {
    this.splitter.end();
    if (this.bytes === 0) return "";
    const body = this.lines.text((lines) => `\u2026 ${lines} lines left out`);
    return this.endsWithNewline ? `${body}
` : body;
  }
};

// src/run/file-sink.ts
import { open as open2 } from "node:fs/promises";
import { Writable } from "node:stream";
var HIGH_WATER_MARK = 1024 * 1024;
async function fileSink(file, onChunk) {
  const handle = await open2(file, "w");
  let error = null;
  let resolveClosed = () => {
  };
  const closed = new Promise((resolve) => resolveClosed = resolve);
  let closing;
  const close = () => closing ??= handle.close().then(
    () => resolveClosed(error),
    (err) => {
      error ??= err;
      resolveClosed(error);
    }
  );
  const sink = new Writable({
    highWaterMark: HIGH_WATER_MARK,
    write(chunk, _encoding, done) {
      onChunk(chunk);
      if (error) return done();
      writeAll(handle, chunk).then(
        () => done(),
        (err) => {
          error = err;
          done();
        }
      );
    },
    final(done) {
      void close().then(() => done());
    },
    destroy(err, done) {
      void close().then(() => done(err));
    }
  });
  return { sink, closed };
}
async function writeAll(handle, chunk) {
  for (let offset = 0; offset < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, offset);
    offset += bytesWritten;
  }
}

// src/run/process.ts
import { spawn as spawn2 } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
var KEPT_OUTPUT_CHARS = 256 * 1024;
function runProcess(command, args, options) {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  return new Promise((resolve) => {
    const stdout = new KeptOutput(KEPT_OUTPUT_CHARS);
    const stderr = new KeptOutput(KEPT_OUTPUT_CHARS);
    let aborted;
    let settled = false;
    const finish = (exitCode, leftovers, spawnError) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener("abort", onAbort);
      const result = {
        exitCode,
        stdout: stdout.text(),
        stderr: stderr.text(),
        bytes: { stdout: stdout.bytes + sunk, stderr: stderr.bytes },
        truncated: stdout.truncated || stderr.truncated,
        leftovers,
        seconds: elapsed()
      };
      if (aborted !== void 0) result.aborted = aborted;
      if (spawnError) result.spawnError = spawnError;
      resolve(result);
    };
    let sunk = 0;
    if (options.signal?.aborted) {
      aborted = options.signal.reason ?? "aborted";
      options.stdout?.end();
      finish(null, 0);
      return;
    }
    const child = spawn2(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32",
      windowsHide: true
    });
    const killAll = () => {
      killProcessTree(child.pid);
      if (options.marker) killProcesses(processesWithEnv(options.marker));
    };
    function onAbort() {
      aborted = options.signal?.reason ?? "aborted";
      killAll();
    }
    options.signal?.addEventListener("abort", onAbort, { once: true });
    let sinkDone = Promise.resolve();
    if (options.stdout) {
      child.stdout.on("data", (chunk) => void (sunk += chunk.length));
      sinkDone = pipeline(child.stdout, options.stdout).catch(() => void 0);
    } else {
      child.stdout.on("data", (chunk) => stdout.push(chunk));
    }
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", (err) => {
      killProcessTree(child.pid);
      options.stdout?.end();
      finish(null, 0, new Error(`${command}: could not start: ${err.message}`, { cause: err }));
    });
    child.on("exit", () => killProcessTree(child.pid));
    child.on("close", (code2) => {
      void (async () => {
        await Promise.all([waitForGroupExit(child.pid), sinkDone]);
        const leftovers = options.marker ? await killMarked(options.marker) : 0;
        finish(code2, leftovers);
      })();
    });
  });
}
function killProcessTree(pid) {
  if (pid === void 0) return;
  if (process.platform === "win32") {
    spawn2("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore", windowsHide: true }).on("error", () => {
    });
    return;
  }
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
}
async function waitForGroupExit(pid, limitMs = 5e3) {
  if (pid === void 0 || process.platform === "win32") return;
  const deadline = Date.now() + limitMs;
  for (; ; ) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    if (Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
function processesWithEnv(entry) {
  if (process.platform !== "linux") return [];
  const needle = Buffer.from(`${entry}\0`);
  let names;
  try {
    names = readdirSync("/proc");
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let environ;
    try {
      environ = readFileSync(`/proc/${name}/environ`);
    } catch {
      continue;
    }
    if (holdsEntry(environ, needle)) found.push(pid);
  }
  return found;
}
function holdsEntry(environ, needle) {
  for (let at2 = environ.indexOf(needle); at2 >= 0; at2 = environ.indexOf(needle, at2 + 1)) {
    if (at2 === 0 || environ[at2 - 1] === 0) return true;
  }
  return false;
}
function killProcesses(pids) {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
    }
  }
}
async function killMarked(marker, limitMs = 5e3) {
  const seen = /* @__PURE__ */ new Set();
  const deadline = Date.now() + limitMs;
  for (; ; ) {
    const pids = processesWithEnv(marker);
    if (pids.length === 0 || Date.now() >= deadline) return seen.size;
    for (const pid of pids) seen.add(pid);
    killProcesses(pids);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// src/run/test-json.ts
var MAX_FAILURE_LINES = 60;
var MAX_FAILURE_CHARS = 8e3;
var MAX_FAILURES = 200;
var MAX_SLOWEST_TESTS = 5;
var TEXT_CHARS = 1024 * 1024;
var SUMMARY_CHARS = 256 * 1024;
var BUILD_OUTPUT_CHARS = 16 * 1024;
var BUILD_FAILED = /^FAIL\s+(\S+)\s+\[(?:build|setup) failed\]\s*$/;
var FRAMING = /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)\s|--- (?:PASS|FAIL|SKIP):\s)/;
var CACHED = /^ok\s+(\S+)\s+\(cached\)/;
var PACKAGE_FRAMING = /^(?:PASS|FAIL|coverage: .* of statements.*)$/;
var TestOutput = class {
  lines = new HeadTail({ headChars: 0, tailChars: MAX_FAILURE_CHARS, tailLines: MAX_FAILURE_LINES });
  /** A line that test2json split (it cuts lines at 4 KiB) and that has not ended yet. */
  partial = "";
  add(output) {
    if (!output.endsWith("\n")) {
      this.partial = (this.partial + output).slice(-MAX_FAILURE_CHARS);
      return;
    }
    const line = (this.partial + output.slice(0, -1)).replace(/\r$/, "");
    this.partial = "";
    if (line.trim() === "" || FRAMING.test(line)) return;
    this.lines.add(line);
  }
  /** The kept lines, without the indentation Go adds to a test's log lines, saying how many were left out. */
  text() {
    if (this.partial !== "") this.add("\n");
    const { tail } = this.lines.kept();
    return trimmedText(tail, this.lines.droppedLines);
  }
};
var TestJsonParser = class {
  counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  omittedFailures = 0;
  running = /* @__PURE__ */ new Map();
  packages = /* @__PURE__ */ new Map();
  cachedPackages = /* @__PURE__ */ new Set();
  failedBuilds = /* @__PURE__ */ new Set();
  /** Go 1.24+: the package whose build broke a package's test (itself or a dependency), from FailedBuild. */
  brokenBy = /* @__PURE__ */ new Map();
  buildOutput = /* @__PURE__ */ new Map();
  /** Per package, its slowest tests so far: they join the run's list only if the package was not replayed from the cache. */
  slowByPackage = /* @__PURE__ */ new Map();
  slowest = [];
  text = new HeadTail({ headChars: TEXT_CHARS, tailChars: TEXT_CHARS });
  summary = new HeadTail({ headChars: SUMMARY_CHARS, tailChars: SUMMARY_CHARS });
  lines = new LineSplitter((line) => this.line(line));
  bytes = 0;
  push(chunk) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    this.bytes += bytes.length;
    this.lines.push(bytes);
  }
  end(stderr = "") {
    this.lines.end();
    const stderrBlocks = parseBuildErrors(stderr);
    for (const [pkg, lines] of stderrBlocks) for (const l of lines) this.buildOutputOf(pkg).add(l.replace(/\n$/, ""));
    const failures = [...this.failedBuilds];
    const buildFailures = failures.map((pkg) => {
      const own = this.buildOutput.get(this.brokenBy.get(pkg) ?? pkg);
      const output = own ? outputOf(own) : [...this.buildOutput.values()].map(outputOf).filter((o) => o !== "").join("\n");
      return { package: pkg, output: output.trimEnd() };
    });
    for (const pkg of failures) {
      const known = this.packages.get(pkg);
      this.packages.set(pkg, { name: pkg, status: "fail", seconds: known?.seconds ?? 0, cached: false });
    }
    const gap = (lines) => `\u2026 ${lines} lines left out (the whole stream is in test.json)`;
    return {
      tests: this.counts,
      buildFailures,
      packages: [...this.packages.values()],
      slowest: this.slowest,
      summary: this.summary.text(gap),
      text: this.text.text(gap),
      bytes: this.bytes,
      omitted: { textLines: this.text.droppedLines, summaryLines: this.summary.droppedLines, failures: this.omittedFailures }
    };
  }
  line(line) {
    const event = parseEvent(line);
    if (!event) {
      if (line.trim() === "") return;
      this.text.add(line);
      this.summary.add(line);
      const m2 = BUILD_FAILED.exec(line);
      if (m2) this.failedBuilds.add(m2[1]);
      return;
    }
    if (event.Action === "build-output" && event.ImportPath) {
      const output = trimNewline(event.Output ?? "");
      this.text.add(output);
      this.summary.add(output);
      if (!/^# \S/.test(output)) this.buildOutputOf(packageOf2(event.ImportPath)).add(output);
      return;
    }
    if (event.Action === "build-fail" && event.ImportPath) {
      return;
    }
    const pkg = event.Package ?? "";
    if (event.Action === "output") {
      const output = event.Output ?? "";
      this.text.add(trimNewline(output));
      if (event.Test) {
        this.outputOf(pkg, event.Test).add(output);
        return;
      }
      const line2 = trimNewline(output);
      if (!PACKAGE_FRAMING.test(line2)) this.summary.add(line2);
      const failed = BUILD_FAILED.exec(line2);
      if (failed) this.failedBuilds.add(failed[1]);
      if (CACHED.test(line2)) this.cachedPackages.add(pkg);
      return;
    }
    if (event.Action !== "pass" && event.Action !== "fail" && event.Action !== "skip") return;
    if (event.Test) this.testDone(pkg, event.Test, event.Action, event.Elapsed ?? 0);
    else this.packageDone(pkg, event);
  }
  testDone(pkg, test, action, seconds2) {
    const k2 = key(pkg, test);
    const output = this.running.get(k2);
    this.running.delete(k2);
    if (action === "pass") this.counts.passed++;
    else if (action === "skip") this.counts.skipped++;
    else {
      this.counts.failed++;
      const text = output?.text() ?? "";
      this.summary.add(`--- FAIL: ${test} (${pkg}, ${seconds2.toFixed(2)}s)`);
      for (const l of text.split("\n")) if (l !== "") this.summary.add(`    ${l}`);
      if (this.counts.failures.length < MAX_FAILURES) this.counts.failures.push({ package: pkg, test, output: text });
      else this.omittedFailures++;
    }
    if (action !== "skip" && seconds2 > 0 && !test.includes("/")) {
      this.slowByPackage.set(pkg, slowestOf([...this.slowByPackage.get(pkg) ?? [], { package: pkg, test, seconds: seconds2 }]));
    }
  }
  packageDone(pkg, event) {
    const cached = this.cachedPackages.has(pkg);
    if (event.FailedBuild) {
      this.failedBuilds.add(pkg);
      this.brokenBy.set(pkg, packageOf2(event.FailedBuild));
    }
    this.packages.set(pkg, { name: pkg, status: event.Action, seconds: event.Elapsed ?? 0, cached });
    const slow = this.slowByPackage.get(pkg);
    this.slowByPackage.delete(pkg);
    if (slow && !cached) this.slowest = slowestOf([...this.slowest, ...slow]);
  }
  outputOf(pkg, test) {
    const k2 = key(pkg, test);
    let output = this.running.get(k2);
    if (!output) {
      output = new TestOutput();
      this.running.set(k2, output);
    }
    return output;
  }
  buildOutputOf(pkg) {
    let output = this.buildOutput.get(pkg);
    if (!output) {
      output = new HeadTail({ headChars: BUILD_OUTPUT_CHARS, tailChars: 0 });
      this.buildOutput.set(pkg, output);
    }
    return output;
  }
};
function parseEvent(line) {
  const t = line.trim();
  if (!t.startsWith("{")) return null;
  try {
    const value = JSON.parse(t);
    if (typeof value === "object" && value !== null && typeof value.Action === "string") {
      return value;
    }
  } catch {
  }
  return null;
}
function slowestOf(tests) {
  return tests.sort((a, b2) => b2.seconds - a.seconds).slice(0, MAX_SLOWEST_TESTS);
}
function outputOf(lines) {
  return lines.text((n) => `\u2026 ${n} more lines`);
}
function parseBuildErrors(stderr) {
  const blocks = /* @__PURE__ */ new Map();
  let current = "";
  for (const line of stderr.split("\n")) {
    const header = /^# (\S+)(?: \[\S+\])?\s*$/.exec(line);
    if (header) {
      current = header[1];
      continue;
    }
    if (line.trim() === "") continue;
    const list = blocks.get(current);
    if (list) list.push(`${line}
`);
    else blocks.set(current, [`${line}
`]);
  }
  return blocks;
}
function packageOf2(importPath) {
  return importPath.replace(/\s+\[.*\]$/, "");
}
function key(pkg, test) {
  return `${pkg}\0${test}`;
}
function trimNewline(s3) {
  return s3.endsWith("\n") ? s3.slice(0, -1) : s3;
}
function trimmedText(lines, omitted) {
  if (lines.length === 0) return omitted > 0 ? `\u2026 ${omitted} earlier lines omitted` : "";
  const indent = Math.min(...lines.map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  const text = lines.map((l) => l.slice(indent)).join("\n");
  return omitted > 0 ? `\u2026 ${omitted} earlier lines omitted
${text}` : text;
}

// src/run/version-run.ts
var RUN_MARKER_VARIABLE = "GO_MATRIX_RUN_ID";
var MS_PER_MINUTE = 6e4;
var MAX_TIMER_MS = 2 ** 31 - 1;
async function runVersion(plan) {
  const started = Date.now();
  const run = emptyRun(plan.toolchain, plan.dir);
  const log = [];
  const done = (status, reason) => {
    run.status = status;
    if (reason !== void 0) run.reason = reason;
    run.seconds = (Date.now() - started) / 1e3;
    return { run, log: log.join("") };
  };
  await mkdir2(plan.dir, { recursive: true });
  const profile = path8.join(plan.dir, "coverage.out");
  const buildLog = path8.join(plan.dir, "build.log");
  const testJson = path8.join(plan.dir, "test.json");
  await Promise.all([profile, buildLog, testJson].map((f2) => rm2(f2, { force: true })));
  await writeFile2(buildLog, "");
  const skip = skipReason(plan.toolchain.version, plan.goFile);
  if (skip !== null) return done("skipped", skip);
  if (plan.signal?.aborted) return done("error", cancelledReason(plan.signal.reason));
  const goBinary = path8.join(plan.toolchain.goroot, "bin", process.platform === "win32" ? "go.exe" : "go");
  try {
    await access(goBinary, constants.X_OK);
  } catch (err) {
    return done("error", `missing toolchain: ${goBinary} is not an executable (${err.message})`);
  }
  const runId = randomUUID();
  const env = { ...isolatedEnv(plan.env, versionDirs(plan.toolchain.goroot, plan.paths, plan.toolchain.version)), [RUN_MARKER_VARIABLE]: runId };
  const marker = `${RUN_MARKER_VARIABLE}=${runId}`;
  const stop = new AbortController();
  const limitMs = Math.min(plan.timeoutMinutes * MS_PER_MINUTE, MAX_TIMER_MS);
  const timer = setTimeout(() => stop.abort({ kind: "timeout" }), limitMs);
  const onCancel = () => stop.abort({ kind: "cancelled", why: cancelledReason(plan.signal?.reason) });
  plan.signal?.addEventListener("abort", onCancel, { once: true });
  try {
    const go2 = (args, stepEnv = env, stdout) => runProcess(goBinary, args, { cwd: plan.moduleDir, env: stepEnv, signal: stop.signal, marker, ...stdout ? { stdout } : {} });
    const annotations = [];
    const problems = [];
    const buildSteps = [];
    if (plan.build) buildSteps.push({ name: "build", args: ["build", ...plan.packages] });
    if (plan.vet) buildSteps.push({ name: "vet", args: ["vet", ...plan.packages] });
    for (const target of plan.buildTargets) {
      buildSteps.push({
        name: `build ${target.goos}/${target.goarch}`,
        args: ["build", ...plan.packages],
        env: crossCompileEnv(env, target)
      });
    }
    for (const step of buildSteps) {
      const result2 = await go2(step.args, step.env);
      const output = result2.stdout + result2.stderr;
      const entry = logEntry(step.name, step.args, result2);
      log.push(entry);
      await appendFile(buildLog, entry);
      const ok = result2.exitCode === 0;
      run.steps.push({ name: step.name, args: step.args, ok, exitCode: result2.exitCode, seconds: result2.seconds, output });
      run.notes.push(...processNotes(step.name, result2));
      const stopped2 = stopReason(result2, plan.timeoutMinutes);
      if (stopped2 !== null) return done("error", stopped2);
      if (!ok) {
        problems.push(`${step.name} failed`);
        annotations.push(...compilerAnnotations(output, plan.moduleDir));
      }
    }
    const testArgs = [
      "test",
      "-json",
      `-coverprofile=${profile}`,
      ...plan.coverMode ? [`-covermode=${plan.coverMode}`] : [],
      ...plan.coverPackages ? [`-coverpkg=${plan.coverPackages}`] : [],
      ...plan.testFlags,
      ...plan.packages
    ];
    const parser = new TestJsonParser();
    const stream = await fileSink(testJson, (chunk) => parser.push(chunk));
    const result = await go2(testArgs, env, stream.sink);
    const writeError = await stream.closed;
    if (writeError) run.notes.push(`test.json is incomplete: ${writeError.message}`);
    if (result.stderr !== "") await appendFile(buildLog, logEntry("test", testArgs, { ...result, stdout: "" }));
    const report = parser.end(result.stderr);
    const shown = plan.fullLog ? report.text : report.summary;
    log.push(logEntry("test", testArgs, { ...result, stdout: shown === "" ? "" : `${shown}
` }));
    run.steps.push({ name: "test", args: testArgs, ok: result.exitCode === 0, exitCode: result.exitCode, seconds: result.seconds, output: result.stderr });
    run.notes.push(...processNotes("test", { ...result, bytes: { stdout: 0, stderr: result.bytes.stderr } }), ...streamNotes(report));
    run.tests = report.tests;
    run.buildFailures = report.buildFailures;
    run.packages = report.packages;
    run.slowestTests = report.slowest;
    run.profile = await exists(profile) ? profile : null;
    annotations.push(...compilerAnnotations(result.stderr, plan.moduleDir));
    for (const failure of report.tests.failures) annotations.push(...testFailureAnnotations(failure, plan.modules, plan.moduleDir));
    run.annotations = uniqueAnnotations(annotations);
    const stopped = stopReason(result, plan.timeoutMinutes);
    if (stopped !== null) {
      run.profile = null;
      return done("error", stopped);
    }
    if (report.tests.failed > 0) problems.push(`${count(report.tests.failed, "test")} failed`);
    if (report.buildFailures.length > 0) {
      problems.push(`${count(report.buildFailures.length, "package")} failed to build`);
    }
    if (result.exitCode !== 0 && report.tests.failed === 0 && report.buildFailures.length === 0) {
      if (result.exitCode === null) return done("error", "go test was killed by a signal");
      const failedPackages = report.packages.filter((p2) => p2.status === "fail").map((p2) => p2.name);
      problems.push(
        failedPackages.length > 0 ? `go test failed in ${failedPackages.join(", ")}` : `go test exited with status ${result.exitCode}: ${firstLine(result.stderr) || "no message"}`
      );
    }
    return problems.length > 0 ? done("failed", problems.join("; ")) : done("passed");
  } finally {
    clearTimeout(timer);
    plan.signal?.removeEventListener("abort", onCancel);
  }
}
function stopReason(result, timeoutMinutes) {
  if (result.spawnError) return `could not run go: ${result.spawnError.message}`;
  if (result.aborted === void 0) return null;
  const stop = result.aborted;
  if (stop.kind === "timeout") return `timed out after ${count(timeoutMinutes, "minute")}`;
  return stop.why;
}
function cancelledReason(reason) {
  if (typeof reason === "string" && reason !== "") return reason;
  if (reason instanceof Error && reason.name !== "AbortError" && reason.message !== "") return reason.message;
  return "cancelled";
}
function logEntry(name, args, result) {
  const status = result.aborted !== void 0 ? "stopped" : result.exitCode === 0 ? "ok" : `exit status ${result.exitCode ?? "killed"}`;
  const leftovers = result.leftovers > 0 ? `; killed ${count(result.leftovers, "process")} it left running` : "";
  const output = result.stdout + result.stderr;
  return `\u2500\u2500 ${name}: go ${args.join(" ")} (${status}, ${result.seconds.toFixed(1)}s${leftovers})
${output}${output === "" || output.endsWith("\n") ? "" : "\n"}`;
}
function processNotes(name, result) {
  const notes = [];
  if (result.truncated) {
    notes.push(`go ${name} printed ${formatBytes(result.bytes.stdout + result.bytes.stderr)}; the log keeps its first and last lines.`);
  }
  if (result.leftovers > 0) {
    notes.push(`go ${name} left ${count(result.leftovers, "process")} running outside its process group (a daemon a test started?); go-matrix killed ${result.leftovers === 1 ? "it" : "them"}.`);
  }
  return notes;
}
function streamNotes(report) {
  const notes = [];
  if (report.omitted.textLines > 0 || report.omitted.summaryLines > 0) {
    notes.push(`go test printed ${formatBytes(report.bytes)} of test output, more than go-matrix keeps in memory: its output was truncated in the log (its first and last lines are kept); test.json in the version's report folder has all of it.`);
  }
  if (report.omitted.failures > 0) {
    notes.push(`${count(report.tests.failed, "test")} failed; the report lists the first ${report.tests.failures.length} with their output.`);
  }
  return notes;
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
function firstLine(text) {
  return text.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}
async function exists(file) {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
function emptyRun(toolchain, dir) {
  return {
    toolchain,
    status: "passed",
    steps: [],
    tests: { passed: 0, failed: 0, skipped: 0, failures: [] },
    buildFailures: [],
    packages: [],
    slowestTests: [],
    notes: [],
    annotations: [],
    profile: null,
    dir,
    seconds: 0
  };
}

// src/run/matrix.ts
async function runMatrix(request) {
  if (!path9.isAbsolute(request.moduleDir)) {
    throw new Error(`runMatrix: moduleDir must be absolute, got ${JSON.stringify(request.moduleDir)}`);
  }
  const versions = request.toolchains.map((t) => t.version);
  const duplicate = versions.find((v2, i) => versions.indexOf(v2) !== i);
  if (duplicate !== void 0) {
    throw new Error(`runMatrix: Go ${duplicate} is listed twice; each version gets one report folder`);
  }
  const reportDir = path9.resolve(request.reportDir);
  const paths = matrixPaths(request.reportDir, request.workDir, request.cacheDir);
  await mkdir3(paths.gomodcache, { recursive: true });
  let info;
  try {
    info = await readModuleInfo(request.moduleDir);
  } catch (err) {
    const reason = err.message;
    return request.toolchains.map((toolchain) => errorRun(toolchain, path9.join(reportDir, toolchain.version), reason));
  }
  const limit = request.maxParallel > 0 ? request.maxParallel : os2.availableParallelism();
  const results = new Array(request.toolchains.length);
  let next = 0;
  const worker = async () => {
    while (next < request.toolchains.length) {
      const index = next++;
      const toolchain = request.toolchains[index];
      const dir = path9.join(reportDir, toolchain.version);
      let run;
      let log;
      request.logger.info(`Go ${toolchain.version}: started (${index + 1} of ${request.toolchains.length})`);
      try {
        ;
        ({ run, log } = await runVersion({
          toolchain,
          moduleDir: request.moduleDir,
          goFile: info.goFile,
          modules: info.modules,
          packages: request.packages,
          build: request.build,
          vet: request.vet,
          buildTargets: request.buildTargets,
          testFlags: request.testFlags,
          coverMode: request.coverMode,
          coverPackages: request.coverPackages,
          timeoutMinutes: request.timeoutMinutes,
          dir,
          paths,
          fullLog: request.fullLogs ?? false,
          env: request.env ?? process.env,
          ...request.signal ? { signal: request.signal } : {}
        }));
      } catch (err) {
        run = errorRun(toolchain, dir, `go-matrix could not run Go ${toolchain.version}: ${err.message}`);
        log = `${err.stack ?? String(err)}
`;
      }
      results[index] = run;
      request.logger.group(groupTitle(run), log);
      request.onVersionDone?.(run);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, request.toolchains.length) }, worker));
  if (request.annotate !== false) {
    emitAnnotations(results, request.logger, request.moduleDir, request.annotationBase ?? request.moduleDir);
  }
  return results;
}
function matrixPaths(reportDir, workDir, cacheDir) {
  const dir = path9.resolve(workDir ?? `${path9.resolve(reportDir)}-work`);
  const caches = path9.resolve(cacheDir ?? dir);
  return { workDir: dir, cacheDir: caches, gomodcache: path9.join(caches, "mod") };
}
async function readModuleInfo(moduleDir) {
  const work = await readOptional(path9.join(moduleDir, "go.work"));
  const mod = await readOptional(path9.join(moduleDir, "go.mod"));
  const goMod = mod === null ? null : parseGoFile("go.mod", mod);
  const goWork = work === null ? null : parseGoFile("go.work", work);
  const modules = [];
  if (goMod?.module) modules.push({ path: goMod.module, dir: "" });
  for (const use of goWork?.use ?? []) {
    const dir = path9.posix.normalize(use.replace(/\\/g, "/"));
    if (dir === "." || path9.isAbsolute(dir)) continue;
    const text = await readOptional(path9.join(moduleDir, dir, "go.mod"));
    const module = text === null ? null : parseGoFile(`${dir}/go.mod`, text).module;
    if (module) modules.push({ path: module, dir });
  }
  return { goFile: goWork ?? goMod, modules };
}
async function readOptional(file) {
  try {
    return await readFile2(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return null;
    throw new Error(`${file}: ${err.message}`, { cause: err });
  }
}
function errorRun(toolchain, dir, reason) {
  return { ...emptyRun(toolchain, dir), status: "error", reason };
}
function groupTitle(run) {
  const { tests } = run;
  const counts = run.status === "skipped" ? "" : `, ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped`;
  const reason = run.reason ? ` (${run.reason})` : "";
  const cached = run.packages.filter((p2) => p2.cached).length;
  const reused = cached > 0 ? `, ${cached} of ${run.packages.length} packages from Go's test cache` : "";
  return `Go ${run.toolchain.version}: ${run.status}${reason}${counts}${reused}, ${run.seconds.toFixed(1)}s`;
}
function mergeAnnotations(runs) {
  const merged = /* @__PURE__ */ new Map();
  for (const run of runs) {
    for (const a of run.annotations) {
      const k2 = annotationKey(a);
      const known = merged.get(k2);
      if (known) known.versions.push(run.toolchain.version);
      else merged.set(k2, { ...a, versions: [run.toolchain.version] });
    }
  }
  return [...merged.values()];
}
function emitAnnotations(runs, logger, moduleDir, base) {
  for (const a of mergeAnnotations(runs)) {
    const file = path9.relative(base, path9.join(moduleDir, a.file)).split(path9.sep).join("/");
    logger.error(`${a.message} (Go ${a.versions.join(", ")})`, { file, line: a.line });
  }
}

// src/coverage/functions.ts
function parseFuncOutput(text, source = "go tool cover -func") {
  const functions = [];
  let totalPercent = null;
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") return;
    const fields = line.split("	").filter((field) => field !== "");
    const where = `${source}:${index + 1}`;
    const percent2 = parsePercent(fields[fields.length - 1], where, line);
    if (fields[0] === "total:") {
      totalPercent = percent2;
      return;
    }
    const location = /^(.+):(\d+):$/.exec(fields[0] ?? "");
    if (fields.length !== 3 || location === null) {
      throw new CoverageError(`${where}: expected "file.go:LINE:<tab>Name<tab>NN.N%", got ${JSON.stringify(line)}`);
    }
    functions.push({ file: location[1], line: Number(location[2]), name: fields[1], percent: percent2 });
  });
  return { functions, totalPercent };
}
function parsePercent(field, where, line) {
  const match = /^(\d+\.\d)%$/.exec(field ?? "");
  if (match === null) throw new CoverageError(`${where}: expected a percentage like "75.0%" at the end, got ${JSON.stringify(line)}`);
  return Number(match[1]);
}
function functionCoverage(report, profile) {
  const files = new Map(profile.files.map((f2) => [f2.file, f2]));
  return report.functions.map((fn, index) => {
    const next = report.functions[index + 1];
    const end = next !== void 0 && next.file === fn.file && next.line > fn.line ? next.line : Infinity;
    const f2 = files.get(fn.file);
    let ran = false;
    let entry = 0;
    if (f2 !== void 0) {
      const first = lowerBound(f2.startLine, f2.length, fn.line);
      if (first < f2.length && f2.startLine[first] < end) entry = f2.count[first];
      for (let i = first; i < f2.length && f2.startLine[i] < end && !ran; i++) ran = f2.count[i] > 0;
    }
    const covered = fn.percent > 0 || ran;
    return { ...fn, covered, hits: Math.max(entry, covered ? 1 : 0) };
  });
}
function lowerBound(column, length, value) {
  let lo2 = 0;
  let hi2 = length;
  while (lo2 < hi2) {
    const mid = lo2 + hi2 >>> 1;
    if (column[mid] < value) lo2 = mid + 1;
    else hi2 = mid;
  }
  return lo2;
}
function summarizeFunctions(functions) {
  return summary(functions.filter((fn) => fn.covered).length, functions.length);
}
function mergeFunctionCoverage(lists) {
  const merged = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const fn of list) {
      const key2 = `${fn.file}
${fn.line}
${fn.name}`;
      const seen = merged.get(key2);
      if (seen === void 0) merged.set(key2, { ...fn });
      else {
        seen.covered ||= fn.covered;
        seen.hits = Math.max(seen.hits, fn.hits);
        seen.percent = Math.max(seen.percent, fn.percent);
      }
    }
  }
  return [...merged.values()].sort((a, b2) => a.file < b2.file ? -1 : a.file > b2.file ? 1 : a.line - b2.line);
}

// src/coverage/go-cover.ts
import { execFile as execFile2 } from "node:child_process";
import { existsSync as existsSync2, mkdtempSync, readFileSync as readFileSync2, rmSync, writeFileSync } from "node:fs";
import os3 from "node:os";
import path10 from "node:path";
async function functionsFromGo(goroot, profilePath, moduleDir, profile) {
  const local = profile === void 0 ? /* @__PURE__ */ new Map() : localPaths(profile.files.map((f2) => f2.file), moduleDir);
  if (profile === void 0 || local.size === 0) return runCoverFunc(goroot, path10.resolve(profilePath), profilePath, moduleDir);
  const tmp = mkdtempSync(path10.join(os3.tmpdir(), "go-matrix-func-"));
  try {
    const input = path10.join(tmp, "coverage.out");
    const renamed = profile.files.map((f2) => ({ ...f2, file: local.get(f2.file) ?? f2.file }));
    writeFileSync(input, formatProfile({ mode: profile.mode, files: renamed }));
    const report = await runCoverFunc(goroot, input, profilePath, moduleDir);
    const original = new Map([...local].map(([name, file]) => [file, name]));
    const functions = report.functions.map((fn) => ({ ...fn, file: original.get(fn.file) ?? fn.file }));
    functions.sort((a, b2) => compareStrings(a.file, b2.file));
    return { functions, totalPercent: report.totalPercent };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
function localPaths(files, moduleDir) {
  const local = /* @__PURE__ */ new Map();
  const module = mainModule(path10.resolve(moduleDir));
  if (module === null) return local;
  const ownDir = /* @__PURE__ */ new Map();
  const inModule = (dir) => {
    if (dir === module.root) return true;
    let own = ownDir.get(dir);
    if (own === void 0) {
      own = !existsSync2(path10.join(dir, "go.mod")) && inModule(path10.dirname(dir));
      ownDir.set(dir, own);
    }
    return own;
  };
  const prefix = `${module.path}/`;
  for (const name of files) {
    if (!name.startsWith(prefix)) continue;
    const file = path10.join(module.root, ...name.slice(prefix.length).split("/"));
    if (inModule(path10.dirname(file)) && existsSync2(file)) local.set(name, file);
  }
  return local;
}
function mainModule(dir) {
  for (let at2 = dir; ; at2 = path10.dirname(at2)) {
    const goMod = path10.join(at2, "go.mod");
    if (existsSync2(goMod)) {
      let modulePath;
      try {
        modulePath = parseGoFile(goMod, readFileSync2(goMod, "utf8")).module;
      } catch {
        return null;
      }
      return modulePath === null ? null : { root: at2, path: modulePath };
    }
    if (path10.dirname(at2) === at2) return null;
  }
}
function runCoverFunc(goroot, input, profilePath, moduleDir) {
  const go2 = path10.join(goroot, "bin", process.platform === "win32" ? "go.exe" : "go");
  const args = ["tool", "cover", `-func=${input}`];
  const shown = `${go2} tool cover -func=${path10.resolve(profilePath)}`;
  return new Promise((resolve, reject) => {
    execFile2(
      go2,
      args,
      { cwd: moduleDir, env: { ...process.env, GOTOOLCHAIN: "local", GOROOT: goroot }, maxBuffer: 1 << 30 },
      (err, out, errOut) => {
        if (err) {
          const detail = String(errOut).trim() || err.message;
          reject(new CoverageError(`${shown} (in ${moduleDir}) failed: ${detail}`, { cause: err }));
        } else {
          try {
            resolve(parseFuncOutput(String(out), `${go2} tool cover -func`));
          } catch (parseErr) {
            reject(parseErr);
          }
        }
      }
    );
  });
}

// src/coverage/baseline.ts
var import_lcov_parse = __toESM(require_lib(), 1);
import { readFile as readFile3 } from "node:fs/promises";
function readReportBaseline(json, source) {
  const report = json;
  if (typeof report !== "object" || report === null || report.schemaVersion !== 1) {
    throw new CoverageError(`${source}: not a go-matrix report.json (expected "schemaVersion": 1)`);
  }
  const versions = Array.isArray(report.versions) ? report.versions : [];
  const withCoverage = versions.filter((v2) => isSummary(v2.coverage?.statements) && typeof v2.version === "string");
  const comparisons = Array.isArray(report.comparisons?.versions) ? report.comparisons.versions : [];
  const named = comparisons.find((c) => typeof c.reference === "string")?.reference;
  const chosen = withCoverage.find((v2) => v2.version === named) ?? [...withCoverage].sort((a, b2) => compareGoVersions3(String(b2.version), String(a.version)))[0];
  if (chosen !== void 0) {
    const coverage = chosen.coverage;
    return {
      source,
      kind: "report",
      metric: "statements",
      version: String(chosen.version),
      total: coverage.statements,
      packages: readPackages(coverage.packages, "statements", source),
      files: []
    };
  }
  if (isSummary(report.merged?.lines)) {
    return { source, kind: "report", metric: "lines", total: report.merged.lines, packages: readPackages(report.merged.packages, "lines", source), files: [] };
  }
  throw new CoverageError(`${source}: the report has no coverage to compare with (no version with statements, no merged lines)`);
}
function readPackages(value, metric, source) {
  if (!Array.isArray(value)) return [];
  return value.filter((entry) => typeof entry === "object" && entry !== null).map((entry, i) => {
    const counts = entry[metric];
    if (typeof entry.name !== "string" || !isSummary(counts)) {
      throw new CoverageError(`${source}: packages[${i}] needs a "name" and "${metric}": {covered, total}`);
    }
    return { name: entry.name, summary: summary(counts.covered, counts.total) };
  }).sort((a, b2) => compareStrings(a.name, b2.name));
}
function isSummary(value) {
  const s3 = value;
  return typeof s3 === "object" && s3 !== null && Number.isFinite(s3.covered) && Number.isFinite(s3.total);
}
function compareGoVersions3(a, b2) {
  const key2 = (v2) => {
    const m2 = /^(?:go)?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(alpha|beta|rc)(\d+))?/.exec(v2);
    if (m2 === null) return [0];
    const pre = m2[4] === void 0 ? 3 : ["alpha", "beta", "rc"].indexOf(m2[4]);
    return [Number(m2[1]), Number(m2[2] ?? 0), pre === 3 ? 1 : 0, Number(m2[3] ?? 0), pre, Number(m2[5] ?? 0)];
  };
  const ka = key2(a);
  const kb = key2(b2);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
async function readLcovBaseline(text, source) {
  const records = await new Promise((resolve, reject) => {
    import_lcov_parse.default.source(text, (err, data) => {
      if (err !== null || data === void 0) reject(new CoverageError(`${source}: not an LCOV file (lcov-parse: ${String(err)})`));
      else resolve(data);
    });
  });
  const byFile = /* @__PURE__ */ new Map();
  const counted = /* @__PURE__ */ new Map();
  for (const record of records) {
    if (!record.file) continue;
    if (record.lines.details.length === 0) {
      counted.set(record.file, summary(record.lines.hit, record.lines.found));
      continue;
    }
    const lines = byFile.get(record.file) ?? /* @__PURE__ */ new Map();
    for (const { line, hit } of record.lines.details) lines.set(line, Math.max(lines.get(line) ?? 0, hit));
    byFile.set(record.file, lines);
  }
  for (const [file, lines] of byFile) {
    counted.set(file, summary([...lines.values()].filter((hit) => hit > 0).length, lines.size));
  }
  if (counted.size === 0) throw new CoverageError(`${source}: the LCOV file names no source files (no SF records)`);
  const files = [...counted].map(([name, s3]) => ({ name, summary: s3 })).sort((a, b2) => compareStrings(a.name, b2.name));
  return { source, kind: "lcov", metric: "lines", total: addSummaries(files.map((f2) => f2.summary)), packages: packagesOf(files), files };
}
function packagesOf(files) {
  const groups = /* @__PURE__ */ new Map();
  for (const file of files) {
    const name = packageOf(file.name);
    groups.set(name, [...groups.get(name) ?? [], file.summary]);
  }
  return [...groups].map(([name, list]) => ({ name, summary: addSummaries(list) })).sort((a, b2) => compareStrings(a.name, b2.name));
}
async function readBaselineFile(path12) {
  let text;
  try {
    text = await readFile3(path12, "utf8");
  } catch (err) {
    throw new CoverageError(`${path12}: cannot read the baseline: ${err.message}`, { cause: err });
  }
  if (text.trimStart().startsWith("{")) {
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new CoverageError(`${path12}: not valid JSON: ${err.message}`, { cause: err });
    }
    return readReportBaseline(json, path12);
  }
  return readLcovBaseline(text, path12);
}

// src/compare/delta.ts
function pointsDelta(current, previous) {
  if (current.total === 0 || previous.total === 0) return 0;
  const value = 100 * current.covered / current.total - 100 * previous.covered / previous.total;
  return Number(formatOneDecimal(value)) + 0;
}

// src/compare/versions.ts
function compareVersions(inputs, reference, options = {}) {
  const ref = inputs.find((input) => input.version === reference);
  if (ref === void 0) {
    throw new CoverageError(`reference version ${reference} has no coverage to compare with (versions with coverage: ${inputs.map((i) => i.version).join(", ") || "none"})`);
  }
  const refLines = ref.lines ?? lineCoverage(ref.profile);
  const refStatements = summarizeStatements(ref.profile).total;
  return inputs.filter((input) => input !== ref).map((input) => compareOne(input, input.lines ?? lineCoverage(input.profile), ref, refLines, refStatements, options.maxLines ?? 20));
}
function compareOne(input, lines, ref, refLines, refStatements, maxLines) {
  const statements = summarizeStatements(input.profile).total;
  let common = 0;
  let covered = 0;
  let referenceCovered = 0;
  const onlyVersion = [];
  const onlyReference = [];
  for (const [file, hitsByLine] of lines) {
    const refHits = refLines.get(file);
    if (refHits === void 0) continue;
    for (const [line, hits] of hitsByLine) {
      const other = refHits.get(line);
      if (other === void 0) continue;
      common++;
      if (hits > 0) covered++;
      if (other > 0) referenceCovered++;
      if (hits > 0 && other === 0) onlyVersion.push({ file, line });
      if (hits === 0 && other > 0) onlyReference.push({ file, line });
    }
  }
  const rawDelta = pointsDelta(statements, refStatements);
  const likeForLikeDelta = pointsDelta(summary(covered, common), summary(referenceCovered, common));
  const onlyInVersion = onlyIn(input.profile, lines, refLines);
  const onlyInReference = onlyIn(ref.profile, refLines, lines);
  return {
    version: input.version,
    reference: ref.version,
    rawDelta,
    likeForLikeDelta,
    statements,
    referenceStatements: refStatements,
    common: { lines: common, covered, referenceCovered },
    onlyInVersion,
    onlyInReference,
    coveredOnlyInVersion: capped(onlyVersion, maxLines),
    coveredOnlyInReference: capped(onlyReference, maxLines),
    explanation: explain(input.version, ref.version, rawDelta, likeForLikeDelta, common, onlyInVersion, onlyInReference)
  };
}
function onlyIn(profile, lines, other) {
  const statements = /* @__PURE__ */ new Map();
  for (const f2 of profile.files) {
    const otherLines = other.get(f2.file);
    const pkg = packageOf(f2.file);
    for (let i = 0; i < f2.length; i++) {
      let absent = true;
      for (let line = f2.startLine[i]; absent && line <= f2.endLine[i]; line++) absent = otherLines?.get(line) === void 0;
      if (!absent) continue;
      const counts = statements.get(pkg) ?? { covered: 0, total: 0 };
      counts.total += f2.numStmt[i];
      if (f2.count[i] > 0) counts.covered += f2.numStmt[i];
      statements.set(pkg, counts);
    }
  }
  const lineCounts = /* @__PURE__ */ new Map();
  for (const [file, hitsByLine] of lines) {
    const otherLines = other.get(file);
    for (const [line, hits] of hitsByLine) {
      if (otherLines?.get(line) !== void 0) continue;
      const counts = lineCounts.get(packageOf(file)) ?? { covered: 0, total: 0 };
      counts.total++;
      if (hits > 0) counts.covered++;
      lineCounts.set(packageOf(file), counts);
    }
  }
  const names = [.../* @__PURE__ */ new Set([...statements.keys(), ...lineCounts.keys()])].sort(compareStrings);
  const packages = names.map((name) => {
    const s3 = statements.get(name) ?? { covered: 0, total: 0 };
    const l = lineCounts.get(name) ?? { covered: 0, total: 0 };
    return { name, statements: summary(s3.covered, s3.total), lines: summary(l.covered, l.total) };
  });
  return {
    statements: addSummaries(packages.map((p2) => p2.statements)),
    lines: addSummaries(packages.map((p2) => p2.lines)),
    packages
  };
}
function capped(lines, max) {
  return { count: lines.length, lines: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}
function explain(version, reference, rawDelta, likeForLike, common, onlyInVersion, onlyInReference) {
  const sentences = [
    `Go ${version} covers ${signed2(rawDelta)} points of statements against Go ${reference}, and ${signed2(likeForLike)} on the ${common} lines both instrument.`
  ];
  const parts = [];
  if (onlyInVersion.lines.total > 0) parts.push(`${describe(onlyInVersion)} only under Go ${version}`);
  if (onlyInReference.lines.total > 0) parts.push(`${describe(onlyInReference)} only under Go ${reference}`);
  if (parts.length > 0) sentences.push(`The gap comes from what one version instruments and the other does not: ${parts.join("; ")}.`);
  return sentences.join(" ");
}
function describe(only) {
  const top = only.packages.slice(0, 3).map((p2) => `${p2.name} (${p2.lines.total} lines, ${p2.lines.covered} covered)`);
  const rest = only.packages.length - top.length;
  return `${only.lines.total} lines (${only.statements.total} statements, ${only.lines.covered} lines covered) in ${top.join(", ")}${rest > 0 ? ` and ${rest} more packages` : ""}`;
}
function signed2(points2) {
  return `${points2 > 0 ? "+" : ""}${points2.toFixed(1)}`;
}

// src/compare/paths.ts
function suffixMatcher(candidates) {
  const byBaseName = /* @__PURE__ */ new Map();
  for (const candidate of candidates) {
    const segments2 = candidate.split("/");
    const base = segments2[segments2.length - 1];
    byBaseName.set(base, [...byBaseName.get(base) ?? [], segments2]);
  }
  return (name) => {
    const segments2 = name.replace(/\\/g, "/").split("/").filter((s3) => s3 !== "" && s3 !== ".");
    const base = segments2[segments2.length - 1];
    if (base === void 0) return void 0;
    let best;
    let bestLength = 0;
    let tie = false;
    for (const candidate of byBaseName.get(base) ?? []) {
      const length = commonSuffix(candidate, segments2);
      if (length > bestLength) {
        best = candidate;
        bestLength = length;
        tie = false;
      } else if (length === bestLength) tie = true;
    }
    return best === void 0 || tie ? void 0 : best.join("/");
  };
}
function commonSuffix(a, b2) {
  let n = 0;
  while (n < a.length && n < b2.length && a[a.length - 1 - n] === b2[b2.length - 1 - n]) n++;
  return n;
}

// src/compare/baseline.ts
function compareBaseline(current, baseline) {
  const now = baseline.metric === "statements" ? current.statements : current.lines;
  let baselineFiles = baseline.files;
  let baselinePackages = baseline.packages;
  const unmatchedFiles = [];
  if (baseline.kind === "lcov") {
    const match = suffixMatcher(now.files.map((f2) => f2.name));
    const renamed = /* @__PURE__ */ new Map();
    for (const file of baseline.files) {
      const name = match(file.name);
      if (name === void 0) unmatchedFiles.push(file.name);
      const key2 = name ?? file.name;
      renamed.set(key2, [...renamed.get(key2) ?? [], file.summary]);
    }
    baselineFiles = [...renamed].map(([name, list]) => ({ name, summary: addSummaries(list) }));
    baselinePackages = packagesOf(baselineFiles);
  }
  return {
    source: baseline.source,
    kind: baseline.kind,
    metric: baseline.metric,
    ...baseline.version === void 0 ? {} : { version: baseline.version },
    total: delta("total", now.total, baseline.total),
    packages: pair(now.packages, baselinePackages),
    files: baseline.kind === "lcov" ? pair(now.files, baselineFiles) : [],
    unmatchedFiles
  };
}
function pair(current, previous) {
  const before = new Map(previous.map((p2) => [p2.name, p2.summary]));
  const after = new Map(current.map((c) => [c.name, c.summary]));
  const names = [.../* @__PURE__ */ new Set([...after.keys(), ...before.keys()])].sort(compareStrings);
  return names.map((name) => delta(name, after.get(name) ?? null, before.get(name) ?? null));
}
function delta(name, current, baseline) {
  return { name, current, baseline, delta: current === null || baseline === null ? null : pointsDelta(current, baseline) };
}

// src/compare/diff.ts
function parseGitDiff(text, source = "git diff") {
  const files = [];
  let file;
  let newLine = 0;
  let inHunk = false;
  text.split("\n").forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.startsWith("diff --git ")) {
      file = { path: pathsOfHeader(line.slice("diff --git ".length)), oldPath: null, status: "modified", lines: [] };
      files.push(file);
      inHunk = false;
      return;
    }
    if (file === void 0) return;
    if (inHunk) {
      if (line.startsWith("+")) {
        file.lines.push(newLine++);
        return;
      }
      if (line.startsWith(" ")) {
        newLine++;
        return;
      }
      if (line.startsWith("-") || line.startsWith("\\")) return;
      inHunk = false;
    }
    if (line.startsWith("@@")) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
      if (match === null) throw new CoverageError(`${source}:${index + 1}: expected a hunk header "@@ -a,b +c,d @@", got ${JSON.stringify(line)}`);
      newLine = Number(match[1]);
      inHunk = true;
    } else if (line.startsWith("new file mode")) file.status = "added";
    else if (line.startsWith("deleted file mode")) file.status = "deleted";
    else if (line.startsWith("rename from ")) {
      file.oldPath = unquote2(line.slice("rename from ".length));
      file.status = "renamed";
    } else if (line.startsWith("rename to ")) file.path = unquote2(line.slice("rename to ".length));
    else if (line.startsWith("+++ ") && !line.startsWith("+++ /dev/null")) file.path = stripPrefix2(unquote2(line.slice(4)));
    else if (line.startsWith("--- ") && file.status === "deleted" && !line.startsWith("--- /dev/null")) file.path = stripPrefix2(unquote2(line.slice(4)));
  });
  return files;
}
function pathsOfHeader(rest) {
  if (rest.startsWith('"')) {
    const second = rest.lastIndexOf(' "');
    return stripPrefix2(unquote2(second > 0 ? rest.slice(second + 1) : rest));
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) return rest.slice(half + 3);
  const b2 = rest.lastIndexOf(" b/");
  return b2 >= 0 ? rest.slice(b2 + 3) : rest;
}
function stripPrefix2(path12) {
  return path12.replace(/^[ab]\//, "").replace(/\t$/, "");
}
function unquote2(path12) {
  const trimmed = path12.replace(/\t.*$/, "");
  if (!trimmed.startsWith('"') || !trimmed.endsWith('"')) return trimmed;
  const bytes = [];
  const body = trimmed.slice(1, -1);
  const escapes = { n: 10, t: 9, '"': 34, "\\": 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function diffCoverage(lines, changed) {
  const match = suffixMatcher(lines.keys());
  const files = [];
  const uncovered = [];
  let covered = 0;
  let total = 0;
  for (const change of changed) {
    if (change.status === "deleted" || change.lines.length === 0) continue;
    const file = match(change.path) ?? null;
    const hitsByLine = file === null ? void 0 : lines.get(file);
    if (hitsByLine === void 0) continue;
    let fileCovered = 0;
    let fileTotal = 0;
    const missed = [];
    for (const line of change.lines) {
      const hits = hitsByLine.get(line);
      if (hits === void 0) continue;
      fileTotal++;
      if (hits > 0) fileCovered++;
      else missed.push(line);
    }
    if (fileTotal === 0) continue;
    files.push({ path: change.path, file, lines: summary(fileCovered, fileTotal), uncovered: missed });
    uncovered.push(...missed.map((line) => ({ file: change.path, line })));
    covered += fileCovered;
    total += fileTotal;
  }
  return { lines: summary(covered, total), files, uncovered };
}

// src/compare/gates.ts
function evaluateGates(thresholds, inputs) {
  const gates = [];
  const { maxVersionDelta, minCoverage, maxCoverageDrop, minDiffCoverage } = thresholds;
  if (maxVersionDelta !== null) {
    if (inputs.versions.length === 0) {
      gates.push(skipped("max-version-delta", maxVersionDelta, "Only one version has coverage, so there is no other version to compare."));
    }
    for (const v2 of inputs.versions) {
      const distance = Math.abs(v2.likeForLikeDelta);
      const passed = distance <= maxVersionDelta;
      const direction = v2.likeForLikeDelta < 0 ? "less" : "more";
      const message = v2.likeForLikeDelta === 0 ? `Go ${v2.version} covers the same share as Go ${v2.reference} of the ${v2.common.lines} lines both instrument (limit ${points(maxVersionDelta)}).` : `Go ${v2.version} covers ${distance.toFixed(1)} points ${direction} than Go ${v2.reference} on the ${v2.common.lines} lines both instrument; the limit is ${maxVersionDelta}.`;
      gates.push({ name: "max-version-delta", threshold: maxVersionDelta, actual: v2.likeForLikeDelta, passed, message });
    }
  }
  if (minCoverage > 0) {
    const ref = inputs.reference;
    if (ref === null) {
      gates.push(skipped("min-coverage", minCoverage, "The reference version has no coverage (it failed to build or was skipped)."));
    } else {
      const passed = ref.statements.percent >= minCoverage;
      const shown = formatPercent(ref.statements.covered, ref.statements.total);
      gates.push({
        name: "min-coverage",
        threshold: minCoverage,
        actual: ref.statements.percent,
        passed,
        message: `Go ${ref.version} covers ${shown}% of statements (${ref.statements.covered} of ${ref.statements.total}); the minimum is ${minCoverage}%.`
      });
    }
  }
  if (maxCoverageDrop !== null) {
    const baseline = inputs.baseline;
    if (baseline === null || baseline.total.delta === null) {
      gates.push(skipped("max-coverage-drop", maxCoverageDrop, 'No baseline to compare with (none saved yet, or baseline is "none").'));
    } else {
      const delta2 = baseline.total.delta;
      const passed = -delta2 <= maxCoverageDrop;
      const what = baseline.metric === "statements" ? "statement" : "line";
      const change = delta2 < 0 ? `dropped ${(-delta2).toFixed(1)} points` : delta2 > 0 ? `rose ${delta2.toFixed(1)} points` : "did not change";
      gates.push({
        name: "max-coverage-drop",
        threshold: maxCoverageDrop,
        actual: delta2,
        passed,
        message: `${capitalize(what)} coverage ${change} against the baseline (${baseline.total.baseline?.percent.toFixed(1)}% to ${baseline.total.current?.percent.toFixed(1)}%); the largest drop allowed is ${points(maxCoverageDrop)}.`
      });
    }
  }
  if (minDiffCoverage !== null) {
    const diff = inputs.diff;
    if (diff === null || diff.lines.total === 0) {
      const why = diff === null ? "There is no pull request diff to measure." : "The change touches no instrumented Go lines.";
      gates.push(skipped("min-diff-coverage", minDiffCoverage, why));
    } else {
      const passed = diff.lines.percent >= minDiffCoverage;
      const shown = formatPercent(diff.lines.covered, diff.lines.total);
      gates.push({
        name: "min-diff-coverage",
        threshold: minDiffCoverage,
        actual: diff.lines.percent,
        passed,
        message: `Tests run ${diff.lines.covered} of the ${diff.lines.total} changed lines that are instrumented (${shown}%); the minimum is ${minDiffCoverage}%.`
      });
    }
  }
  return gates;
}
function skipped(name, threshold, message) {
  return { name, threshold, actual: null, passed: true, skipped: true, message: `Not evaluated: ${message}` };
}
function points(n) {
  return `${n} point${n === 1 ? "" : "s"}`;
}
function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// src/report/schema.ts
var SCHEMA_VERSION = 1;
function toResults(report) {
  return report.versions.map((v2) => ({
    spec: v2.spec,
    version: v2.version,
    status: v2.status,
    coverage: v2.coverage ? v2.coverage.statements.percent : null,
    tests: { passed: v2.tests.passed, failed: v2.tests.failed, skipped: v2.tests.skipped },
    seconds: v2.seconds
  }));
}

// src/report/verdict.ts
function describeVersionProblem(v2) {
  if (v2.status === "error") return `Go ${v2.version} could not be run: ${v2.reason ?? "unknown error"}`;
  const failures = v2.tests.failures.map((f2) => f2.test).filter((t) => t !== "");
  if (v2.tests.failed > 0) {
    const names = failures.slice(0, 3).join(", ");
    const more = failures.length > 3 ? ` and ${failures.length - 3} more` : "";
    return `Go ${v2.version} failed: ${v2.tests.failed} test${v2.tests.failed === 1 ? "" : "s"} failed${names ? ` (${names}${more})` : ""}`;
  }
  return `Go ${v2.version} failed: ${v2.reason ?? "the build failed"}`;
}
function decideVerdict(report, failOnTestFailure) {
  const failedGates = report.gates.filter((g2) => !g2.passed);
  const broken = report.versions.filter((v2) => v2.status === "failed" || v2.status === "error");
  const passed = failedGates.length === 0 && broken.length === 0;
  const failJob = failedGates.length > 0 || failOnTestFailure && broken.length > 0;
  let sentence;
  if (passed) {
    const ran = report.versions.filter((v2) => v2.status === "passed");
    const skipped2 = report.versions.length - ran.length;
    const who = ran.length === 1 ? `Go ${ran[0].version}` : `All ${ran.length} Go versions`;
    sentence = `\u2705 ${who} passed${skipped2 > 0 ? ` (${skipped2} skipped)` : ""}${report.gates.length > 0 ? " and every gate held" : ""}.`;
  } else {
    const parts = [...failedGates.map((g2) => g2.message), ...broken.map(describeVersionProblem)];
    const head = failJob ? "\u274C" : "\u26A0\uFE0F";
    const first = parts[0].replace(/\.$/, "");
    sentence = `${head} ${first}${parts.length > 1 ? ` (and ${parts.length - 1} more problem${parts.length > 2 ? "s" : ""})` : ""}.`;
  }
  return { passed, failJob, sentence };
}

// src/report/markdown.ts
var BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
var LINE_BREAK = /\r\n|\r|\n/g;
var ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
function defuseAutolinks(text) {
  return text.replace(/@/g, "@\u200D").replace(/#/g, "#\u200D").replace(/:\/\//g, ":/\u200B/").replace(/\b(www)\./gi, "$1\u200B.");
}
function visibleBidi(text) {
  return text.replace(BIDI, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function oneLine(text) {
  return text.replace(LINE_BREAK, " ");
}
function escape(text) {
  const escaped = defuseAutolinks(oneLine(text)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`).replace(/^(\s*)([-=])(?=[\s=-]|$)/, "$1\\$2").replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
  return visibleBidi(escaped);
}
function escapeHtml(text) {
  const escaped = defuseAutolinks(oneLine(text)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  return visibleBidi(escaped);
}
function code(text, options = {}) {
  let body = visibleBidi(oneLine(text));
  if (options.cell) body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m2) => m2[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body.trim() === "" ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
function codeBlock(text, lang = "") {
  const body = text.replace(ANSI, "").replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m2) => m2[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}
${body}
${fence}`;
}
function tableHead(header, align) {
  const rule = header.map((_h, i) => ({ l: ":--", r: "--:", c: ":-:" })[align?.[i] ?? "l"]);
  return [tableRow(header), tableRow(rule)].join("\n");
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function details(summary2, body) {
  return `<details><summary>${summary2}</summary>

${body}

</details>`;
}
function byteLength(text) {
  return Buffer.byteLength(text, "utf8");
}

// src/report/fit.ts
function renderSection(s3, keep) {
  const omitted = s3.items.length - keep + (s3.alsoLeftOut ?? 0);
  let text = (s3.head + s3.items.slice(0, keep).join(s3.separator)).replace(/\n+$/, "");
  if (omitted > 0 && s3.leftOut) text += `${text === "" ? "" : "\n\n"}${s3.leftOut(omitted)}`;
  return text + (s3.tail ?? "");
}
function renderDocument(sections, keeps) {
  return sections.map((s3, i) => renderSection(s3, keeps[i])).filter((t) => t !== "").join("\n\n") + "\n";
}
function fit(build, levels, limit) {
  let sections = [];
  let detail = 0;
  for (; detail < levels; detail++) {
    sections = build(detail);
    const text2 = renderDocument(
      sections,
      sections.map((s3) => s3.items.length)
    );
    if (byteLength(text2) <= limit) return { text: text2, detail, leftOut: leftOutOf(sections, sections.map((s3) => s3.items.length)) };
  }
  detail = levels - 1;
  const keeps = trimLongest(sections, limit);
  const text = hardCut(renderDocument(sections, keeps), limit);
  return { text, detail, leftOut: leftOutOf(sections, keeps) };
}
function leftOutOf(sections, keeps) {
  return sections.map((s3, i) => ({ section: s3.head.split("\n")[0] ?? "", items: s3.items.length - keeps[i] + (s3.alsoLeftOut ?? 0) })).filter((l) => l.items > 0);
}
function trimLongest(sections, limit) {
  const keeps = sections.map((s3) => s3.items.length);
  const itemBytes = sections.map((s3) => s3.items.map((item) => byteLength(item) + byteLength(s3.separator)));
  const size = (i) => byteLength(renderSection(sections[i], keeps[i]));
  for (; ; ) {
    const sizes = sections.map((_s2, i) => size(i));
    const total = byteLength(renderDocument(sections, keeps));
    const excess = total - limit;
    if (excess <= 0) return keeps;
    const candidates = sections.map((s4, i) => ({ i, size: sizes[i], trimmable: s4.leftOut !== void 0 && keeps[i] > 0 })).filter((c) => c.trimmable).sort((a, b2) => b2.size - a.size);
    const longest = candidates[0];
    if (longest === void 0) return keeps;
    const target = Math.max(longest.size - excess, (candidates[1]?.size ?? 0) - excess / 2);
    const s3 = sections[longest.i];
    const bytes = itemBytes[longest.i];
    let keep = keeps[longest.i];
    let current = longest.size;
    while (keep > 0 && current > target) {
      keep--;
      current -= bytes[keep];
      if (current <= target + 64) current = byteLength(renderSection(s3, keep));
    }
    if (keep === keeps[longest.i]) keep--;
    keeps[longest.i] = Math.max(0, keep);
  }
}
var CUT_NOTE = "\n\n\u2026 the rest of this report was left out to stay within GitHub\u2019s size limit (see report.json).\n";
function hardCut(text, limit) {
  if (byteLength(text) <= limit) return text;
  const room = limit - byteLength(CUT_NOTE);
  const bytes = Buffer.from(text, "utf8").subarray(0, Math.max(0, room));
  let cut = bytes.toString("utf8");
  cut = cut.replace(/\ufffd$/, "");
  const lastBreak = cut.lastIndexOf("\n");
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : cut) + CUT_NOTE;
}

// src/report/views.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isCounts(value) {
  return isObject(value) && typeof value.covered === "number" && typeof value.total === "number" && typeof value.percent === "number";
}
function numberOrNull(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function onlyIn2(value) {
  if (!isObject(value) || !isCounts(value.statements) || !isCounts(value.lines) || !Array.isArray(value.packages)) return null;
  const packages = value.packages.filter(
    (p2) => isObject(p2) && typeof p2.name === "string" && isCounts(p2.statements) && isCounts(p2.lines)
  );
  return { statements: value.statements, lines: value.lines, packages };
}
function lineList(value) {
  if (!isObject(value) || !Array.isArray(value.lines)) return null;
  const lines = value.lines.filter((l) => isObject(l) && typeof l.file === "string" && typeof l.line === "number");
  return { count: numberOrNull(value.count) ?? lines.length, lines, more: numberOrNull(value.more) ?? 0 };
}
function comparisonView(c) {
  const common = isObject(c.common) ? numberOrNull(c.common.lines) : null;
  return {
    version: c.version,
    reference: c.reference,
    rawDelta: numberOrNull(c.rawDelta),
    likeForLikeDelta: numberOrNull(c.likeForLikeDelta),
    explanation: typeof c.explanation === "string" ? c.explanation : "",
    commonLines: common,
    onlyInVersion: onlyIn2(c.onlyInVersion),
    onlyInReference: onlyIn2(c.onlyInReference),
    coveredOnlyInVersion: lineList(c.coveredOnlyInVersion),
    coveredOnlyInReference: lineList(c.coveredOnlyInReference)
  };
}
function deltaView(value) {
  if (!isObject(value) || typeof value.name !== "string") return null;
  return {
    name: value.name,
    current: isCounts(value.current) ? value.current : null,
    baseline: isCounts(value.baseline) ? value.baseline : null,
    delta: numberOrNull(value.delta)
  };
}
function baselineView(report) {
  const b2 = report.comparisons.baseline;
  if (!isObject(b2)) return null;
  const total = deltaView(b2.total);
  if (total === null) return null;
  const packages = Array.isArray(b2.packages) ? b2.packages.map(deltaView).filter((d) => d !== null) : [];
  return {
    source: typeof b2.source === "string" ? b2.source : "",
    kind: typeof b2.kind === "string" ? b2.kind : "",
    metric: typeof b2.metric === "string" ? b2.metric : "statements",
    version: typeof b2.version === "string" ? b2.version : null,
    total,
    packages,
    unmatchedFiles: Array.isArray(b2.unmatchedFiles) ? b2.unmatchedFiles.filter((f2) => typeof f2 === "string") : []
  };
}
function referenceVersion(report) {
  const named = report.comparisons.versions[0]?.reference;
  if (named !== void 0) return named;
  const covered = report.versions.filter((v2) => v2.coverage !== null);
  return covered.length === 1 ? covered[0]?.version ?? null : null;
}
function gateSkipped(gate) {
  return gate.skipped === true;
}

// src/report/sections.ts
var STATUS_ICON = {
  passed: "\u2705 passed",
  failed: "\u274C failed",
  skipped: "\u23ED\uFE0F skipped",
  error: "\u{1F4A5} error"
};
function droppedNote(what, see) {
  return `_${what} left out to stay within GitHub\u2019s size limit (see ${see})._`;
}
function leftOutNote(what, see) {
  return (n) => `_\u2026 ${what(n)} left out (see ${see})._`;
}
function verdictSection(verdict) {
  return { head: escape(verdict.sentence), items: [], separator: "" };
}
function notesSection(notes) {
  return { head: notes.map((n) => `> \u2139\uFE0F ${escape(n)}`).join("\n>\n"), items: [], separator: "" };
}
function buildCell(v2) {
  const steps = v2.steps?.filter((s3) => s3.name !== "test") ?? [];
  if (steps.length === 0) return v2.status === "skipped" || v2.status === "error" ? "\u2014" : "\u2705";
  const failed = steps.filter((s3) => !s3.ok);
  return failed.length === 0 ? "\u2705" : `\u274C ${failed.map((s3) => escape(s3.name)).join(", ")}`;
}
function testsCell(v2) {
  if (v2.status === "skipped" || v2.status === "error" && v2.tests.passed + v2.tests.failed + v2.tests.skipped === 0) {
    return escape(v2.reason ?? v2.status);
  }
  const { passed, failed, skipped: skipped2 } = v2.tests;
  return [`${passed} passed`, failed > 0 ? `**${failed} failed**` : "", skipped2 > 0 ? `${skipped2} skipped` : ""].filter((t) => t !== "").join(" \xB7 ");
}
function versionsSection(report, see) {
  const comparisons = new Map(report.comparisons.versions.map((c) => [c.version, c]));
  const reference = referenceVersion(report);
  const baseline = baselineView(report);
  const platforms = new Set(report.versions.map((v2) => v2.platform ?? ""));
  const labels = versionLabels(report.versions);
  const rows = report.versions.map((v2, i) => {
    const cmp = comparisons.get(labels[i]);
    const isReference = labels[i] === reference;
    const name = [
      `**${escape(v2.version)}**`,
      v2.spec !== v2.version ? ` (${escape(v2.spec)})` : "",
      platforms.size > 1 && v2.platform ? ` ${escape(v2.platform)}` : ""
    ].join("");
    return tableRow([
      name,
      STATUS_ICON[v2.status] ?? escape(String(v2.status)),
      buildCell(v2),
      testsCell(v2),
      percent(v2.coverage?.statements.percent),
      cmp ? signed(cmp.likeForLikeDelta) : isReference && v2.coverage ? "reference" : "\u2014",
      isReference && baseline ? signed(baseline.total.delta) : "\u2014",
      seconds(v2.seconds),
      escape(v2.toolchain.source)
    ]);
  });
  return {
    head: tableHead(
      ["Go", "status", "build", "tests", "coverage", "\u0394 like-for-like", "\u0394 baseline", "time", "toolchain"],
      ["l", "l", "l", "l", "r", "r", "r", "r", "l"]
    ) + "\n",
    items: rows,
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more version"), see)
  };
}
function mergedSection(report, see) {
  if (!report.merged) return null;
  const l = report.merged.lines;
  const headline = `**Merged line coverage** (a line counts as covered when any version ran it): **${percent(l.percent)}**, ${l.covered} of ${l.total} lines.`;
  const packages = report.merged.packages;
  if (packages.length === 0) return { head: headline, items: [], separator: "" };
  return {
    head: `${headline}

<details><summary>${plural(packages.length, "package")}</summary>

${tableHead(["package", "lines covered", "coverage"], ["l", "r", "r"])}
`,
    items: packages.map((p2) => tableRow([code(p2.name, { cell: true }), `${p2.lines.covered} of ${p2.lines.total}`, percent(p2.lines.percent)])),
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more package"), see),
    tail: "\n\n</details>"
  };
}
function baselineSection(report, see) {
  const b2 = baselineView(report);
  if (b2 === null) return null;
  const reference = referenceVersion(report);
  const metric = b2.metric === "lines" ? "line" : "statement";
  const was = b2.total.baseline ? percent(b2.total.baseline.percent) : "\u2014";
  const now = b2.total.current ? percent(b2.total.current.percent) : "\u2014";
  const from = b2.source ? ` (${code(b2.source)}${b2.version ? `, Go ${escape(b2.version)}` : ""})` : "";
  const moved = b2.packages.filter((p2) => p2.delta !== 0);
  const lines = [
    "### Against the baseline",
    "",
    `${reference ? `Go ${escape(reference)}` : "The reference version"}: ${metric} coverage ${was} \u2192 ${now} (**${signed(b2.total.delta)}** points) against the baseline${from}.`
  ];
  if (b2.unmatchedFiles.length > 0) {
    lines.push("", `${plural(b2.unmatchedFiles.length, "baseline file")} matched no file of this run, e.g. ${code(b2.unmatchedFiles[0])}.`);
  }
  const unchanged = b2.packages.length - moved.length;
  if (moved.length === 0) {
    lines.push("", b2.packages.length > 0 ? `No package moved (${plural(b2.packages.length, "package")}).` : "");
    return { head: lines.join("\n"), items: [], separator: "" };
  }
  lines.push(
    "",
    `${plural(moved.length, "package")} changed${unchanged > 0 ? `, ${unchanged} did not` : ""}:`,
    "",
    tableHead(["package", "baseline", "now", "\u0394"], ["l", "r", "r", "r"])
  );
  return {
    head: lines.join("\n") + "\n",
    items: moved.map(
      (p2) => tableRow([
        code(p2.name, { cell: true }),
        p2.baseline ? percent(p2.baseline.percent) : "new",
        p2.current ? percent(p2.current.percent) : "gone",
        signed(p2.delta)
      ])
    ),
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more changed package"), see)
  };
}
var MAX_PACKAGES_PER_COMPARISON = 15;
function groupComparisons(views) {
  const groups = /* @__PURE__ */ new Map();
  for (const view of views) {
    const { version: _version, explanation: _explanation, ...rest } = view;
    const key2 = JSON.stringify(rest);
    const group = groups.get(key2);
    if (group) group.versions.push(view.version);
    else groups.set(key2, { versions: [view.version], view });
  }
  return [...groups.values()];
}
function onlyInTable(group) {
  const { view } = group;
  const byName = /* @__PURE__ */ new Map();
  for (const p2 of view.onlyInVersion?.packages ?? []) byName.set(p2.name, { ...byName.get(p2.name), version: p2 });
  for (const p2 of view.onlyInReference?.packages ?? []) byName.set(p2.name, { ...byName.get(p2.name), reference: p2 });
  if (byName.size === 0) return "";
  const cell = (p2) => p2 ? `${p2.lines.total} lines, ${p2.lines.covered} covered` : "\u2014";
  const rows = [...byName].slice(0, MAX_PACKAGES_PER_COMPARISON).map(([name, only]) => tableRow([code(name, { cell: true }), cell(only.version), cell(only.reference)]));
  const more = byName.size - MAX_PACKAGES_PER_COMPARISON;
  return [
    tableHead(["instrumented by one side only", `only Go ${group.versions.map(escape).join(", ")}`, `only Go ${escape(view.reference)}`], ["l", "r", "r"]),
    ...rows,
    ...more > 0 ? ["", `_\u2026 and ${plural(more, "more package")}._`] : []
  ].join("\n");
}
function coveredOnlyLine(list, versions) {
  if (list === null || list.count === 0) return "";
  const byFile = groupLines(list.lines);
  const where = [...byFile].map(([file, lines]) => `${code(file)} ${lineRanges(lines)}`).join("; ");
  return `- Covered only under Go ${versions}: ${plural(list.count, "line")}${where ? `: ${where}` : ""}${list.more > 0 ? ` and ${list.more} more` : ""}.`;
}
function crossVersionSection(report, withLines, see) {
  const views = report.comparisons.versions.map(comparisonView).filter(
    (c) => c.rawDelta !== c.likeForLikeDelta || (c.onlyInVersion?.lines.total ?? 0) > 0 || (c.onlyInReference?.lines.total ?? 0) > 0 || (c.coveredOnlyInVersion?.count ?? 0) > 0 || (c.coveredOnlyInReference?.count ?? 0) > 0
  );
  if (views.length === 0) return null;
  const items = groupComparisons(views).map((group) => {
    const c = group.view;
    const versions = group.versions.map(escape).join(", ");
    const parts = [
      `**Go ${versions}** against Go ${escape(c.reference)}: raw ${signed(c.rawDelta)} points, like for like ${signed(c.likeForLikeDelta)}${c.commonLines !== null ? ` on the ${c.commonLines} lines both instrument` : ""}.`
    ];
    const only = onlyInTable(group);
    if (only) parts.push(only);
    else if (c.explanation) parts.push(escape(c.explanation));
    if (withLines) {
      const covered = [coveredOnlyLine(c.coveredOnlyInVersion, versions), coveredOnlyLine(c.coveredOnlyInReference, escape(c.reference))].filter((l) => l !== "");
      if (covered.length > 0) parts.push(covered.join("\n"));
    }
    return parts.join("\n\n");
  });
  const linesDropped = !withLines && views.some((c) => (c.coveredOnlyInVersion?.count ?? 0) + (c.coveredOnlyInReference?.count ?? 0) > 0);
  return {
    head: `### Why versions differ

${linesDropped ? `${droppedNote("The lines only one version covered were", see)}

` : ""}`,
    items,
    separator: "\n\n",
    leftOut: leftOutNote((n) => plural(n, "more version comparison"), see)
  };
}
function groupFailures(report) {
  const groups = /* @__PURE__ */ new Map();
  for (const v2 of report.versions) {
    for (const f2 of v2.tests.failures) {
      const key2 = JSON.stringify([f2.package, f2.test, f2.output]);
      const group = groups.get(key2);
      if (group) group.versions.push(v2.version);
      else groups.set(key2, { failure: f2, versions: [v2.version] });
    }
  }
  return [...groups.values()];
}
function tailOf(output, maxLines, maxBytes) {
  const lines = output.replace(/\n+$/, "").split("\n");
  let kept = lines.slice(-maxLines);
  while (kept.length > 1 && Buffer.byteLength(kept.join("\n")) > maxBytes) kept = kept.slice(1);
  let text = kept.join("\n");
  if (Buffer.byteLength(text) > maxBytes) text = text.slice(-maxBytes);
  const omitted = lines.length - kept.length;
  return omitted > 0 ? `\u2026 ${plural(omitted, "earlier line")} left out (see test.json)
${text}` : text;
}
function failureTitle(group, html) {
  const { failure, versions } = group;
  const esc = html ? escapeHtml : escape;
  const name = failure.test === "" ? "(package-level failure)" : failure.test;
  const pkg = html ? `<code>${escapeHtml(failure.package)}</code>` : code(failure.package);
  return `${html ? `<b>${esc(name)}</b>` : `**${esc(name)}**`} in ${pkg} on Go ${versions.map(esc).join(", ")}`;
}
function failuresSection(report, budget, see, options = {}) {
  const limit = options.limit ?? Infinity;
  const groups = groupFailures(report);
  if (groups.length === 0) return null;
  const total = report.versions.reduce((n, v2) => n + v2.tests.failures.length, 0);
  const items = groups.map(
    (g2) => budget === null ? `- ${failureTitle(g2, false)}` : details(failureTitle(g2, true), codeBlock(tailOf(g2.failure.output, budget.lines, budget.bytes) || "(no output)"))
  );
  return {
    head: `### Failing tests (${total})

${options.outputDropped ? `${droppedNote("Test output was", "each version's test.json")}

` : ""}`,
    items: items.slice(0, limit),
    alsoLeftOut: Math.max(0, items.length - limit),
    separator: budget === null ? "\n" : "\n\n",
    leftOut: leftOutNote((n) => plural(n, "more failing test"), see)
  };
}
function slowestTestsSection(report, see) {
  const rows = report.versions.flatMap(
    (v2) => (v2.slowestTests ?? []).map(
      (t) => tableRow([escape(v2.version), code(t.test, { cell: true }), code(t.package, { cell: true }), t.seconds < 60 ? `${t.seconds.toFixed(2)} s` : seconds(t.seconds)])
    )
  );
  if (rows.length === 0) return null;
  return {
    head: `<details><summary>Slowest tests</summary>

${tableHead(["Go", "test", "package", "time"], ["l", "l", "l", "r"])}
`,
    items: rows,
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more test"), see),
    tail: "\n\n</details>"
  };
}
function groupLines(lines) {
  const byFile = /* @__PURE__ */ new Map();
  for (const { file, line } of lines) byFile.set(file, [...byFile.get(file) ?? [], line]);
  return byFile;
}
function diffSection(report, withLines, see, maxLines = Infinity) {
  const d = report.comparisons.diff;
  if (!d) return null;
  const head = `### Changed lines: ${percent(d.lines.percent)} covered (${d.lines.covered} of ${plural(d.lines.total, "instrumented changed line")})`;
  if (d.uncovered.length === 0) return { head, items: [], separator: "" };
  const shown = d.uncovered.slice(0, maxLines);
  const byFile = groupLines(shown);
  const items = [...byFile].map(
    ([file, lines]) => withLines ? `- ${code(file)}: ${lineRanges(lines)}` : `- ${code(file)}: ${plural(lines.length, "uncovered line")}`
  );
  const notShown = d.uncovered.length - shown.length;
  const dropped = withLines ? "" : ` ${droppedNote("Line numbers", see)}`;
  const section = {
    head: `${head}

${plural(d.uncovered.length, "changed line")} no test ran:${dropped}

`,
    items,
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more file"), see)
  };
  if (notShown > 0) section.tail = `

_\u2026 ${plural(notShown, "more uncovered line")} (see ${see})._`;
  return section;
}
function gateValue(g2, value) {
  if (g2.name === "legs") return String(value);
  return g2.name === "min-coverage" || g2.name === "min-diff-coverage" ? percent(value) : signed(value);
}
function gateThreshold(g2) {
  if (g2.name === "max-version-delta") return `\xB1${g2.threshold}`;
  if (g2.name === "max-coverage-drop") return `\u2212${g2.threshold}`;
  if (g2.name === "min-coverage" || g2.name === "min-diff-coverage") return `\u2265\xA0${g2.threshold}%`;
  return escape(String(g2.threshold));
}
function gateResult(g2) {
  if (gateSkipped(g2)) return `\u2796 ${escape(g2.message)}`;
  return `${g2.passed ? "\u2705" : "\u274C"} ${escape(g2.message)}`;
}
function gatesSection(report, see) {
  if (report.gates.length === 0) return null;
  return {
    head: `### Gates

${tableHead(["gate", "limit", "actual", "result"], ["l", "r", "r", "l"])}
`,
    items: report.gates.map((g2) => tableRow([escape(g2.name), gateThreshold(g2), g2.actual === null ? "\u2014" : gateValue(g2, g2.actual), gateResult(g2)])),
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more gate"), see)
  };
}
function footerSection(report, runUrl, linkText) {
  const parts = [];
  if (runUrl) parts.push(`[${linkText}](${runUrl.replace(/[()\s]/g, encodeURIComponent)})`);
  parts.push(`go-matrix ${escape(report.tool.version)}`);
  if (report.commit) parts.push(`commit ${code(report.commit.slice(0, 12))}`);
  return { head: `<sub>${parts.join(" \xB7 ")}</sub>`, items: [], separator: "" };
}

// src/report/summary.ts
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
var COMMENT_LIMIT_BYTES = 65536;
var SUMMARY_LEVELS = [
  { output: { lines: Infinity, bytes: Infinity }, lines: true },
  { output: { lines: 40, bytes: 4e3 }, lines: true },
  { output: { lines: 10, bytes: 1e3 }, lines: true },
  { output: null, lines: true },
  { output: null, lines: false }
];
function notesOf(report, extras) {
  const versions = report.versions.flatMap((v2) => (v2.notes ?? []).map((n) => `Go ${v2.version}: ${n}`));
  return [.../* @__PURE__ */ new Set([...report.notes ?? [], ...versions, ...extras.notes ?? []])];
}
function present(sections) {
  return sections.filter((s3) => s3 !== null && (s3.head !== "" || s3.items.length > 0));
}
function renderSummary(report, verdict, extras = {}) {
  const see = "report.json";
  const build = (detail) => {
    const level = SUMMARY_LEVELS[detail] ?? { output: null, lines: false };
    return present([
      verdictSection(verdict),
      notesSection(notesOf(report, extras)),
      versionsSection(report, see),
      mergedSection(report, see),
      baselineSection(report, see),
      crossVersionSection(report, level.lines, see),
      failuresSection(report, level.output, see, { outputDropped: level.output === null }),
      slowestTestsSection(report, see),
      diffSection(report, level.lines, see),
      gatesSection(report, see),
      footerSection(report, extras.runUrl, "this run")
    ]);
  };
  return fit(build, SUMMARY_LEVELS.length, extras.limitBytes ?? SUMMARY_LIMIT_BYTES).text;
}
var COMMENT_FAILURES = 10;
var COMMENT_UNCOVERED_LINES = 20;
function renderComment(report, verdict, extras = {}) {
  const see = extras.runUrl ? `the [job summary](${extras.runUrl.replace(/[()\s]/g, encodeURIComponent)})` : "the job summary";
  const build = () => present([
    verdictSection(verdict),
    notesSection(notesOf(report, extras)),
    versionsSection(report, see),
    failuresSection(report, null, see, { limit: COMMENT_FAILURES }),
    diffSection(report, true, see, COMMENT_UNCOVERED_LINES),
    gatesSection(report, see),
    footerSection(report, extras.runUrl, "Full report in the job summary")
  ]);
  return fit(build, 1, extras.limitBytes ?? COMMENT_LIMIT_BYTES).text;
}

// src/pipeline.ts
function reportDirectoryOf(options, workspace, tempDir) {
  return options.reportDirectory ? path11.resolve(workspace, options.reportDirectory) : path11.join(tempDir, "go-matrix");
}
async function runPipeline(options, ctx) {
  const { logger } = ctx;
  const reportDir = reportDirectoryOf(options, ctx.workspace, ctx.tempDir);
  await mkdir4(reportDir, { recursive: true });
  const moduleDir = path11.resolve(ctx.workspace, options.workingDirectory);
  const toolchains = await installGo({
    specs: options.goVersions,
    versionFile: options.goVersionFile ? path11.resolve(ctx.workspace, options.goVersionFile) : "",
    downloadBaseUrl: options.downloadBaseUrl,
    localToolchains: options.localToolchains.map((dir) => path11.resolve(ctx.workspace, dir)),
    cache: options.cache,
    toolCacheDir: ctx.toolCacheDir,
    tempDir: ctx.tempDir,
    logger
  });
  logger.info(`go-matrix: ${toolchains.map((t) => `${t.version} (${t.source})`).join(", ")}`);
  ctx.onInstalled?.(toolchains);
  const sourcePath = await lcovSourcePath(moduleDir, ctx.workspace);
  const analyses = /* @__PURE__ */ new Map();
  const analyse = (run) => {
    let pending = analyses.get(run.toolchain.version);
    if (!pending) {
      pending = analyseVersion(run, moduleDir, logger).then(async (result2) => {
        if (result2) await writeFile3(path11.join(run.dir, "coverage.lcov"), formatLcov(result2.lines, { functions: result2.functions, sourcePath }));
        return result2;
      });
      analyses.set(run.toolchain.version, pending);
    }
    return pending;
  };
  const runs = await runMatrix({
    toolchains,
    moduleDir,
    packages: options.packages,
    build: options.build,
    vet: options.vet,
    buildTargets: options.buildTargets,
    testFlags: options.testFlags,
    coverMode: options.coverMode,
    coverPackages: options.coverPackages,
    maxParallel: options.maxParallel,
    timeoutMinutes: options.timeoutMinutes,
    reportDir,
    // GO_MATRIX_CACHE_DIR keeps Go's build and module caches in a folder of the user's choosing,
    // between runs (a developer's machine, the tests); by default they live in the work folder.
    ...ctx.env.GO_MATRIX_CACHE_DIR ? { cacheDir: path11.resolve(ctx.workspace, ctx.env.GO_MATRIX_CACHE_DIR) } : {},
    env: ctx.env,
    logger,
    signal: ctx.signal,
    fullLogs: ctx.fullLogs ?? false,
    annotationBase: ctx.workspace,
    // Marked handled here; the await below still receives any error.
    onVersionDone: (run) => void analyse(run).catch(() => void 0)
  });
  const analysed = await Promise.all(runs.map(async (run) => [run.toolchain.version, await analyse(run)]));
  const coverage = /* @__PURE__ */ new Map();
  for (const [version, result2] of analysed) if (result2) coverage.set(version, result2);
  const versions = runs.map((run) => {
    const c = coverage.get(run.toolchain.version);
    return { report: versionReport(run, c), coverage: c ?? null };
  });
  const result = await concludeRun(options, ctx, { reportDir, versions, sourcePath });
  return { ...result, toolchains };
}
async function concludeRun(options, ctx, input) {
  const { logger } = ctx;
  const { reportDir, sourcePath } = input;
  const labels = versionLabels(input.versions.map((v2) => v2.report));
  const coverage = /* @__PURE__ */ new Map();
  input.versions.forEach((v2, i) => {
    if (v2.coverage) coverage.set(labels[i], v2.coverage);
  });
  const reference = pickReference(
    options.referenceVersion,
    input.versions.map((v2, i) => ({ spec: v2.report.spec, version: v2.report.version, label: labels[i] })),
    coverage
  );
  const referenceCoverage = reference ? coverage.get(reference) : void 0;
  const comparisons = reference ? compareVersions(
    [...coverage].map(([version, c]) => ({ version, profile: c.profile, lines: c.lines })),
    reference
  ) : [];
  const notes = [...ctx.notes ?? []];
  const baselineFile = options.baseline.kind === "path" ? path11.resolve(ctx.workspace, options.baseline.path) : options.baseline.kind === "auto" ? ctx.autoBaselineFile ?? null : null;
  let baseline = null;
  if (baselineFile && referenceCoverage) {
    baseline = compareBaseline({ statements: referenceCoverage.statements, lines: referenceCoverage.lineSummary }, await readBaselineFile(baselineFile));
  } else if (baselineFile) {
    notes.push("The baseline was not compared: the reference version has no coverage.");
  }
  const all = [...coverage.values()];
  const mergedLines = all.length > 0 ? mergeLineCoverage(all.map((c) => c.lines)) : null;
  const diff = ctx.changedLines && mergedLines ? diffCoverage(mergedLines, ctx.changedLines) : null;
  const evaluated = options.mode === "collect" ? [] : evaluateGates(
    {
      maxVersionDelta: options.maxVersionDelta,
      minCoverage: options.minCoverage,
      maxCoverageDrop: options.maxCoverageDrop,
      minDiffCoverage: options.minDiffCoverage
    },
    {
      reference: reference && referenceCoverage ? { version: reference, statements: referenceCoverage.statements.total } : null,
      versions: comparisons,
      baseline,
      diff
    }
  );
  const gates = [...input.checks ?? [], ...evaluated];
  const files = {
    report: path11.join(reportDir, "report.json"),
    lcov: path11.join(reportDir, "merged.lcov"),
    merged: path11.join(reportDir, "merged.out"),
    summary: path11.join(reportDir, "summary.md")
  };
  await writeFile3(
    files.lcov,
    mergedLines ? formatLcov(mergedLines, { functions: mergeFunctionCoverage(all.map((c) => c.functions)), sourcePath }) : ""
  );
  await writeMergedProfile(files.merged, coverage, logger);
  const mergedSummary = mergedLines ? summarizeLines(mergedLines) : null;
  const report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "go-matrix", version: ctx.toolVersion },
    commit: ctx.commit,
    ref: ctx.ref,
    versions: input.versions.map((v2) => v2.report),
    merged: mergedSummary ? { lines: mergedSummary.total, packages: mergedSummary.packages.map((p2) => ({ name: p2.name, lines: p2.summary })) } : null,
    comparisons: {
      versions: comparisons,
      baseline,
      diff: diff ? { lines: diff.lines, uncovered: diff.uncovered, files: diff.files } : null
    },
    gates,
    notes
  };
  const verdict = decideVerdict(report, options.failOnTestFailure);
  const summary2 = renderSummary(report, verdict, { notes, ...ctx.runUrl ? { runUrl: ctx.runUrl } : {} });
  await writeFile3(files.report, JSON.stringify(report, null, 2) + "\n");
  await writeFile3(files.summary, summary2);
  return {
    report,
    verdict,
    summary: summary2,
    referenceCoverage: referenceCoverage ? formatPercent(referenceCoverage.statements.total.covered, referenceCoverage.statements.total.total) : "",
    reportDir,
    files
  };
}
async function analyseVersion(run, moduleDir, logger) {
  if (!run.profile) return null;
  let profile;
  try {
    profile = await readProfile(run.profile);
  } catch (err) {
    logger.warning(`Go ${run.toolchain.version}: its coverage profile cannot be read: ${err.message}`);
    return null;
  }
  const lines = lineCoverage(profile);
  let functions = [];
  try {
    functions = functionCoverage(await functionsFromGo(run.toolchain.goroot, run.profile, moduleDir, profile), profile);
  } catch (err) {
    logger.warning(`Go ${run.toolchain.version}: no function coverage: ${err.message}`);
  }
  return { profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions };
}
function pickReference(wanted, versions, coverage) {
  const keyed = versions.map((t) => ({ ...t, label: t.label ?? t.version }));
  const candidates = keyed.filter((t) => coverage.has(t.label));
  if (wanted !== "") {
    const bare = wanted.replace(/^go/, "");
    const match = candidates.find((t) => t.label === wanted) ?? candidates.find((t) => t.version === bare) ?? candidates.find((t) => t.spec === wanted) ?? candidates.find((t) => t.version.startsWith(`${bare}.`));
    return match?.label ?? null;
  }
  const newest = [...candidates].sort((a, b2) => compareGoVersions(b2.version, a.version))[0];
  return newest?.label ?? null;
}
function versionReport(run, coverage) {
  return {
    spec: run.toolchain.spec,
    version: run.toolchain.version,
    status: run.status,
    ...run.reason !== void 0 ? { reason: run.reason } : {},
    platform: `${currentPlatform().os}/${currentPlatform().arch}`,
    toolchain: { source: run.toolchain.source, sha256: run.toolchain.sha256, seconds: run.toolchain.seconds },
    steps: run.steps.map((s3) => ({ name: s3.name, ok: s3.ok, seconds: s3.seconds, command: joinArgs(["go", ...s3.args]), exitCode: s3.exitCode })),
    // A package that failed to build is a failure too: listed with an empty test name and the compiler's output.
    tests: {
      ...run.tests,
      failures: [...run.tests.failures, ...run.buildFailures.map((b2) => ({ package: b2.package, test: "", output: b2.output }))]
    },
    coverage: coverage ? {
      statements: coverage.statements.total,
      lines: coverage.lineSummary.total,
      functions: summarizeFunctions(coverage.functions),
      packages: coverage.statements.packages.map((p2) => ({ name: p2.name, statements: p2.summary }))
    } : null,
    cachedPackages: run.packages.filter((p2) => p2.cached).length,
    slowestTests: run.slowestTests,
    ...run.notes.length > 0 ? { notes: run.notes } : {},
    seconds: run.seconds
  };
}
async function lcovSourcePath(moduleDir, workspace) {
  let goMod;
  try {
    goMod = await readFile4(path11.join(moduleDir, "go.mod"), "utf8");
  } catch {
    return (file) => file;
  }
  const relative = path11.relative(workspace, moduleDir).split(path11.sep).join("/");
  return moduleRelativePath(modulePathOf(goMod, path11.join(moduleDir, "go.mod")), relative.startsWith("..") ? "" : relative);
}
async function writeMergedProfile(file, coverage, logger) {
  if (coverage.size === 0) {
    await writeFile3(file, "");
    return;
  }
  try {
    const merged = mergeProfiles([...coverage].map(([version, c]) => ({ name: `Go ${version}`, profile: c.profile })));
    await writeFile3(file, formatProfile(merged));
  } catch (err) {
    logger.warning(`merged.out not written: ${err.message}`);
    await writeFile3(file, "");
  }
}

export {
  parseRetryAfter,
  currentPlatform,
  consoleLogger,
  parseGitDiff,
  SCHEMA_VERSION,
  toResults,
  renderComment,
  reportDirectoryOf,
  runPipeline,
  concludeRun,
  pickReference
};

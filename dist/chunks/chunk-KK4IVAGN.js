import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  checkInputFiles,
  claimReportEntries,
  combineModuleCoverage,
  concludeRun,
  countOwnTests,
  describeVersionCache,
  formatMiB,
  functionCoverage,
  functionsOfOwnTests,
  moduleOfVersionRow,
  parseFuncOutput,
  prepareReportFolder,
  reportDirectoryOf,
  silentLogger,
  summarizeFunctions,
  versionOfModules
} from "./chunk-NFFW3GOK.js";
import {
  InputError,
  ModuleSelectionError,
  applySelection,
  buildCacheKeys,
  checkReportFolders,
  compareFolders,
  digestOfDependencies,
  joinArgs,
  moduleCacheKeys,
  uniqueSavePart
} from "./chunk-GCRRJQIJ.js";
import {
  DEFAULT_GO_VERSION,
  GoFileError,
  isWorkFile,
  modulePathOf,
  parseGoFile,
  skipReason
} from "./chunk-U7QWH5N3.js";
import {
  CoverageError,
  compareStrings,
  formatLcov,
  formatProfile,
  lineCoverage,
  moduleRelativePath,
  readProfile,
  repositoryPaths,
  summarizeLines,
  summarizeStatements
} from "./chunk-FFUFBHAD.js";
import {
  AuditLog,
  HEARTBEAT_MS,
  LeaseHolder,
  buildManifest,
  checkOutcome,
  checkToolchain,
  checksOf,
  currentOwner,
  currentPlatform,
  formatManifest,
  goBinary,
  goToSemver,
  goVersionAt,
  isAbandoned,
  isExecutedFile,
  mapBounded,
  modeString,
  parseOwner,
  processAlive,
  pruneForRetention,
  readState,
  removingPathOf,
  resolveVersions,
  sidecarsOf,
  sortTree,
  stampFiles,
  stampWrittenManifest,
  treeFromDisk,
  writeFileAtomically,
  writeState
} from "./chunk-B5RIKDD2.js";
import {
  compareGoVersions,
  isGoVersion,
  isPrerelease
} from "./chunk-MBZDNYRM.js";
import {
  TOOL_VERSION
} from "./chunk-QCJRL7H3.js";
import {
  getProxyUrl
} from "./chunk-TKSYEVZE.js";

// src/pipeline.ts
import { readFile as readFile8, rm as rm8, writeFile as writeFile6 } from "node:fs/promises";
import path16 from "node:path";

// src/go/install.ts
import { randomBytes } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { mkdir, rename as rename2, rm as rm3, writeFile as writeFile3 } from "node:fs/promises";
import path5 from "node:path";

// src/transport/actions-cache.ts
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
var actionsCacheClient = {
  async available() {
    const cache = await import("./cache-37GUURIG.js");
    return cache.isFeatureAvailable();
  },
  async restore(paths, key2, restoreKeys) {
    const cache = await import("./cache-37GUURIG.js");
    return cache.restoreCache(paths.map((p) => path.resolve(p)), key2, [...restoreKeys]);
  },
  async save(paths, key2) {
    const cache = await import("./cache-37GUURIG.js");
    return await cache.saveCache(paths.map((p) => path.resolve(p)), key2) !== -1;
  }
};
async function restoreEntry(request) {
  const started = performance.now();
  const client = request.client ?? actionsCacheClient;
  const matched = await client.restore(request.paths, request.key, request.restoreKeys ?? []);
  if (matched === void 0) return { outcome: "miss", matchedKey: null, bytes: 0, seconds: secondsSince(started) };
  return { outcome: matched === request.key ? "hit" : "partial", matchedKey: matched, bytes: await bytesOf(request.paths), seconds: secondsSince(started) };
}
async function saveEntry(request) {
  const started = performance.now();
  const client = request.client ?? actionsCacheClient;
  const bytes = await bytesOf(request.paths);
  const saved = await client.save(request.paths, request.key);
  return { saved, bytes, seconds: secondsSince(started) };
}
function secondsSince(started) {
  return Math.round(performance.now() - started) / 1e3;
}
async function bytesOf(paths) {
  let total = 0;
  for (const top of paths) {
    const info = await lstat(top).catch(() => null);
    if (info === null) continue;
    if (info.isFile()) total += info.size;
    if (!info.isDirectory()) continue;
    for (const entry of await readdir(top, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) total += (await lstat(path.join(entry.parentPath ?? entry.path, entry.name))).size;
    }
  }
  return total;
}

// src/go/archive.ts
import { spawn } from "node:child_process";
import { createHash as createHash2 } from "node:crypto";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// src/go/archive-entries.ts
import path2 from "node:path";
var ALLOWED = /* @__PURE__ */ new Set(["File", "OldFile", "ContiguousFile", "Directory", "SymbolicLink", "Link"]);
var OUTSIDE = "it would land outside the target directory";
function isAbsolute(name) {
  return name.startsWith("/") || /^[a-zA-Z]:/.test(name);
}
function segments(name) {
  return name.replace(/\\/g, "/").split("/").filter((s, i) => s !== "" && !(s === "." && i === 0));
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
var MAX_ENTRIES = 2e5;
var MAX_LINK_HOPS = 40;
var KIND_NAMES = { dir: "directory", file: "file", link: "symbolic link" };
var ArchiveTree = class {
  /** Every path extracted so far, parents included, with every link in it followed. */
  kinds = /* @__PURE__ */ new Map();
  /** Symbolic links: where on disk, the target they hold and the entry's name. */
  links = /* @__PURE__ */ new Map();
  count = 0;
  /** Why `entry` must not be extracted after the entries admitted so far, or undefined (and it is recorded). */
  admit(entry) {
    const lexical = unsafeEntryReason(entry.name, entry.type, entry.linkpath);
    if (lexical) return lexical;
    if (++this.count > MAX_ENTRIES) return `the archive holds more than ${MAX_ENTRIES} entries, far more than any Go release`;
    const parts = segments(entry.name);
    const parent = this.resolve(parts.slice(0, -1), true);
    if (!("parts" in parent)) return "loops" in parent ? `its path loops through symbolic links (${JSON.stringify(parent.via)})` : `${OUTSIDE} through the symbolic link ${JSON.stringify(parent.via)}`;
    const here = [...parent.parts, parts[parts.length - 1]];
    const key2 = here.join("/");
    if (!isUnderGo(key2)) return `through the symbolic link ${JSON.stringify(parent.via)} it would land outside go/`;
    const existing = this.kinds.get(key2);
    if (existing && !(existing === "dir" && entry.type === "Directory")) return `it would replace the ${KIND_NAMES[existing]} extracted there before it`;
    for (let i = here.length - 1; i > 0; i--) {
      const above = this.kinds.get(here.slice(0, i).join("/"));
      if (above === "file") return `its parent ${JSON.stringify(here.slice(0, i).join("/"))} is a file`;
      if (above === "dir") break;
    }
    let kind = entry.type === "Directory" ? "dir" : "file";
    if (entry.type === "SymbolicLink") {
      const reason = this.linkReason(parent.parts, entry.linkpath, parent.via);
      if (reason) return reason;
      this.links.set(key2, { target: entry.linkpath, name: entry.name });
      kind = "link";
    } else if (entry.type === "Link") {
      const targetParts = segments(entry.linkpath);
      const targetParent = this.resolve(targetParts.slice(0, -1), true);
      const target = "parts" in targetParent ? [...targetParent.parts, targetParts[targetParts.length - 1]].join("/") : "";
      if (!isUnderGo(target)) return `its link target ${JSON.stringify(entry.linkpath)} points outside the target directory`;
      const targetKind = this.kinds.get(target);
      if (targetKind === "link") return `it is a hard link to the symbolic link ${JSON.stringify(entry.linkpath)}`;
      if (targetKind !== "file") return `its link target ${JSON.stringify(entry.linkpath)} is not a file extracted before it`;
    }
    this.kinds.set(key2, kind);
    for (let i = here.length - 1; i > 0 && !this.kinds.has(here.slice(0, i).join("/")); i--) this.kinds.set(here.slice(0, i).join("/"), "dir");
    return void 0;
  }
  /**
   * Checks every link again against the finished tree: a link admitted early can lead elsewhere once
   * later links exist (`go/l -> d/../..` while go/d is a directory, then `go/d -> .`).
   */
  finish() {
    for (const [key2, link] of this.links) {
      const reason = this.linkReason(key2.split("/").slice(0, -1), link.target);
      if (reason) return { name: link.name, reason };
    }
    return void 0;
  }
  /**
   * Why a symbolic link in `dir` (on disk, link-free) holding `target` must not exist, or undefined.
   * `dirVia` names the link that led to `dir`, if one did: the reason the target leads elsewhere.
   */
  linkReason(dir, target, dirVia) {
    const resolved = this.resolve([...dir, ...segments(target)], true);
    const via = resolved.via ?? dirVia;
    if ("loops" in resolved) return `its link target ${JSON.stringify(target)} loops through symbolic links (${JSON.stringify(via)})`;
    if ("escapes" in resolved || !isUnderGo(resolved.parts.join("/"))) {
      return `its link target ${JSON.stringify(target)} points outside the target directory${via ? ` through the symbolic link ${JSON.stringify(via)}` : ""}`;
    }
    return void 0;
  }
  /** Follows `parts` from the target directory as the kernel would, through the links recorded so far. */
  resolve(parts, followLast) {
    if (this.links.size === 0 && !parts.includes("..")) return { parts: [...parts], via: void 0 };
    const pending = [...parts];
    const done = [];
    let via;
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.shift();
      if (part === "." || part === "") continue;
      if (part === "..") {
        if (done.length === 0) return { escapes: true, via };
        done.pop();
        continue;
      }
      done.push(part);
      const link = this.links.get(done.join("/"));
      if (link && (pending.length > 0 || followLast)) {
        via = link.name;
        if (++hops > MAX_LINK_HOPS) return { loops: true, via };
        done.pop();
        pending.unshift(...segments(link.target));
      }
    }
    return { parts: done, via };
  }
};

// src/transport/http.ts
import http from "node:http";
import https from "node:https";
import { addAbortSignal } from "node:stream";

// src/transport/retry.ts
import { setTimeout as sleepFor } from "node:timers/promises";
async function retrying(policy, attempt) {
  const attempts = Math.max(1, policy.attempts);
  const maxTotal = policy.maxTotalDelayMs ?? Number.POSITIVE_INFINITY;
  let waited = 0;
  for (let n = 1; ; n++) {
    policy.signal?.throwIfAborted();
    try {
      return await attempt(n);
    } catch (err) {
      policy.signal?.throwIfAborted();
      const decision = policy.decide(err, n);
      if (decision.retry && n < attempts && waited + decision.delayMs <= maxTotal) {
        waited += decision.delayMs;
        policy.onRetry?.(err, decision, n);
        await pause(decision.delayMs, policy.sleep, policy.signal);
        continue;
      }
      throw policy.giveUp ? policy.giveUp(err, decision, n) : err;
    }
  }
}
function backoffDelay(retry, options, retryAfterMs) {
  const base = options.baseDelayMs ?? 1e3;
  const max = options.maxDelayMs ?? 3e4;
  if (retryAfterMs !== void 0) return Math.min(max, retryAfterMs);
  const jitter = 0.5 + (options.random ?? Math.random)() / 2;
  return Math.min(max, Math.round(base * 2 ** (retry - 1) * jitter));
}
function parseRetryAfter(value, now = Date.now()) {
  const text2 = Array.isArray(value) ? value[0] : value;
  if (text2 === void 0 || text2.trim() === "") return void 0;
  if (/^\d+$/.test(text2.trim())) return Number(text2.trim()) * 1e3;
  const date = Date.parse(text2);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
async function pause(ms, sleep, signal) {
  if (sleep) return abortable(sleep(ms), signal);
  try {
    await sleepFor(ms, void 0, signal ? { signal } : {});
  } catch (err) {
    signal?.throwIfAborted();
    throw err;
  }
}
function abortable(work, signal) {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
async function withDeadline(ms, expired, signal, work) {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(expired()), ms);
  try {
    return await work(signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}
function formatDuration(ms) {
  return ms < 12e4 ? `${Number((ms / 1e3).toFixed(1))} s` : `${Number((ms / 6e4).toFixed(1))} min`;
}

// src/transport/http.ts
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
async function withRetries(options, attempt, signal) {
  const attempts = Math.max(1, options.attempts ?? 4);
  return retrying(
    {
      attempts,
      sleep: options.sleep,
      signal,
      decide: (err, n) => isRetryable(err) ? { retry: true, delayMs: backoffDelay(n, options, err instanceof HttpError ? err.retryAfterMs : void 0), why: "" } : { retry: false },
      onRetry: (err, { delayMs }, n) => options.onRetry?.(`${err.message}; retrying in ${(delayMs / 1e3).toFixed(1)} s (attempt ${n + 1} of ${attempts})`),
      giveUp: (err, _decision, n) => n > 1 && isRetryable(err) ? new Error(`${err.message} (gave up after ${n} attempts)`, { cause: err }) : err
    },
    attempt
  );
}
var proxyClient;
var directAgents = { "http:": new http.Agent({ keepAlive: false }), "https:": new https.Agent({ keepAlive: false }) };
async function agentFor(url) {
  if (!getProxyUrl(url)?.hostname) return url.protocol === "https:" ? directAgents["https:"] : directAgents["http:"];
  proxyClient ??= import("./lib-ACIRHEGD.js").then(({ HttpClient }) => new HttpClient("go-matrix", [], { keepAlive: false }));
  return (await proxyClient).getAgent(url.href);
}
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 10;
async function openStream(url, options) {
  const idle = options.idleTimeoutMs ?? 6e4;
  const visited = [url];
  let current = new URL(url);
  let message;
  for (; ; ) {
    message = await requestOnce(current, options.what, idle, options.signal);
    const status2 = message.statusCode ?? 0;
    const location = message.headers.location;
    if (!REDIRECTS.has(status2) || location === void 0) break;
    message.resume();
    current = redirectTarget(current, location, options.what);
    if (visited.includes(current.href)) {
      throw new HttpError(`${options.what}: too many redirects: ${visited.at(-1)} redirects back to ${current.href}, a loop`, false, status2);
    }
    visited.push(current.href);
    if (visited.length > MAX_REDIRECTS + 1) {
      throw new HttpError(`${options.what}: too many redirects: more than ${MAX_REDIRECTS} from ${url} (the last to ${current.href})`, false, status2);
    }
  }
  const where = current.href;
  const status = message.statusCode ?? 0;
  if (status !== 200) {
    message.resume();
    if (status === 404) {
      const hint = options.notFoundHint ? `: ${options.notFoundHint}` : "";
      throw new HttpError(`${options.what}: not found at ${where} (404)${hint}`, false, status);
    }
    const retryable = status >= 500 || status === 429 || status === 408;
    const retryAfter = retryable ? parseRetryAfter(message.headers["retry-after"]) : void 0;
    throw new HttpError(`${options.what}: ${where} answered ${status} ${message.statusMessage ?? ""}`.trimEnd(), retryable, status, retryAfter);
  }
  watchIdle(message, idle, () => new HttpError(`${options.what}: ${where} sent nothing for ${formatDuration(idle)}`, true));
  if (options.signal) addAbortSignal(options.signal, message);
  const header = message.headers["content-length"];
  const length = header !== void 0 && /^\d+$/.test(header) ? Number(header) : void 0;
  return { body: message, length, url: where };
}
function redirectTarget(from, location, what) {
  let to;
  try {
    to = new URL(location, from);
  } catch (err) {
    throw new HttpError(`${what}: ${from.href} redirects to ${JSON.stringify(location)}, which is not a URL`, false, void 0, void 0, { cause: err });
  }
  if (to.protocol !== "http:" && to.protocol !== "https:") {
    throw new HttpError(`${what}: ${from.href} redirects to ${to.href}: only http and https are followed`, false);
  }
  if (from.protocol === "https:" && to.protocol === "http:") {
    throw new HttpError(`${what}: ${from.href} redirects to ${to.href}: a redirect from https to plain http is not followed`, false);
  }
  return to;
}
async function requestOnce(url, what, idle, signal) {
  const agent = await agentFor(url);
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).get(url, { agent, headers: { "user-agent": "go-matrix" }, ...signal ? { signal } : {} });
    const timer = setTimeout(() => request.destroy(new HttpError(`${what}: no response from ${url.href} within ${formatDuration(idle)}`, true)), idle);
    request.once("response", (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    request.once("error", (err) => {
      clearTimeout(timer);
      if (signal?.aborted) reject(signal.reason);
      else if (err instanceof HttpError) reject(err);
      else reject(new HttpError(`${what}: cannot fetch ${url.href}: ${err.message}`, isRetryable(err), void 0, void 0, { cause: err }));
    });
  });
}
function watchIdle(stream, ms, makeError) {
  let timer = setTimeout(fire, ms);
  function fire() {
    stream.destroy(makeError());
  }
  stream.on("data", () => {
    clearTimeout(timer);
    timer = setTimeout(fire, ms);
  });
  stream.once("close", () => clearTimeout(timer));
  stream.once("end", () => clearTimeout(timer));
}
function truncatedError(what, url, received, expected) {
  return new HttpError(`${what}: download from ${url} ended after ${received} of ${expected} bytes`, true);
}
async function getText(url, what, retry = {}, signal) {
  return withRetries(
    retry,
    async () => {
      const { body, length } = await openStream(url, { what, idleTimeoutMs: retry.idleTimeoutMs, signal });
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
    },
    signal
  );
}

// src/go/tar-headers.ts
var TarFormatError = class extends Error {
  constructor(reason, offset, entry) {
    super(`${entry === void 0 ? "" : `entry ${JSON.stringify(entry)}: `}${reason} (at byte ${offset} of the unpacked archive)`);
    this.reason = reason;
    this.offset = offset;
    this.entry = entry;
  }
  reason;
  offset;
  entry;
  name = "TarFormatError";
};
var BLOCK = 512;
var MAX_META = 64 * 1024;
var MEMBER_TYPES = { "0": "File", "\0": "File", "7": "File", "5": "Directory", "2": "SymbolicLink", "1": "Link" };
var OTHER_TYPES = {
  "3": "CharacterDevice",
  "4": "BlockDevice",
  "6": "FIFO",
  D: "GNUDumpDir",
  M: "ContinuationFile",
  N: "OldGnuLongPath",
  S: "SparseFile",
  V: "VolumeHeader",
  A: "SolarisACL",
  E: "SolarisExtendedAttribute",
  I: "Inode",
  X: "OldExtendedHeader"
};
var LOCAL_KEYWORDS = /* @__PURE__ */ new Set(["path", "linkpath", "size", "mtime", "atime", "ctime", "uid", "gid", "uname", "gname", "comment"]);
var GLOBAL_KEYWORDS = /* @__PURE__ */ new Set(["comment"]);
var TarHeaderReader = class {
  /**
   * `onMember` is called as each member's header is complete; `onData`, when given, with each
   * slice of that member's data (in order, padding left out) before the next member's header.
   */
  constructor(onMember, onData) {
    this.onMember = onMember;
    this.onData = onData;
  }
  onMember;
  onData;
  offset = 0;
  /** Bytes of a header block split across chunks. */
  partial = [];
  partialLength = 0;
  /** Bytes of the current member's data still to come, shown to onData. */
  data = 0;
  /** Padding (or a meta header's padding) still to pass over. */
  skip = 0;
  meta;
  pax;
  longName;
  longLink;
  zeroBlocks = 0;
  ended = false;
  members = 0;
  /** Reads a chunk; throws TarFormatError, or what onMember throws, before returning. */
  write(chunk) {
    let at = 0;
    while (at < chunk.length) {
      if (this.ended) {
        const stray = chunk.findIndex((byte, i) => i >= at && byte !== 0);
        if (stray >= 0) this.fail("data after the end-of-archive blocks", this.offset + stray - at);
        this.offset += chunk.length - at;
        return;
      }
      if (this.data > 0) {
        const n = Math.min(this.data, chunk.length - at);
        this.onData?.(chunk.subarray(at, at + n));
        this.data -= n;
        at += n;
        this.offset += n;
        continue;
      }
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        at += n;
        this.offset += n;
        continue;
      }
      if (this.meta) {
        at += this.readMeta(chunk, at);
        continue;
      }
      const need = BLOCK - this.partialLength;
      if (chunk.length - at < need) {
        this.partial.push(chunk.subarray(at));
        this.partialLength += chunk.length - at;
        return;
      }
      const block = this.partialLength === 0 ? chunk.subarray(at, at + BLOCK) : Buffer.concat([...this.partial, chunk.subarray(at, at + need)]);
      this.partial = [];
      this.partialLength = 0;
      at += need;
      this.header(block);
      this.offset += BLOCK;
    }
  }
  /** The stream is over: it must not stop inside a member or a header. */
  end() {
    if (this.partialLength > 0 || this.data > 0 || this.skip > 0 || this.meta) this.fail("the archive ends in the middle of an entry", this.offset + this.partialLength);
    if (this.pax || this.longName !== void 0 || this.longLink !== void 0) this.fail("the archive ends with a header that describes no entry", this.offset);
  }
  fail(message, offset = this.offset, entry) {
    throw new TarFormatError(message, offset, entry);
  }
  header(block) {
    if (block.every((byte) => byte === 0)) {
      if (this.pax || this.longName !== void 0 || this.longLink !== void 0) this.fail("an extended header is followed by the end of the archive");
      this.zeroBlocks++;
      if (this.zeroBlocks === 2) this.ended = true;
      return;
    }
    if (this.zeroBlocks > 0) this.fail("a lone zero block in the middle of the archive");
    this.checkChecksum(block);
    const magic = block.toString("latin1", 257, 265);
    const posix = magic === "ustar\x0000";
    if (!posix && magic !== "ustar  \0") this.fail(`not a ustar, PAX or GNU tar header (magic ${JSON.stringify(magic)})`);
    const flag = String.fromCharCode(block[156]);
    const size = this.number(block, 124, 12, "size");
    if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
      this.startMeta(flag, size);
      return;
    }
    const mode = this.number(block, 100, 8, "mode");
    const headerName = text(block, 0, 100);
    const prefix = posix ? text(block, 345, 155) : "";
    const pax = this.pax;
    if (pax?.has("path") && this.longName !== void 0) this.fail("an entry with both a PAX path and a GNU long name");
    if (pax?.has("linkpath") && this.longLink !== void 0) this.fail("an entry with both a PAX linkpath and a GNU long link name");
    const name = pax?.get("path") ?? this.longName ?? (prefix ? `${prefix}/${headerName}` : headerName);
    const linkpath = pax?.get("linkpath") ?? this.longLink ?? text(block, 157, 100);
    const paxSize = pax?.get("size");
    const memberSize = paxSize === void 0 ? size : Number(paxSize);
    this.pax = void 0;
    this.longName = void 0;
    this.longLink = void 0;
    if (name === "") this.fail("an entry without a name");
    const type = MEMBER_TYPES[flag];
    if (!type) this.fail(`entries of type ${OTHER_TYPES[flag] ?? JSON.stringify(flag)} do not belong in a Go archive`, this.offset, name);
    if (type !== "File" && memberSize !== 0) this.fail(`a ${type} entry that carries ${memberSize} bytes of data`, this.offset, name);
    if (type !== "SymbolicLink" && type !== "Link" && linkpath !== "") this.fail(`a ${type} entry with a link target`, this.offset, name);
    this.members++;
    this.onMember({ name, type, linkpath, size: memberSize, mode });
    this.data = memberSize;
    this.skip = padded(memberSize) - memberSize;
  }
  startMeta(kind, size) {
    if (size > MAX_META) this.fail(`an extended header of ${size} bytes (more than ${MAX_META})`);
    if (kind === "x" && this.pax) this.fail("two PAX headers for one entry");
    if (kind === "L" && this.longName !== void 0) this.fail("two GNU long names for one entry");
    if (kind === "K" && this.longLink !== void 0) this.fail("two GNU long link names for one entry");
    this.meta = { kind, size, chunks: [], received: 0, start: this.offset };
    if (size === 0) this.finishMeta();
  }
  /** Collects a meta header's body from `chunk` at `at`; returns the bytes consumed. */
  readMeta(chunk, at) {
    const meta = this.meta;
    const n = Math.min(meta.size - meta.received, chunk.length - at);
    meta.chunks.push(chunk.subarray(at, at + n));
    meta.received += n;
    this.offset += n;
    if (meta.received === meta.size) this.finishMeta();
    return n;
  }
  finishMeta() {
    const meta = this.meta;
    this.meta = void 0;
    const body = Buffer.concat(meta.chunks);
    this.skip = padded(meta.size) - meta.size;
    if (meta.kind === "L" || meta.kind === "K") {
      const name = body.toString("utf8", 0, body.includes(0) ? body.indexOf(0) : body.length);
      if (meta.kind === "L") this.longName = name;
      else this.longLink = name;
      return;
    }
    const records = this.paxRecords(body, meta.start);
    const allowed = meta.kind === "g" ? GLOBAL_KEYWORDS : LOCAL_KEYWORDS;
    for (const [key2, value] of records) {
      if (!allowed.has(key2)) {
        const why = key2 === "GNU.sparse.name" ? " (GNU tar would extract the entry under that name)" : "";
        this.fail(`${meta.kind === "g" ? "a global" : "a"} PAX header with the keyword ${JSON.stringify(key2)}, which does not belong in a Go archive${why}`, meta.start);
      }
      if (value.includes("\0")) this.fail(`the PAX ${key2} ${JSON.stringify(value)} holds a NUL byte`, meta.start);
      if (key2 === "size" && !/^\d{1,15}$/.test(value)) this.fail(`the PAX size ${JSON.stringify(value)} is not a number of bytes`, meta.start);
      if ((key2 === "path" || key2 === "linkpath") && value === "") this.fail(`an empty PAX ${key2}`, meta.start);
    }
    if (meta.kind === "x") this.pax = records;
  }
  /** `<length> <key>=<value>\n` records, read by their length as tar does (a value may hold a newline). */
  paxRecords(body, start) {
    const records = /* @__PURE__ */ new Map();
    let at = 0;
    while (at < body.length) {
      const space = body.indexOf(32, at);
      const length = space > at ? body.toString("latin1", at, space) : "";
      const end = at + Number(length);
      if (!/^\d+$/.test(length) || end > body.length || end <= space + 2 || body[end - 1] !== 10) this.fail("a malformed PAX record", start);
      const record = body.subarray(space + 1, end - 1);
      const equals = record.indexOf(61);
      if (equals <= 0) this.fail("a malformed PAX record (no keyword)", start);
      const key2 = record.toString("utf8", 0, equals);
      if (records.has(key2)) this.fail(`a PAX header that gives ${key2} twice`, start);
      records.set(key2, record.toString("utf8", equals + 1));
      at = end;
    }
    return records;
  }
  /** A numeric field: octal digits (space or NUL ended), or GNU's base-256 for large values. */
  number(block, start, length, field) {
    const first = block[start];
    if (first & 128) {
      if (first === 255) this.fail(`a negative ${field}`);
      let value = first & 127;
      for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i];
      if (!Number.isSafeInteger(value)) this.fail(`a ${field} too large to be real`);
      return value;
    }
    const digits = block.toString("latin1", start, start + length).replace(/[\0 ]+$/, "").replace(/^ +/, "");
    if (!/^[0-7]*$/.test(digits)) this.fail(`the ${field} field ${JSON.stringify(digits)} is not an octal number`);
    return digits === "" ? 0 : parseInt(digits, 8);
  }
  checkChecksum(block) {
    const stored = this.number(block, 148, 8, "checksum");
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
      const byte = i >= 148 && i < 156 ? 32 : block[i];
      unsigned += byte;
      signed += byte > 127 ? byte - 256 : byte;
    }
    if (stored !== unsigned && stored !== signed) this.fail("a header whose checksum does not match");
  }
};
function text(block, start, length) {
  const field = block.subarray(start, start + length);
  const nul = field.indexOf(0);
  return field.toString("utf8", 0, nul < 0 ? length : nul);
}
function padded(size) {
  return Math.ceil(size / BLOCK) * BLOCK;
}

// src/go/zip-entries.ts
import { open } from "node:fs/promises";
var EOCD_SIGNATURE = 101010256;
var CENTRAL_SIGNATURE = 33639248;
var LOCAL_SIGNATURE = 67324752;
var UNIX_HOSTS = /* @__PURE__ */ new Set([3, 19]);
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
  let at = 0;
  for (let i = 0; i < count2; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new Error(`${file}: central directory entry ${i} is damaged`);
    }
    const madeBy = directory.readUInt16LE(at + 4) >> 8;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const external = directory.readUInt32LE(at + 38);
    const localOffset = directory.readUInt32LE(at + 42);
    const rawName = directory.subarray(at + 46, at + 46 + nameLength);
    const name = rawName.toString("utf8");
    const mode = UNIX_HOSTS.has(madeBy) ? external >>> 16 : 0;
    const type = (mode & 61440) === 40960 ? "SymbolicLink" : name.endsWith("/") || name.endsWith("\\") ? "Directory" : "File";
    entries.push({ name, type, rawName, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
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
    const records = parseCentralDirectory(await read(where.offset, where.size), where.count, file);
    for (const record of records) {
      const reason = localHeaderMismatch(await read(record.localOffset, 30 + record.rawName.length), record, where.offset);
      if (reason) throw new Error(`${file}: entry ${JSON.stringify(record.name)}: ${reason}`);
    }
    return records.map(({ name, type }) => ({ name, type }));
  } finally {
    await handle.close();
  }
}
function localHeaderMismatch(local, record, centralOffset) {
  if (record.localOffset + local.length > centralOffset || local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    return `no local header at offset ${record.localOffset}`;
  }
  const name = local.subarray(30, 30 + local.readUInt16LE(26));
  if (!name.equals(record.rawName)) return `its local header names it ${JSON.stringify(name.toString("utf8"))}`;
  return void 0;
}

// src/go/tar-tree.ts
import { createHash } from "node:crypto";
var EMPTY_SHA256 = createHash("sha256").digest("hex");
var TarTreeRecorder = class {
  entries = /* @__PURE__ */ new Map();
  /** The file whose data is streaming now. */
  open;
  /** A member's header: call before its data. */
  member(member) {
    if (this.open) throw new Error(`tar stream: ${this.open.entry.path} ended ${this.open.left} bytes early`);
    const path17 = this.onDisk(member.name);
    if (path17 === "") return;
    switch (member.type) {
      case "Directory":
        this.entries.set(path17, { path: path17, type: "dir", mode: modeString(member.mode) });
        return;
      case "SymbolicLink":
        this.entries.set(path17, { path: path17, type: "symlink", target: member.linkpath });
        return;
      case "Link": {
        const target = this.entries.get(this.onDisk(member.linkpath));
        if (target?.type !== "file") throw new Error(`tar stream: the hard link ${member.name} names ${member.linkpath}, which is no file before it`);
        this.entries.set(path17, { ...target, path: path17 });
        return;
      }
      case "File": {
        const entry = { path: path17, type: "file", mode: modeString(member.mode), size: member.size, sha256: EMPTY_SHA256 };
        this.entries.set(path17, entry);
        if (member.size > 0) this.open = { entry, hash: createHash("sha256"), left: member.size };
      }
    }
  }
  /** A slice of the current member's data, in order. */
  data(chunk) {
    const open4 = this.open;
    if (!open4) return;
    open4.hash.update(chunk);
    open4.left -= chunk.length;
    if (open4.left <= 0) {
      open4.entry.sha256 = open4.hash.digest("hex");
      this.open = void 0;
    }
  }
  /** The tree, sorted as the manifest lists it. */
  finish() {
    if (this.open) throw new Error(`tar stream: ${this.open.entry.path} ended ${this.open.left} bytes early`);
    return sortTree(this.entries.values());
  }
  /**
   * Where an archive name lands, relative to the GOROOT: `go/bin/go` -> `bin/go`, `./go/` -> '' (the
   * GOROOT itself), every directory of it followed through the symbolic links recorded so far, as
   * the kernel follows them when tar creates the file. The name's last part is not followed.
   */
  onDisk(name) {
    const pending = name.split("/").filter((part) => part !== "" && part !== ".");
    const last = pending.pop();
    if (last === void 0) return "";
    const done = [];
    for (let hops = 0; pending.length > 0; ) {
      const part = pending.shift();
      if (part === "..") {
        done.pop();
        continue;
      }
      if (part === ".") continue;
      done.push(part);
      const link = this.entries.get(done.slice(1).join("/"));
      if (link?.type === "symlink") {
        if (++hops > 40) throw new Error(`tar stream: ${name} loops through symbolic links`);
        done.pop();
        pending.unshift(...link.target.split("/"));
      }
    }
    return [...done, last].slice(1).join("/");
  }
};

// src/go/archive.ts
var ArchiveError = class extends Error {
  name = "ArchiveError";
};
var TAR_EXTRACT_ARGS = ["-x", "-p", "--no-same-owner", "-f", "-"];
var GUNZIP_CHUNK_BYTES = 256 * 1024;
function mismatchError(archive, expected, actual) {
  return new ArchiveError(`${archive}: sha256 mismatch: expected ${expected}, got ${actual}`);
}
function refusal(archive, name, reason) {
  return new ArchiveError(`${archive}: refusing entry ${JSON.stringify(name)}: ${reason}`);
}
function entryGuard(archive) {
  const tree = new ArchiveTree();
  return {
    admit(entry) {
      const reason = tree.admit(entry);
      if (reason) throw refusal(archive, entry.name, reason);
    },
    finish() {
      const refused = tree.finish();
      if (refused) throw refusal(archive, refused.name, refused.reason);
    }
  };
}
async function extractTarGz(body, options) {
  const { archive, dest, signal } = options;
  signal?.throwIfAborted();
  const hash = createHash2("sha256");
  let bytes = 0;
  let extractError;
  const tar = spawn("tar", [...TAR_EXTRACT_ARGS, "-C", dest], { stdio: ["pipe", "ignore", "pipe"] });
  let tarStderr = "";
  tar.stderr.on("data", (d) => tarStderr = (tarStderr + d.toString()).slice(-2e3));
  tar.stdin.on("error", () => void 0);
  const tarExit = new Promise((resolve) => {
    tar.on("error", (err) => {
      fail(new ArchiveError(`${archive}: cannot run tar: ${err.message}`, { cause: err }));
      resolve(null);
    });
    tar.on("close", (code) => resolve(code));
  });
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
  const guard = entryGuard(archive);
  const tree = new TarTreeRecorder();
  const reader = new TarHeaderReader(
    (member) => {
      guard.admit(member);
      tree.member(member);
    },
    (data) => tree.data(data)
  );
  function fail(err) {
    if (extractError) return;
    extractError = err;
    body.unpipe(gunzip);
    gunzip.destroy();
    tar.kill("SIGKILL");
    body.resume();
  }
  function check(step) {
    try {
      step();
    } catch (err) {
      fail(asArchiveError(err, archive));
    }
  }
  const onAbort = () => {
    fail(signal?.reason);
    body.destroy(signal?.reason);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  gunzip.on("error", (err) => fail(new ArchiveError(`${archive}: not a valid gzip stream: ${err.message}`, { cause: err })));
  gunzip.on("data", (chunk) => {
    if (extractError) return;
    check(() => reader.write(chunk));
    if (extractError) return;
    if (!tar.stdin.write(chunk)) {
      gunzip.pause();
      tar.stdin.once("drain", () => gunzip.resume());
    }
  });
  const unzipped = new Promise((resolve) => {
    gunzip.on("end", () => {
      check(() => {
        reader.end();
        guard.finish();
      });
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
    try {
      await finished(body);
      if (options.length !== void 0 && bytes < options.length) throw truncatedError(archive, options.url, bytes, options.length);
    } catch (err) {
      fail(err);
      await tarExit;
      signal?.throwIfAborted();
      throw err instanceof HttpError ? err : new HttpError(`${archive}: download from ${options.url} broke off after ${bytes} bytes: ${err.message}`, true, void 0, void 0, { cause: err });
    }
    const actual = hash.digest("hex");
    if (actual !== options.sha256.toLowerCase()) {
      fail(mismatchError(archive, options.sha256, actual));
      await tarExit;
      throw mismatchError(archive, options.sha256, actual);
    }
    await unzipped;
    const code = await tarExit;
    if (extractError) throw extractError;
    if (code !== 0) throw new ArchiveError(`${archive}: tar exited with ${code} extracting into ${dest}: ${tarStderr.trim()}`);
    return { sha256: actual, bytes, entries: reader.members, tree: tree.finish() };
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
function asArchiveError(err, archive) {
  if (err instanceof ArchiveError) return err;
  if (err instanceof TarFormatError) {
    return err.entry === void 0 ? new ArchiveError(`${archive}: not a valid tar archive: ${err.message}`, { cause: err }) : refusal(archive, err.entry, err.reason);
  }
  return new ArchiveError(`${archive}: ${err.message}`, { cause: err });
}
async function saveVerified(body, options) {
  const hash = createHash2("sha256");
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
    options.signal?.throwIfAborted();
    throw new HttpError(`${options.archive}: download from ${options.url} broke off after ${bytes} bytes: ${err.message}`, true, void 0, void 0, { cause: err });
  }
  await finished(out);
  if (options.length !== void 0 && bytes < options.length) throw truncatedError(options.archive, options.url, bytes, options.length);
  const actual = hash.digest("hex");
  if (actual !== options.sha256.toLowerCase()) throw mismatchError(options.archive, options.sha256, actual);
  return { sha256: actual, bytes };
}
async function extractVerifiedZip(file, dest, archive, signal) {
  const entries = await listZipEntries(file);
  const guard = entryGuard(archive);
  for (const entry of entries) {
    if (entry.type === "SymbolicLink") throw refusal(archive, entry.name, "symbolic links do not belong in a Go zip archive");
    guard.admit(entry);
  }
  guard.finish();
  signal?.throwIfAborted();
  const toolCache = await import("./tool-cache-ZFT3YG7I.js");
  await toolCache.extractZip(file, dest);
  return entries.length;
}

// src/go/releases.ts
function archiveFor(release, platform) {
  return release.files.find(
    (f) => f.kind === "archive" && f.os === platform.os && f.arch === platform.arch && f.filename.endsWith(platform.archive)
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
    r.files.forEach((f, j) => {
      if (typeof f?.filename !== "string" || typeof f.os !== "string" || typeof f.arch !== "string" || typeof f.sha256 !== "string" || typeof f.kind !== "string") {
        throw new Error(`${url}: ${r.version} file ${j} lacks filename, os, arch, sha256 or kind: ${JSON.stringify(f).slice(0, 200)}`);
      }
    });
  });
  return data;
}
async function fetchReleases(baseUrl, retry, signal) {
  const url = indexUrl(baseUrl);
  return parseIndex(await getText(url, "the Go release index", retry, signal), url);
}

// src/go/staging.ts
import { mkdtemp, readdir as readdir2, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import path3 from "node:path";
var STAGING_PREFIX = ".staging-";
var OWNER_FILE = "owner.json";
async function createStaging(parent, prefix, heartbeatMs = HEARTBEAT_MS) {
  const dir = await mkdtemp(path3.join(parent, prefix));
  const record = path3.join(dir, OWNER_FILE);
  await writeFile(record, JSON.stringify(currentOwner()) + "\n");
  const heartbeat = setInterval(() => {
    const now = /* @__PURE__ */ new Date();
    utimes(record, now, now).catch(() => void 0);
  }, heartbeatMs);
  heartbeat.unref();
  return { dir, release: () => clearInterval(heartbeat) };
}
async function removeAbandonedStaging(goDir, logger, now = Date.now()) {
  let names;
  try {
    names = (await readdir2(goDir)).filter((name) => name.startsWith(STAGING_PREFIX));
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
  const here = currentOwner();
  const removed = [];
  await Promise.all(
    names.map(async (name) => {
      const dir = path3.join(goDir, name);
      try {
        const { owner, lastSeen } = await readOwner(dir);
        if (!isAbandoned(owner, now - lastSeen, here, processAlive)) return;
        await rm(dir, { recursive: true, force: true });
        removed.push(dir);
        const who = owner ? `process ${owner.pid} on ${owner.host}, started ${owner.started}` : "an unknown process";
        logger.info(`removed the staging folder ${dir}, abandoned by ${who} (last active ${Math.round((now - lastSeen) / 1e3)} s ago)`);
      } catch (err) {
        logger.warning(`cannot clean up the staging folder ${dir}: ${err.message}`);
      }
    })
  );
  return removed;
}
async function readOwner(dir) {
  const record = path3.join(dir, OWNER_FILE);
  try {
    const [text2, info] = await Promise.all([readFile(record, "utf8"), stat(record)]);
    return { owner: parseOwner(text2), lastSeen: info.mtimeMs };
  } catch {
    return { owner: void 0, lastSeen: (await stat(dir)).mtimeMs };
  }
}

// src/go/version-file.ts
import { readFile as readFile2 } from "node:fs/promises";
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
function versionText(text2) {
  const version = text2.replace(/^go(?=\d)/, "");
  return isGoVersion(version) ? version : void 0;
}
function parseVersionFile(text2, file, kind = versionFileKind(file)) {
  if (kind === "go.mod") return { ...fromGoMod(text2, file) ?? goDefault(file), minimum: true };
  const lines = text2.split(/\r?\n/);
  const found = kind === "tool-versions" ? fromToolVersions(lines, file) : fromGoVersion(lines, file);
  if (!found) throw new VersionFileError(`go-version-file: ${file}: ${kind === "tool-versions" ? 'no "golang" entry' : "no version"} found`);
  return found;
}
function goDefault(file) {
  const work = isWorkFile(file);
  const spec = work ? DEFAULT_GO_VERSION.work : DEFAULT_GO_VERSION.mod;
  return {
    spec,
    line: 0,
    assumed: `go-version-file: ${file} has no "go" line; Go reads ${work ? "a go.work" : "a go.mod"} without one as "go ${spec}", so Go ${spec} is tested (add a "go" line to name the oldest Go the module supports)`
  };
}
function fromGoMod(text2, file) {
  let parsed;
  try {
    parsed = parseGoFile(file, text2);
  } catch (err) {
    if (err instanceof GoFileError) throw new VersionFileError(`go-version-file: ${err.message}`, { cause: err });
    throw err;
  }
  if (parsed.toolchain !== null) return { spec: parsed.toolchain, line: parsed.toolchainLine };
  if (parsed.go !== null) return { spec: parsed.go, line: parsed.goLine };
  return void 0;
}
function fromGoVersion(lines, file) {
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") continue;
    const version = versionText(line);
    if (!version) throw new VersionFileError(`go-version-file: ${file}:${i + 1}: ${JSON.stringify(line)} is not a Go version`);
    return { spec: version, line: i + 1 };
  }
  return void 0;
}
function fromToolVersions(lines, file) {
  for (const [i, raw] of lines.entries()) {
    const [tool, first] = raw.replace(/#.*$/, "").trim().split(/\s+/);
    if (tool !== "golang" && tool !== "go") continue;
    const version = first === void 0 ? void 0 : versionText(first);
    if (!version) throw new VersionFileError(`go-version-file: ${file}:${i + 1}: ${JSON.stringify(first ?? "")} is not a Go version`);
    return { spec: version, line: i + 1 };
  }
  return void 0;
}
async function readVersionFile(file) {
  let text2;
  try {
    text2 = await readFile2(file, "utf8");
  } catch (err) {
    const reason = err.code === "ENOENT" ? "no such file" : err.message;
    throw new VersionFileError(`go-version-file: ${file}: ${reason}`, { cause: err });
  }
  return parseVersionFile(text2, file);
}

// src/toolchains/replace.ts
import { existsSync } from "node:fs";
import { rename, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
async function replaceToolchain(source, dir, manifest) {
  const aside = removingPathOf(dir);
  try {
    await rename(dir, aside);
  } catch (err) {
    if (err.code !== "ENOENT") throw new Error(`cannot move the damaged toolchain ${dir} aside: ${err.message}`, { cause: err });
  }
  try {
    await rename(source, dir);
  } catch (err) {
    if (!existsSync(dir)) throw new Error(`cannot move the toolchain into ${dir}: ${err.message}`, { cause: err });
    await rm2(aside, { recursive: true, force: true });
    return false;
  }
  const { marker, manifest: manifestFile } = sidecarsOf(dir);
  await writeFileAtomically(manifestFile, manifest);
  await writeFile2(marker, "");
  await rm2(aside, { recursive: true, force: true });
  return true;
}

// src/toolchains/ledger.ts
var ToolchainLedger = class {
  constructor(toolCacheDir, warn, leases = new LeaseHolder(), env = process.env) {
    this.warn = warn;
    this.leases = leases;
    this.audit = AuditLog.of(toolCacheDir, warn, env);
  }
  warn;
  leases;
  audit;
  warned = false;
  /** Leases the toolchain folder `dir` for this job; a failure is a warning (the job goes on without). */
  async lease(dir) {
    try {
      await this.leases.take(dir);
    } catch (err) {
      this.warnOnce(`cannot take a lease on ${dir} (toolchains prune may remove it while this job runs): ${err.message}`);
    }
  }
  async record(dir, entry, now = /* @__PURE__ */ new Date()) {
    const { verification, stamps, manifestStamps, ...audit } = entry;
    await this.audit.append({ ...audit, path: dir }, now);
    if (verification === void 0) return;
    try {
      await writeState(dir, { lastUsed: now.toISOString(), lastVerified: now.toISOString(), verification, ...stamps ? { stamps } : {}, ...manifestStamps ? { manifestStamps } : {} });
    } catch (err) {
      this.warnOnce(`cannot record the use of ${dir}: ${err.message}`);
    }
  }
  warnOnce(message) {
    if (this.warned) return;
    this.warned = true;
    this.warn(message);
  }
};

// src/go/install.ts
var DEFAULT_DOWNLOAD_TIMEOUT_MS = 10 * 6e4;
var DOWNLOAD_TIMEOUT_VARIABLE = "GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES";
function parseDownloadTimeout(minutes) {
  if (minutes === void 0 || minutes.trim() === "") return void 0;
  const value = Number(minutes.trim());
  if (!/^\d*\.?\d+$/.test(minutes.trim()) || !(value > 0)) {
    throw new Error(`${DOWNLOAD_TIMEOUT_VARIABLE}: ${JSON.stringify(minutes)} is not a positive number of minutes (the deadline of one toolchain download, default ${DEFAULT_DOWNLOAD_TIMEOUT_MS / 6e4})`);
  }
  return Math.round(value * 6e4);
}
async function installGo(request) {
  const stopped = /* @__PURE__ */ new Set();
  try {
    return await install(request, stopped);
  } catch (err) {
    const { signal } = request;
    if (!signal?.aborted) throw err;
    const during = stopped.size > 0 ? ` while installing ${[...stopped].map((v) => `Go ${v}`).join(", ")}` : "";
    throw new Error(`${abortReason(signal.reason)}${during}; the tool cache holds no partial toolchain`, { cause: err });
  }
}
async function install(request, stopped) {
  const { signal } = request;
  signal?.throwIfAborted();
  const logger = request.logger ?? silentLogger;
  const platform = request.platform ?? currentPlatform();
  const retry = { onRetry: (message) => logger.warning(message), ...request.retry };
  const sweeping = removeAbandonedStaging(path5.join(request.toolCacheDir, "go"), logger).catch((err) => {
    logger.warning(`cannot look for abandoned staging folders in ${request.toolCacheDir}: ${err.message}`);
  });
  const context = {
    request,
    platform,
    logger,
    retry,
    releases: void 0,
    locals: /* @__PURE__ */ new Map(),
    cache: request.toolchainCache ?? actionsCacheClient,
    signal,
    downloadTimeoutMs: request.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS,
    stopped,
    ledger: request.ledger ?? new ToolchainLedger(request.toolCacheDir, (message) => logger.warning(message))
  };
  let available;
  let declared;
  const specs = request.specs.map((spec) => ({ spec, source: "go-versions" }));
  try {
    declared = request.versionFile ? await readVersionFile(request.versionFile) : void 0;
    if (declared?.assumed) logger.warning(declared.assumed);
    context.locals = await inspectLocalToolchains(request.localToolchains ?? [], platform, logger);
    ({ releases: context.releases, available } = await loadIndex(context));
  } finally {
    await sweeping;
  }
  const resolved = resolveVersions(specs, available);
  if (declared) {
    const [fromFile] = resolveVersions([{ spec: declared.spec, source: `go-version-file: ${request.versionFile}`, minimum: declared.minimum === true }], available);
    if (fromFile?.note) logger.warning(fromFile.note);
    const note = [declared.assumed, fromFile?.note].filter(Boolean).join(" ");
    if (fromFile && !resolved.some((r) => r.version === fromFile.version)) resolved.push({ ...fromFile, ...note ? { note } : {} });
  }
  request.onResolved?.(resolved.map((r) => r.version));
  return mapBounded(resolved, request.concurrency ?? 3, async ({ spec, version, note }) => {
    const toolchain = await installVersion(spec, version, context);
    return note ? { ...toolchain, note } : toolchain;
  });
}
function abortReason(reason) {
  if (reason instanceof Error && reason.message) return reason.message;
  return typeof reason === "string" && reason !== "" ? reason : "cancelled";
}
function deadlineError(what, url, ms) {
  return new HttpError(
    `${what}: the download from ${url} did not finish within ${formatDuration(ms)} (the download timeout: ${DOWNLOAD_TIMEOUT_VARIABLE} for the action and the command line, downloadTimeoutMs for the library)`,
    false
  );
}
async function inspectLocalToolchains(dirs, platform, logger) {
  const found = await Promise.all(
    dirs.map(async (dir) => {
      try {
        return { dir, version: await goVersionAt(dir, platform) };
      } catch (err) {
        logger.warning(`local-toolchains: ${dir} is not usable: ${err.message}`);
        return void 0;
      }
    })
  );
  const byVersion = /* @__PURE__ */ new Map();
  for (const f of found) if (f && !byVersion.has(f.version)) byVersion.set(f.version, f.dir);
  return byVersion;
}
async function loadIndex(context) {
  const { retry, locals, platform, logger, downloadTimeoutMs: timeout } = context;
  const baseUrl = context.request.downloadBaseUrl;
  try {
    const expired = () => deadlineError("the Go release index", indexUrl(baseUrl), timeout);
    const releases = await withDeadline(timeout, expired, context.signal, (signal) => fetchReleases(baseUrl, retry, signal));
    return { releases, available: availableVersions(releases, platform) };
  } catch (err) {
    context.signal?.throwIfAborted();
    if (locals.size === 0) {
      throw new Error(`cannot fetch the Go release index from ${baseUrl}: ${err.message}`, { cause: err });
    }
    logger.warning(`cannot fetch the Go release index from ${baseUrl} (${err.message}); resolving against local-toolchains: ${[...locals.keys()].join(", ")}`);
    return { releases: void 0, available: [...locals.keys()].map((version) => ({ version, stable: !isPrerelease(version) })) };
  }
}
async function installVersion(spec, version, context) {
  context.signal?.throwIfAborted();
  try {
    return await findOrInstall(spec, version, context);
  } catch (err) {
    if (context.signal?.aborted) context.stopped.add(version);
    throw err;
  }
}
async function findOrInstall(spec, version, context) {
  const started = performance.now();
  const { request, platform, logger } = context;
  const level = request.verify ?? "fast";
  const done = (source, goroot, sha256, verified, recovery) => {
    const seconds2 = Math.round(performance.now() - started) / 1e3;
    const how = verified === "archive" ? "verified archive" : verified === "unverified" ? "unverified: no install manifest" : `verified ${verified}`;
    logger.info(`Go ${version} (${spec}): ${source} ${goroot} (${how}${recovery ? ", recovered" : ""}) in ${seconds2.toFixed(2)} s`);
    return { spec, version, goroot, sha256, source, seconds: seconds2, verified, ...recovery ? { recovery } : {} };
  };
  const expected = { version, os: platform.os, arch: platform.arch, goBinary: platform.goBinary };
  const local = context.locals.get(version);
  let localProblem = "";
  if (local) {
    const check = await checkToolchain(local, expected, level);
    if (check.ok) return done("local", local, "", check.verified);
    localProblem = `local-toolchains: ${local} ${check.problem}`;
    logger.warning(`${localProblem}; not using it`);
  }
  const found = context.releases && findArchive(context.releases, version, platform);
  if (!found) throw new Error(`${localProblem ? `${localProblem}, and ` : ""}Go ${version}: no ${platform.os}-${platform.arch} archive in the index of ${request.downloadBaseUrl}`);
  const { file } = found;
  const dir = toolCachePath(request.toolCacheDir, version, platform);
  const { ledger } = context;
  const record = (event, outcome, verification, detail, checks) => ledger.record(dir, { event, version, arch: platform.toolCacheArch, outcome, verification, ...detail ? { detail } : {}, ...checks });
  await ledger.lease(dir);
  try {
    let damage;
    if (isComplete(dir, platform)) {
      const check = await checkToolchain(dir, { ...expected, sha256: file.sha256 }, level, await readState(dir));
      if (check.ok) {
        await record("reuse", checkOutcome(check), check.verified, void 0, checksOf(check));
        return done("tool-cache", dir, file.sha256, check.verified);
      }
      damage = `the toolchain in ${dir} ${check.problem}`;
      logger.warning(`Go ${version}: ${damage}; moving it aside and reinstalling it from the verified archive`);
      await record("verify", "damaged", "damaged", check.problem);
    }
    const key2 = toolchainCacheKey(version, platform.os, platform.arch, file.sha256);
    const useCache = request.cache === true && await cacheAvailable(context);
    if (useCache && damage === void 0) {
      const restore = await restoreFromCache(dir, key2, { ...expected, sha256: file.sha256 }, context);
      if (typeof restore === "object" && "restored" in restore) {
        await record("install", "ok", "full", `restored from the Actions cache (key ${key2}), verified full`, restore.restored);
        return done("cache", dir, file.sha256, "full");
      }
      if (typeof restore === "object" && "damage" in restore) damage = restore.damage;
    }
    const placed = await downloadAndPlace(version, file, dir, context, damage !== void 0 && isComplete(dir, platform));
    if (!placed) logger.info(`Go ${version}: another job installed it at ${dir} first; using that verified copy`);
    if (useCache && placed) {
      try {
        await abortable(saveEntry({ paths: toolchainCachePaths(dir), key: key2, client: context.cache }), context.signal);
      } catch (err) {
        context.signal?.throwIfAborted();
        logger.warning(`Go ${version}: saving to the Actions cache failed: ${err.message}`);
      }
    }
    const recovery = damage && `${damage}; it was moved aside and Go ${version} reinstalled from the verified archive`;
    if (placed) await record(damage ? "recover" : "install", "ok", "archive", `from ${archiveUrl(request.downloadBaseUrl, file.filename)} (sha256 ${file.sha256})`, placed);
    else await record("reuse", "installed by another job", "archive");
    return done("download", dir, file.sha256, "archive", recovery);
  } catch (err) {
    await ledger.leases.release(dir);
    await record("install", "failed", void 0, err.message);
    throw err;
  }
}
function toolchainCacheKey(version, os4, arch, sha256) {
  return `go-matrix-go-${version}-${os4}-${arch}-${sha256}`;
}
function toolchainCachePaths(dir) {
  return [dir, sidecarsOf(dir).manifest];
}
function toolCachePath(toolCacheDir, version, platform) {
  return path5.join(toolCacheDir, "go", goToSemver(version), platform.toolCacheArch);
}
function isComplete(dir, platform) {
  return existsSync2(`${dir}.complete`) && existsSync2(goBinary(dir, platform));
}
async function cacheAvailable(context) {
  try {
    return await context.cache.available();
  } catch (err) {
    context.logger.warning(`the Actions cache is not usable: ${err.message}`);
    return false;
  }
}
async function restoreFromCache(dir, key2, expected, context) {
  const { version } = expected;
  const discard = () => Promise.all(toolchainCachePaths(dir).map((p) => rm3(p, { recursive: true, force: true }))).then(() => void 0);
  try {
    await discard();
    if ((await abortable(restoreEntry({ paths: toolchainCachePaths(dir), key: key2, client: context.cache }), context.signal)).outcome === "miss") return "miss";
    if (!existsSync2(sidecarsOf(dir).manifest)) throw new Error("the cache entry holds no install manifest");
    const check = await checkToolchain(dir, expected, "full");
    context.signal?.throwIfAborted();
    if (!check.ok) {
      const damage = `the toolchain restored from the Actions cache (key ${key2}) ${check.problem}`;
      context.logger.warning(`Go ${version}: ${damage}; downloading it instead`);
      await discard();
      return { damage };
    }
    await writeFile3(sidecarsOf(dir).marker, "");
    return { restored: checksOf(check) };
  } catch (err) {
    if (context.signal?.aborted) {
      await discard().catch(() => void 0);
      throw err;
    }
    context.logger.warning(`Go ${version}: restoring from the Actions cache (key ${key2}) failed: ${err.message}; downloading instead`);
    await discard().catch(() => void 0);
    return "miss";
  }
}
async function downloadAndPlace(version, file, dir, context, replace) {
  const { request, platform } = context;
  const goDir = path5.join(request.toolCacheDir, "go");
  await mkdir(goDir, { recursive: true });
  const staging = await createStaging(goDir, `${STAGING_PREFIX}${goToSemver(version)}-${platform.toolCacheArch}-`);
  try {
    const url = archiveUrl(request.downloadBaseUrl, file.filename);
    const timeout = context.downloadTimeoutMs;
    const extracted = await withDeadline(
      timeout,
      () => deadlineError(file.filename, url, timeout),
      context.signal,
      (signal) => withRetries(
        context.retry,
        async (attempt) => {
          const target = path5.join(staging.dir, `attempt-${attempt}`);
          await mkdir(target);
          try {
            return { target, tree: await fetchAndExtract(url, file, target, version, context, signal) };
          } catch (err) {
            await rm3(target, { recursive: true, force: true });
            throw err;
          }
        },
        signal
      )
    );
    const root = path5.join(extracted.target, "go");
    if (!existsSync2(goBinary(root, platform))) {
      throw new Error(`${file.filename}: the archive holds no go/bin/${platform.goBinary}`);
    }
    const manifest = buildManifest({
      version,
      os: platform.os,
      arch: platform.arch,
      source: { url, archive: file.filename, sha256: file.sha256.toLowerCase() },
      installedAt: /* @__PURE__ */ new Date(),
      installer: `go-matrix ${TOOL_VERSION}`,
      entries: extracted.tree
    });
    const stamps = stampFiles(root, extracted.tree.flatMap((e) => e.type === "file" && isExecutedFile(e.path) ? [e.path] : []), true);
    context.signal?.throwIfAborted();
    const text2 = formatManifest(manifest);
    const placed = replace ? await replaceToolchain(root, dir, text2) : await placeAtomically(root, dir, platform, context.logger, text2);
    return placed ? { stamps, manifestStamps: await stampWrittenManifest(dir) } : void 0;
  } finally {
    staging.release();
    await rm3(staging.dir, { recursive: true, force: true });
  }
}
async function fetchAndExtract(url, file, target, version, context, signal) {
  const { body, length } = await openStream(url, {
    what: file.filename,
    notFoundHint: `is ${version} a released version?`,
    idleTimeoutMs: context.retry.idleTimeoutMs,
    signal
  });
  const verify = { archive: file.filename, url, sha256: file.sha256, length, signal };
  if (context.platform.archive === ".tar.gz") {
    return (await extractTarGz(body, { ...verify, dest: target })).tree;
  }
  const download = path5.join(context.request.tempDir, `go-matrix-${randomBytes(6).toString("hex")}-${file.filename}`);
  await mkdir(context.request.tempDir, { recursive: true });
  try {
    await saveVerified(body, { ...verify, file: download });
    await extractVerifiedZip(download, target, file.filename, signal);
    return await treeFromDisk(path5.join(target, "go"));
  } finally {
    await rm3(download, { force: true });
  }
}
var TARGET_EXISTS = /* @__PURE__ */ new Set(["ENOTEMPTY", "EEXIST", "EPERM", "EACCES", "EISDIR"]);
async function placeAtomically(source, dir, platform, logger = silentLogger, manifest) {
  await mkdir(path5.dirname(dir), { recursive: true });
  const { marker, manifest: manifestFile } = sidecarsOf(dir);
  for (let round = 1; ; round++) {
    try {
      await rename2(source, dir);
      if (manifest !== void 0) await writeFileAtomically(manifestFile, manifest);
      await writeFile3(marker, "");
      return true;
    } catch (err) {
      const code = err.code ?? "";
      if (code === "ENOENT" && existsSync2(source) && round < 5) {
        await mkdir(path5.dirname(dir), { recursive: true });
        continue;
      }
      if (!TARGET_EXISTS.has(code) || !existsSync2(dir)) {
        throw new Error(`cannot move the toolchain into ${dir}: ${err.message}`, { cause: err });
      }
    }
    if (await markerAppears(dir, platform)) return false;
    if (round >= 5) throw new Error(`cannot move the toolchain into ${dir}: something keeps putting an incomplete directory there`);
    const aside = `${dir}.stale-${randomBytes(6).toString("hex")}`;
    logger.warning(`${dir} has no ${path5.basename(marker)} marker: replacing it`);
    try {
      await rename2(dir, aside);
    } catch (err) {
      if (err.code !== "ENOENT") throw new Error(`cannot move the incomplete ${dir} aside: ${err.message}`, { cause: err });
    }
    await rm3(aside, { recursive: true, force: true });
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

// src/runner/matrix.ts
import { mkdir as mkdir3, readFile as readFile3 } from "node:fs/promises";
import os2 from "node:os";
import path9 from "node:path";

// src/runner/annotations.ts
import path6 from "node:path";
var LOCATION = /^\s*((?:[A-Za-z]:)?[^\s:]*\.go):(\d+)(?::(\d+))?: (.*)$/;
function compilerAnnotations(output, moduleDir) {
  const found = [];
  for (const line of output.split("\n")) {
    const m = LOCATION.exec(line);
    if (!m) continue;
    const file = relativeInside(moduleDir, m[1]);
    if (file === null) continue;
    found.push(located(file, m[2], m[3], m[4].trim()));
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
    const m = FRAME.exec(line);
    if (!m) continue;
    const file = relativeInside(moduleDir, m[1]);
    if (file !== null) return { file, line: Number(m[2]) };
  }
  return null;
}
function loggedLocations(failure, dir) {
  const found = [];
  const lines = failure.output.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = LOCATION.exec(lines[i]);
    if (!m || m[1].includes("/")) continue;
    const more = [];
    while (i + 1 < lines.length && /^\s{4,}\S/.test(lines[i + 1]) && !LOCATION.test(lines[i + 1])) {
      more.push(lines[++i].trim());
    }
    const message = [`${failure.test}: ${m[4].trim()}`, ...more].join("\n");
    found.push(located(joinPosix(dir, m[1]), m[2], m[3], message));
  }
  return found;
}
function packageDir(importPath, modules) {
  const sorted = [...modules].sort((a, b) => b.path.length - a.path.length);
  for (const mod of sorted) {
    if (importPath === mod.path) return mod.dir;
    if (importPath.startsWith(`${mod.path}/`)) return joinPosix(mod.dir, importPath.slice(mod.path.length + 1));
  }
  return null;
}
function uniqueAnnotations(list) {
  const byKey = /* @__PURE__ */ new Map();
  for (const a of list) {
    const k = annotationKey(a);
    const known = byKey.get(k);
    if (!known) byKey.set(k, a);
    else if (known.column === void 0 && a.column !== void 0) byKey.set(k, { ...known, column: a.column });
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

// src/runner/version-run.ts
import { access, mkdir as mkdir2, rm as rm4, writeFile as writeFile4, appendFile } from "node:fs/promises";
import { constants } from "node:fs";
import { randomUUID } from "node:crypto";
import path8 from "node:path";

// src/runner/env.ts
import os from "node:os";
import path7 from "node:path";
function defaultWorkDir(env) {
  return env.RUNNER_TEMP ? path7.join(env.RUNNER_TEMP, "go-matrix-work") : path7.join(os.homedir(), ".cache", "go-matrix", "work");
}
function scratchDirOf(workDir, version) {
  return path7.join(workDir, version, "tmp");
}
function versionDirs(goroot, paths, version) {
  const state = path7.join(paths.workDir, version);
  return {
    goroot,
    gopath: path7.join(state, "gopath"),
    gocache: path7.join(paths.cacheDir, version, "gocache"),
    goenv: path7.join(state, "go.env"),
    gobin: path7.join(state, "bin"),
    gomodcache: paths.gomodcache,
    gotmpdir: scratchDirOf(paths.workDir, version)
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
  if (!inherited.GOTMPDIR) env.GOTMPDIR = dirs.gotmpdir;
  env.GOFLAGS = withFlag(inherited.GOFLAGS ?? "", "-modcacherw");
  return env;
}
function withFlag(goflags, flag) {
  const words = goflags.split(/\s+/).filter((w) => w !== "");
  return words.includes(flag) ? words.join(" ") : [...words, flag].join(" ");
}
function crossCompileEnv(env, target) {
  return { ...env, GOOS: target.goos, GOARCH: target.goarch, CGO_ENABLED: "0" };
}

// src/runner/bounded.ts
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
  keep(chunk, from, to) {
    if (to <= from) return;
    const room = this.maxLineBytes - this.pendingBytes;
    const end = Math.min(to, from + room);
    if (end > from) {
      this.pending.push(chunk.subarray(from, end));
      this.pendingBytes += end - from;
    }
    this.cut += to - end;
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

// src/runner/file-sink.ts
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

// src/runner/process.ts
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
    child.on("close", (code) => {
      void (async () => {
        await Promise.all([waitForGroupExit(child.pid), sinkDone]);
        const leftovers = options.marker ? await killMarked(options.marker) : 0;
        finish(code, leftovers);
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
  for (let at = environ.indexOf(needle); at >= 0; at = environ.indexOf(needle, at + 1)) {
    if (at === 0 || environ[at - 1] === 0) return true;
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

// src/runner/test-json.ts
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
var NO_TEST_FILES = /^(?:\?\s+\S+\s+\[no test files\]|\t\S+\t\tcoverage: )/;
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
  noTestFiles = /* @__PURE__ */ new Set();
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
      const m = BUILD_FAILED.exec(line);
      if (m) this.failedBuilds.add(m[1]);
      return;
    }
    if (event.Action === "build-output" && event.ImportPath) {
      const output = trimNewline(event.Output ?? "");
      this.text.add(output);
      this.summary.add(output);
      if (!/^# \S/.test(output)) this.buildOutputOf(packageOf(event.ImportPath)).add(output);
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
      if (NO_TEST_FILES.test(output)) this.noTestFiles.add(pkg);
      return;
    }
    if (event.Action !== "pass" && event.Action !== "fail" && event.Action !== "skip") return;
    if (event.Test) this.testDone(pkg, event.Test, event.Action, event.Elapsed ?? 0);
    else this.packageDone(pkg, event);
  }
  testDone(pkg, test, action, seconds2) {
    const k = key(pkg, test);
    const output = this.running.get(k);
    this.running.delete(k);
    if (action === "pass") this.counts.passed++;
    else if (action === "skip") this.counts.skipped++;
    else {
      this.counts.failed++;
      const text2 = output?.text() ?? "";
      this.summary.add(`--- FAIL: ${test} (${pkg}, ${seconds2.toFixed(2)}s)`);
      for (const l of text2.split("\n")) if (l !== "") this.summary.add(`    ${l}`);
      if (this.counts.failures.length < MAX_FAILURES) this.counts.failures.push({ package: pkg, test, output: text2 });
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
      this.brokenBy.set(pkg, packageOf(event.FailedBuild));
    }
    this.packages.set(pkg, {
      name: pkg,
      status: event.Action,
      seconds: event.Elapsed ?? 0,
      cached,
      ...this.noTestFiles.has(pkg) ? { noTestFiles: true } : {}
    });
    const slow = this.slowByPackage.get(pkg);
    this.slowByPackage.delete(pkg);
    if (slow && !cached) this.slowest = slowestOf([...this.slowest, ...slow]);
  }
  outputOf(pkg, test) {
    const k = key(pkg, test);
    let output = this.running.get(k);
    if (!output) {
      output = new TestOutput();
      this.running.set(k, output);
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
  return tests.sort((a, b) => b.seconds - a.seconds).slice(0, MAX_SLOWEST_TESTS);
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
function packageOf(importPath) {
  return importPath.replace(/\s+\[.*\]$/, "");
}
function key(pkg, test) {
  return `${pkg}\0${test}`;
}
function trimNewline(s) {
  return s.endsWith("\n") ? s.slice(0, -1) : s;
}
function trimmedText(lines, omitted) {
  if (lines.length === 0) return omitted > 0 ? `\u2026 ${omitted} earlier lines omitted` : "";
  const indent = Math.min(...lines.map((l) => /^\s*/.exec(l)?.[0].length ?? 0));
  const text2 = lines.map((l) => l.slice(indent)).join("\n");
  return omitted > 0 ? `\u2026 ${omitted} earlier lines omitted
${text2}` : text2;
}

// src/runner/version-run.ts
var RUN_MARKER_VARIABLE = "GO_MATRIX_RUN_ID";
var MS_PER_MINUTE = 6e4;
var MAX_TIMER_MS = 2 ** 31 - 1;
async function runVersion(plan) {
  const started = Date.now();
  const run2 = emptyRun(plan.toolchain, plan.dir);
  const log = [];
  const done = (status, reason) => {
    run2.status = status;
    if (reason !== void 0) run2.reason = reason;
    run2.seconds = (Date.now() - started) / 1e3;
    return { run: run2, log: log.join("") };
  };
  await mkdir2(plan.dir, { recursive: true });
  const profile = path8.join(plan.dir, "coverage.out");
  const buildLog = path8.join(plan.dir, "build.log");
  const testJson = path8.join(plan.dir, "test.json");
  await Promise.all([profile, buildLog, testJson].map((f) => rm4(f, { force: true })));
  await writeFile4(buildLog, "");
  const skip = plan.goFiles.map((file) => skipReason(plan.toolchain.version, file)).find((reason) => reason !== null) ?? null;
  if (skip !== null) return done("skipped", skip);
  if (plan.signal?.aborted) return done("error", cancelledReason(plan.signal.reason));
  const go = goBinary(plan.toolchain.goroot);
  try {
    await access(go, constants.X_OK);
  } catch (err) {
    return done("error", `missing toolchain: ${go} is not an executable (${err.message})`);
  }
  const runId = randomUUID();
  const dirs = versionDirs(plan.toolchain.goroot, plan.paths, plan.toolchain.version);
  const isolated = isolatedEnv(plan.env, dirs);
  run2.env = isolated;
  const env = { ...isolated, [RUN_MARKER_VARIABLE]: runId };
  if (env.GOTMPDIR === dirs.gotmpdir) {
    env.GOTMPDIR = path8.join(dirs.gotmpdir, runId);
    await mkdir2(env.GOTMPDIR, { recursive: true });
  }
  const marker = `${RUN_MARKER_VARIABLE}=${runId}`;
  const stop = new AbortController();
  const limitMs = Math.min(plan.timeoutMinutes * MS_PER_MINUTE, MAX_TIMER_MS);
  const timer = setTimeout(() => stop.abort({ kind: "timeout" }), limitMs);
  const onCancel = () => stop.abort({ kind: "cancelled", why: cancelledReason(plan.signal?.reason) });
  plan.signal?.addEventListener("abort", onCancel, { once: true });
  try {
    const runGo = (args, stepEnv = env, stdout) => runProcess(go, args, { cwd: plan.moduleDir, env: stepEnv, signal: stop.signal, marker, ...stdout ? { stdout } : {} });
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
      const result2 = await runGo(step.args, step.env);
      const output = result2.stdout + result2.stderr;
      const entry = logEntry(step.name, step.args, result2);
      log.push(entry);
      await appendFile(buildLog, entry);
      const ok = result2.exitCode === 0;
      run2.steps.push({ name: step.name, args: step.args, ok, exitCode: result2.exitCode, seconds: result2.seconds, output });
      run2.notes.push(...processNotes(step.name, result2));
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
    const result = await runGo(testArgs, env, stream.sink);
    const writeError = await stream.closed;
    if (writeError) run2.notes.push(`test.json is incomplete: ${writeError.message}`);
    if (result.stderr !== "") await appendFile(buildLog, logEntry("test", testArgs, { ...result, stdout: "" }));
    const report = parser.end(result.stderr);
    const shown = plan.fullLog ? report.text : report.summary;
    log.push(logEntry("test", testArgs, { ...result, stdout: shown === "" ? "" : `${shown}
` }));
    run2.steps.push({ name: "test", args: testArgs, ok: result.exitCode === 0, exitCode: result.exitCode, seconds: result.seconds, output: result.stderr });
    run2.notes.push(...processNotes("test", { ...result, bytes: { stdout: 0, stderr: result.bytes.stderr } }), ...streamNotes(report));
    run2.tests = report.tests;
    run2.buildFailures = report.buildFailures;
    run2.packages = report.packages;
    run2.slowestTests = report.slowest;
    run2.profile = await exists(profile) ? profile : null;
    annotations.push(...compilerAnnotations(result.stderr, plan.moduleDir));
    for (const failure of report.tests.failures) annotations.push(...testFailureAnnotations(failure, plan.modules, plan.moduleDir));
    run2.annotations = uniqueAnnotations(annotations);
    const stopped = stopReason(result, plan.timeoutMinutes);
    if (stopped !== null) {
      run2.profile = null;
      return done("error", stopped);
    }
    if (report.tests.failed > 0) problems.push(`${count(report.tests.failed, "test")} failed`);
    if (report.buildFailures.length > 0) {
      problems.push(`${count(report.buildFailures.length, "package")} failed to build`);
    }
    if (result.exitCode !== 0 && report.tests.failed === 0 && report.buildFailures.length === 0) {
      if (result.exitCode === null) return done("error", "go test was killed by a signal");
      const failedPackages = report.packages.filter((p) => p.status === "fail").map((p) => p.name);
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
function firstLine(text2) {
  return text2.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
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

// src/runner/matrix.ts
async function runMatrix(request) {
  if (!path9.isAbsolute(request.moduleDir)) {
    throw new Error(`runMatrix: moduleDir must be absolute, got ${JSON.stringify(request.moduleDir)}`);
  }
  const versions = request.toolchains.map((t) => t.version);
  const duplicate = versions.find((v, i) => versions.indexOf(v) !== i);
  if (duplicate !== void 0) {
    throw new Error(`runMatrix: Go ${duplicate} is listed twice; each version gets one report folder`);
  }
  const folders = request.modules ?? [];
  const twice = folders.find((d, i) => folders.indexOf(d) !== i);
  if (twice !== void 0) throw new Error(`runMatrix: module ${twice} is listed twice; each module gets one report folder per version`);
  const reportDir = path9.resolve(request.reportDir);
  const paths = matrixPaths({ workDir: request.workDir ?? defaultWorkDir(request.env ?? process.env), cacheDir: request.cacheDir });
  await mkdir3(paths.gomodcache, { recursive: true });
  const inherited = request.env ?? process.env;
  const units = request.modules ? await Promise.all(request.modules.map((dir) => readUnit(request.moduleDir, dir, inherited))) : [await legacyUnit(request.moduleDir, inherited)];
  const work = request.toolchains.flatMap((toolchain) => units.map((unit) => ({ toolchain, unit })));
  const limit = request.maxParallel > 0 ? request.maxParallel : os2.availableParallelism();
  const results = new Array(work.length);
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const index = next++;
      const { toolchain, unit } = work[index];
      const name = unitName(toolchain.version, unit);
      const dir = unitReportDir(reportDir, toolchain.version, unit.dir);
      let run2;
      let log;
      request.logger.info(`${name}: started (${index + 1} of ${work.length})`);
      if ("error" in unit.info) {
        run2 = errorRun(toolchain, dir, unit.info.error);
        log = `${unit.info.error}
`;
      } else {
        try {
          await request.beforeVersion?.(toolchain.version);
          ({ run: run2, log } = await runVersion({
            toolchain,
            moduleDir: unit.moduleDir,
            goFiles: unit.info.goFiles,
            modules: unit.info.modules,
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
            env: unit.info.env,
            ...request.signal ? { signal: request.signal } : {}
          }));
        } catch (err) {
          run2 = errorRun(toolchain, dir, `go-matrix could not run ${name}: ${err.message}`);
          log = `${err.stack ?? String(err)}
`;
        }
      }
      if (unit.dir !== void 0) {
        run2.module = { dir: unit.dir, path: unit.path ?? "" };
        run2.annotations = run2.annotations.map((a) => ({ ...a, file: joinFolder(unit.dir, a.file) }));
      }
      results[index] = run2;
      request.logger.group(groupTitle(run2, name), log);
      request.onVersionDone?.(run2);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, work.length) }, worker));
  if (request.annotate !== false) {
    emitAnnotations(results, request.logger, request.moduleDir, request.annotationBase ?? request.moduleDir);
  }
  return results;
}
function unitReportDir(reportDir, version, dir) {
  return dir === void 0 || dir === "." ? path9.join(reportDir, version) : path9.join(reportDir, version, ...dir.split("/"));
}
function unitName(version, unit) {
  return unit.dir === void 0 ? `Go ${version}` : `Go ${version} \xB7 ${unit.dir === "." ? "root module" : unit.dir}`;
}
function joinFolder(dir, file) {
  return dir === "." ? file : `${dir}/${file}`;
}
async function legacyUnit(moduleDir, env) {
  try {
    const info = await readModuleInfo(moduleDir);
    return { moduleDir, info: { goFiles: info.goFile ? [info.goFile] : [], modules: info.modules, env } };
  } catch (err) {
    return { moduleDir, info: { error: err.message } };
  }
}
async function readUnit(root, dir, inherited) {
  const moduleDir = dir === "." ? root : path9.join(root, ...dir.split("/"));
  const label = dir === "." ? "" : `${dir}/`;
  try {
    const text2 = await readOptional(path9.join(moduleDir, "go.mod"));
    if (text2 === null) return { dir, moduleDir, info: { error: `${label}go.mod: not found in ${moduleDir}` } };
    const goMod = parseGoFile(`${label}go.mod`, text2);
    const modules = goMod.module ? [{ path: goMod.module, dir: "" }] : [];
    const base = { dir, moduleDir, ...goMod.module ? { path: goMod.module } : {} };
    const work = inherited.GOWORK === void 0 || inherited.GOWORK === "" ? await findGoWork(root, moduleDir) : null;
    if (work === null) return { ...base, info: { goFiles: [goMod], modules, env: inherited } };
    const uses = work.file.use.map((use) => path9.resolve(work.dir, use));
    if (!uses.includes(moduleDir)) return { ...base, info: { goFiles: [goMod], modules, env: { ...inherited, GOWORK: "off" } } };
    return { ...base, info: { goFiles: [work.file, goMod], modules, env: inherited } };
  } catch (err) {
    return { dir, moduleDir, info: { error: err.message } };
  }
}
async function findGoWork(root, moduleDir) {
  for (let dir = moduleDir; ; dir = path9.dirname(dir)) {
    const text2 = await readOptional(path9.join(dir, "go.work"));
    if (text2 !== null) {
      const name = path9.relative(root, path9.join(dir, "go.work")).split(path9.sep).join("/");
      return { dir, file: parseGoFile(name, text2) };
    }
    if (dir === root || path9.dirname(dir) === dir || !dir.startsWith(root)) return null;
  }
}
function matrixPaths(dirs) {
  const dir = path9.resolve(dirs.workDir);
  const caches = path9.resolve(dirs.cacheDir ?? dir);
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
    const text2 = await readOptional(path9.join(moduleDir, dir, "go.mod"));
    const module = text2 === null ? null : parseGoFile(`${dir}/go.mod`, text2).module;
    if (module) modules.push({ path: module, dir });
  }
  return { goFile: goWork ?? goMod, modules };
}
async function readOptional(file) {
  try {
    return await readFile3(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return null;
    throw new Error(`${file}: ${err.message}`, { cause: err });
  }
}
function errorRun(toolchain, dir, reason) {
  return { ...emptyRun(toolchain, dir), status: "error", reason };
}
function groupTitle(run2, name) {
  const { tests } = run2;
  const counts = run2.status === "skipped" ? "" : `, ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped`;
  const reason = run2.reason ? ` (${run2.reason})` : "";
  const cached = run2.packages.filter((p) => p.cached).length;
  const reused = cached > 0 ? `, ${cached} of ${run2.packages.length} packages from Go's test cache` : "";
  return `${name}: ${run2.status}${reason}${counts}${reused}, ${run2.seconds.toFixed(1)}s`;
}
function mergeAnnotations(runs) {
  const merged = /* @__PURE__ */ new Map();
  for (const run2 of runs) {
    for (const a of run2.annotations) {
      const k = annotationKey(a);
      const known = merged.get(k);
      if (known) known.versions.push(run2.toolchain.version);
      else merged.set(k, { ...a, versions: [run2.toolchain.version] });
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

// src/runner/go-cover.ts
import { execFile } from "node:child_process";
import { existsSync as existsSync3, mkdtempSync, readFileSync as readFileSync2, rmSync, writeFileSync } from "node:fs";
import os3 from "node:os";
import path10 from "node:path";
async function functionsFromGo(goroot, profilePath, moduleDir, profile, env = process.env) {
  const local = profile === void 0 ? /* @__PURE__ */ new Map() : localPaths(profile.files.map((f) => f.file), moduleDir);
  if (profile === void 0 || local.size === 0) return runCoverFunc(goroot, path10.resolve(profilePath), profilePath, moduleDir, env);
  const tmp = mkdtempSync(path10.join(os3.tmpdir(), "go-matrix-func-"));
  try {
    const input = path10.join(tmp, "coverage.out");
    const renamed = profile.files.map((f) => ({ ...f, file: local.get(f.file) ?? f.file }));
    writeFileSync(input, formatProfile({ ...profile, files: renamed }));
    const report = await runCoverFunc(goroot, input, profilePath, moduleDir, env);
    const original = new Map([...local].map(([name, file]) => [file, name]));
    const functions = report.functions.map((fn) => ({ ...fn, file: original.get(fn.file) ?? fn.file }));
    functions.sort((a, b) => compareStrings(a.file, b.file));
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
      own = !existsSync3(path10.join(dir, "go.mod")) && inModule(path10.dirname(dir));
      ownDir.set(dir, own);
    }
    return own;
  };
  const prefix = `${module.path}/`;
  for (const name of files) {
    if (!name.startsWith(prefix)) continue;
    const file = path10.join(module.root, ...name.slice(prefix.length).split("/"));
    if (inModule(path10.dirname(file)) && existsSync3(file)) local.set(name, file);
  }
  return local;
}
function mainModule(dir) {
  for (let at = dir; ; at = path10.dirname(at)) {
    const goMod = path10.join(at, "go.mod");
    if (existsSync3(goMod)) {
      let modulePath;
      try {
        modulePath = parseGoFile(goMod, readFileSync2(goMod, "utf8")).module;
      } catch {
        return null;
      }
      return modulePath === null ? null : { root: at, path: modulePath };
    }
    if (path10.dirname(at) === at) return null;
  }
}
function runCoverFunc(goroot, input, profilePath, moduleDir, env) {
  const go = goBinary(goroot);
  const args = ["tool", "cover", `-func=${input}`];
  const shown = `${go} tool cover -func=${path10.resolve(profilePath)}`;
  return new Promise((resolve, reject) => {
    execFile(
      go,
      args,
      { cwd: moduleDir, env: { ...env, GOTOOLCHAIN: "local", GOROOT: goroot }, maxBuffer: 1 << 30 },
      (err, out, errOut) => {
        if (err) {
          const detail = String(errOut).trim() || err.message;
          reject(new CoverageError(`${shown} (in ${moduleDir}) failed: ${detail}`, { cause: err }));
        } else {
          try {
            resolve(parseFuncOutput(String(out), `${go} tool cover -func`));
          } catch (parseErr) {
            reject(parseErr);
          }
        }
      }
    );
  });
}

// src/cache/carried.ts
import { readFile as readFile6 } from "node:fs/promises";
import path14 from "node:path";

// src/cache/build-cache.ts
import { readFile as readFile4, readdir as readdir3, rm as rm5, stat as stat2, utimes as utimes2 } from "node:fs/promises";
import path11 from "node:path";
var RESTORED_AGE_MS = 2 * 60 * 60 * 1e3;
var ENTRY_FOLDER = /^[0-9a-f]{2}$/;
var CONCURRENCY = 64;
async function entryFolders(gocache) {
  try {
    return (await readdir3(gocache)).filter((name) => ENTRY_FOLDER.test(name));
  } catch (err) {
    if (err.code === "ENOENT") return [];
    throw err;
  }
}
async function entryFiles(gocache) {
  const folders = await entryFolders(gocache);
  const lists = await Promise.all(
    folders.map(async (folder) => {
      try {
        return (await readdir3(path11.join(gocache, folder))).map((name) => `${folder}/${name}`);
      } catch {
        return [];
      }
    })
  );
  return lists.flat();
}
async function eachBounded(items, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
async function markRestored(gocache, at) {
  const names = await entryFiles(gocache);
  const old = new Date(at - RESTORED_AGE_MS);
  let bytes = 0;
  await eachBounded(names, async (name) => {
    const file = path11.join(gocache, name);
    const info = await stat2(file);
    bytes += info.size;
    await utimes2(file, old, old);
  });
  return { names: new Set(names), entries: { files: names.length, bytes } };
}
async function pruneUnused(gocache, restored, markedAt) {
  const cutoff = markedAt - RESTORED_AGE_MS + 1e3;
  const result = { kept: { files: 0, bytes: 0 }, removed: { files: 0, bytes: 0 }, added: { files: 0, bytes: 0 } };
  const entries = [];
  await eachBounded(await entryFiles(gocache), async (name) => {
    try {
      const info = await stat2(path11.join(gocache, name));
      entries.push({ name, size: info.size, used: !restored.has(name) || info.mtimeMs > cutoff });
    } catch {
    }
  });
  const outputs = /* @__PURE__ */ new Set();
  await eachBounded(
    entries.filter((e) => e.used && e.name.endsWith("-a")),
    async (e) => {
      const output = outputOfRecord(await readFile4(path11.join(gocache, e.name), "utf8").catch(() => ""));
      if (output) outputs.add(`${output.slice(0, 2)}/${output}-d`);
    }
  );
  await eachBounded(entries, async (e) => {
    if (!e.used && !outputs.has(e.name)) {
      await rm5(path11.join(gocache, e.name), { force: true });
      result.removed.files++;
      result.removed.bytes += e.size;
      return;
    }
    result.kept.files++;
    result.kept.bytes += e.size;
    if (!restored.has(e.name)) {
      result.added.files++;
      result.added.bytes += e.size;
    }
  });
  return result;
}
function outputOfRecord(text2) {
  const match = /^v1 [0-9a-f]{64} ([0-9a-f]{64}) /.exec(text2);
  return match ? match[1] : null;
}
async function measureEntries(gocache) {
  const list = [];
  await eachBounded(await entryFiles(gocache), async (name) => {
    try {
      const info = await stat2(path11.join(gocache, name));
      list.push({ name, bytes: info.size, mtimeMs: info.mtimeMs });
    } catch {
    }
  });
  return { files: list.length, bytes: list.reduce((sum, e) => sum + e.bytes, 0), list };
}

// src/cache/module-cache.ts
import { execFile as execFile2 } from "node:child_process";
import { readdir as readdir4, rm as rm6, stat as stat3 } from "node:fs/promises";
import path12 from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile2);
function escapeModulePart(text2) {
  return text2.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}
function parseModuleGraph(text2) {
  const found = /* @__PURE__ */ new Set();
  for (const line of text2.split("\n")) {
    for (const word of line.trim().split(/\s+/)) {
      const at = word.lastIndexOf("@");
      if (at > 0) found.add(`${escapeModulePart(word.slice(0, at))}@${escapeModulePart(word.slice(at + 1))}`);
    }
  }
  return found;
}
function parseBuildList(text2) {
  return parseModuleGraph(text2.split("\n").filter((l) => !l.trim().endsWith("@")).join("\n"));
}
async function readModuleNeeds(go, moduleDir, env) {
  const offline = { ...env, GOPROXY: "off" };
  const options = { cwd: moduleDir, env: offline, maxBuffer: 256 * 1024 * 1024 };
  const graph = await run(go, ["mod", "graph"], options);
  const list = await run(go, ["list", "-m", "-f", "{{.Path}}@{{.Version}}", "all"], options);
  const build = parseBuildList(list.stdout);
  const inGraph = parseModuleGraph(graph.stdout);
  for (const m of build) inGraph.add(m);
  return { graph: inGraph, build };
}
async function pruneModuleCache(gomodcache, needs) {
  const result = { removedFiles: 0, removedBytes: 0 };
  const graphPaths = new Set([...needs.graph].map((m) => m.slice(0, m.lastIndexOf("@"))));
  const remove = async (target) => {
    result.removedBytes += await bytesOf([target]);
    result.removedFiles++;
    await rm6(target, { recursive: true, force: true });
  };
  const download = path12.join(gomodcache, "cache", "download");
  for (const gone of [path12.join(gomodcache, "cache", "vcs"), path12.join(download, "sumdb")]) {
    if (await exists2(gone)) await remove(gone);
  }
  const walkDownload = async (dir, modulePath) => {
    for (const entry of await readdir4(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (entry.name !== "@v") {
        await walkDownload(path12.join(dir, entry.name), modulePath ? `${modulePath}/${entry.name}` : entry.name);
        continue;
      }
      const versions = path12.join(dir, "@v");
      for (const file of await readdir4(versions)) {
        const dot = file.lastIndexOf(".");
        const version = dot > 0 ? file.slice(0, dot) : "";
        const ext = dot > 0 ? file.slice(dot + 1) : "";
        const id = `${modulePath}@${version}`;
        const keep = file === "list" ? graphPaths.has(modulePath) : ext === "zip" || ext === "ziphash" ? needs.build.has(id) : needs.graph.has(id);
        if (!keep) await remove(path12.join(versions, file));
      }
    }
  };
  if (await exists2(download)) await walkDownload(download, "");
  const walkExtracted = async (dir, rel) => {
    for (const entry of await readdir4(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || rel === "" && entry.name === "cache") continue;
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name.includes("@")) {
        if (!needs.build.has(name)) await remove(path12.join(dir, entry.name));
      } else {
        await walkExtracted(path12.join(dir, entry.name), name);
      }
    }
  };
  if (await exists2(gomodcache)) await walkExtracted(gomodcache, "");
  return result;
}
async function exists2(target) {
  try {
    await stat3(target);
    return true;
  } catch {
    return false;
  }
}

// src/cache/folder.ts
import { open as open3, readFile as readFile5, readdir as readdir5, rename as rename3, rm as rm7, stat as stat4, writeFile as writeFile5 } from "node:fs/promises";
import path13 from "node:path";
var CACHE_LIMIT_VARIABLE = "GO_MATRIX_CACHE_LIMIT_GB";
var DEFAULT_LIMIT_GIB = 5;
var GIB = 1024 ** 3;
var RECENT_MS = 60 * 60 * 1e3;
var STALE_LOCK_MS = 10 * 60 * 1e3;
var LOW_WATER = 0.8;
var RECORD_FILE = ".go-matrix-sizes.json";
var RACY_MS = 2e3;
function cacheLimitBytes(value) {
  if (value === void 0 || value.trim() === "") return DEFAULT_LIMIT_GIB * GIB;
  const n = Number(value.trim());
  if (!/^\d*\.?\d+$/.test(value.trim()) || !(n > 0)) {
    throw new Error(`${CACHE_LIMIT_VARIABLE}: ${JSON.stringify(value)} is not a positive number of GiB (the size limit of go-matrix's build cache folder, default ${DEFAULT_LIMIT_GIB})`);
  }
  return Math.round(n * GIB);
}
async function gocaches(cacheDir) {
  let names;
  try {
    names = await readdir5(cacheDir);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    const dir = path13.join(cacheDir, name, "gocache");
    if ((await stat4(dir).catch(() => null))?.isDirectory()) found.push(dir);
  }
  return found;
}
async function readRecord(file) {
  try {
    const parsed = JSON.parse(await readFile5(file, "utf8"));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
async function measureSubfolder(dir, seen, now, withNames) {
  const info = await stat4(dir).catch(() => null);
  if (!info) return null;
  const trusted = seen !== void 0 && seen.mtimeMs === info.mtimeMs && info.mtimeMs < now - RACY_MS;
  if (trusted && !withNames) return { mtimeMs: info.mtimeMs, bytes: seen.bytes };
  const names = await readdir5(dir).catch(() => []);
  if (trusted) return { mtimeMs: info.mtimeMs, bytes: seen.bytes, names };
  let bytes = 0;
  for (const name of names) bytes += (await stat4(path13.join(dir, name)).catch(() => null))?.size ?? 0;
  return { mtimeMs: info.mtimeMs, bytes, names };
}
async function measureFolder(cacheDir, known, now) {
  const record = {};
  let bytes = 0;
  const subfolders = [];
  for (const gocache of await gocaches(cacheDir)) {
    for (const name of await entryFolders(gocache)) subfolders.push({ key: path13.relative(cacheDir, path13.join(gocache, name)), dir: path13.join(gocache, name) });
  }
  await eachBounded(subfolders, async ({ key: key2, dir }) => {
    const measured = await measureSubfolder(dir, known[key2], now, false);
    if (!measured) return;
    record[key2] = { mtimeMs: measured.mtimeMs, bytes: measured.bytes };
    bytes += measured.bytes;
  });
  return { bytes, record };
}
async function measureKept(cacheDir, gocache, now = Date.now()) {
  const known = await readRecord(path13.join(cacheDir, RECORD_FILE));
  const names = [];
  let bytes = 0;
  await eachBounded(await entryFolders(gocache), async (folder) => {
    const dir = path13.join(gocache, folder);
    const measured = await measureSubfolder(dir, known[path13.relative(cacheDir, dir)], now, true);
    if (!measured) return;
    for (const name of measured.names ?? []) names.push(`${folder}/${name}`);
    bytes += measured.bytes;
  });
  return { names, files: names.length, bytes };
}
async function trimCacheFolder(cacheDir, limitBytes, now = Date.now()) {
  const lock = path13.join(cacheDir, ".go-matrix-trim.lock");
  const owned = await takeLock(lock, now);
  if (!owned) return { bytesBefore: 0, bytesAfter: 0, removedFiles: 0, skipped: true };
  const recordFile = path13.join(cacheDir, RECORD_FILE);
  try {
    const measured = await measureFolder(cacheDir, await readRecord(recordFile), now);
    if (measured.bytes <= limitBytes) {
      await writeRecord(recordFile, measured.record);
      return { bytesBefore: measured.bytes, bytesAfter: measured.bytes, removedFiles: 0 };
    }
    await rm7(recordFile, { force: true });
    const entries = (await Promise.all((await gocaches(cacheDir)).map(async (dir) => (await measureEntries(dir)).list.map((e) => ({ ...e, file: path13.join(dir, e.name) }))))).flat();
    const before = entries.reduce((sum, e) => sum + e.bytes, 0);
    if (before <= limitBytes) return { bytesBefore: before, bytesAfter: before, removedFiles: 0 };
    let total = before;
    let removed = 0;
    const target = limitBytes * LOW_WATER;
    for (const e of entries.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
      if (total <= target || e.mtimeMs > now - RECENT_MS) break;
      await rm7(e.file, { force: true });
      total -= e.bytes;
      removed++;
    }
    return { bytesBefore: before, bytesAfter: total, removedFiles: removed };
  } finally {
    await rm7(lock, { force: true });
  }
}
async function writeRecord(file, record) {
  const temporary = `${file}.${process.pid}`;
  try {
    await writeFile5(temporary, JSON.stringify(record));
    await rename3(temporary, file);
  } catch {
    await rm7(temporary, { force: true }).catch(() => void 0);
  }
}
async function takeLock(lock, now) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open3(lock, "wx");
      await handle.writeFile(`${process.pid}
`);
      await handle.close();
      return true;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const info = await stat4(lock).catch(() => null);
      if (info && now - info.mtimeMs > STALE_LOCK_MS) await rm7(lock, { force: true });
      else return false;
    }
  }
  return false;
}

// src/cache/carried.ts
var seconds = (ms) => Math.round(ms / 10) / 100;
var CarriedCaches = class {
  options;
  clock;
  ready;
  modules;
  versions = /* @__PURE__ */ new Map();
  saves = [];
  /** What the run's notes should say about the module cache. */
  notes = [];
  constructor(options) {
    this.options = options;
    this.clock = options.clock ?? Date.now;
    this.ready = this.prepare();
  }
  async prepare() {
    const { store, moduleDir, platform, unique, logger } = this.options;
    const files = [];
    for (const dir of this.options.moduleDirs ?? [moduleDir]) {
      for (const name of ["go.sum", "go.work.sum"]) {
        const relative = path14.relative(moduleDir, path14.join(dir, name)).split(path14.sep).join("/");
        try {
          files.push({ name: relative, content: await readFile6(path14.join(dir, name), "utf8") });
        } catch {
        }
      }
    }
    const context = { os: platform.os, arch: platform.arch, dependencies: digestOfDependencies(files), unique };
    let usable = false;
    if (!store) return { usable, context };
    try {
      usable = await store.available();
    } catch (err) {
      logger.warning(`carried caches: the Actions cache is not usable: ${err.message}`);
    }
    return { usable, context };
  }
  /** Starts restoring the module cache (when the module has dependencies) and each version's build cache. */
  start(versions) {
    this.modules ??= this.restoreModules();
    for (const version of versions) this.restoreVersion(version);
  }
  async restoreModules() {
    const { usable, context } = await this.ready;
    if (!usable || context.dependencies === "") return null;
    const keys = moduleCacheKeys(context);
    const restoredKey = await this.restoreInto(this.options.paths.gomodcache, keys, "the module cache");
    return { keys, restoredKey };
  }
  restoreVersion(version) {
    let state = this.versions.get(version);
    if (state) return state;
    const report = { where: this.options.store ? "actions-cache" : "folder", restored: false, key: null, restoredBytes: 0, restoreSeconds: 0, saved: false, saveSeconds: 0 };
    const created = { keys: { key: "", restoreKeys: [] }, restoring: Promise.resolve(), report, restoredNames: /* @__PURE__ */ new Set(), markedAt: 0 };
    created.restoring = (async () => {
      const { usable, context } = await this.ready;
      const gocache = this.gocacheOf(version);
      if (!this.options.store) {
        const entries = await measureKept(this.options.paths.cacheDir, gocache);
        created.restoredNames = new Set(entries.names);
        report.restored = entries.files > 0;
        report.restoredBytes = entries.bytes;
        created.keys = { key: "folder", restoreKeys: [] };
        return;
      }
      if (!usable) {
        report.why = "the Actions cache service is not available";
        return;
      }
      created.keys = buildCacheKeys(version, context);
      const started = this.clock();
      const restoredKey = await this.restoreInto(gocache, created.keys, `Go ${version}'s build cache`);
      const ended = this.clock();
      report.restoreSeconds = seconds(ended - started);
      if (restoredKey !== void 0) {
        report.restored = true;
        report.key = restoredKey;
      }
      if (this.options.save) {
        const marked = await markRestored(gocache, ended);
        created.restoredNames = marked.names;
        created.markedAt = ended;
        report.restoredBytes = marked.entries.bytes;
      } else {
        const entries = await measureEntries(gocache);
        created.restoredNames = new Set(entries.list.map((e) => e.name));
        report.restoredBytes = entries.bytes;
      }
    })().catch((err) => {
      report.why = `restoring failed: ${err.message}`;
      this.options.logger.warning(`Go ${version}: its build cache was not restored: ${err.message}`);
    });
    this.versions.set(version, created);
    state = created;
    return state;
  }
  /** What a version waits for before its first go command: the module cache and its own build cache. */
  async beforeVersion(version) {
    this.modules ??= this.restoreModules();
    await Promise.all([this.modules.catch(() => null), this.restoreVersion(version).restoring]);
  }
  /**
   * After a version's last go command: removes the restored entries it did not use and saves the
   * rest, unless nothing changed (every entry restored was used and none was added). A version that
   * was skipped or stopped saves nothing.
   */
  afterVersion(version, outcome) {
    const state = this.versions.get(version);
    if (!state) return Promise.resolve();
    const { report } = state;
    if (outcome !== "ran") {
      report.why ??= outcome === "skipped" ? "not saved: the version did not run" : "not saved: the run was stopped";
      return Promise.resolve();
    }
    if (!this.options.save || !this.options.store) {
      if (this.options.store) report.why ??= `not saved: ${this.options.saveWhy}`;
      return this.track(
        (async () => {
          await state.restoring;
          if (state.keys.key === "") return;
          const gocache = this.gocacheOf(version);
          const kept = this.options.store ? null : await measureKept(this.options.paths.cacheDir, gocache);
          const names = kept ? kept.names : await entryFiles(gocache);
          report.addedEntries = names.filter((name) => !state.restoredNames.has(name)).length;
          if (kept) report.savedBytes = kept.bytes;
        })().catch(() => void 0)
      );
    }
    const store = this.options.store;
    return this.track(
      (async () => {
        await state.restoring;
        if (state.keys.key === "") return;
        const gocache = this.gocacheOf(version);
        const pruned = await pruneUnused(gocache, state.restoredNames, state.markedAt);
        report.addedEntries = pruned.added.files;
        report.removedEntries = pruned.removed.files;
        report.savedBytes = pruned.kept.bytes;
        if (report.restored && pruned.added.files === 0 && pruned.removed.files === 0) {
          report.why = "not saved: the run used exactly what it restored";
          return;
        }
        const started = this.clock();
        report.saved = await this.saveFrom(store, gocache, state.keys.key, `Go ${version}'s build cache`);
        report.saveSeconds = seconds(this.clock() - started);
        if (report.saved) report.savedKey = state.keys.key;
        else report.why = "not saved: the cache service declined";
      })().catch((err) => {
        report.why = `saving failed: ${err.message}`;
        this.options.logger.warning(`Go ${version}: its build cache was not saved: ${err.message}`);
      })
    );
  }
  /**
   * Waits for the build caches' saves, then saves the module cache, kept to what the module's
   * graph needs (asked of `go`, a toolchain that ran, in `env`), unless it holds what it was
   * restored with.
   */
  async finish(go) {
    const moduleDirs = this.options.moduleDirs ?? [this.options.moduleDir];
    await Promise.all(this.saves);
    const { store } = this.options;
    if (!store) {
      const trimmed = await trimCacheFolder(this.options.paths.cacheDir, this.options.folderLimitBytes ?? cacheLimitBytes(void 0));
      if (trimmed.removedFiles > 0) {
        this.notes.push(
          `The build cache folder ${this.options.paths.cacheDir} was trimmed from ${formatMiB(trimmed.bytesBefore)} to ${formatMiB(trimmed.bytesAfter)} (${CACHE_LIMIT_VARIABLE}), least recently used entries first.`
        );
      }
      return;
    }
    const modules = await (this.modules ?? Promise.resolve(null)).catch(() => null);
    if (!modules || !this.options.save || !go) return;
    const { gomodcache } = this.options.paths;
    try {
      const needs = { graph: /* @__PURE__ */ new Set(), build: /* @__PURE__ */ new Set() };
      for (const dir of moduleDirs) {
        const one = await readModuleNeeds(go.binary, dir, go.env);
        for (const m of one.graph) needs.graph.add(m);
        for (const m of one.build) needs.build.add(m);
      }
      const pruned = await pruneModuleCache(gomodcache, needs);
      const sameDependencies = modules.restoredKey?.startsWith(modules.keys.restoreKeys[0]) ?? false;
      if (sameDependencies && pruned.removedFiles === 0) return;
      const started = this.clock();
      if (await this.saveFrom(store, gomodcache, modules.keys.key, "the module cache")) {
        this.notes.push(
          `The module cache was saved (${formatMiB(await bytesOf([gomodcache]))}, ${seconds(this.clock() - started)} s${pruned.removedFiles > 0 ? `; ${formatMiB(pruned.removedBytes)} the module graph no longer needs left out` : ""}).`
        );
      }
    } catch (err) {
      this.options.logger.warning(`the module cache was not saved: ${err.message}`);
    }
  }
  /** Each version's cache line for report.json; undefined for a version never restored. */
  reportOf(version) {
    return this.versions.get(version)?.report;
  }
  gocacheOf(version) {
    return versionDirs("", this.options.paths, version).gocache;
  }
  async restoreInto(dir, keys, what) {
    try {
      const key2 = await this.options.store?.restore([dir], keys.key, keys.restoreKeys);
      this.options.logger.info(key2 === void 0 ? `carried caches: no entry for ${what} (${keys.restoreKeys[0]}\u2026)` : `carried caches: ${what} restored from ${key2}`);
      return key2;
    } catch (err) {
      this.options.logger.warning(`carried caches: ${what} was not restored: ${err.message}`);
      return void 0;
    }
  }
  track(work) {
    this.saves.push(work);
    return work;
  }
  async saveFrom(store, dir, key2, what) {
    const saved = await store.save([dir], key2);
    this.options.logger.info(saved ? `carried caches: ${what} saved as ${key2}` : `carried caches: ${what} not saved (the service declined ${key2})`);
    return saved;
  }
};

// src/cache/setup.ts
function carriedCachesFor(input) {
  if (!input.cache) return null;
  const common = { paths: input.paths, moduleDir: input.moduleDir, ...input.moduleDirs ? { moduleDirs: input.moduleDirs } : {}, platform: input.platform, logger: input.logger, unique: uniqueSavePart(input.env, Date.now()) };
  if (input.actions && !input.env.GO_MATRIX_CACHE_DIR) {
    return new CarriedCaches({ ...common, store: input.actions.store, save: input.actions.save, saveWhy: input.actions.why });
  }
  return new CarriedCaches({ ...common, save: false, saveWhy: "a persistent folder", folderLimitBytes: cacheLimitBytes(input.env[CACHE_LIMIT_VARIABLE]) });
}
function outcomeOf(run2) {
  return run2.status === "skipped" ? "skipped" : run2.status === "error" ? "stopped" : "ran";
}
function graphReader(runs, paths, env) {
  const ran = runs.filter((r) => outcomeOf(r) === "ran").map((r) => r.toolchain);
  const newest = [...ran].sort((a, b) => compareGoVersions(b.version, a.version))[0];
  if (!newest) return null;
  return { binary: goBinary(newest.goroot), env: isolatedEnv(env, versionDirs(newest.goroot, paths, newest.version)) };
}
function unitsDone(units) {
  const seen = /* @__PURE__ */ new Map();
  return (version, outcome) => {
    const outcomes = [...seen.get(version) ?? [], outcome];
    seen.set(version, outcomes);
    if (outcomes.length < units) return null;
    return outcomes.includes("ran") ? "ran" : outcomes.includes("stopped") ? "stopped" : "skipped";
  };
}

// src/modules/discover.ts
import { readdir as readdir6, readFile as readFile7, realpath } from "node:fs/promises";
import path15 from "node:path";
function isSkippedFolder(name) {
  return name === "vendor" || name === "testdata" || name === "node_modules" || name.startsWith(".");
}
var MAX_FOLDERS_WALKED = 1e5;
async function findModuleFolders(root) {
  const found = [];
  const pending = ["."];
  let walked = 0;
  while (pending.length > 0) {
    const dir = pending.pop();
    if (++walked > MAX_FOLDERS_WALKED) {
      throw new ModuleSelectionError(
        `auto: more than ${MAX_FOLDERS_WALKED} folders below ${root}; set working-directory to the folder that holds the modules, or list them`
      );
    }
    let entries;
    try {
      entries = await readdir6(path15.join(root, dir), { withFileTypes: true });
    } catch (err) {
      if (dir === ".") throw new ModuleSelectionError(`cannot read ${root}: ${err.message}`, { cause: err });
      continue;
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name === "go.mod") found.push(dir);
      else if (entry.isDirectory() && !isSkippedFolder(entry.name)) pending.push(dir === "." ? entry.name : `${dir}/${entry.name}`);
    }
  }
  return found.sort(compareFolders);
}
async function resolveModules(selection, dirs) {
  const needsWalk = selection.auto || selection.include.some((e) => e !== "." && /[*?[]/.test(e));
  const found = needsWalk ? await findModuleFolders(dirs.workingDir) : [];
  const work = selection.auto ? await readGoWork(dirs.workingDir) : null;
  const auto = work ? work.uses : found;
  const { dirs: chosen, unmatched } = applySelection(selection, found, auto);
  if (chosen.length === 0) {
    const what = work ? `go.work in ${dirs.workingDir} uses` : `found below ${dirs.workingDir}`;
    const seen = auto.length === 0 ? "none" : auto.join(", ");
    throw new ModuleSelectionError(`selects no module (modules ${what}: ${seen}); check the list and its ! exclusions`);
  }
  checkReportFolders(chosen);
  const workspace = await realpath(dirs.workspace).catch(() => path15.resolve(dirs.workspace));
  const modules = [];
  for (const dir of chosen) modules.push(await readModuleFolder(dir, dirs.workingDir, workspace, work !== null && work.uses.includes(dir)));
  return { modules, warnings: unmatched.map((glob) => `input modules: ${glob} matches no module below ${dirs.workingDir}`) };
}
async function readModuleFolder(dir, workingDir, workspace, fromGoWork) {
  const absolute = path15.join(workingDir, ...dir.split("/"));
  const named = fromGoWork ? `go.work uses ${dir}, but` : `${dir}:`;
  let real;
  try {
    real = await realpath(absolute);
  } catch {
    throw new ModuleSelectionError(`${named} there is no folder ${absolute}`);
  }
  if (real !== workspace && !real.startsWith(workspace + path15.sep)) {
    throw new ModuleSelectionError(`${named} ${absolute} leads outside the workspace (to ${real})`);
  }
  const file = path15.join(absolute, "go.mod");
  let text2;
  try {
    text2 = await readFile7(file, "utf8");
  } catch (err) {
    const why = err.code === "ENOENT" ? "no go.mod there" : err.message;
    throw new ModuleSelectionError(`${named} ${file}: ${why}; name module folders (those holding a go.mod)`, { cause: err });
  }
  const goMod = parseGoFile(`${dir === "." ? "" : `${dir}/`}go.mod`, text2);
  if (!goMod.module) throw new ModuleSelectionError(`${file} has no module line`);
  return { dir, absolute, path: goMod.module, goMod };
}
async function readGoWork(workingDir) {
  const file = path15.join(workingDir, "go.work");
  let text2;
  try {
    text2 = await readFile7(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return null;
    throw new ModuleSelectionError(`${file}: ${err.message}`, { cause: err });
  }
  const goWork = parseGoFile("go.work", text2);
  const uses = goWork.use.map((use) => {
    const posix = use.replace(/\\/g, "/");
    const segments2 = path15.posix.normalize(posix).split("/").filter((s) => s !== "" && s !== ".");
    if (path15.posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix) || segments2.includes("..")) {
      throw new ModuleSelectionError(
        `go.work uses ${use}, outside working-directory (${workingDir}); set working-directory to a folder that holds every module, or list the modules instead of auto`
      );
    }
    return segments2.length === 0 ? "." : segments2.join("/");
  });
  return { file: goWork, uses: [...new Set(uses)].sort(compareFolders) };
}

// src/pipeline.ts
async function runPipeline(options, ctx) {
  const { logger } = ctx;
  const downloadTimeoutMs = parseDownloadTimeout(ctx.env[DOWNLOAD_TIMEOUT_VARIABLE]);
  const reportDir = reportDirectoryOf(options, ctx.workspace, ctx.tempDir);
  const moduleDir = path16.resolve(ctx.workspace, options.workingDirectory);
  const workDir = defaultWorkDir(ctx.env);
  const cacheDir = ctx.env.GO_MATRIX_CACHE_DIR ? path16.resolve(ctx.workspace, ctx.env.GO_MATRIX_CACHE_DIR) : void 0;
  await checkInputFiles(options, ctx.workspace);
  const modules = await chooseModules(options.modules, { workingDir: moduleDir, workspace: ctx.workspace }, logger);
  await prepareReportFolder(reportDir, { workspace: ctx.workspace, moduleDir, workDirs: cacheDir ? [workDir, cacheDir] : [workDir] });
  const ledger = new ToolchainLedger(ctx.toolCacheDir, (message) => logger.warning(message));
  try {
    return await installAndRun(options, ctx, { reportDir, moduleDir, modules, workDir, cacheDir, downloadTimeoutMs, ledger });
  } finally {
    await ledger.leases.releaseAll();
  }
}
async function installAndRun(options, ctx, job) {
  const { logger } = ctx;
  const { reportDir, moduleDir, modules, workDir, cacheDir, downloadTimeoutMs, ledger } = job;
  const paths = matrixPaths({ workDir, cacheDir });
  const carried = carriedCachesFor({
    cache: options.cache,
    actions: ctx.carriedCache,
    env: ctx.env,
    paths,
    moduleDir,
    ...modules ? { moduleDirs: modules.map((m) => m.absolute) } : {},
    platform: currentPlatform(),
    logger
  });
  const toolchains = await installGo({
    onResolved: (versions2) => carried?.start(versions2),
    specs: options.goVersions,
    versionFile: options.goVersionFile ? path16.resolve(ctx.workspace, options.goVersionFile) : "",
    downloadBaseUrl: options.downloadBaseUrl,
    localToolchains: options.localToolchains.map((dir) => path16.resolve(ctx.workspace, dir)),
    cache: options.cache,
    verify: options.verify,
    ledger,
    toolCacheDir: ctx.toolCacheDir,
    tempDir: ctx.tempDir,
    logger,
    signal: ctx.signal,
    ...downloadTimeoutMs !== void 0 ? { downloadTimeoutMs } : {}
  });
  logger.info(`go-matrix: ${toolchains.map((t) => `${t.version} (${t.source})`).join(", ")}`);
  ctx.onInstalled?.(toolchains);
  await claimReportEntries(reportDir, toolchains.map((t) => t.version));
  const sourcePath = modules ? repositoryPaths(modules.map((m) => ({ path: m.path, dir: repositoryDir(ctx.workspace, m.absolute) }))) : await lcovSourcePath(moduleDir, ctx.workspace);
  const analyses = /* @__PURE__ */ new Map();
  const analyse = (run2) => {
    let pending = analyses.get(run2.dir);
    if (!pending) {
      const dir = run2.module ? path16.join(moduleDir, ...run2.module.dir.split("/")) : moduleDir;
      pending = analyseVersion(run2, dir, ownTestsOnly(options), logger).then(async (result2) => {
        if (result2) await writeFile6(path16.join(run2.dir, "coverage.lcov"), formatLcov(result2.lines, { functions: result2.functions, sourcePath }));
        return result2;
      });
      analyses.set(run2.dir, pending);
    }
    return pending;
  };
  const lastOfVersion = unitsDone(modules ? modules.length : 1);
  const runs = await runMatrix({
    toolchains,
    moduleDir,
    ...modules ? { modules: modules.map((m) => m.dir) } : {},
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
    workDir,
    ...cacheDir ? { cacheDir } : {},
    env: ctx.env,
    logger,
    signal: ctx.signal,
    fullLogs: ctx.fullLogs ?? false,
    annotationBase: ctx.workspace,
    ...carried ? { beforeVersion: (version) => carried.beforeVersion(version) } : {},
    onVersionDone: (run2) => {
      void analyse(run2).catch(() => void 0);
      const outcome = lastOfVersion(run2.toolchain.version, outcomeOf(run2));
      if (outcome === null) return;
      void carried?.afterVersion(run2.toolchain.version, outcome).then(() => {
        const cache = carried.reportOf(run2.toolchain.version);
        if (cache && outcome === "ran") logger.info(`Go ${run2.toolchain.version}: ${describeVersionCache(cache)}`);
      });
    }
  });
  await carried?.finish(graphReader(runs, paths, ctx.env));
  const analysed = await Promise.all(runs.map(async (run2) => ({ run: run2, coverage: await analyse(run2) })));
  await Promise.all(toolchains.map((t) => rm8(scratchDirOf(workDir, t.version), { recursive: true, force: true }).catch(() => void 0)));
  const versions = modules ? versionsOfModules(analysed) : analysed.map(({ run: run2, coverage: c }) => ({ report: versionReport(run2, c ?? void 0), coverage: c }));
  for (const v of versions) {
    const cache = carried?.reportOf(v.report.version);
    if (cache) v.report.buildCache = cache;
  }
  const chosen = toolchains.flatMap((t) => t.note ? [t.note] : []);
  await ledger.leases.releaseAll();
  const reclaimed = options.toolchainRetentionDays > 0 ? await pruneForRetention(ctx.toolCacheDir, options.toolchainRetentionDays, ledger.audit, logger) : void 0;
  const result = await concludeRun(options, { ...ctx, notes: [...ctx.notes ?? [], ...chosen, ...carried?.notes ?? []] }, { reportDir, versions, sourcePath, ...reclaimed ? { footer: [reclaimed] } : {} });
  return { ...result, toolchains };
}
function ownTestsOnly(options) {
  return options.coverPackages === "" && !options.testFlags.some((flag) => /^--?coverpkg(=|$)/.test(flag));
}
async function analyseVersion(run2, moduleDir, ownTests, logger) {
  if (!run2.profile) return null;
  let written;
  try {
    written = await readProfile(run2.profile);
  } catch (err) {
    logger.warning(`Go ${run2.toolchain.version}: its coverage profile cannot be read: ${err.message}`);
    return null;
  }
  const withoutTests = ownTests ? run2.packages.filter((p) => p.noTestFiles).map((p) => p.name) : [];
  const { profile, otherTestBinaries } = countOwnTests(written, withoutTests);
  const lines = lineCoverage(profile);
  let functions = [];
  try {
    functions = functionsOfOwnTests(functionCoverage(await functionsFromGo(run2.toolchain.goroot, run2.profile, moduleDir, written, run2.env), profile), otherTestBinaries);
  } catch (err) {
    logger.warning(`Go ${run2.toolchain.version}: no function coverage: ${err.message}`);
  }
  return { profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions, otherTestBinaries };
}
function versionReport(run2, coverage) {
  const notes = [...run2.toolchain.recovery ? [run2.toolchain.recovery] : [], ...run2.notes];
  return {
    spec: run2.toolchain.spec,
    version: run2.toolchain.version,
    status: run2.status,
    ...run2.reason !== void 0 ? { reason: run2.reason } : {},
    platform: `${currentPlatform().os}/${currentPlatform().arch}`,
    toolchain: toolchainReport(run2.toolchain),
    steps: run2.steps.map((s) => ({ name: s.name, ok: s.ok, seconds: s.seconds, command: joinArgs(["go", ...s.args]), exitCode: s.exitCode })),
    // A package that failed to build is a failure too: listed with an empty test name and the compiler's output.
    tests: {
      ...run2.tests,
      failures: [...run2.tests.failures, ...run2.buildFailures.map((b) => ({ package: b.package, test: "", output: b.output }))]
    },
    coverage: coverage ? {
      statements: coverage.statements.total,
      lines: coverage.lineSummary.total,
      functions: summarizeFunctions(coverage.functions),
      packages: coverage.statements.packages.map((p) => ({ name: p.name, statements: p.summary })),
      ...coverage.otherTestBinaries ? { otherTestBinaries: { statements: coverage.otherTestBinaries.statements, packages: coverage.otherTestBinaries.packages.map((p) => ({ name: p.name, statements: p.summary })) } } : {}
    } : null,
    cachedPackages: run2.packages.filter((p) => p.cached).length,
    slowestTests: run2.slowestTests,
    ...notes.length > 0 ? { notes } : {},
    seconds: run2.seconds
  };
}
async function chooseModules(selection, dirs, logger) {
  if (selection.kind === "root") return null;
  try {
    const { modules, warnings } = await resolveModules(selection, dirs);
    for (const warning of warnings) logger.warning(warning);
    return modules;
  } catch (err) {
    if (err instanceof ModuleSelectionError) throw new InputError(`input modules: ${err.message}`, { cause: err });
    throw err;
  }
}
function versionsOfModules(analysed) {
  const byVersion = /* @__PURE__ */ new Map();
  for (const unit of analysed) byVersion.set(unit.run.toolchain.version, [...byVersion.get(unit.run.toolchain.version) ?? [], unit]);
  return [...byVersion.values()].map((units) => {
    const row = versionReport(units[0].run, void 0);
    const rows = units.map(({ run: run2, coverage }) => moduleOfVersionRow(versionReport(run2, coverage ?? void 0), run2.module ?? { dir: ".", path: "" }));
    const covered = units.flatMap(({ run: run2, coverage }) => coverage ? [{ name: `Go ${run2.toolchain.version} ${run2.module?.dir ?? "."}`, coverage }] : []);
    return {
      report: versionOfModules({ spec: row.spec, version: row.version, toolchain: row.toolchain, ...row.platform !== void 0 ? { platform: row.platform } : {} }, rows),
      coverage: covered.length > 0 ? combineModuleCoverage(covered) : null,
      modules: units.map(({ run: run2, coverage }) => ({ dir: run2.module?.dir ?? ".", coverage }))
    };
  });
}
function repositoryDir(workspace, dir) {
  const relative = path16.relative(workspace, dir).split(path16.sep).join("/");
  return relative.startsWith("..") || path16.isAbsolute(relative) ? dir : relative;
}
function toolchainReport(t) {
  return {
    source: t.source,
    sha256: t.sha256,
    seconds: t.seconds,
    ...t.verified !== void 0 ? { verified: t.verified } : {},
    recovered: t.recovery !== void 0
  };
}
async function lcovSourcePath(moduleDir, workspace) {
  let goMod;
  try {
    goMod = await readFile8(path16.join(moduleDir, "go.mod"), "utf8");
  } catch {
    return (file) => file;
  }
  const relative = path16.relative(workspace, moduleDir).split(path16.sep).join("/");
  return moduleRelativePath(modulePathOf(goMod, path16.join(moduleDir, "go.mod")), relative.startsWith("..") ? "" : relative);
}

export {
  actionsCacheClient,
  restoreEntry,
  saveEntry,
  retrying,
  backoffDelay,
  parseRetryAfter,
  runPipeline
};

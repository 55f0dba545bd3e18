import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  compareGoVersions,
  isGoVersion
} from "./chunk-MBZDNYRM.js";
import {
  require_semver
} from "./chunk-MJU2DCFZ.js";
import {
  __toESM
} from "./chunk-L35V7ZA7.js";

// src/go/platform.ts
import path from "node:path";
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
  const os3 = GO_OS[nodePlatform];
  const arch = GO_ARCH[nodeArch];
  if (!os3) throw new Error(`platform ${nodePlatform}: go.dev publishes no Go releases for it`);
  if (!arch) throw new Error(`architecture ${nodeArch}: go.dev publishes no Go releases for it`);
  const windows = os3 === "windows";
  return { os: os3, arch, toolCacheArch: nodeArch, archive: windows ? ".zip" : ".tar.gz", goBinary: windows ? "go.exe" : "go" };
}
function currentPlatform() {
  return platformFor(process.platform, process.arch);
}
function goBinary(goroot, platform = currentPlatform()) {
  return path.join(goroot, "bin", platform.goBinary);
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
    const { spec, source = "go-versions", minimum = false } = typeof request === "string" ? { spec: request } : request;
    const found = minimum ? resolveMinimum(spec, source, candidates) : { spec, version: resolveOne(spec, source, candidates) };
    if (seen.has(found.version)) continue;
    seen.add(found.version);
    resolved.push(found);
  }
  return resolved;
}
function resolveMinimum(spec, source, candidates) {
  try {
    return { spec, version: resolveOne(spec, source, candidates) };
  } catch (err) {
    const floor = err instanceof VersionResolutionError ? parseGoVersion(spec) : void 0;
    if (floor === void 0) throw err;
    const newer = candidates.filter((c) => c.stable && compareGoVersions(c.version, spec) >= 0);
    const oldest = newer[newer.length - 1];
    if (oldest === void 0) throw err;
    const standIn = newer.find((c) => c.parsed.major === oldest.parsed.major && c.parsed.minor === oldest.parsed.minor);
    return {
      spec: `>=${spec}`,
      version: standIn.version,
      note: `${source}: no Go ${spec} release is available; the module's minimum is go ${spec}, which every newer Go satisfies, so Go ${standIn.version}, the oldest release that does, is tested in its place`
    };
  }
}
function toCandidates(available) {
  const candidates = [];
  for (const a of available) {
    const parsed = parseGoVersion(a.version);
    if (parsed) candidates.push({ ...a, parsed, semver: goToSemver(a.version) });
  }
  return candidates.sort((x, y) => compareGoVersions(y.version, x.version));
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
      const want = formatGoVersion(parsed.version);
      return candidates.find((c) => compareGoVersions(c.version, want) === 0)?.version ?? noMatch(parsed.version);
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
function formatGoVersion(v) {
  if (v.prerelease) return `${v.major}.${v.minor}${v.prerelease.kind}${v.prerelease.number}`;
  return `${v.major}.${v.minor}.${v.patch}`;
}
function nearestVersions(target, candidates, count = 2) {
  const stable = candidates.filter((c) => c.stable);
  if (!target) return stable.slice(0, count).map((c) => c.version);
  const sameMinor = candidates.filter((c) => c.parsed.major === target.major && c.parsed.minor === target.minor);
  const sameMinorStable = sameMinor.filter((c) => c.stable);
  if (sameMinorStable.length > 0) return sameMinorStable.slice(0, 1).map((c) => c.version);
  if (sameMinor.length > 0) return sameMinor.slice(0, 3).map((c) => c.version);
  const perMinor = [];
  for (const c of stable) {
    if (!perMinor.some((p) => p.parsed.major === c.parsed.major && p.parsed.minor === c.parsed.minor)) perMinor.push(c);
  }
  const key = (v) => v.major * 1e4 + v.minor;
  const below = perMinor.filter((c) => key(c.parsed) < key(target));
  const above = perMinor.filter((c) => key(c.parsed) > key(target)).reverse();
  const picked = below.length && above.length ? [above[0], below[0]] : [...above, ...below].slice(0, count);
  return picked.filter((c) => c !== void 0).sort((a, b) => key(b.parsed) - key(a.parsed)).map((c) => c.version);
}

// src/go/reuse.ts
import { execFile as execFile2 } from "node:child_process";
import { realpath } from "node:fs/promises";
import { promisify as promisify2 } from "node:util";

// src/go/local.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
function parseGoVersionOutput(output) {
  const name = /^go version (go\S+)/.exec(output.trim())?.[1];
  const version = name?.slice(2).split("-", 1)[0];
  return version !== void 0 && isGoVersion(version) ? version : void 0;
}
async function goVersionAt(goroot, platform = currentPlatform()) {
  const go = goBinary(goroot, platform);
  let stdout;
  try {
    ;
    ({ stdout } = await execFileAsync(go, ["version"], { env: { ...process.env, GOROOT: goroot, GOTOOLCHAIN: "local" }, timeout: 6e4 }));
  } catch (err) {
    throw new Error(`${go} version failed: ${err.message.trim()}`, { cause: err });
  }
  const version = parseGoVersionOutput(stdout);
  if (!version) throw new Error(`${go} version: unexpected output ${JSON.stringify(stdout.trim())}`);
  return version;
}

// src/toolchains/layout.ts
import { randomBytes } from "node:crypto";
import { lstat, open, rename, rm, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/toolchains/tree.ts
import { createHash } from "node:crypto";
function modeString(mode) {
  return (mode & 511).toString(8).padStart(4, "0");
}
function entryLine(entry) {
  switch (entry.type) {
    case "file":
      return JSON.stringify({ path: entry.path, type: entry.type, mode: entry.mode, size: entry.size, sha256: entry.sha256 });
    case "dir":
      return JSON.stringify({ path: entry.path, type: entry.type, mode: entry.mode });
    case "symlink":
      return JSON.stringify({ path: entry.path, type: entry.type, target: entry.target });
  }
}
function sortTree(entries) {
  return [...entries].sort((a, b) => comparePaths(a.path, b.path));
}
function treeDigest(sorted) {
  const lines = sorted.map(entryLine);
  return `sha256:${createHash("sha256").update(lines.length === 0 ? "" : `${lines.join("\n")}
`).digest("hex")}`;
}
function comparePaths(a, b) {
  if (!NON_ASCII.test(a) && !NON_ASCII.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
var NON_ASCII = /[^ -~]/;
function treeTotals(entries) {
  const totals = { files: 0, directories: 0, symlinks: 0, bytes: 0 };
  for (const entry of entries) {
    if (entry.type === "file") {
      totals.files++;
      totals.bytes += entry.size;
    } else if (entry.type === "dir") {
      totals.directories++;
    } else {
      totals.symlinks++;
    }
  }
  return totals;
}
function isExecutedFile(relative) {
  const parts = relative.split("/");
  return parts.length === 2 && parts[0] === "bin" || parts.length === 4 && parts[0] === "pkg" && parts[1] === "tool";
}

// src/toolchains/manifest.ts
var MANIFEST_VERSION = 1;
function buildManifest(input) {
  const entries = sortTree(input.entries);
  return {
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    os: input.os,
    arch: input.arch,
    source: { url: input.source.url, archive: input.source.archive, sha256: input.source.sha256 },
    installedAt: input.installedAt.toISOString(),
    installer: input.installer,
    tree: { digest: treeDigest(entries), ...treeTotals(entries), entries }
  };
}
var ENTRIES_PLACEHOLDER = '"@entries@"';
function formatManifest(manifest) {
  const head = JSON.stringify({ ...manifest, tree: { ...manifest.tree, entries: "@entries@" } }, null, 2);
  const entries = manifest.tree.entries.length === 0 ? "[]" : `[
${manifest.tree.entries.map((e) => `      ${entryLine(e)}`).join(",\n")}
    ]`;
  return `${head.replace(ENTRIES_PLACEHOLDER, entries)}
`;
}
var ManifestError = class extends Error {
  name = "ManifestError";
};
var HEX64 = /^[0-9a-f]{64}$/;
var MODE = /^0[0-7]{3}$/;
function parseManifest(text, file) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`${file}: not JSON: ${err.message}`, { cause: err });
  }
  const fail = (what) => {
    throw new ManifestError(`${file}: ${what}`);
  };
  if (!isRecord(json)) return fail("not a go-matrix toolchain manifest (expected a JSON object)");
  if (json.manifestVersion !== MANIFEST_VERSION) fail(`manifestVersion ${JSON.stringify(json.manifestVersion)} is not ${MANIFEST_VERSION}`);
  for (const key of ["version", "os", "arch", "installedAt", "installer"]) {
    if (typeof json[key] !== "string" || json[key] === "") fail(`${key}: expected a string`);
  }
  const source = json.source;
  if (!isRecord(source) || typeof source.url !== "string" || typeof source.archive !== "string" || typeof source.sha256 !== "string" || !HEX64.test(source.sha256)) {
    fail("source: expected {url, archive, sha256} with a sha256 of 64 hexadecimal digits");
  }
  const tree = json.tree;
  if (!isRecord(tree) || !Array.isArray(tree.entries) || typeof tree.digest !== "string") return fail("tree: expected {digest, entries}");
  const entries = tree.entries.map((entry, i) => checkedEntry(entry, `tree.entries[${i}]`, fail));
  for (let i = 1; i < entries.length; i++) {
    const order = comparePaths(entries[i - 1].path, entries[i].path);
    if (order === 0) fail(`tree.entries: ${entries[i].path} is listed twice`);
    if (order > 0) fail("tree.entries: not sorted by path");
  }
  const digest = treeDigest(entries);
  if (digest !== tree.digest) fail(`tree.digest ${tree.digest} does not match its entries (${digest}): the manifest was changed after it was written`);
  const totals = treeTotals(entries);
  for (const key of ["files", "directories", "symlinks", "bytes"]) {
    if (tree[key] !== totals[key]) fail(`tree.${key} is ${JSON.stringify(tree[key])}, but the entries hold ${totals[key]}`);
  }
  return { ...json, tree: { ...tree, entries } };
}
function parseUnchangedManifest(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (!isRecord(json) || json.manifestVersion !== MANIFEST_VERSION || !isRecord(json.source) || !isRecord(json.tree) || !Array.isArray(json.tree.entries)) return void 0;
  return json;
}
function checkedEntry(value, at, fail) {
  if (!isRecord(value) || typeof value.path !== "string" || !isRelativePath(value.path)) return fail(`${at}: expected an entry with a relative path inside the GOROOT`);
  switch (value.type) {
    case "file":
      if (typeof value.mode !== "string" || !MODE.test(value.mode)) fail(`${at}: mode: expected four octal digits such as 0644`);
      if (!Number.isSafeInteger(value.size) || value.size < 0) fail(`${at}: size: expected a whole number of bytes`);
      if (typeof value.sha256 !== "string" || !HEX64.test(value.sha256)) fail(`${at}: sha256: expected 64 hexadecimal digits`);
      return { path: value.path, type: "file", mode: value.mode, size: value.size, sha256: value.sha256 };
    case "dir":
      if (typeof value.mode !== "string" || !MODE.test(value.mode)) fail(`${at}: mode: expected four octal digits such as 0755`);
      return { path: value.path, type: "dir", mode: value.mode };
    case "symlink":
      if (typeof value.target !== "string" || value.target === "") fail(`${at}: target: expected the link's target`);
      return { path: value.path, type: "symlink", target: value.target };
    default:
      return fail(`${at}: type: expected file, dir or symlink`);
  }
}
function isRelativePath(value) {
  return !NOT_RELATIVE.test(value);
}
var NOT_RELATIVE = /(?:^|\/)\.{0,2}(?:\/|$)|\\/;
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/toolchains/stamps.ts
import { lstatSync } from "node:fs";
function stampOf(stats) {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}
var RACY_MS = 1e3;
function unchangedSince(previous, key, stats) {
  if (previous === void 0 || previous.files[key] !== stampOf(stats)) return false;
  return previous.exclusive === true || stats.ctimeMs < previous.recordedAt - RACY_MS;
}
function stampFiles(root, relatives, exclusive) {
  const recordedAt = Date.now();
  const files = {};
  for (const relative of relatives) {
    const stats = lstatSync(`${root}/${relative}`, { throwIfNoEntry: false });
    if (stats?.isFile()) files[relative] = stampOf(stats);
  }
  return { recordedAt, ...exclusive ? { exclusive: true } : {}, files };
}

// src/toolchains/layout.ts
function sidecarsOf(dir) {
  return { marker: `${dir}.complete`, manifest: `${dir}.manifest.json`, state: `${dir}.state.json`, leases: `${dir}.leases` };
}
var SIDECAR_SUFFIXES = [".complete", ".manifest.json", ".state.json", ".leases"];
var REMOVING_INFIX = ".removing-";
function removingPathOf(dir) {
  return `${dir}${REMOVING_INFIX}${randomBytes(6).toString("hex")}`;
}
var AUDIT_LOG_NAME = "go-matrix-audit.jsonl";
function goFolderOf(toolCacheDir) {
  return path2.join(toolCacheDir, "go");
}
function auditLogOf(toolCacheDir) {
  return path2.join(goFolderOf(toolCacheDir), AUDIT_LOG_NAME);
}
async function writeFileAtomically(file, text) {
  const temporary = `${file}.tmp-${randomBytes(6).toString("hex")}`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
async function readManifestOf(dir) {
  return (await readStampedManifestOf(dir))?.manifest;
}
async function readStampedManifestOf(dir, previous) {
  const file = sidecarsOf(dir).manifest;
  let handle;
  try {
    handle = await open(file, "r");
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
  try {
    const recordedAt = Date.now();
    const stats = await handle.stat();
    const text = await handle.readFile("utf8");
    if (previous && unchangedSince(previous, MANIFEST_STAMP_KEY, stats)) {
      const manifest = parseUnchangedManifest(text);
      if (manifest) return { manifest, stamps: previous, checked: "unchanged" };
    }
    return { manifest: parseManifest(text, file), stamps: { recordedAt, files: { [MANIFEST_STAMP_KEY]: stampOf(stats) } }, checked: "whole" };
  } finally {
    await handle.close();
  }
}
var MANIFEST_STAMP_KEY = "manifest";
async function stampWrittenManifest(dir) {
  return { recordedAt: Date.now(), exclusive: true, files: { [MANIFEST_STAMP_KEY]: stampOf(await lstat(sidecarsOf(dir).manifest)) } };
}

// src/toolchains/verify.ts
import { lstatSync as lstatSync3, readlinkSync as readlinkSync2 } from "node:fs";
import path4 from "node:path";

// src/util/pool.ts
async function mapBounded(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  let failure;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}

// src/toolchains/disk-tree.ts
import { createHash as createHash2, webcrypto } from "node:crypto";
import { lstatSync as lstatSync2, readdirSync, readlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path3 from "node:path";
function walkTree(root) {
  const out = [];
  const pending = [""];
  while (pending.length > 0) {
    const relative = pending.pop();
    const dir = relative === "" ? root : path3.join(root, relative);
    for (const name of readdirSync(dir)) {
      const child = relative === "" ? name : `${relative}/${name}`;
      const stats = lstatSync2(path3.join(dir, name));
      out.push({ path: child, stats });
      if (stats.isDirectory()) pending.push(child);
    }
  }
  return out;
}
var THREAD_POOL_HASH_BYTES = 1 << 20;
async function hashFile(file) {
  const content = await readFile(file);
  if (content.length < THREAD_POOL_HASH_BYTES) return createHash2("sha256").update(content).digest("hex");
  return Buffer.from(await webcrypto.subtle.digest("SHA-256", content)).toString("hex");
}
var HASH_CONCURRENCY = 4;
async function treeFromDisk(root) {
  const walked = walkTree(root);
  const entries = await mapBounded(walked, HASH_CONCURRENCY, async ({ path: relative, stats }) => {
    if (stats.isDirectory()) return { path: relative, type: "dir", mode: modeString(stats.mode) };
    if (stats.isSymbolicLink()) return { path: relative, type: "symlink", target: readlinkSync(path3.join(root, relative)) };
    if (stats.isFile()) return { path: relative, type: "file", mode: modeString(stats.mode), size: stats.size, sha256: await hashFile(path3.join(root, relative)) };
    return void 0;
  });
  return sortTree(entries.filter((e) => e !== void 0));
}

// src/toolchains/verify.ts
var MAX_DIFFERENCES = 100;
var KIND = { file: "a file", dir: "a folder", symlink: "a symbolic link", other: "something else (a device, a socket or a pipe)" };
function compareEntry(expected, observed2) {
  if (!observed2) return "missing";
  if (observed2.type !== expected.type) return `${KIND[observed2.type]} where ${KIND[expected.type]} was installed`;
  if (expected.type === "file" && observed2.type === "file") {
    if (observed2.size !== expected.size) return `${observed2.size} bytes where ${expected.size} were installed`;
    if (observed2.mode !== expected.mode) return `mode ${observed2.mode} where ${expected.mode} was installed`;
  }
  if (expected.type === "dir" && observed2.type === "dir" && observed2.mode !== expected.mode) return `mode ${observed2.mode} where ${expected.mode} was installed`;
  if (expected.type === "symlink" && observed2.type === "symlink" && observed2.target !== expected.target) {
    return `links to ${JSON.stringify(observed2.target)} where it linked to ${JSON.stringify(expected.target)}`;
  }
  return void 0;
}
function describeDifferences(result, shown = 5) {
  const total = result.differences.length + result.more;
  const listed = result.differences.slice(0, shown).map((d) => `${d.path}: ${d.problem}`);
  return total > shown ? `${listed.join("; ")}; and ${total - shown} more` : listed.join("; ");
}
function observe(file) {
  let stats;
  try {
    stats = lstatSync3(file, { throwIfNoEntry: false });
  } catch {
    return void 0;
  }
  return stats && observed(stats, file);
}
function observed(stats, file) {
  if (stats.isFile()) return { type: "file", mode: modeString(stats.mode), size: stats.size };
  if (stats.isDirectory()) return { type: "dir", mode: modeString(stats.mode) };
  if (stats.isSymbolicLink()) return { type: "symlink", target: readlinkSync2(file) };
  return { type: "other" };
}
async function verifyTree(goroot, entries, level, previous) {
  const recordedAt = Date.now();
  const differences = [];
  const stamps = {};
  const hash = ({ entry, file, stamp }) => hashFile(file).then(
    (sha256) => {
      if (sha256 !== entry.sha256) return { path: entry.path, problem: "content differs" };
      if (stamp !== void 0) stamps[entry.path] = stamp;
      return void 0;
    },
    (err) => ({ path: entry.path, problem: `cannot be read: ${err.message}` })
  );
  const executed = [];
  let trusted = 0;
  for (const entry of entries) {
    if (entry.type !== "file" || !isExecutedFile(entry.path)) continue;
    const file = `${goroot}/${entry.path}`;
    const stats = lstatSync3(file, { throwIfNoEntry: false });
    const stamp = stats?.isFile() ? stampOf(stats) : void 0;
    if (level === "fast" && stats && stamp && stats.size === entry.size && unchangedSince(previous, entry.path, stats)) {
      stamps[entry.path] = stamp;
      trusted++;
    } else executed.push({ entry, file, ...stamp ? { stamp } : {} });
  }
  const early = mapBounded(executed, HASH_CONCURRENCY, hash);
  const toHash = [];
  const differing = /* @__PURE__ */ new Set();
  for (let start = 0; start < entries.length; start += LSTAT_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const entry of entries.slice(start, start + LSTAT_SLICE)) {
      const file = `${goroot}/${entry.path}`;
      const problem = compareEntry(entry, observe(file));
      if (problem) {
        differences.push({ path: entry.path, problem });
        differing.add(entry.path);
      } else if (entry.type === "file" && level === "full" && !isExecutedFile(entry.path)) toHash.push({ entry, file });
    }
  }
  if (level === "full") differences.push(...extraEntries(goroot, entries));
  const hashed = [...await early, ...await mapBounded(toHash, HASH_CONCURRENCY, hash)];
  for (const difference of hashed) if (difference && !differing.has(difference.path)) differences.push(difference);
  for (const path9 of differing) delete stamps[path9];
  differences.sort((a, b) => comparePaths(a.path, b.path));
  const unchanged = previous !== void 0 && executed.length === 0 && differing.size === 0 && trusted === Object.keys(previous.files).length;
  return {
    level,
    entries: entries.length,
    hashed: executed.length + toHash.length,
    unchanged: trusted,
    differences: differences.slice(0, MAX_DIFFERENCES),
    more: Math.max(0, differences.length - MAX_DIFFERENCES),
    stamps: unchanged ? previous : { recordedAt, files: stamps }
  };
}
var LSTAT_SLICE = 2e3;
function extraEntries(goroot, entries) {
  const expected = /* @__PURE__ */ new Set();
  for (const entry of entries) {
    expected.add(entry.path);
    for (let at = entry.path.lastIndexOf("/"); at > 0; at = entry.path.lastIndexOf("/", at - 1)) expected.add(entry.path.slice(0, at));
  }
  const extras = [];
  try {
    for (const { path: relative, stats } of walkTree(goroot)) {
      if (!expected.has(relative)) extras.push({ path: relative, problem: `${KIND[observed(stats, path4.join(goroot, relative)).type]} the archive did not hold` });
    }
  } catch (err) {
    extras.push({ path: ".", problem: `cannot be listed: ${err.message}` });
  }
  return extras;
}

// src/go/reuse.ts
var execFileAsync2 = promisify2(execFile2);
function checksOf(check) {
  const manifestStamps = check.ok ? check.manifestStamps : void 0;
  return { ...check.result ? { stamps: check.result.stamps } : {}, ...manifestStamps ? { manifestStamps } : {} };
}
function checkOutcome(check) {
  if (!check.ok) return "damaged";
  return check.verified === "unverified" ? "unverified" : `verified ${check.verified}`;
}
async function checkToolchain(goroot, expected, level, previous) {
  let read;
  try {
    read = await readStampedManifestOf(goroot, level === "fast" ? previous?.manifestStamps : void 0);
  } catch (err) {
    return { ok: false, verified: level, problem: `has a damaged install manifest: ${err.message}` };
  }
  if (!read) {
    const problem = await goDisagrees(goroot, expected);
    return problem ? { ok: false, verified: "unverified", problem } : { ok: true, verified: "unverified" };
  }
  const { manifest } = read;
  const other = [
    manifest.version !== expected.version ? `Go ${manifest.version}` : "",
    manifest.os !== expected.os || manifest.arch !== expected.arch ? `${manifest.os}/${manifest.arch}` : "",
    expected.sha256 !== void 0 && manifest.source.sha256 !== expected.sha256.toLowerCase() ? `the archive with sha256 ${manifest.source.sha256}` : ""
  ].filter(Boolean);
  if (other.length > 0) {
    const wanted = `Go ${expected.version} for ${expected.os}/${expected.arch}${expected.sha256 ? ` from the archive with sha256 ${expected.sha256}` : ""}`;
    return { ok: false, verified: level, problem: `has an install manifest of ${other.join(", ")}, not of ${wanted}` };
  }
  const result = await verifyTree(goroot, manifest.tree.entries, level, level === "fast" ? previous?.stamps : void 0);
  if (result.differences.length > 0) return { ok: false, verified: level, problem: `differs from its install manifest: ${describeDifferences(result)}`, result };
  return { ok: true, verified: level, result, manifestStamps: read.stamps, manifestChecked: read.checked };
}
async function goDisagrees(goroot, expected) {
  const go = goBinary(goroot, expected);
  const env = { ...process.env, GOTOOLCHAIN: "local" };
  delete env.GOROOT;
  const run = async (args) => (await execFileAsync2(go, args, { env, timeout: 6e4 })).stdout.trim();
  try {
    const [versionOutput, reported, here] = await Promise.all([run(["version"]), run(["env", "GOROOT"]), realpath(goroot)]);
    const version = parseGoVersionOutput(versionOutput);
    if (version !== expected.version) return `has no install manifest and its go version prints ${JSON.stringify(versionOutput)}, not go${expected.version}`;
    const where = await realpath(reported).catch(() => reported);
    if (where !== here) return `has no install manifest and its go env GOROOT is ${reported}, not the folder itself`;
    return void 0;
  } catch (err) {
    return `has no install manifest and its go does not run: ${err.message.trim()}`;
  }
}

// src/toolchains/audit.ts
import { appendFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path5 from "node:path";
function jobIdentity(env = process.env) {
  if (env.GITHUB_RUN_ID) return `github:${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? "1"}/${env.GITHUB_JOB ?? ""}`;
  let user = "";
  try {
    user = os.userInfo().username;
  } catch {
  }
  return `${user ? `${user}@` : ""}${os.hostname()} pid ${process.pid}`;
}
function auditLine(record) {
  return `${JSON.stringify(record)}
`;
}
var AuditLog = class _AuditLog {
  constructor(file, job, warn) {
    this.file = file;
    this.job = job;
    this.warn = warn;
  }
  file;
  job;
  warn;
  warned = false;
  static of(toolCacheDir, warn, env = process.env) {
    return new _AuditLog(auditLogOf(toolCacheDir), jobIdentity(env), warn);
  }
  async append(entry, now = /* @__PURE__ */ new Date()) {
    const line = auditLine({ time: now.toISOString(), ...entry, job: this.job });
    try {
      await mkdir(path5.dirname(this.file), { recursive: true });
      await appendFile(this.file, line, { flag: "a" });
    } catch (err) {
      if (this.warned) return;
      this.warned = true;
      this.warn(`cannot append to the toolchain audit log ${this.file}: ${err.message}`);
    }
  }
};

// src/toolchains/state.ts
import { readFile as readFile2 } from "node:fs/promises";
async function readState(dir) {
  try {
    const json = JSON.parse(await readFile2(sidecarsOf(dir).state, "utf8"));
    return typeof json.lastUsed === "string" ? json : void 0;
  } catch {
    return void 0;
  }
}
async function writeState(dir, state) {
  await writeFileAtomically(sidecarsOf(dir).state, `${JSON.stringify(state)}
`);
}

// src/toolchains/inventory.ts
import { existsSync, lstatSync as lstatSync4, readdirSync as readdirSync2, statSync } from "node:fs";
import path7 from "node:path";

// src/toolchains/leases.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { mkdir as mkdir2, readdir, readFile as readFile3, rm as rm2, rmdir, stat, utimes, writeFile as writeFile2 } from "node:fs/promises";
import path6 from "node:path";

// src/util/owner.ts
import { readlinkSync as readlinkSync3 } from "node:fs";
import os2 from "node:os";
var HEARTBEAT_MS = 3e4;
var STALE_AFTER_MS = 10 * 6e4;
function currentOwner() {
  return { pid: process.pid, host: os2.hostname(), pidNamespace: pidNamespace(), started: (/* @__PURE__ */ new Date()).toISOString() };
}
var namespace;
function pidNamespace() {
  if (namespace === void 0) {
    try {
      namespace = process.platform === "linux" ? readlinkSync3("/proc/self/ns/pid") : "";
    } catch {
      namespace = "";
    }
  }
  return namespace;
}
function isAbandoned(owner, silentForMs, here, isAlive) {
  if (silentForMs > STALE_AFTER_MS) return true;
  if (!owner) return false;
  const sameMachine = owner.host === here.host && owner.pidNamespace === here.pidNamespace;
  return sameMachine && !isAlive(owner.pid);
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function parseOwner(text) {
  try {
    const value = JSON.parse(text);
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.pidNamespace === "string" && typeof value.started === "string") {
      return value;
    }
  } catch {
  }
  return void 0;
}

// src/toolchains/leases.ts
async function leasesOf(dir, now = Date.now()) {
  const folder = sidecarsOf(dir).leases;
  let names;
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  const here = currentOwner();
  const leases = await Promise.all(
    names.map(async (name) => {
      const file = path6.join(folder, name);
      try {
        const [text, info] = await Promise.all([readFile3(file, "utf8"), stat(file)]);
        const owner = parseOwner(text);
        return { file, owner, renewedAt: info.mtime, live: !isAbandoned(owner, now - info.mtimeMs, here, processAlive) };
      } catch {
        return void 0;
      }
    })
  );
  return leases.filter((l) => l !== void 0);
}
async function hasLiveLease(dir) {
  return (await leasesOf(dir)).some((l) => l.live);
}
var LeaseHolder = class {
  constructor(heartbeatMs = HEARTBEAT_MS) {
    this.heartbeatMs = heartbeatMs;
  }
  heartbeatMs;
  files = /* @__PURE__ */ new Set();
  timer;
  /** Takes a lease on the toolchain at `dir` (whether or not it is installed yet). */
  async take(dir) {
    const folder = sidecarsOf(dir).leases;
    await mkdir2(folder, { recursive: true });
    const file = path6.join(folder, `${randomBytes2(8).toString("hex")}.json`);
    await writeFile2(file, `${JSON.stringify(currentOwner())}
`);
    this.files.add(file);
    this.timer ??= setInterval(() => void this.renew(), this.heartbeatMs).unref();
  }
  async renew(now = /* @__PURE__ */ new Date()) {
    await Promise.all([...this.files].map((f) => utimes(f, now, now).catch(() => void 0)));
  }
  get held() {
    return [...this.files];
  }
  /**
   * Releases the lease on `dir` (an install that failed), and the folders the lease made when they
   * hold nothing else, so that a failed install leaves the tool cache as it was.
   */
  async release(dir) {
    const folder = sidecarsOf(dir).leases;
    for (const file of this.files) {
      if (path6.dirname(file) !== folder) continue;
      this.files.delete(file);
      await rm2(file, { force: true });
    }
    await rmdir(folder).catch(() => void 0);
    await rmdir(path6.dirname(dir)).catch(() => void 0);
  }
  async releaseAll() {
    if (this.timer) clearInterval(this.timer);
    this.timer = void 0;
    const files = [...this.files];
    this.files.clear();
    await Promise.all(files.map((f) => rm2(f, { force: true })));
  }
};

// src/toolchains/inventory.ts
function isToolchainFolderName(name) {
  return !name.startsWith(".") && !name.includes(REMOVING_INFIX) && !name.includes(".stale-") && !SIDECAR_SUFFIXES.some((s) => name.endsWith(s)) && !name.includes(".tmp-");
}
async function listToolchains(toolCacheDir) {
  const goDir = goFolderOf(toolCacheDir);
  const found = [];
  const folders = (dir) => {
    try {
      return readdirSync2(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && isToolchainFolderName(d.name)).map((d) => d.name).sort();
    } catch {
      return [];
    }
  };
  for (const version of folders(goDir)) {
    for (const arch of folders(path7.join(goDir, version))) {
      const dir = path7.join(goDir, version, arch);
      found.push(await describe(dir, version, arch));
    }
  }
  return found;
}
async function describe(dir, version, arch) {
  const sidecars = sidecarsOf(dir);
  let manifest;
  let manifestError;
  try {
    manifest = await readManifestOf(dir);
  } catch (err) {
    manifestError = err.message;
  }
  const state = await readState(dir);
  const marker = existsSync(sidecars.marker) ? statSync(sidecars.marker).mtime : void 0;
  const lastUsed = state ? new Date(state.lastUsed) : marker;
  const liveLeases = (await leasesOf(dir)).filter((l) => l.live).length;
  return { version, arch, dir, complete: marker !== void 0, manifest, ...manifestError ? { manifestError } : {}, state, lastUsed, sizeOnDisk: diskUsage(dir), liveLeases };
}
function diskUsage(dir) {
  const seen = /* @__PURE__ */ new Set();
  let bytes = 0;
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop();
    let stats;
    try {
      stats = lstatSync4(current, { bigint: false });
    } catch {
      continue;
    }
    const key = `${stats.dev}:${stats.ino}`;
    if (stats.nlink > 1 && !stats.isDirectory()) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    bytes += stats.blocks * 512;
    if (stats.isDirectory()) {
      try {
        for (const name of readdirSync2(current)) pending.push(path7.join(current, name));
      } catch {
      }
    }
  }
  return bytes;
}
function formatSize(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!match) return void 0;
  const power = ["", "k", "m", "g", "t"].indexOf((match[2] ?? "").toLowerCase());
  return Math.round(Number(match[1]) * 1024 ** power);
}

// src/toolchains/prune.ts
var import_semver2 = __toESM(require_semver(), 1);
import { existsSync as existsSync2 } from "node:fs";
import { lstat as lstat2, rename as rename2, rm as rm3, rmdir as rmdir2, writeFile as writeFile3 } from "node:fs/promises";
import path8 from "node:path";
var DAY_MS = 24 * 60 * 6e4;
function seriesOf(version) {
  const parsed = import_semver2.default.parse(version);
  return parsed ? `${parsed.major}.${parsed.minor}` : version;
}
function newestFirst(a, b) {
  const [pa, pb] = [import_semver2.default.valid(a), import_semver2.default.valid(b)];
  if (pa && pb) return import_semver2.default.rcompare(pa, pb);
  return pa ? -1 : pb ? 1 : a < b ? 1 : -1;
}
function selectForRemoval(candidates, policy, now) {
  const reasons = /* @__PURE__ */ new Map();
  if (policy.unusedDays !== void 0) {
    const cutoff = now.getTime() - policy.unusedDays * DAY_MS;
    for (const c of candidates) {
      if (c.lastUsed === void 0) reasons.set(c, "never recorded as used");
      else if (c.lastUsed.getTime() < cutoff) reasons.set(c, `unused for ${Math.floor((now.getTime() - c.lastUsed.getTime()) / DAY_MS)} days`);
    }
  }
  if (policy.keepNewestPatches !== void 0) {
    const groups = /* @__PURE__ */ new Map();
    for (const c of candidates) {
      const key = `${seriesOf(c.version)} ${c.arch}`;
      groups.set(key, [...groups.get(key) ?? [], c]);
    }
    for (const group of groups.values()) {
      const sorted = [...group].sort((a, b) => newestFirst(a.version, b.version));
      for (const c of sorted.slice(policy.keepNewestPatches)) {
        if (!reasons.has(c)) reasons.set(c, `older than the ${policy.keepNewestPatches} newest of Go ${seriesOf(c.version)}`);
      }
    }
  }
  if (policy.maxSize !== void 0) {
    let total = candidates.filter((c) => !reasons.has(c) || c.held).reduce((sum, c) => sum + c.sizeOnDisk, 0);
    const byAge = candidates.filter((c) => !reasons.has(c) && !c.held).sort((a, b) => (a.lastUsed?.getTime() ?? 0) - (b.lastUsed?.getTime() ?? 0));
    for (const c of byAge) {
      if (total <= policy.maxSize) break;
      reasons.set(c, `least recently used while the toolchains exceed ${policy.maxSize} bytes`);
      total -= c.sizeOnDisk;
    }
  }
  const selected = candidates.filter((c) => reasons.has(c)).map((candidate) => ({ candidate, reason: reasons.get(candidate) }));
  return {
    remove: selected.filter((s) => !s.candidate.held),
    held: selected.filter((s) => s.candidate.held).map((s) => ({ ...s, reason: `${s.reason}, but held by a running job` }))
  };
}
async function removeToolchain(dir) {
  const sidecars = sidecarsOf(dir);
  if (await hasLiveLease(dir)) return "held";
  let seen;
  try {
    seen = await lstat2(dir);
  } catch {
    return "gone";
  }
  const hadMarker = existsSync2(sidecars.marker);
  await rm3(sidecars.marker, { force: true });
  if (await hasLiveLease(dir)) {
    if (hadMarker) await writeFile3(sidecars.marker, "");
    return "held";
  }
  const aside = removingPathOf(dir);
  try {
    await rename2(dir, aside);
  } catch (err) {
    if (err.code === "ENOENT") return "gone";
    throw err;
  }
  const moved = await lstat2(aside);
  if (moved.ino !== seen.ino || moved.dev !== seen.dev) {
    await rename2(aside, dir).catch(() => rm3(aside, { recursive: true, force: true }));
    return "held";
  }
  await Promise.all([rm3(sidecars.manifest, { force: true }), rm3(sidecars.state, { force: true }), ...(await leasesOf(dir)).filter((l) => !l.live).map((l) => rm3(l.file, { force: true }))]);
  await rm3(aside, { recursive: true, force: true });
  await rmdir2(sidecars.leases).catch(() => void 0);
  await rmdir2(path8.dirname(dir)).catch(() => void 0);
  return "removed";
}

// src/toolchains/reclaim.ts
async function pruneToolCache(toolCacheDir, policy, options = {}) {
  const now = options.now ?? /* @__PURE__ */ new Date();
  const toolchains = await listToolchains(toolCacheDir);
  const { remove, held } = selectForRemoval(
    toolchains.map((t) => ({ ...t, held: t.liveLeases > 0 })),
    policy,
    now
  );
  const outcomes = held.map(({ candidate, reason }) => ({ toolchain: candidate, reason, result: "held" }));
  for (const { candidate, reason } of remove) {
    if (options.dryRun) {
      outcomes.push({ toolchain: candidate, reason, result: "would remove" });
      continue;
    }
    let outcome;
    try {
      const result = await removeToolchain(candidate.dir);
      outcome = { toolchain: candidate, reason: result === "held" ? `${reason}, but a job took it meanwhile` : reason, result };
    } catch (err) {
      outcome = { toolchain: candidate, reason, result: "failed", error: err.message };
    }
    outcomes.push(outcome);
    await options.audit?.append(
      {
        event: "remove",
        version: candidate.version,
        arch: candidate.arch,
        path: candidate.dir,
        outcome: outcome.result === "removed" ? "ok" : outcome.result,
        detail: outcome.error ?? reason,
        ...outcome.result === "removed" ? { bytes: candidate.sizeOnDisk } : {}
      },
      now
    );
  }
  const freed = outcomes.filter((o) => o.result === "removed" || o.result === "would remove").reduce((sum, o) => sum + o.toolchain.sizeOnDisk, 0);
  return { outcomes, freed };
}
async function pruneForRetention(toolCacheDir, days, audit, logger) {
  let report;
  try {
    report = await pruneToolCache(toolCacheDir, { unusedDays: days }, { audit });
  } catch (err) {
    logger.warning(`toolchain-retention-days: cannot prune ${toolCacheDir}: ${err.message}`);
    return void 0;
  }
  for (const o of report.outcomes) {
    const what = `Go ${o.toolchain.version} (${o.toolchain.arch}) at ${o.toolchain.dir}`;
    if (o.result === "failed") logger.warning(`toolchain-retention-days: cannot remove ${what}: ${o.error}`);
    else logger.info(`toolchain-retention-days: ${o.result} ${what}: ${o.reason}`);
  }
  const removed = report.outcomes.filter((o) => o.result === "removed");
  const kept = report.outcomes.filter((o) => o.result === "held").length;
  if (removed.length === 0 && kept === 0) return void 0;
  const versions = removed.map((o) => o.toolchain.version).join(", ");
  return `toolchain retention (${days} days): ${removed.length === 0 ? "nothing removed" : `reclaimed ${formatSize(report.freed)} (Go ${versions})`}${kept > 0 ? `, ${kept} kept while a job holds ${kept === 1 ? "it" : "them"}` : ""}`;
}

export {
  modeString,
  sortTree,
  isExecutedFile,
  currentPlatform,
  goBinary,
  goVersionAt,
  mapBounded,
  HEARTBEAT_MS,
  currentOwner,
  isAbandoned,
  processAlive,
  parseOwner,
  goToSemver,
  semverToGo,
  resolveVersions,
  treeFromDisk,
  buildManifest,
  formatManifest,
  stampFiles,
  sidecarsOf,
  removingPathOf,
  writeFileAtomically,
  stampWrittenManifest,
  checksOf,
  checkOutcome,
  checkToolchain,
  AuditLog,
  LeaseHolder,
  readState,
  writeState,
  listToolchains,
  formatSize,
  parseSize,
  pruneToolCache,
  pruneForRetention
};

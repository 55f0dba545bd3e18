import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  INPUTS
} from "./chunk-DH4SDH7Q.js";

// src/util/split-args.ts
function splitArgs(text) {
  const words2 = [];
  let word = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words2.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in ${JSON.stringify(text)}`);
  if (inWord) words2.push(word);
  return words2;
}
function splitList(text) {
  return text.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== "");
}
function joinArgs(words2) {
  return words2.map((w) => /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
}

// src/util/glob.ts
var MAGIC = /[*?[]/;
function isGlob(entry) {
  return MAGIC.test(entry);
}
function globToRegExp(pattern) {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*" && pattern[i + 1] === "*") {
      const atStart = i === 0 || pattern[i - 1] === "/";
      const slashAfter = pattern[i + 2] === "/";
      if (atStart && slashAfter) {
        out += "(?:[^/]*/)*";
        i += 2;
      } else if (atStart && i + 2 === pattern.length) {
        out += ".*";
        i += 1;
      } else {
        out += "[^/]*";
        i += 1;
      }
    } else if (c === "*") {
      out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close === -1) {
        out += "\\[";
      } else {
        const body = pattern.slice(i + 1, close);
        const negated = body.startsWith("!") || body.startsWith("^");
        const chars = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, (m) => `\\${m}`);
        out += negated ? `[^/${chars}]` : `[${chars}]`;
        i = close;
      }
    } else {
      out += c.replace(/[.+^${}()|\\/]/g, (m) => `\\${m}`);
    }
  }
  return new RegExp(`^${out}$`);
}

// src/modules/selection.ts
var ModuleSelectionError = class extends Error {
  name = "ModuleSelectionError";
};
var UNIT_REPORT_FILES = ["coverage.out", "coverage.lcov", "test.json", "build.log"];
function parseModuleSelection(text) {
  const entries = splitList(text);
  if (entries.length === 0) return { kind: "root" };
  let auto = false;
  const include = [];
  const exclude = [];
  for (const entry of entries) {
    if (entry === "auto") {
      auto = true;
    } else if (entry.startsWith("!")) {
      exclude.push(normalizeEntry(entry.slice(1), entry));
    } else {
      include.push(normalizeEntry(entry, entry));
    }
  }
  return { kind: "list", auto: auto || include.length === 0, include, exclude };
}
function normalizeEntry(raw, written) {
  const posix = raw.trim().replace(/\\/g, "/");
  if (posix === "") throw new ModuleSelectionError(`${JSON.stringify(written)} names no folder`);
  if (posix.startsWith("/") || /^[A-Za-z]:/.test(posix)) {
    throw new ModuleSelectionError(`${JSON.stringify(written)} is absolute; give folders relative to working-directory`);
  }
  const segments = posix.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) {
    throw new ModuleSelectionError(
      `${JSON.stringify(written)} leaves working-directory; every module must lie inside it (set working-directory to a folder that holds them all)`
    );
  }
  return segments.length === 0 ? "." : segments.join("/");
}
function matcher(entry) {
  if (!isGlob(entry)) return (dir) => dir === entry;
  const re = globToRegExp(entry);
  return (dir) => dir !== "." && re.test(dir);
}
function applySelection(selection, found, auto) {
  const chosen = new Set(selection.auto ? auto : []);
  const unmatched = [];
  for (const entry of selection.include) {
    if (!isGlob(entry)) {
      chosen.add(entry);
      continue;
    }
    const matches = matcher(entry);
    const hits = found.filter(matches);
    if (hits.length === 0) unmatched.push(entry);
    for (const hit of hits) chosen.add(hit);
  }
  const excluded = selection.exclude.map(matcher);
  const dirs = [...chosen].filter((dir) => !excluded.some((m) => m(dir))).sort(compareFolders);
  return { dirs, unmatched };
}
function compareFolders(a, b) {
  if (a === b) return 0;
  if (a === ".") return -1;
  if (b === ".") return 1;
  return a < b ? -1 : 1;
}
function checkReportFolders(dirs) {
  const chosen = new Set(dirs);
  for (const dir of dirs) {
    if (dir === ".") continue;
    const slash = dir.lastIndexOf("/");
    const parent = slash === -1 ? "." : dir.slice(0, slash);
    const name = dir.slice(slash + 1);
    if (chosen.has(parent) && UNIT_REPORT_FILES.includes(name)) {
      throw new ModuleSelectionError(
        `module ${dir}'s report folder would be module ${parent}'s ${name} (<report-directory>/<version>/${dir}); exclude one of them with !${dir} or !${parent}`
      );
    }
  }
}

// src/inputs/options.ts
import path from "node:path";

// src/cache/keys.ts
import { createHash } from "node:crypto";
var CACHE_SAVE_VALUES = ["default-branch", "always", "never"];
function buildCacheKeys(version, context) {
  return keysUnder(`go-matrix-build-${context.os}-${context.arch}-go${version}-`, context);
}
function moduleCacheKeys(context) {
  return keysUnder(`go-matrix-mod-${context.os}-${context.arch}-`, context);
}
function keysUnder(prefix, context) {
  const deps = context.dependencies || "nodeps";
  return { key: `${prefix}${deps}-${context.unique}`, restoreKeys: [`${prefix}${deps}-`, prefix] };
}
function digestOfDependencies(files) {
  if (files.length === 0) return "";
  const hash = createHash("sha256");
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name))) hash.update(`${f.name}\0${f.content}\0`);
  return hash.digest("hex").slice(0, 16);
}
function uniqueSavePart(env, now) {
  const time = now.toString(36);
  return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || "1"}-${time}` : `local-${time}`;
}
function decideCacheSave(mode, event) {
  if (mode === "never") return { save: false, why: "cache-save is never" };
  if (mode === "always") return { save: true, why: "cache-save is always" };
  if (event.eventName.startsWith("pull_request")) {
    return { save: false, why: "pull requests restore the default branch's caches and save none (cache-save: default-branch)" };
  }
  if (!event.defaultBranch) return { save: false, why: "the event does not name the default branch, so nothing is saved (cache-save: default-branch)" };
  if (event.ref !== `refs/heads/${event.defaultBranch}`) {
    return { save: false, why: `caches are saved on ${event.defaultBranch} only; this run is of ${event.ref || "no ref"} (cache-save: default-branch)` };
  }
  return { save: true, why: `a run on the default branch (${event.defaultBranch})` };
}

// src/inputs/options.ts
var InputError = class extends Error {
  name = "InputError";
};
function parseOptions(read) {
  const raw = (name) => {
    const value = read(name).trim();
    if (value !== "") return value;
    const def = INPUTS.find((i) => i.name === name)?.default ?? "";
    return def.startsWith("${{") ? "" : def;
  };
  const mode = oneOf(raw("mode"), "mode", ["run", "collect", "aggregate"]);
  const options = {
    goVersions: splitList(raw("go-versions")),
    goVersionFile: raw("go-version-file"),
    workingDirectory: raw("working-directory"),
    packages: words(raw("packages"), "packages"),
    build: bool(raw("build"), "build"),
    vet: bool(raw("vet"), "vet"),
    buildTargets: splitList(raw("build-targets")).map(parseTarget),
    testFlags: testFlags(words(raw("test-flags"), "test-flags")),
    coverMode: raw("cover-mode") === "" ? "" : oneOf(raw("cover-mode"), "cover-mode", ["set", "count", "atomic"]),
    coverPackages: raw("cover-packages"),
    maxParallel: integer(raw("max-parallel"), "max-parallel", 0),
    timeoutMinutes: number(raw("timeout-minutes"), "timeout-minutes", { min: 0, exclusiveMin: true }),
    failOnTestFailure: bool(raw("fail-on-test-failure"), "fail-on-test-failure"),
    referenceVersion: raw("reference-version"),
    maxVersionDelta: optionalNumber(raw("max-version-delta"), "max-version-delta", { min: 0 }),
    minCoverage: number(raw("min-coverage"), "min-coverage", { min: 0, max: 100 }),
    maxCoverageDrop: optionalNumber(raw("max-coverage-drop"), "max-coverage-drop", { min: 0 }),
    minDiffCoverage: optionalNumber(raw("min-diff-coverage"), "min-diff-coverage", { min: 0, max: 100 }),
    baseline: parseBaseline(raw("baseline")),
    comment: bool(raw("comment"), "comment"),
    commentKey: raw("comment-key"),
    githubToken: raw("github-token"),
    downloadBaseUrl: url(raw("download-base-url"), "download-base-url"),
    localToolchains: splitList(raw("local-toolchains")),
    cache: bool(raw("cache"), "cache"),
    cacheSave: oneOf(raw("cache-save"), "cache-save", CACHE_SAVE_VALUES),
    modules: modules(raw("modules")),
    verify: oneOf(raw("verify"), "verify", ["fast", "full"]),
    toolchainRetentionDays: number(raw("toolchain-retention-days"), "toolchain-retention-days", { min: 0 }),
    reportDirectory: staysInside(raw("report-directory"), "report-directory"),
    mode,
    reports: splitList(raw("reports"))
  };
  if (mode !== "aggregate" && options.goVersions.length === 0 && options.goVersionFile === "") {
    throw new InputError("input go-versions: give at least one Go version (or go-version-file)");
  }
  if (mode === "aggregate" && options.reports.length === 0) {
    throw new InputError("input reports: mode aggregate needs the report.json files to combine (a glob or a list)");
  }
  return options;
}
function bool(value, name) {
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new InputError(`input ${name}: ${JSON.stringify(value)} is not a boolean (use true or false)`);
}
function number(value, name, bounds = {}) {
  const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new InputError(`input ${name}: ${JSON.stringify(value)} is not a number`);
  const { min, max, exclusiveMin } = bounds;
  if (min !== void 0 && (exclusiveMin ? n <= min : n < min)) {
    throw new InputError(`input ${name}: ${value} must be ${exclusiveMin ? "greater than" : "at least"} ${min}`);
  }
  if (max !== void 0 && n > max) throw new InputError(`input ${name}: ${value} must be at most ${max}`);
  return n;
}
function optionalNumber(value, name, bounds) {
  return value === "" ? null : number(value, name, bounds);
}
function integer(value, name, min) {
  const n = number(value, name, { min });
  if (!Number.isInteger(n)) throw new InputError(`input ${name}: ${value} is not a whole number`);
  return n;
}
function oneOf(value, name, allowed) {
  if (allowed.includes(value)) return value;
  throw new InputError(`input ${name}: ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
}
function words(value, name) {
  try {
    return splitArgs(value);
  } catch (err) {
    throw new InputError(`input ${name}: ${err.message}`, { cause: err });
  }
}
var CONFLICTING_TEST_FLAGS = {
  coverprofile: () => "go-matrix writes each version's profile itself (<report-directory>/<version>/coverage.out); remove it",
  covermode: () => "use the cover-mode input instead, so that every version and the report agree on the mode",
  coverpkg: () => "use the cover-packages input instead",
  cover: (value) => value !== void 0 && isFalse(value) ? "go-matrix needs coverage on" : null,
  json: (value) => value !== void 0 && isFalse(value) ? "go-matrix reads go test's -json stream" : null,
  c: (value) => value === void 0 || !isFalse(value) ? "it compiles the test binaries without running them, so no test would run and there would be no coverage" : null,
  list: () => "it lists the tests without running them, so there would be no coverage"
};
function testFlags(flags) {
  for (const flag of flags) {
    if (flag === "-args" || flag === "--args" || flag === "--") break;
    const match = /^--?(?:test\.)?([A-Za-z0-9]+)(?:=(.*))?$/s.exec(flag);
    if (!match) continue;
    const [, name, value] = match;
    const why = Object.hasOwn(CONFLICTING_TEST_FLAGS, name) ? CONFLICTING_TEST_FLAGS[name]?.(value) : null;
    if (why) throw new InputError(`input test-flags: ${flag} conflicts with go-matrix's own flags: ${why}`);
  }
  return flags;
}
function isFalse(value) {
  return ["0", "f", "F", "false", "FALSE", "False"].includes(value);
}
function staysInside(value, name) {
  if (value !== "" && !path.isAbsolute(value) && path.normalize(value).split(/[\\/]/)[0] === "..") {
    throw new InputError(`input ${name}: ${JSON.stringify(value)} leaves the workspace; a relative path must stay inside it (give an absolute path for a folder elsewhere)`);
  }
  return value;
}
function modules(value) {
  try {
    return parseModuleSelection(value);
  } catch (err) {
    throw new InputError(`input modules: ${err.message}`, { cause: err });
  }
}
function parseTarget(text) {
  const match = /^([a-z0-9]+)\/([a-z0-9]+)$/.exec(text);
  if (!match) throw new InputError(`input build-targets: ${JSON.stringify(text)} is not GOOS/GOARCH (like linux/arm64)`);
  return { goos: match[1], goarch: match[2] };
}
function parseBaseline(value) {
  if (value === "auto") return { kind: "auto" };
  if (value === "none") return { kind: "none" };
  return { kind: "path", path: value };
}
function url(value, name) {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("not http(s)");
  } catch (err) {
    throw new InputError(`input ${name}: ${JSON.stringify(value)} is not an http(s) URL`, { cause: err });
  }
  return value.replace(/\/+$/, "");
}

export {
  joinArgs,
  buildCacheKeys,
  moduleCacheKeys,
  digestOfDependencies,
  uniqueSavePart,
  decideCacheSave,
  isGlob,
  globToRegExp,
  ModuleSelectionError,
  applySelection,
  compareFolders,
  checkReportFolders,
  InputError,
  parseOptions
};

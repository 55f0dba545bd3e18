import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  errorMessage
} from "./chunk-62AH5CLN.js";
import {
  READABLE_SCHEMA_VERSIONS,
  SCHEMA_VERSION,
  checkInputFiles,
  claimReportEntries,
  combineModuleCoverage,
  concludeRun,
  countOwnTests,
  isInside,
  prepareReportFolder,
  renderStopped,
  reportDirectoryOf,
  reportJson,
  stoppedVerdict,
  versionOfModules
} from "./chunk-NFFW3GOK.js";
import {
  compareFolders,
  globToRegExp,
  isGlob
} from "./chunk-GCRRJQIJ.js";
import {
  CoverageError,
  lineCoverage,
  parseLcov,
  readProfile,
  summarizeLines,
  summarizeStatements,
  summary
} from "./chunk-FFUFBHAD.js";

// src/aggregate/aggregate.ts
import { writeFile } from "node:fs/promises";
import path3 from "node:path";

// src/util/shape.ts
var string = (max, pattern, what) => ({ kind: "string", max, ...pattern ? { pattern } : {}, ...what ? { what } : {} });
var number = (min, max) => ({ kind: "number", min, max, integer: false });
var integer = (min, max) => ({ kind: "number", min, max, integer: true });
var boolean = { kind: "boolean" };
var oneOf = (...values) => ({ kind: "oneOf", values });
var arrayOf = (of, max) => ({ kind: "array", of, max });
var object = (fields, check) => ({
  kind: "object",
  fields,
  ...check ? { check } : {}
});
var nullable = (of) => ({ kind: "nullable", of });
var optional = (of) => ({ kind: "optional", of });
function conform(value, shape, path4 = "") {
  const at = path4 === "" ? "the value" : path4;
  const fail = (problem) => ({ ok: false, problem });
  const got = () => `, got ${describe(value)}`;
  switch (shape.kind) {
    case "string":
      if (typeof value !== "string") return fail(`${at}: expected a string${got()}`);
      if (value.length > shape.max) return fail(`${at}: expected at most ${shape.max} characters, got ${value.length}`);
      if (shape.pattern && !shape.pattern.test(value)) return fail(`${at}: expected ${shape.what ?? `text matching ${shape.pattern}`}${got()}`);
      return { ok: true, value };
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return fail(`${at}: expected a number${got()}`);
      if (shape.integer && !Number.isInteger(value)) return fail(`${at}: expected a whole number${got()}`);
      if (value < shape.min || value > shape.max) return fail(`${at}: expected a number from ${shape.min} to ${shape.max}${got()}`);
      return { ok: true, value };
    case "boolean":
      return typeof value === "boolean" ? { ok: true, value } : fail(`${at}: expected true or false${got()}`);
    case "oneOf":
      return shape.values.includes(value) ? { ok: true, value } : fail(`${at}: expected one of ${shape.values.map((v) => JSON.stringify(v)).join(", ")}${got()}`);
    case "nullable":
      return value === null ? { ok: true, value } : conform(value, shape.of, path4);
    case "array": {
      if (!Array.isArray(value)) return fail(`${at}: expected a list${got()}`);
      if (value.length > shape.max) return fail(`${at}: expected at most ${shape.max} entries, got ${value.length}`);
      const copy = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = conform(value[i], shape.of, `${path4}[${i}]`);
        if (!item.ok) return item;
        copy[i] = item.value;
      }
      return { ok: true, value: copy };
    }
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return fail(`${at}: expected an object${got()}`);
      const record = value;
      const copy = {};
      for (const [name2, field] of Object.entries(shape.fields)) {
        const inner = path4 === "" ? name2 : `${path4}.${name2}`;
        const present = Object.hasOwn(record, name2) && record[name2] !== void 0;
        if (!present) {
          if (field.kind === "optional") continue;
          return fail(`${inner}: missing`);
        }
        const checked = conform(record[name2], field.kind === "optional" ? field.of : field, inner);
        if (!checked.ok) return checked;
        copy[name2] = checked.value;
      }
      const problem = shape.check?.(copy) ?? null;
      return problem === null ? { ok: true, value: copy } : fail(`${at}: ${problem}`);
    }
  }
}
function describe(value) {
  if (value === void 0) return "nothing";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object" && value !== null) return "an object";
  const text2 = typeof value === "number" && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
  return text2.length > 60 ? `${text2.slice(0, 57)}\u2026` : text2;
}

// src/aggregate/legs.ts
var AggregateError = class extends Error {
  name = "AggregateError";
};
function combineLegs(found, missing = []) {
  const reports = found.map((leg) => ({ file: leg.file, report: checkedLeg(leg.json, leg.file) }));
  const commits = /* @__PURE__ */ new Map();
  for (const { file, report } of reports) commits.set(report.commit, [...commits.get(report.commit) ?? [], file]);
  if (commits.size > 1) {
    const listed = [...commits].map(([commit, files]) => `${JSON.stringify(commit)} (${files.join(", ")})`).join(" and ");
    throw new AggregateError(`the reports are of different commits: ${listed}; every leg must test the same commit`);
  }
  const problems = [...missing];
  const rows = [];
  const seen = /* @__PURE__ */ new Map();
  for (const { file, report } of reports) {
    if (report.error !== void 0) problems.push({ file, kind: "failed", reason: report.error });
    for (const version of report.versions) {
      const key = `${version.version}
${version.platform ?? ""}`;
      const where = `Go ${version.version}${version.platform ? ` on ${version.platform}` : ""}`;
      const row = seen.get(key);
      if (row === void 0) {
        const added = version.modules ? { file, report: rowOfModules(version, version.modules, where, file), moduleFiles: new Map(version.modules.map((m) => [m.dir, file])) } : { file, report: version };
        seen.set(key, added);
        rows.push(added);
        continue;
      }
      if (!row.moduleFiles || !version.modules) {
        throw new AggregateError(`${where} is reported twice, by ${row.file} and by ${file}; give each leg its own versions, platform or modules`);
      }
      for (const m of version.modules) {
        const other = row.moduleFiles.get(m.dir);
        if (other !== void 0) throw new AggregateError(`${where}, module ${m.dir}, is reported twice, by ${other} and by ${file}; give each leg its own modules or versions`);
        row.moduleFiles.set(m.dir, file);
      }
      row.report = rowOfModules(row.report, [...row.report.modules ?? [], ...version.modules], where, file);
    }
  }
  if (rows.length > LEG_LIMITS.rows) {
    throw new AggregateError(`the legs report ${rows.length} versions in all; the aggregate takes at most ${LEG_LIMITS.rows}`);
  }
  const first = reports[0]?.report;
  return { rows, problems, commit: first?.commit ?? "", ref: first?.ref ?? "" };
}
function rowOfModules(version, modules, where, file) {
  const dirs = modules.map((m) => m.dir);
  const twice = dirs.find((d, i) => dirs.indexOf(d) !== i);
  if (twice !== void 0) throw new AggregateError(`${file}: ${where} lists module ${twice} twice`);
  const ordered = [...modules].sort((a, b) => compareFolders(a.dir, b.dir));
  return versionOfModules({ spec: version.spec, version: version.version, toolchain: version.toolchain, ...version.platform !== void 0 ? { platform: version.platform } : {} }, ordered);
}
function legsGate(legCount, problems) {
  if (problems.length === 0) {
    return { name: "legs", threshold: 0, actual: 0, passed: true, message: `All ${legCount} leg${legCount === 1 ? "" : "s"} reported.` };
  }
  const described = problems.map((p) => p.kind === "missing" ? `${p.file} is missing (${p.reason})` : `${p.file} failed: ${p.reason}`);
  return {
    name: "legs",
    threshold: 0,
    actual: problems.length,
    passed: false,
    message: `${problems.length} of ${legCount} leg${legCount === 1 ? "" : "s"} gave no report: ${described.join("; ")}.`
  };
}
var MIB = 1024 * 1024;
var LEG_LIMITS = {
  /** report.json files one aggregate reads. */
  legs: 1e3,
  /** Bytes of one leg's report.json, and of all of them together. */
  reportBytes: 128 * MIB,
  allReportsBytes: 512 * MIB,
  /** Bytes of a version's coverage.out (read as a stream) and coverage.lcov (read whole). */
  profileBytes: 1024 * MIB,
  lcovBytes: 256 * MIB,
  /** Rows (versions × platforms) one leg may report. */
  versionsPerLeg: 1e3,
  /** Rows all legs together may report. */
  rows: 2e3,
  failuresPerVersion: 1e5,
  packagesPerVersion: 1e5,
  /** Modules one version row may list (schema 2). */
  modulesPerVersion: 1e4,
  stepsPerVersion: 1e3,
  /** Notes on one version's run, and the slowest tests it lists (go-matrix writes a few of each). */
  notesPerVersion: 1e3,
  slowestTestsPerVersion: 1e3,
  /** Characters of a name (package, test, step, spec, commit, ref). */
  name: 4096,
  /** Characters of a free text (a reason, a failure's output, a leg's error). */
  text: 65536
};
var GO_VERSION = /^\d{1,4}\.\d{1,4}(?:\.\d{1,4})?(?:(?:rc|beta)\d{1,4})?$/;
var count = integer(0, Number.MAX_SAFE_INTEGER);
var counts = object(
  { covered: count, total: count, percent: number(0, 100) },
  (c) => c.covered > c.total ? `covered (${c.covered}) is more than total (${c.total})` : null
);
var seconds = number(0, 1e9);
var name = string(LEG_LIMITS.name);
var text = string(LEG_LIMITS.text);
var packages = arrayOf(object({ name, statements: counts }), LEG_LIMITS.packagesPerVersion);
var MODULE_DIR = /^(?:\.|(?!\.\.?(?:\/|$))[^/\\\0:]+(?:\/(?!\.\.?(?:\/|$))[^/\\\0:]+)*)$/;
var RUN_FIELDS = {
  status: oneOf("passed", "failed", "skipped", "error"),
  reason: optional(text),
  steps: optional(
    arrayOf(object({ name, ok: boolean, seconds, command: optional(text), exitCode: optional(nullable(integer(-(2 ** 31), 2 ** 32))) }), LEG_LIMITS.stepsPerVersion)
  ),
  tests: object({
    passed: count,
    failed: count,
    skipped: count,
    failures: arrayOf(object({ package: name, test: name, output: text }), LEG_LIMITS.failuresPerVersion)
  }),
  coverage: nullable(
    object({
      statements: counts,
      lines: counts,
      functions: counts,
      packages,
      otherTestBinaries: optional(object({ statements: counts, packages }))
    })
  ),
  cachedPackages: optional(count),
  slowestTests: optional(arrayOf(object({ package: name, test: name, seconds }), LEG_LIMITS.slowestTestsPerVersion)),
  notes: optional(arrayOf(text, LEG_LIMITS.notesPerVersion)),
  seconds
};
var VERSION_SHAPE = object({
  spec: name,
  version: string(32, GO_VERSION, "a Go version such as 1.22.12 or 1.24rc1"),
  status: RUN_FIELDS.status,
  reason: RUN_FIELDS.reason,
  platform: optional(string(64, /^[a-z0-9_]+\/[a-z0-9_]+$/, "GOOS/GOARCH such as linux/amd64")),
  toolchain: object({
    source: oneOf("tool-cache", "cache", "download", "local"),
    sha256: string(128, /^[0-9a-f]*$/, "a hexadecimal digest"),
    seconds,
    verified: optional(oneOf("archive", "fast", "full", "unverified")),
    recovered: optional(boolean)
  }),
  steps: RUN_FIELDS.steps,
  tests: RUN_FIELDS.tests,
  coverage: RUN_FIELDS.coverage,
  cachedPackages: RUN_FIELDS.cachedPackages,
  // The version's carried build cache, which all its modules share.
  buildCache: optional(
    object({
      where: oneOf("actions-cache", "folder"),
      restored: boolean,
      key: nullable(name),
      restoredBytes: count,
      restoreSeconds: seconds,
      saved: boolean,
      savedKey: optional(name),
      savedBytes: optional(count),
      saveSeconds: seconds,
      addedEntries: optional(count),
      removedEntries: optional(count),
      why: optional(text)
    })
  ),
  slowestTests: RUN_FIELDS.slowestTests,
  notes: RUN_FIELDS.notes,
  seconds,
  modules: optional(
    arrayOf(object({ dir: string(1024, MODULE_DIR, "a module folder inside the repository (., api, services/a)"), path: name, ...RUN_FIELDS }), LEG_LIMITS.modulesPerVersion)
  )
});
var LEG_SHAPE = object({
  commit: name,
  ref: name,
  versions: arrayOf(VERSION_SHAPE, LEG_LIMITS.versionsPerLeg),
  error: optional(text)
});
function checkedLeg(json, file) {
  if (!isObject(json)) throw new AggregateError(`${file}: not a go-matrix report.json (expected a JSON object)`);
  if (!READABLE_SCHEMA_VERSIONS.includes(json.schemaVersion)) {
    throw new AggregateError(
      `${file}: schemaVersion ${JSON.stringify(json.schemaVersion)} is not one this go-matrix reads (${READABLE_SCHEMA_VERSIONS.join(", ")}); every leg must run a go-matrix release no newer than the aggregate's`
    );
  }
  const checked = conform(json, LEG_SHAPE);
  if (!checked.ok) throw new AggregateError(`${file}: not a valid go-matrix report.json: ${checked.problem}`);
  return checked.value;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/aggregate/read.ts
import { readFile, realpath, stat as stat2 } from "node:fs/promises";
import path2 from "node:path";

// src/aggregate/glob.ts
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
async function expandGlob(pattern) {
  const posix = pattern.split(path.sep).join("/");
  const segments = posix.split("/");
  const firstMagic = segments.findIndex(isGlob);
  if (firstMagic === -1) return await stat(pattern).catch(() => null) ? [pattern] : [];
  const base = segments.slice(0, firstMagic).join("/") || "/";
  const rest = segments.slice(firstMagic);
  const maxDepth = rest.includes("**") ? Infinity : rest.length;
  const matcher = globToRegExp(posix);
  const matches = [];
  const walk = async (dir, depth) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = `${dir === "/" ? "" : dir}/${entry.name}`;
      if (matcher.test(full)) matches.push(full);
      const isDir = entry.isDirectory() || maxDepth !== Infinity && entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isDirectory();
      if (isDir && depth + 1 < maxDepth) await walk(full, depth + 1);
    }
  };
  await walk(base, 0);
  return matches.sort().map((p) => p.split("/").join(path.sep));
}

// src/aggregate/lcov-functions.ts
function matchSourceFiles(sources, files, where) {
  const byBase = /* @__PURE__ */ new Map();
  for (const file of files) {
    const base = file.slice(file.lastIndexOf("/") + 1);
    byBase.set(base, [...byBase.get(base) ?? [], file]);
  }
  const matched = /* @__PURE__ */ new Map();
  for (const source of sources) {
    const candidates = byBase.get(source.slice(source.lastIndexOf("/") + 1)) ?? [];
    const scored = candidates.map((file) => ({ file, shared: sharedTrailingSegments(source, file) })).sort((a, b) => b.shared - a.shared);
    const [best, second] = scored;
    if (best === void 0) throw new CoverageError(`${where}: SF:${source} names no file of the coverage profile`);
    if (second !== void 0 && second.shared === best.shared) {
      throw new CoverageError(`${where}: SF:${source} could be ${best.file} or ${second.file} of the coverage profile`);
    }
    matched.set(source, best.file);
  }
  return matched;
}
function sharedTrailingSegments(a, b) {
  const x = a.split("/");
  const y = b.split("/");
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}
function functionsFromLcov(functions, sourceToFile, profile) {
  const files = new Map(profile.files.map((f) => [f.file, f]));
  const named = functions.map((fn) => ({ ...fn, file: sourceToFile.get(fn.source) ?? fn.source }));
  const linesByFile = /* @__PURE__ */ new Map();
  for (const fn of named) linesByFile.set(fn.file, [...linesByFile.get(fn.file) ?? [], fn.line]);
  for (const lines of linesByFile.values()) lines.sort((a, b) => a - b);
  return named.map((fn) => {
    const nextLine = linesByFile.get(fn.file)?.find((line) => line > fn.line) ?? Infinity;
    const f = files.get(fn.file);
    const { startLine, numStmt, count: count2 } = profile.blocks;
    let covered = 0;
    let total = 0;
    for (let i = f?.start ?? 0; f !== void 0 && i < f.start + f.length; i++) {
      const start = startLine[i];
      if (start < fn.line || start >= nextLine) continue;
      total += numStmt[i];
      if (count2[i] > 0) covered += numStmt[i];
    }
    return { file: fn.file, line: fn.line, name: fn.name, percent: summary(covered, total).percent, covered: fn.hits > 0, hits: fn.hits };
  });
}

// src/aggregate/read.ts
async function findLegFiles(entries, workspace) {
  const files = [];
  const missing = [];
  const add = (file) => {
    if (!files.includes(file)) files.push(file);
  };
  const absolute = (entry) => path2.resolve(workspace, entry);
  const exclusions = entries.filter((e) => e.startsWith("!")).map((e) => globToRegExp(absolute(e.slice(1)).split(path2.sep).join("/")));
  for (const entry of entries) {
    if (entry.startsWith("!")) continue;
    if (!isGlob(entry)) {
      const file = await reportFileAt(absolute(entry));
      if (file) add(file);
      else missing.push({ file: entry, kind: "missing", reason: "no such file" });
      continue;
    }
    const matched = [];
    for (const found of await expandGlob(absolute(entry))) {
      if (exclusions.some((exclusion) => exclusion.test(found.split(path2.sep).join("/")))) continue;
      const file = await reportFileAt(found);
      if (file) matched.push(file);
    }
    if (matched.length === 0) missing.push({ file: entry, kind: "missing", reason: "the pattern matched no report.json" });
    matched.forEach(add);
  }
  return { files, missing };
}
async function reportFileAt(file) {
  const info = await stat2(file).catch(() => null);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const inside = path2.join(file, "report.json");
    if ((await stat2(inside).catch(() => null))?.isFile()) return inside;
  }
  return null;
}
async function readLegs(files, shown) {
  if (files.length > LEG_LIMITS.legs) throw new AggregateError(`${files.length} report.json files were found; the aggregate reads at most ${LEG_LIMITS.legs}`);
  let total = 0;
  for (const file of files) {
    const info = await stat2(file).catch((err) => {
      throw new AggregateError(`${shown(file)}: cannot be read: ${err.message}`, { cause: err });
    });
    if (!info.isFile()) throw new AggregateError(`${shown(file)}: not a regular file`);
    if (info.size > LEG_LIMITS.reportBytes) throw new AggregateError(`${shown(file)}: ${tooLarge(info.size, LEG_LIMITS.reportBytes)}`);
    total += info.size;
  }
  if (total > LEG_LIMITS.allReportsBytes) throw new AggregateError(`the legs' report.json files hold ${tooLarge(total, LEG_LIMITS.allReportsBytes)} in all`);
  const found = [];
  for (const file of files) found.push(await readLeg(file, shown(file)));
  return found;
}
async function readLeg(file, shown) {
  let text2;
  try {
    text2 = await readFile(file, "utf8");
  } catch (err) {
    throw new AggregateError(`${shown}: cannot be read: ${err.message}`, { cause: err });
  }
  try {
    return { file: shown, json: JSON.parse(text2) };
  } catch (err) {
    throw new AggregateError(`${shown}: not valid JSON: ${err.message}`, { cause: err });
  }
}
function tooLarge(size, limit) {
  const mib = (n) => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 0)} MiB`;
  return `${mib(size)}, more than the ${mib(limit)} the aggregate reads`;
}
async function fileInLeg(legDir, name2, maxBytes, where) {
  const file = path2.join(legDir, name2);
  const [root, real] = await Promise.all([realpath(legDir), realpath(file).catch((err) => err.code === "ENOENT" ? null : Promise.reject(err))]);
  if (real === null) return null;
  if (!isInside(real, root)) throw new AggregateError(`${where}: ${file} leads outside the leg's folder (to ${real}); a leg's files must be inside its folder`);
  const info = await stat2(real);
  if (!info.isFile()) throw new AggregateError(`${where}: ${file} is not a regular file`);
  if (info.size > maxBytes) throw new AggregateError(`${where}: ${file} is ${tooLarge(info.size, maxBytes)}`);
  return real;
}
async function rebuildCoverage(legFile, shown, version, module) {
  const legDir = path2.dirname(legFile);
  const folder = module === void 0 || module.dir === "." ? version.version : path2.join(version.version, ...module.dir.split("/"));
  const dir = path2.join(legDir, folder);
  const where = `${shown}: Go ${version.version}${module ? `, module ${module.dir}` : ""}`;
  const recordedRun = module ?? version;
  const profileFile = path2.join(dir, "coverage.out");
  let written;
  try {
    const real = await fileInLeg(legDir, path2.join(folder, "coverage.out"), LEG_LIMITS.profileBytes, where);
    if (real === null) throw new Error("no such file");
    written = await readProfile(real);
  } catch (err) {
    if (err instanceof AggregateError) throw err;
    throw new AggregateError(`${where} has coverage, but ${profileFile} cannot be read (upload the whole report directory): ${err.message}`, { cause: err });
  }
  const setAside = recordedRun.coverage?.otherTestBinaries?.packages;
  const withoutTests = Array.isArray(setAside) ? setAside.flatMap((p) => typeof p?.name === "string" ? [p.name] : []) : [];
  const { profile, otherTestBinaries } = countOwnTests(written, withoutTests);
  const statements = summarizeStatements(profile);
  const recorded = recordedRun.coverage?.statements;
  if (recorded && (recorded.covered !== statements.total.covered || recorded.total !== statements.total.total)) {
    throw new AggregateError(
      `${where}: ${profileFile} covers ${statements.total.covered} of ${statements.total.total} statements, but the report says ${recorded.covered} of ${recorded.total}; the files are not of the same run`
    );
  }
  const lines = lineCoverage(profile);
  const lcovFile = path2.join(dir, "coverage.lcov");
  const realLcov = await fileInLeg(legDir, path2.join(folder, "coverage.lcov"), LEG_LIMITS.lcovBytes, where);
  const lcov = realLcov === null ? null : await readFile(realLcov, "utf8");
  if (lcov === null) throw new AggregateError(`${where} has coverage, but ${lcovFile} is missing (upload the whole report directory)`);
  const records = parseLcov(lcov, lcovFile, { functions: true });
  const lcovFunctions = records.flatMap((r) => r.functions);
  const sources = [...new Set(records.map((r) => r.source))];
  const sourceToFile = matchSourceFiles(sources, profile.files.map((f) => f.file), lcovFile);
  const functions = functionsFromLcov(lcovFunctions, sourceToFile, profile);
  const sourcePaths = new Map([...sourceToFile].map(([source, file]) => [file, source]));
  return { coverage: { profile, statements, lines, lineSummary: summarizeLines(lines), functions, otherTestBinaries }, sourcePaths };
}

// src/aggregate/aggregate.ts
async function aggregateReports(options, ctx) {
  const reportDir = reportDirectoryOf(options, ctx.workspace, ctx.tempDir);
  await checkInputFiles(options, ctx.workspace);
  const { files, missing } = await findLegFiles(options.reports, ctx.workspace);
  await prepareReportFolder(reportDir, { workspace: ctx.workspace, readsFrom: files });
  try {
    return await combineAndConclude(options, ctx, reportDir, { files, missing });
  } catch (err) {
    if (err instanceof AggregateError) await writeRefusal(reportDir, err, ctx);
    throw err;
  }
}
async function writeRefusal(reportDir, err, ctx) {
  const verdict = stoppedVerdict(errorMessage(err), "aggregate");
  const summary2 = renderStopped(verdict, { tool: { name: "go-matrix", version: ctx.toolVersion }, commit: ctx.commit }, ctx.runUrl ? { runUrl: ctx.runUrl } : {});
  try {
    await writeFile(path3.join(reportDir, "summary.md"), summary2);
  } catch (writeErr) {
    ctx.logger.warning(`summary.md not written to ${reportDir}: ${writeErr.message}`);
  }
}
async function combineAndConclude(options, ctx, reportDir, legFiles) {
  const { files, missing } = legFiles;
  const shown = (file) => {
    const relative = path3.relative(ctx.workspace, file);
    return relative.startsWith("..") || path3.isAbsolute(relative) ? file : relative.split(path3.sep).join("/");
  };
  const found = await readLegs(files, shown);
  const legs = combineLegs(found, missing);
  const fileOf = new Map(files.map((file) => [shown(file), file]));
  const sourcePaths = /* @__PURE__ */ new Map();
  const rebuild = async (file, row, module) => {
    const rebuilt = await rebuildCoverage(fileOf.get(file), file, row, module);
    for (const [name2, source] of rebuilt.sourcePaths) sourcePaths.set(name2, source);
    return rebuilt.coverage;
  };
  const versions = await Promise.all(
    legs.rows.map(async (row) => {
      if (!row.report.coverage) return { report: row.report, coverage: null };
      if (!row.moduleFiles) return { report: row.report, coverage: await rebuild(row.file, row.report) };
      const modules = await Promise.all(
        (row.report.modules ?? []).map(async (m) => ({ dir: m.dir, coverage: m.coverage === null ? null : await rebuild(row.moduleFiles?.get(m.dir), row.report, m) }))
      );
      const covered = modules.flatMap((m) => m.coverage ? [{ name: `${row.moduleFiles?.get(m.dir)}: ${m.dir}`, coverage: m.coverage }] : []);
      return { report: row.report, coverage: combineModuleCoverage(covered), modules };
    })
  );
  const legCount = files.length + missing.length;
  ctx.logger.info(`go-matrix: ${versions.length} versions from ${files.length} leg${files.length === 1 ? "" : "s"}${missing.length ? `, ${missing.length} missing` : ""}`);
  const result = await concludeRun(
    options,
    { ...ctx, commit: legs.commit || ctx.commit, ref: legs.ref || ctx.ref },
    {
      reportDir,
      versions,
      // merged.lcov names files as the legs did.
      sourcePath: (file) => sourcePaths.get(file) ?? file,
      checks: [legsGate(legCount, legs.problems)]
    }
  );
  return { ...result, toolchains: [] };
}
async function writeFailedLeg(reportDir, leg) {
  const report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "go-matrix", version: leg.toolVersion },
    commit: leg.commit,
    ref: leg.ref,
    versions: [],
    merged: null,
    comparisons: { versions: [], baseline: null, diff: null },
    gates: [],
    error: leg.error
  };
  await claimReportEntries(reportDir, ["report.json"]);
  const file = path3.join(reportDir, "report.json");
  await writeFile(file, reportJson(report));
  return file;
}

export {
  aggregateReports,
  writeFailedLeg
};

import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  SCHEMA_VERSION,
  concludeRun,
  reportDirectoryOf
} from "./chunk-BULOUTN3.js";
import {
  CoverageError,
  lineCoverage,
  readProfile,
  summarizeLines,
  summarizeStatements,
  summary
} from "./chunk-PRL2AUFT.js";

// src/aggregate/aggregate.ts
import { mkdir, writeFile } from "node:fs/promises";
import path3 from "node:path";

// src/aggregate/legs.ts
var AggregateError = class extends Error {
  name = "AggregateError";
};
function combineLegs(found, missing = []) {
  const reports = found.map((leg) => ({ file: leg.file, report: asLegReport(leg.json, leg.file) }));
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
      const other = seen.get(key);
      const where = `Go ${version.version}${version.platform ? ` on ${version.platform}` : ""}`;
      if (other !== void 0) throw new AggregateError(`${where} is reported twice, by ${other} and by ${file}; give each leg its own versions or platform`);
      seen.set(key, file);
      rows.push({ file, report: version });
    }
  }
  const first = reports[0]?.report;
  return { rows, problems, commit: first?.commit ?? "", ref: first?.ref ?? "" };
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
function asLegReport(json, file) {
  if (!isObject(json)) throw new AggregateError(`${file}: not a go-matrix report.json (expected a JSON object)`);
  if (json.schemaVersion !== SCHEMA_VERSION) {
    throw new AggregateError(`${file}: schemaVersion ${JSON.stringify(json.schemaVersion)} is not ${SCHEMA_VERSION}; every leg must run a go-matrix that writes schema ${SCHEMA_VERSION}`);
  }
  if (typeof json.commit !== "string" || typeof json.ref !== "string") throw new AggregateError(`${file}: "commit" and "ref" must be strings`);
  if (!Array.isArray(json.versions)) throw new AggregateError(`${file}: "versions" must be an array`);
  json.versions.forEach((v, i) => {
    const ok = isObject(v) && typeof v.version === "string" && typeof v.spec === "string" && typeof v.status === "string" && isObject(v.tests);
    if (!ok) throw new AggregateError(`${file}: versions[${i}] lacks its version, spec, status or tests`);
    if (v.platform !== void 0 && typeof v.platform !== "string") throw new AggregateError(`${file}: versions[${i}].platform must be a string`);
  });
  if (json.error !== void 0 && typeof json.error !== "string") throw new AggregateError(`${file}: "error" must be a string`);
  return json;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/aggregate/read.ts
import { readFile, stat as stat2 } from "node:fs/promises";
import path2 from "node:path";

// src/aggregate/glob.ts
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
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
function parseLcovFunctions(text, where) {
  const result = [];
  let source = null;
  let byName = /* @__PURE__ */ new Map();
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const at = `${where}:${index + 1}`;
    if (line.startsWith("SF:")) {
      source = line.slice(3);
      byName = /* @__PURE__ */ new Map();
    } else if (line === "end_of_record") {
      source = null;
    } else if (line.startsWith("FN:") || line.startsWith("FNDA:")) {
      const body = line.slice(line.indexOf(":") + 1);
      const comma = body.indexOf(",");
      const number = Number(body.slice(0, comma));
      const name = body.slice(comma + 1);
      if (comma <= 0 || !Number.isInteger(number) || number < 0 || name === "") {
        throw new CoverageError(`${at}: expected "${line.startsWith("FN:") ? "FN:<line>,<name>" : "FNDA:<hits>,<name>"}", got ${JSON.stringify(line)}`);
      }
      if (source === null) throw new CoverageError(`${at}: ${JSON.stringify(line)} outside an SF record`);
      if (line.startsWith("FN:")) {
        const fn = { source, line: number, name: name.endsWith(`@${number}`) ? name.slice(0, -`@${number}`.length) : name, hits: 0 };
        byName.set(name, fn);
        result.push(fn);
      } else {
        const fn = byName.get(name);
        if (fn === void 0) throw new CoverageError(`${at}: FNDA for ${JSON.stringify(name)}, which no FN line of ${source} declares`);
        fn.hits = number;
      }
    }
  });
  return result;
}
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
    let covered = 0;
    let total = 0;
    for (let i = 0; f !== void 0 && i < f.length; i++) {
      const start = f.startLine[i];
      if (start < fn.line || start >= nextLine) continue;
      total += f.numStmt[i];
      if (f.count[i] > 0) covered += f.numStmt[i];
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
async function readLeg(file, shown) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new AggregateError(`${shown}: cannot be read: ${err.message}`, { cause: err });
  }
  try {
    return { file: shown, json: JSON.parse(text) };
  } catch (err) {
    throw new AggregateError(`${shown}: not valid JSON: ${err.message}`, { cause: err });
  }
}
async function rebuildCoverage(legFile, shown, version) {
  const dir = path2.join(path2.dirname(legFile), version.version);
  const where = `${shown}: Go ${version.version}`;
  const profileFile = path2.join(dir, "coverage.out");
  let profile;
  try {
    profile = await readProfile(profileFile);
  } catch (err) {
    throw new AggregateError(`${where} has coverage, but ${profileFile} cannot be read (upload the whole report directory): ${err.message}`, { cause: err });
  }
  const statements = summarizeStatements(profile);
  const recorded = version.coverage?.statements;
  if (recorded && (recorded.covered !== statements.total.covered || recorded.total !== statements.total.total)) {
    throw new AggregateError(
      `${where}: ${profileFile} covers ${statements.total.covered} of ${statements.total.total} statements, but the report says ${recorded.covered} of ${recorded.total}; the files are not of the same run`
    );
  }
  const lines = lineCoverage(profile);
  const lcovFile = path2.join(dir, "coverage.lcov");
  const lcov = await readFile(lcovFile, "utf8").catch(() => null);
  if (lcov === null) throw new AggregateError(`${where} has coverage, but ${lcovFile} is missing (upload the whole report directory)`);
  const lcovFunctions = parseLcovFunctions(lcov, lcovFile);
  const sources = [...new Set(lcov.split("\n").filter((l) => l.startsWith("SF:")).map((l) => l.slice(3).replace(/\r$/, "")))];
  const sourceToFile = matchSourceFiles(sources, profile.files.map((f) => f.file), lcovFile);
  const functions = functionsFromLcov(lcovFunctions, sourceToFile, profile);
  const sourcePaths = new Map([...sourceToFile].map(([source, file]) => [file, source]));
  return { coverage: { profile, statements, lines, lineSummary: summarizeLines(lines), functions }, sourcePaths };
}

// src/aggregate/aggregate.ts
async function aggregateReports(options, ctx) {
  const reportDir = reportDirectoryOf(options, ctx.workspace, ctx.tempDir);
  const shown = (file) => {
    const relative = path3.relative(ctx.workspace, file);
    return relative.startsWith("..") || path3.isAbsolute(relative) ? file : relative.split(path3.sep).join("/");
  };
  const { files, missing } = await findLegFiles(options.reports, ctx.workspace);
  const found = await Promise.all(files.map((file) => readLeg(file, shown(file))));
  const legs = combineLegs(found, missing);
  const fileOf = new Map(files.map((file) => [shown(file), file]));
  const sourcePaths = /* @__PURE__ */ new Map();
  const versions = await Promise.all(
    legs.rows.map(async (row) => {
      if (!row.report.coverage) return { report: row.report, coverage: null };
      const rebuilt = await rebuildCoverage(fileOf.get(row.file), row.file, row.report);
      for (const [file, source] of rebuilt.sourcePaths) sourcePaths.set(file, source);
      return { report: row.report, coverage: rebuilt.coverage };
    })
  );
  const legCount = files.length + missing.length;
  ctx.logger.info(`go-matrix: ${versions.length} versions from ${files.length} leg${files.length === 1 ? "" : "s"}${missing.length ? `, ${missing.length} missing` : ""}`);
  await mkdir(reportDir, { recursive: true });
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
  await mkdir(reportDir, { recursive: true });
  const file = path3.join(reportDir, "report.json");
  await writeFile(file, JSON.stringify(report, null, 2) + "\n");
  return file;
}

export {
  aggregateReports,
  writeFailedLeg
};

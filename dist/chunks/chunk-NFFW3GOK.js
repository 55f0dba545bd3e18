import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-GCRRJQIJ.js";
import {
  CoverageError,
  addSummaries,
  compareStrings,
  formatLcov,
  formatOneDecimal,
  formatPercent,
  formatProfile,
  lastLineOf,
  lineCoverage,
  mergeLineCoverage,
  mergeProfiles,
  packageOf,
  parseLcov,
  summarizeLines,
  summarizeStatements,
  summary
} from "./chunk-FFUFBHAD.js";
import {
  compareGoVersions
} from "./chunk-MBZDNYRM.js";
import {
  lineRanges,
  percent,
  plural,
  seconds,
  signed,
  versionLabels
} from "./chunk-SJKBGCPK.js";

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
  const at = (where) => where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : "";
  return {
    info: (message) => void stream.write(`${message}
`),
    warning: (message, where) => void stream.write(`warning: ${at(where)}${message}
`),
    error: (message, where) => void stream.write(`error: ${at(where)}${message}
`),
    debug: (message) => void (verbose && stream.write(`${message}
`)),
    group: (title, body) => void stream.write(`\u2500\u2500 ${title}
${body.endsWith("\n") || body === "" ? body : body + "\n"}`)
  };
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
  const files = new Map(profile.files.map((f) => [f.file, f]));
  return report.functions.map((fn, index) => {
    const next = report.functions[index + 1];
    const end = next !== void 0 && next.file === fn.file && next.line > fn.line ? next.line : Infinity;
    const f = files.get(fn.file);
    let ran = false;
    let entry = 0;
    if (f !== void 0) {
      const { startLine, count } = profile.blocks;
      const stop = f.start + f.length;
      const first = lowerBound(startLine, f.start, stop, fn.line);
      if (first < stop && startLine[first] < end) entry = count[first];
      for (let i = first; i < stop && startLine[i] < end && !ran; i++) ran = count[i] > 0;
    }
    const covered = fn.percent > 0 || ran;
    return { ...fn, covered, hits: Math.max(entry, covered ? 1 : 0) };
  });
}
function lowerBound(column, from, to, value) {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (column[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function summarizeFunctions(functions) {
  return summary(functions.filter((fn) => fn.covered).length, functions.length);
}
function mergeFunctionCoverage(lists) {
  const merged = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const fn of list) {
      const key = `${fn.file}
${fn.line}
${fn.name}`;
      const seen = merged.get(key);
      if (seen === void 0) merged.set(key, { ...fn });
      else {
        seen.covered ||= fn.covered;
        seen.hits = Math.max(seen.hits, fn.hits);
        seen.percent = Math.max(seen.percent, fn.percent);
      }
    }
  }
  return [...merged.values()].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
}

// src/coverage/own-tests.ts
function countOwnTests(profile, withoutTests) {
  const packages = new Set(withoutTests);
  if (packages.size === 0) return { profile, otherTestBinaries: null };
  const { numStmt, count } = profile.blocks;
  const ran = /* @__PURE__ */ new Map();
  for (const f of profile.files) {
    const pkg = packageOf(f.file);
    if (!packages.has(pkg)) continue;
    const counts2 = ran.get(pkg) ?? { covered: 0, total: 0 };
    for (let i = f.start; i < f.start + f.length; i++) {
      counts2.total += numStmt[i];
      if (count[i] > 0) counts2.covered += numStmt[i];
    }
    ran.set(pkg, counts2);
  }
  const taken = [...ran].filter(([, c]) => c.covered > 0);
  if (taken.length === 0) return { profile, otherTestBinaries: null };
  const counts = Float64Array.from(count);
  for (const f of profile.files) if (ran.has(packageOf(f.file))) counts.fill(0, f.start, f.start + f.length);
  const named = taken.map(([name, c]) => ({ name, summary: summary(c.covered, c.total) })).sort((a, b) => a.name < b.name ? -1 : 1);
  return {
    profile: { ...profile, blocks: { ...profile.blocks, count: counts } },
    otherTestBinaries: { statements: addSummaries(named.map((p) => p.summary)), packages: named }
  };
}
function functionsOfOwnTests(functions, other) {
  if (other === null) return [...functions];
  const packages = new Set(other.packages.map((p) => p.name));
  return functions.map((fn) => packages.has(packageOf(fn.file)) ? { ...fn, percent: 0, covered: false, hits: 0 } : fn);
}

// src/files/report-folder.ts
import { lstat, mkdir, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/util/paths.ts
import path from "node:path";
function isInside(child, parent) {
  const relative = path.relative(parent, child);
  return relative === "" || relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

// src/files/report-folder.ts
function reportDirectoryOf(options, workspace, tempDir) {
  return options.reportDirectory ? path2.resolve(workspace, options.reportDirectory) : path2.join(tempDir, "go-matrix");
}
var REPORT_MARKER = ".go-matrix";
var REPORT_FILES = ["report.json", "summary.md", "merged.lcov", "merged.out"];
function reportFolderProblem(dir, ctx) {
  if (path2.dirname(dir) === dir) return "is the file system's root";
  if (dir === ctx.workspace) return "is the workspace itself: go-matrix would write its files among yours";
  if (isInside(ctx.workspace, dir)) return `contains the workspace (${ctx.workspace})`;
  if (ctx.moduleDir !== void 0 && isInside(ctx.moduleDir, dir)) return `is or contains the module's folder (working-directory, ${ctx.moduleDir})`;
  const below = isInside(dir, ctx.workspace) ? path2.relative(ctx.workspace, dir) : dir;
  if (below.split(path2.sep).some((part) => part.toLowerCase() === ".git")) return "is inside a .git folder, the repository's own data";
  for (const work of ctx.workDirs ?? []) {
    if (isInside(work, dir)) return `contains go-matrix's work folder (${work}: build and module caches), which must not be uploaded with the report`;
    if (isInside(dir, work)) return `is inside go-matrix's work folder (${work})`;
  }
  const read = (ctx.readsFrom ?? []).find((file) => isInside(file, dir));
  if (read !== void 0) return `holds ${read}, which this run reads: the report folder is emptied of an earlier run's files before writing`;
  return null;
}
async function realPath(file) {
  const absolute = path2.resolve(file);
  const rest = [];
  for (let at = absolute; ; at = path2.dirname(at)) {
    try {
      return path2.join(await realpath(at), ...rest.reverse());
    } catch (err) {
      const code2 = err.code;
      if (code2 !== "ENOENT" && code2 !== "ENOTDIR" || path2.dirname(at) === at) return absolute;
      rest.push(path2.basename(at));
    }
  }
}
async function prepareReportFolder(dir, ctx) {
  const real = (p) => realPath(p);
  const problem = reportFolderProblem(await real(dir), {
    workspace: await real(ctx.workspace),
    ...ctx.moduleDir !== void 0 ? { moduleDir: await real(ctx.moduleDir) } : {},
    workDirs: await Promise.all((ctx.workDirs ?? []).map(real)),
    readsFrom: await Promise.all((ctx.readsFrom ?? []).map(real))
  });
  if (problem !== null) throw refusal(dir, problem);
  const earlier = await ownedEntries(dir);
  for (const name of earlier) await rm(path2.join(dir, name), { recursive: true, force: true });
  await writeMarker(dir, []);
  await claimReportEntries(dir, REPORT_FILES);
}
async function claimReportEntries(dir, names) {
  const owned = await ownedEntries(dir);
  const claimed = [...owned];
  for (const name of names) {
    checkEntryName(dir, name);
    if (owned.includes(name)) continue;
    const exists = await lstat(path2.join(dir, name)).then(
      () => true,
      () => false
    );
    if (exists) throw refusal(dir, `already holds ${name}, which go-matrix did not write; go-matrix never overwrites a file it did not write`);
    if (!claimed.includes(name)) claimed.push(name);
  }
  await writeMarker(dir, claimed);
}
async function ownedEntries(dir) {
  const info = await lstat(dir).catch((err) => {
    if (err.code === "ENOENT") return null;
    throw refusal(dir, `cannot be read: ${err.message}`);
  });
  if (info === null) {
    await mkdir(dir, { recursive: true }).catch((err) => {
      throw refusal(dir, `cannot be created: ${err.message}`);
    });
    return [];
  }
  if (!info.isDirectory() && !(info.isSymbolicLink() && (await realPath(dir).then(lstat)).isDirectory())) {
    throw refusal(dir, "is not a folder");
  }
  const marker = await readMarker(dir);
  if (marker !== null) return marker;
  const present2 = await readdir(dir);
  if (present2.length === 0) return [];
  const shown = present2.sort().slice(0, 5).join(", ") + (present2.length > 5 ? `, and ${present2.length - 5} more` : "");
  throw refusal(
    dir,
    `already holds files go-matrix did not write (${shown}); go-matrix writes only into a new or empty folder, or one it wrote before (marked by its ${REPORT_MARKER} file)`
  );
}
async function readMarker(dir) {
  const file = path2.join(dir, REPORT_MARKER);
  const info = await lstat(file).catch(() => null);
  if (!info?.isFile() || info.size > MAX_MARKER_BYTES) return null;
  let marker;
  try {
    marker = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
  const { writtenBy, entries } = marker ?? {};
  if (writtenBy !== "go-matrix" || !Array.isArray(entries)) return null;
  return entries.filter((name) => typeof name === "string" && isEntryName(name));
}
var MAX_MARKER_BYTES = 1 << 20;
async function writeMarker(dir, entries) {
  const marker = {
    writtenBy: "go-matrix",
    about: "go-matrix wrote the entries listed here and removes them at the start of its next run into this folder; it leaves everything else alone.",
    entries: [...entries]
  };
  await writeFile(path2.join(dir, REPORT_MARKER), JSON.stringify(marker, null, 2) + "\n");
}
function isEntryName(name) {
  return name !== "" && name !== "." && name !== ".." && name !== REPORT_MARKER && !/[/\\\0]/.test(name);
}
function checkEntryName(dir, name) {
  if (!isEntryName(name)) throw new Error(`report folder ${dir}: ${JSON.stringify(name)} is not an entry name`);
}
function refusal(dir, why) {
  return new InputError(`input report-directory: ${dir} ${why}; choose a folder of its own, such as go-matrix-report`);
}

// src/files/preflight.ts
import { stat } from "node:fs/promises";
import path3 from "node:path";
async function checkInputFiles(options, workspace) {
  if (options.mode !== "aggregate") {
    await expectPath("working-directory", path3.resolve(workspace, options.workingDirectory), "folder", "the module (or go.work) root, relative to the workspace");
  }
  if (options.baseline.kind === "path") {
    await expectPath("baseline", path3.resolve(workspace, options.baseline.path), "file", "a report.json or LCOV file, or auto, or none");
  }
}
async function expectPath(input, file, kind, give) {
  const info = await stat(file).catch((err) => {
    const why = err.code === "ENOENT" ? "does not exist" : `cannot be read (${err.code ?? err.message})`;
    throw new InputError(`input ${input}: ${file} ${why}; give ${give}`, { cause: err });
  });
  const ok = kind === "file" ? info.isFile() : info.isDirectory();
  if (!ok) throw new InputError(`input ${input}: ${file} is not a ${kind}; give ${give}`);
}

// src/cache/report.ts
function formatMiB(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
function describeVersionCache(c) {
  const parts = [];
  if (c.where === "folder") parts.push(c.restored ? `build cache folder held ${formatMiB(c.restoredBytes)}` : "build cache folder empty");
  else if (c.restored) parts.push(`build cache restored from ${c.key} (${formatMiB(c.restoredBytes)}, ${c.restoreSeconds.toFixed(1)} s)`);
  else parts.push(c.why && !c.why.startsWith("not saved") ? `build cache not restored: ${c.why}` : "build cache missed");
  if (c.addedEntries !== void 0) parts.push(c.addedEntries === 0 ? "nothing compiled or tested anew" : `${c.addedEntries} entries added`);
  if (c.removedEntries) parts.push(`${c.removedEntries} unused entries left out`);
  if (c.saved) parts.push(`saved as ${c.savedKey} (${formatMiB(c.savedBytes ?? 0)}, ${c.saveSeconds.toFixed(1)} s)`);
  else if (c.where === "actions-cache" && c.why?.startsWith("not saved")) parts.push(c.why);
  return parts.join("; ");
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
  const otherInVersion = input.otherTestBinaries ?? null;
  const otherInReference = ref.otherTestBinaries ?? null;
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
    ...otherInVersion ? { otherTestBinariesInVersion: otherInVersion } : {},
    ...otherInReference ? { otherTestBinariesInReference: otherInReference } : {},
    explanation: [
      explain(input.version, ref.version, rawDelta, likeForLikeDelta, common, onlyInVersion, onlyInReference),
      ...[
        [input.version, otherInVersion],
        [ref.version, otherInReference]
      ].flatMap(([version, other]) => other ? [describeOtherTestBinaries(version, other)] : [])
    ].join(" ")
  };
}
function onlyIn(profile, lines, other) {
  const statements = /* @__PURE__ */ new Map();
  const { startLine, startCol, endLine, endCol, numStmt, count } = profile.blocks;
  for (const f of profile.files) {
    const otherLines = other.get(f.file);
    const pkg = packageOf(f.file);
    for (let i = f.start; i < f.start + f.length; i++) {
      const last = lastLineOf(startLine[i], startCol[i], endLine[i], endCol[i]);
      let absent = true;
      for (let line = startLine[i]; absent && line <= last; line++) absent = otherLines?.get(line) === void 0;
      if (!absent) continue;
      const counts = statements.get(pkg) ?? { covered: 0, total: 0 };
      counts.total += numStmt[i];
      if (count[i] > 0) counts.covered += numStmt[i];
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
    const s = statements.get(name) ?? { covered: 0, total: 0 };
    const l = lineCounts.get(name) ?? { covered: 0, total: 0 };
    return { name, statements: summary(s.covered, s.total), lines: summary(l.covered, l.total) };
  });
  return {
    statements: addSummaries(packages.map((p) => p.statements)),
    lines: addSummaries(packages.map((p) => p.lines)),
    packages
  };
}
function capped(lines, max) {
  return { count: lines.length, lines: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}
function explain(version, reference, rawDelta, likeForLike, common, onlyInVersion, onlyInReference) {
  const sentences = [
    `Go ${version} covers ${signed2(rawDelta)} points of statements against Go ${reference}, and ${signed2(likeForLike)} on the ${plural2(common, "line")} both instrument.`
  ];
  if (onlyInVersion.lines.total > 0) sentences.push(describe(onlyInVersion, version, reference));
  if (onlyInReference.lines.total > 0) sentences.push(describe(onlyInReference, reference, version));
  return sentences.join(" ");
}
function describe(only, version, other) {
  const top = only.packages.slice(0, 3).map((p) => `${p.name} (${[plural2(p.lines.total, "line"), ...p.statements.total > 0 ? [plural2(p.statements.total, "statement")] : []].join(", ")})`);
  const rest = only.packages.length - top.length;
  const where = `${top.join(", ")}${rest > 0 ? ` and ${plural2(rest, "more package")}` : ""}`;
  const lines = `Go ${version} instruments ${plural2(only.lines.total, "line")} that Go ${other} does not (${only.lines.covered} covered)`;
  if (only.statements.total === 0) {
    return `${lines}, but no statement Go ${other} leaves out: the two lay out their blocks differently, in ${where}.`;
  }
  return `${lines}, holding ${plural2(only.statements.total, "statement")} (${only.statements.covered} covered) that Go ${other} does not count at all: ${where}.`;
}
function describeOtherTestBinaries(version, other) {
  const where = other.packages.map((p) => `${p.summary.covered} of ${plural2(p.summary.total, "statement")} in ${p.name}`).join(", ");
  return `Go ${version} also recorded, for packages without test files, the counters of the test binaries of the packages that import them (${where}); like \`go test -cover\`, go-matrix counts a package as its own tests cover it, so they are not counted.`;
}
function signed2(points2) {
  return `${points2 > 0 ? "+" : ""}${points2.toFixed(1)}`;
}
function plural2(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// src/conclusion/modules.ts
function combineModuleCoverage(modules) {
  const [first] = modules;
  if (first === void 0) throw new Error("combineModuleCoverage: no module has coverage");
  if (modules.length === 1) return first.coverage;
  const profile = mergeProfiles(modules.map((m) => ({ name: m.name, profile: m.coverage.profile })));
  const lines = mergeLineCoverage(modules.map((m) => m.coverage.lines));
  const other = modules.flatMap((m) => m.coverage.otherTestBinaries ? [m.coverage.otherTestBinaries] : []);
  return {
    profile,
    statements: summarizeStatements(profile),
    lines,
    lineSummary: summarizeLines(lines),
    functions: modules.flatMap((m) => m.coverage.functions),
    otherTestBinaries: other.length === 0 ? null : { statements: addSummaries(other.map((o) => o.statements)), packages: other.flatMap((o) => o.packages) }
  };
}
function compareModules(rows, reference) {
  const result = /* @__PURE__ */ new Map();
  const ref = rows.find((r) => r.label === reference);
  if (reference === null || ref === void 0) return result;
  for (const refModule of ref.modules) {
    if (refModule.coverage === null) continue;
    const inputs = rows.flatMap((row) => {
      const c = row.modules.find((m) => m.dir === refModule.dir)?.coverage;
      return c ? [{ version: row.label, profile: c.profile, lines: c.lines, otherTestBinaries: c.otherTestBinaries ?? null }] : [];
    });
    for (const c of compareVersions(inputs, reference, { maxLines: 0 })) {
      const byDir = result.get(c.version) ?? /* @__PURE__ */ new Map();
      byDir.set(refModule.dir, { reference: c.reference, rawDelta: c.rawDelta, likeForLikeDelta: c.likeForLikeDelta, commonLines: c.common.lines });
      result.set(c.version, byDir);
    }
  }
  return result;
}
function withComparisons(modules, comparisons) {
  return modules.map((m) => {
    const comparison = comparisons?.get(m.dir);
    return comparison ? { ...m, comparison } : m;
  });
}

// src/report/module-rows.ts
function moduleName(m) {
  return m.dir;
}
function versionStatus(modules) {
  for (const status of ["error", "failed", "passed"]) if (modules.some((m) => m.status === status)) return status;
  return "skipped";
}
var SLOWEST_TESTS = 5;
function versionOfModules(version, modules) {
  const status = versionStatus(modules);
  const named = (m, text) => `${moduleName(m)}: ${text}`;
  const reasons = modules.filter((m) => m.status !== "passed" && m.reason !== void 0).map((m) => named(m, m.reason));
  const covered = modules.filter((m) => m.coverage !== null).map((m) => m.coverage);
  const other = covered.flatMap((c) => c.otherTestBinaries ? [c.otherTestBinaries] : []);
  const notes = modules.flatMap((m) => (m.notes ?? []).map((n) => named(m, n)));
  const slowest = modules.flatMap((m) => m.slowestTests ?? []).sort((a, b) => b.seconds - a.seconds).slice(0, SLOWEST_TESTS);
  return {
    spec: version.spec,
    version: version.version,
    status,
    ...status !== "passed" && reasons.length > 0 ? { reason: reasons.join("; ") } : {},
    ...version.platform !== void 0 ? { platform: version.platform } : {},
    toolchain: version.toolchain,
    steps: modules.flatMap((m) => (m.steps ?? []).map((s) => ({ ...s, name: named(m, s.name) }))),
    tests: {
      passed: sum(modules.map((m) => m.tests.passed)),
      failed: sum(modules.map((m) => m.tests.failed)),
      skipped: sum(modules.map((m) => m.tests.skipped)),
      failures: modules.flatMap((m) => m.tests.failures)
    },
    coverage: covered.length === 0 ? null : {
      statements: addSummaries(covered.map((c) => c.statements)),
      lines: addSummaries(covered.map((c) => c.lines)),
      functions: addSummaries(covered.map((c) => c.functions)),
      packages: covered.flatMap((c) => c.packages),
      ...other.length > 0 ? { otherTestBinaries: { statements: addSummaries(other.map((o) => o.statements)), packages: other.flatMap((o) => o.packages) } } : {}
    },
    cachedPackages: sum(modules.map((m) => m.cachedPackages ?? 0)),
    slowestTests: slowest,
    ...notes.length > 0 ? { notes } : {},
    seconds: sum(modules.map((m) => m.seconds)),
    modules: [...modules]
  };
}
function moduleOfVersionRow(row, module) {
  const { spec: _spec, version: _version, platform: _platform, toolchain: _toolchain, modules: _modules, ...own } = row;
  return { dir: module.dir, path: module.path, ...own };
}
function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

// src/conclusion/run.ts
import path5 from "node:path";

// src/files/baseline-file.ts
import { readFile as readFile2 } from "node:fs/promises";

// src/coverage/baseline.ts
var READABLE_SCHEMA_VERSIONS = [1, 2];
function readReportBaseline(json, source) {
  const report = json;
  if (typeof report !== "object" || report === null || !READABLE_SCHEMA_VERSIONS.includes(report.schemaVersion)) {
    throw new CoverageError(`${source}: not a go-matrix report.json (expected "schemaVersion": ${READABLE_SCHEMA_VERSIONS.join(" or ")})`);
  }
  const versions = Array.isArray(report.versions) ? report.versions : [];
  const withCoverage = versions.filter((v) => isSummary(v.coverage?.statements) && typeof v.version === "string");
  const comparisons = Array.isArray(report.comparisons?.versions) ? report.comparisons.versions : [];
  const named = comparisons.find((c) => typeof c.reference === "string")?.reference;
  const chosen = withCoverage.find((v) => v.version === named) ?? [...withCoverage].sort((a, b) => compareGoVersions(String(b.version), String(a.version)))[0];
  if (chosen !== void 0) {
    const coverage = chosen.coverage;
    return {
      source,
      kind: "report",
      metric: "statements",
      version: String(chosen.version),
      total: coverage.statements,
      packages: readPackages(coverage.packages, "statements", source),
      files: [],
      versions: withCoverage.map((v) => {
        const { covered, total } = v.coverage.statements;
        return { version: String(v.version), ...typeof v.platform === "string" ? { platform: v.platform } : {}, statements: summary(covered, total) };
      })
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
  }).sort((a, b) => compareStrings(a.name, b.name));
}
function isSummary(value) {
  const s = value;
  return typeof s === "object" && s !== null && Number.isFinite(s.covered) && Number.isFinite(s.total);
}
async function readLcovBaseline(text, source) {
  const records = parseLcov(text, source);
  if (records.length === 0) {
    throw new CoverageError(
      /end_of_record/.test(text) ? `${source}: the LCOV file names no source files (no SF records)` : `${source}: not an LCOV file (no SF or end_of_record line)`
    );
  }
  const byFile = /* @__PURE__ */ new Map();
  const counted = /* @__PURE__ */ new Map();
  for (const record of records) {
    if (record.source === "") continue;
    if (record.lines.size === 0) {
      counted.set(record.source, summary(record.hit ?? 0, record.found ?? 0));
      continue;
    }
    const lines = byFile.get(record.source) ?? /* @__PURE__ */ new Map();
    for (const [line, hit] of record.lines) lines.set(line, Math.max(lines.get(line) ?? 0, hit));
    byFile.set(record.source, lines);
  }
  for (const [file, lines] of byFile) {
    counted.set(file, summary([...lines.values()].filter((hit) => hit > 0).length, lines.size));
  }
  const files = [...counted].map(([name, s]) => ({ name, summary: s })).sort((a, b) => compareStrings(a.name, b.name));
  return { source, kind: "lcov", metric: "lines", total: addSummaries(files.map((f) => f.summary)), packages: packagesOf(files), files };
}
function packagesOf(files) {
  const groups = /* @__PURE__ */ new Map();
  for (const file of files) {
    const name = packageOf(file.name);
    groups.set(name, [...groups.get(name) ?? [], file.summary]);
  }
  return [...groups].map(([name, list]) => ({ name, summary: addSummaries(list) })).sort((a, b) => compareStrings(a.name, b.name));
}
async function parseBaseline(text, source) {
  if (text.trimStart().startsWith("{")) {
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new CoverageError(`${source}: not valid JSON: ${err.message}`, { cause: err });
    }
    return readReportBaseline(json, source);
  }
  return readLcovBaseline(text, source);
}

// src/files/baseline-file.ts
async function readBaselineFile(path6) {
  let text;
  try {
    text = await readFile2(path6, "utf8");
  } catch (err) {
    throw new CoverageError(`${path6}: cannot read the baseline: ${err.message}`, { cause: err });
  }
  return parseBaseline(text, path6);
}

// src/compare/paths.ts
function suffixMatcher(candidates) {
  const byBaseName = /* @__PURE__ */ new Map();
  for (const candidate of candidates) {
    const segments = candidate.split("/");
    const base = segments[segments.length - 1];
    byBaseName.set(base, [...byBaseName.get(base) ?? [], segments]);
  }
  return (name) => {
    const segments = name.replace(/\\/g, "/").split("/").filter((s) => s !== "" && s !== ".");
    const base = segments[segments.length - 1];
    if (base === void 0) return void 0;
    let best;
    let bestRank = -1;
    let tie = false;
    for (const candidate of byBaseName.get(base) ?? []) {
      const length = commonSuffix(candidate, segments);
      const rank = length * 2 + (length === candidate.length ? 1 : 0);
      if (rank > bestRank) {
        best = candidate;
        bestRank = rank;
        tie = false;
      } else if (rank === bestRank) tie = true;
    }
    return best === void 0 || tie ? void 0 : best.join("/");
  };
}
function commonSuffix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

// src/compare/baseline.ts
function compareBaseline(current, baseline, rows = []) {
  const now = baseline.metric === "statements" ? current.statements : current.lines;
  let baselineFiles = baseline.files;
  let baselinePackages = baseline.packages;
  const unmatchedFiles = [];
  if (baseline.kind === "lcov") {
    const match = suffixMatcher(now.files.map((f) => f.name));
    const renamed = /* @__PURE__ */ new Map();
    for (const file of baseline.files) {
      const name = match(file.name);
      if (name === void 0) unmatchedFiles.push(file.name);
      const key = name ?? file.name;
      renamed.set(key, [...renamed.get(key) ?? [], file.summary]);
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
    unmatchedFiles,
    versions: versionDeltas(rows, baseline.versions ?? [])
  };
}
function versionDeltas(rows, previous) {
  const deltas = [];
  for (const row of rows) {
    const sameVersion = previous.filter((p) => p.version === row.version);
    const match = sameVersion.find((p) => p.platform !== void 0 && p.platform === row.platform) ?? sameVersion[0];
    if (match && row.statements) deltas.push(delta(row.label, row.statements, match.statements));
  }
  return deltas;
}
function pair(current, previous) {
  const before = new Map(previous.map((p) => [p.name, p.summary]));
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
      file.oldPath = unquote(line.slice("rename from ".length));
      file.status = "renamed";
    } else if (line.startsWith("rename to ")) file.path = unquote(line.slice("rename to ".length));
    else if (line.startsWith("+++ ") && !line.startsWith("+++ /dev/null")) file.path = stripPrefix(unquote(line.slice(4)));
    else if (line.startsWith("--- ") && file.status === "deleted" && !line.startsWith("--- /dev/null")) file.path = stripPrefix(unquote(line.slice(4)));
  });
  return files;
}
function pathsOfHeader(rest) {
  if (rest.startsWith('"')) {
    const second = rest.lastIndexOf(' "');
    return stripPrefix(unquote(second > 0 ? rest.slice(second + 1) : rest));
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) return rest.slice(half + 3);
  const b = rest.lastIndexOf(" b/");
  return b >= 0 ? rest.slice(b + 3) : rest;
}
function stripPrefix(path6) {
  return path6.replace(/^[ab]\//, "").replace(/\t$/, "");
}
function unquote(path6) {
  const trimmed = path6.replace(/\t.*$/, "");
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
function diffCoverage(lines, changed, sourcePath) {
  const byPath = /* @__PURE__ */ new Map();
  for (const file of lines.keys()) byPath.set(sourcePath ? sourcePath(file) : file, file);
  const match = suffixMatcher(byPath.keys());
  const files = [];
  const uncovered = [];
  let covered = 0;
  let total = 0;
  for (const change of changed) {
    if (change.status === "deleted" || change.lines.length === 0) continue;
    const matched = match(change.path);
    const file = matched === void 0 ? null : byPath.get(matched) ?? null;
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
  return { lines: summary(covered, total), uncovered, files };
}

// src/compare/gates.ts
function evaluateGates(thresholds, inputs) {
  const { maxVersionDelta, minCoverage, maxCoverageDrop, minDiffCoverage } = thresholds;
  return [
    ...maxVersionDelta !== null ? versionDeltaGates(maxVersionDelta, inputs) : [],
    ...minCoverage > 0 ? [minCoverageGate(minCoverage, inputs)] : [],
    ...maxCoverageDrop !== null ? [coverageDropGate(maxCoverageDrop, inputs)] : [],
    ...minDiffCoverage !== null ? [diffCoverageGate(minDiffCoverage, inputs)] : []
  ];
}
function versionDeltaGates(limit, inputs) {
  const gates = inputs.versions.map((v) => versionDeltaGate(limit, v));
  const reference = inputs.reference?.version;
  const uncovered = inputs.runs.length > 1 ? inputs.runs.filter((r) => r.status === "passed" && !r.coverage && r.version !== reference) : [];
  for (const run of uncovered) {
    const other = reference !== void 0 ? `Go ${reference}` : "the other versions";
    gates.push(unevaluated("max-version-delta", limit, `Go ${run.version} passed but ${noProfile(run)}, so it cannot be compared with ${other}.`));
  }
  if (gates.length > 0) return gates;
  const covered = inputs.runs.filter((r) => r.coverage).length;
  if (reference === void 0 && covered > 1) {
    return [unevaluated("max-version-delta", limit, "the reference version has no coverage, so no version can be compared with it.")];
  }
  return [skipped("max-version-delta", limit, covered === 0 ? "No version has coverage to compare." : "Only one version has coverage, so there is no other version to compare.")];
}
function versionDeltaGate(limit, v) {
  if (v.common.lines === 0 && (v.statements.covered > 0 || v.referenceStatements.covered > 0)) {
    return unevaluated(
      "max-version-delta",
      limit,
      `Go ${v.version} and Go ${v.reference} instrument no line in common (${v.statements.total} and ${v.referenceStatements.total} statements), so their coverage cannot be compared like for like.`
    );
  }
  const distance = Math.abs(v.likeForLikeDelta);
  const direction = v.likeForLikeDelta < 0 ? "less" : "more";
  const message = v.likeForLikeDelta === 0 ? `Go ${v.version} covers the same share as Go ${v.reference} of the ${v.common.lines} lines both instrument (limit ${points(limit)}).` : `Go ${v.version} covers ${distance.toFixed(1)} points ${direction} than Go ${v.reference} on the ${v.common.lines} lines both instrument; the limit is ${limit}.`;
  return { name: "max-version-delta", threshold: limit, actual: v.likeForLikeDelta, passed: distance <= limit, message };
}
function minCoverageGate(minimum, inputs) {
  const ref = inputs.reference;
  if (ref === null) return unevaluated("min-coverage", minimum, noReferenceCoverage(inputs.runs));
  if (ref.statements.total === 0) {
    const run = inputs.runs.find((r) => r.version === ref.version);
    const tests = run === void 0 ? "" : run.tests === 0 ? ": no test ran" : ` (${run.tests} tests ran)`;
    return unevaluated("min-coverage", minimum, `the coverage profile of Go ${ref.version} has no statements${tests}.`);
  }
  const { covered, total } = ref.statements;
  return atLeast("min-coverage", minimum, ref.statements, `Go ${ref.version} covers ${formatPercent(covered, total)}% of statements (${covered} of ${total}); the minimum is ${minimum}%.`);
}
function atLeast(name, minimum, measured, message) {
  return { name, threshold: minimum, actual: measured.percent, passed: measured.percent >= minimum, message };
}
function coverageDropGate(limit, inputs) {
  const baseline = inputs.baseline;
  if (baseline === null) {
    if (inputs.baselineFound) return unevaluated("max-coverage-drop", limit, `there is a baseline, but ${noReferenceCoverage(inputs.runs)}`);
    return skipped("max-coverage-drop", limit, 'No baseline to compare with (none saved yet, or baseline is "none").');
  }
  const delta2 = baseline.total.delta;
  if (delta2 === null) return skipped("max-coverage-drop", limit, "The baseline has no total coverage to compare with.");
  const what = baseline.metric === "statements" ? "statement" : "line";
  const change = delta2 < 0 ? `dropped ${(-delta2).toFixed(1)} points` : delta2 > 0 ? `rose ${delta2.toFixed(1)} points` : "did not change";
  return {
    name: "max-coverage-drop",
    threshold: limit,
    actual: delta2,
    passed: -delta2 <= limit,
    message: `${capitalize(what)} coverage ${change} against the baseline (${baseline.total.baseline?.percent.toFixed(1)}% to ${baseline.total.current?.percent.toFixed(1)}%); the largest drop allowed is ${points(limit)}.`
  };
}
function diffCoverageGate(minimum, inputs) {
  const { diff, changedLines } = inputs;
  if (diff === null) {
    if (changedLines.state === "none") return skipped("min-diff-coverage", minimum, "There is no pull request diff to measure.");
    if (changedLines.state === "unreadable") return unevaluated("min-diff-coverage", minimum, `the pull request's changed lines could not be read: ${changedLines.reason}`);
    return unevaluated("min-diff-coverage", minimum, `the pull request's changed lines were read, but ${noCoverage(inputs.runs)}`);
  }
  if (diff.lines.total === 0) return skipped("min-diff-coverage", minimum, "The change touches no instrumented Go lines.");
  const { covered, total } = diff.lines;
  return atLeast("min-diff-coverage", minimum, diff.lines, `Tests run ${covered} of the ${total} changed lines that are instrumented (${formatPercent(covered, total)}%); the minimum is ${minimum}%.`);
}
function noReferenceCoverage(runs) {
  return runs.some((r) => r.coverage) ? "the reference version (reference-version) has no coverage." : noCoverage(runs);
}
function noCoverage(runs) {
  if (runs.length === 0) return "no Go version ran, so there is no coverage.";
  const shown = runs.slice(0, MAX_RUNS_NAMED).map(describeRun);
  const more = runs.length > MAX_RUNS_NAMED ? `; and ${runs.length - MAX_RUNS_NAMED} more` : "";
  return `no version produced coverage: ${shown.join("; ")}${more}.`;
}
var MAX_RUNS_NAMED = 5;
function describeRun(run) {
  const why = run.reason ? ` (${run.reason.replace(/\.$/, "")})` : "";
  if (run.status === "skipped") return `Go ${run.version} was skipped${why}`;
  if (run.status === "error") return `Go ${run.version} could not be run${why}`;
  if (run.status === "failed") return `Go ${run.version} failed${why} and ${noProfile(run)}`;
  return `Go ${run.version} passed but ${noProfile(run)}`;
}
function noProfile(run) {
  return run.tests === 0 ? "no test ran and no coverage profile was written" : "no coverage profile was written";
}
function unevaluated(name, threshold, why) {
  const limit = name === "min-coverage" || name === "min-diff-coverage" ? `${threshold}%` : points(threshold);
  return { name, threshold, actual: null, passed: false, message: `The ${name} gate (${limit}) cannot be judged: ${why}` };
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
var SCHEMA_VERSION = 2;
function toResults(report) {
  return report.versions.map((v) => ({
    spec: v.spec,
    version: v.version,
    status: v.status,
    coverage: v.coverage ? v.coverage.statements.percent : null,
    tests: { passed: v.tests.passed, failed: v.tests.failed, skipped: v.tests.skipped },
    seconds: v.seconds
  }));
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
  const escaped = defuseAutolinks(oneLine(text)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*[\]|~]/g, (c) => `\\${c}`).replace(/_/g, (c, at, whole) => WORD.test(whole[at - 1] ?? "") && WORD.test(whole[at + 1] ?? "") ? c : "\\_").replace(/^(\s*)([-+=#])(?=[\s=#-]|\u200d|$)/, "$1\\$2").replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
  return visibleBidi(escaped);
}
var WORD = /^[\p{L}\p{N}]$/u;
function escapeHtml(text) {
  const escaped = defuseAutolinks(oneLine(text)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  return visibleBidi(escaped);
}
function code(text, options = {}) {
  let body = visibleBidi(oneLine(text));
  if (options.cell) body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body.trim() === "" ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
function codeBlock(text, lang = "") {
  const body = text.replace(ANSI, "").replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
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
function renderSection(s, keep) {
  const omitted = s.items.length - keep + (s.alsoLeftOut ?? 0);
  let text = (s.head + s.items.slice(0, keep).join(s.separator)).replace(/\n+$/, "");
  if (omitted > 0 && s.leftOut) text += `${text === "" ? "" : "\n\n"}${s.leftOut(omitted)}`;
  return text + (s.tail ?? "");
}
function renderDocument(sections, keeps) {
  return sections.map((s, i) => renderSection(s, keeps[i])).filter((t) => t !== "").join("\n\n") + "\n";
}
function fit(build, levels, limit) {
  let sections = [];
  let detail = 0;
  for (; detail < levels; detail++) {
    sections = build(detail);
    const text2 = renderDocument(
      sections,
      sections.map((s) => s.items.length)
    );
    if (byteLength(text2) <= limit) return { text: text2, detail, leftOut: leftOutOf(sections, sections.map((s) => s.items.length)) };
  }
  detail = levels - 1;
  const keeps = trimLongest(sections, limit);
  const text = hardCut(renderDocument(sections, keeps), limit);
  return { text, detail, leftOut: leftOutOf(sections, keeps) };
}
function leftOutOf(sections, keeps) {
  return sections.map((s, i) => ({ section: s.head.split("\n")[0] ?? "", items: s.items.length - keeps[i] + (s.alsoLeftOut ?? 0) })).filter((l) => l.items > 0);
}
function trimLongest(sections, limit) {
  const keeps = sections.map((s) => s.items.length);
  const itemBytes = sections.map((s) => s.items.map((item) => byteLength(item) + byteLength(s.separator)));
  const size = (i) => byteLength(renderSection(sections[i], keeps[i]));
  for (; ; ) {
    const sizes = sections.map((_s, i) => size(i));
    const total = byteLength(renderDocument(sections, keeps));
    const excess = total - limit;
    if (excess <= 0) return keeps;
    const candidates = sections.map((s2, i) => ({ i, size: sizes[i], trimmable: s2.leftOut !== void 0 && keeps[i] > (s2.keep ?? 0) })).filter((c) => c.trimmable).sort((a, b) => b.size - a.size);
    const longest = candidates[0];
    if (longest === void 0) return keeps;
    const target = Math.max(longest.size - excess, (candidates[1]?.size ?? 0) - excess / 2);
    const s = sections[longest.i];
    const bytes = itemBytes[longest.i];
    const floor = s.keep ?? 0;
    let keep = keeps[longest.i];
    let current = longest.size;
    while (keep > floor && current > target) {
      keep--;
      current -= bytes[keep];
      if (current <= target + 64) current = byteLength(renderSection(s, keep));
    }
    if (keep === keeps[longest.i]) keep--;
    keeps[longest.i] = Math.max(floor, keep);
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
    (p) => isObject(p) && typeof p.name === "string" && isCounts(p.statements) && isCounts(p.lines)
  );
  return { statements: value.statements, lines: value.lines, packages };
}
function lineList(value) {
  if (!isObject(value) || !Array.isArray(value.lines)) return null;
  const lines = value.lines.filter((l) => isObject(l) && typeof l.file === "string" && typeof l.line === "number");
  return { count: numberOrNull(value.count) ?? lines.length, lines, more: numberOrNull(value.more) ?? 0 };
}
function otherTestBinaries(value) {
  if (!isObject(value) || !isCounts(value.statements) || !Array.isArray(value.packages)) return null;
  const packages = value.packages.filter((p) => isObject(p) && typeof p.name === "string" && isCounts(p.summary));
  return { statements: value.statements, packages };
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
    coveredOnlyInReference: lineList(c.coveredOnlyInReference),
    otherTestBinariesInVersion: otherTestBinaries(c.otherTestBinariesInVersion),
    otherTestBinariesInReference: otherTestBinaries(c.otherTestBinariesInReference)
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
  const b = report.comparisons.baseline;
  if (!isObject(b)) return null;
  const total = deltaView(b.total);
  if (total === null) return null;
  const deltas = (list) => Array.isArray(list) ? list.map(deltaView).filter((d) => d !== null) : [];
  return {
    source: typeof b.source === "string" ? b.source : "",
    kind: typeof b.kind === "string" ? b.kind : "",
    metric: typeof b.metric === "string" ? b.metric : "statements",
    version: typeof b.version === "string" ? b.version : null,
    total,
    packages: deltas(b.packages),
    unmatchedFiles: Array.isArray(b.unmatchedFiles) ? b.unmatchedFiles.filter((f) => typeof f === "string") : [],
    versions: deltas(b.versions)
  };
}
function referenceVersion(report) {
  const named = report.comparisons.versions[0]?.reference;
  if (named !== void 0) return named;
  const covered = report.versions.filter((v) => v.coverage !== null);
  return covered.length === 1 ? covered[0]?.version ?? null : null;
}
function gateSkipped(gate) {
  return gate.skipped === true;
}
function failedGates(report, name) {
  return report.gates.filter((g) => g.name === name && !g.passed && !gateSkipped(g));
}
function beyondVersionDelta(report, view) {
  const delta2 = view.likeForLikeDelta;
  return delta2 !== null && failedGates(report, "max-version-delta").some((g) => Math.abs(delta2) > g.threshold);
}

// src/report/sections.ts
function failingFirst(items, failing) {
  const first = items.filter(failing);
  return { ordered: [...first, ...items.filter((item) => !failing(item))], first: first.length };
}
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
function buildCell(v) {
  const steps = v.steps?.filter((s) => s.name !== "test") ?? [];
  if (steps.length === 0) return v.status === "skipped" || v.status === "error" ? "\u2014" : "\u2705";
  const failed = steps.filter((s) => !s.ok);
  return failed.length === 0 ? "\u2705" : `\u274C ${failed.map((s) => escape(s.name)).join(", ")}`;
}
function testsCell(v) {
  if (v.status === "skipped" || v.status === "error" && v.tests.passed + v.tests.failed + v.tests.skipped === 0) {
    return escape(v.reason ?? v.status);
  }
  const { passed, failed, skipped: skipped2 } = v.tests;
  return [`${passed} passed`, failed > 0 ? `**${failed} failed**` : "", skipped2 > 0 ? `${skipped2} skipped` : ""].filter((t) => t !== "").join(" \xB7 ");
}
function baselineCell(baseline, label, isReference) {
  if (baseline === null) return "\u2014";
  if (isReference) return signed(baseline.total.delta);
  return signed(baseline.versions.find((v) => v.name === label)?.delta);
}
function versionsSection(report, see) {
  if (report.versions.length === 0) return null;
  const comparisons = new Map(report.comparisons.versions.map((c) => [c.version, c]));
  const reference = referenceVersion(report);
  const baseline = baselineView(report);
  const platforms = new Set(report.versions.map((v) => v.platform ?? ""));
  const labels = versionLabels(report.versions);
  const rows = report.versions.map((v, i) => {
    const cmp = comparisons.get(labels[i]);
    const isReference = labels[i] === reference;
    const name = [
      `**${escape(v.version)}**`,
      v.spec !== v.version ? ` (${escape(v.spec)})` : "",
      platforms.size > 1 && v.platform ? ` ${escape(v.platform)}` : ""
    ].join("");
    return tableRow([
      name,
      STATUS_ICON[v.status] ?? escape(String(v.status)),
      buildCell(v),
      testsCell(v),
      percent(v.coverage?.statements.percent),
      cmp ? signed(cmp.likeForLikeDelta) : isReference && v.coverage ? "reference" : "\u2014",
      baselineCell(baseline, labels[i], isReference),
      seconds(v.seconds),
      escape(v.toolchain.source)
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
    items: packages.map((p) => tableRow([code(p.name, { cell: true }), `${p.lines.covered} of ${p.lines.total}`, percent(p.lines.percent)])),
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more package"), see),
    tail: "\n\n</details>"
  };
}
function baselineSection(report, see) {
  const b = baselineView(report);
  if (b === null) return null;
  const reference = referenceVersion(report);
  const metric = b.metric === "lines" ? "line" : "statement";
  const was = b.total.baseline ? percent(b.total.baseline.percent) : "\u2014";
  const now = b.total.current ? percent(b.total.current.percent) : "\u2014";
  const from = b.source ? ` (${code(b.source)}${b.version ? `, Go ${escape(b.version)}` : ""})` : "";
  const moved = b.packages.filter((p) => p.delta !== 0);
  const lines = [
    "### Against the baseline",
    "",
    `${reference ? `Go ${escape(reference)}` : "The reference version"}: ${metric} coverage ${was} \u2192 ${now} (**${signed(b.total.delta)}** points) against the baseline${from}.`
  ];
  if (b.unmatchedFiles.length > 0) {
    lines.push("", `${plural(b.unmatchedFiles.length, "baseline file")} matched no file of this run, e.g. ${code(b.unmatchedFiles[0])}.`);
  }
  const unchanged = b.packages.length - moved.length;
  if (moved.length === 0) {
    lines.push("", b.packages.length > 0 ? `No package moved (${plural(b.packages.length, "package")}).` : "");
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
      (p) => tableRow([
        code(p.name, { cell: true }),
        p.baseline ? percent(p.baseline.percent) : "new",
        p.current ? percent(p.current.percent) : "gone",
        signed(p.delta)
      ])
    ),
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more changed package"), see)
  };
}
var MAX_PACKAGES_PER_COMPARISON = 15;
var WHAT_IS_COMPARED = "_Raw: statement coverage, as `go test -cover` counts it (each package by its own tests). Like for like: line coverage on the lines both versions instrument, which a difference in what Go counts does not move._";
function groupComparisons(views) {
  const groups = /* @__PURE__ */ new Map();
  for (const view of views) {
    const { version: _version, explanation: _explanation, ...rest } = view;
    const key = JSON.stringify(rest);
    const group = groups.get(key);
    if (group) group.versions.push(view.version);
    else groups.set(key, { versions: [view.version], view });
  }
  return [...groups.values()];
}
function onlyInTable(group) {
  const { view } = group;
  const byName = /* @__PURE__ */ new Map();
  for (const p of view.onlyInVersion?.packages ?? []) byName.set(p.name, { ...byName.get(p.name), version: p });
  for (const p of view.onlyInReference?.packages ?? []) byName.set(p.name, { ...byName.get(p.name), reference: p });
  if (byName.size === 0) return "";
  const cell2 = (p) => p ? `${p.lines.total} lines, ${p.lines.covered} covered` : "\u2014";
  const rows = [...byName].slice(0, MAX_PACKAGES_PER_COMPARISON).map(([name, only]) => tableRow([code(name, { cell: true }), cell2(only.version), cell2(only.reference)]));
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
function otherTestBinariesLine(other, versions) {
  if (other === null || other.packages.length === 0) return "";
  const where = other.packages.map((p) => `${p.summary.covered} of ${plural(p.summary.total, "statement")} in ${code(p.name)}`).join(", ");
  return `- Go ${versions} also recorded, for packages without test files, the counters of the test binaries of the packages that import them (${where}). Not counted: like \`go test -cover\`, go-matrix counts each package by its own tests.`;
}
function crossVersionSection(report, withLines, see) {
  const views = report.comparisons.versions.map(comparisonView).filter(
    (c) => c.rawDelta !== c.likeForLikeDelta || (c.onlyInVersion?.lines.total ?? 0) > 0 || (c.onlyInReference?.lines.total ?? 0) > 0 || (c.coveredOnlyInVersion?.count ?? 0) > 0 || (c.coveredOnlyInReference?.count ?? 0) > 0 || c.otherTestBinariesInVersion !== null || c.otherTestBinariesInReference !== null
  );
  if (views.length === 0) return null;
  const { ordered, first: failing } = failingFirst(groupComparisons(views), (g) => beyondVersionDelta(report, g.view));
  const items = ordered.map((group) => {
    const c = group.view;
    const versions = group.versions.map(escape).join(", ");
    const parts = [
      `**Go ${versions}** against Go ${escape(c.reference)}: raw ${signed(c.rawDelta)} points, like for like ${signed(c.likeForLikeDelta)}${c.commonLines !== null ? ` on the ${c.commonLines} lines both instrument` : ""}.`
    ];
    const only = onlyInTable(group);
    if (only) parts.push(only);
    else if (c.explanation) parts.push(escape(c.explanation));
    const other = [otherTestBinariesLine(c.otherTestBinariesInVersion, versions), otherTestBinariesLine(c.otherTestBinariesInReference, escape(c.reference))].filter((l) => l !== "");
    if (only && other.length > 0) parts.push(other.join("\n"));
    if (withLines) {
      const covered = [coveredOnlyLine(c.coveredOnlyInVersion, versions), coveredOnlyLine(c.coveredOnlyInReference, escape(c.reference))].filter((l) => l !== "");
      if (covered.length > 0) parts.push(covered.join("\n"));
    }
    return parts.join("\n\n");
  });
  const linesDropped = !withLines && views.some((c) => (c.coveredOnlyInVersion?.count ?? 0) + (c.coveredOnlyInReference?.count ?? 0) > 0);
  return {
    head: `### Why versions differ

${WHAT_IS_COMPARED}

${linesDropped ? `${droppedNote("The lines only one version covered were", see)}

` : ""}`,
    items,
    separator: "\n\n",
    leftOut: leftOutNote((n) => plural(n, "more version comparison"), see),
    keep: failing
  };
}
function groupFailures(report) {
  const groups = /* @__PURE__ */ new Map();
  for (const v of report.versions) {
    for (const f of v.tests.failures) {
      const key = JSON.stringify([f.package, f.test, f.output]);
      const group = groups.get(key);
      if (group) group.versions.push(v.version);
      else groups.set(key, { failure: f, versions: [v.version] });
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
  const total = report.versions.reduce((n, v) => n + v.tests.failures.length, 0);
  const items = groups.map(
    (g) => budget === null ? `- ${failureTitle(g, false)}` : details(failureTitle(g, true), codeBlock(tailOf(g.failure.output, budget.lines, budget.bytes) || "(no output)"))
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
    (v) => (v.slowestTests ?? []).map(
      (t) => tableRow([escape(v.version), code(t.test, { cell: true }), code(t.package, { cell: true }), t.seconds < 60 ? `${t.seconds.toFixed(2)} s` : seconds(t.seconds)])
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
function gateValue(g, value) {
  if (g.name === "legs") return String(value);
  return g.name === "min-coverage" || g.name === "min-diff-coverage" ? percent(value) : signed(value);
}
function gateThreshold(g) {
  if (g.name === "max-version-delta") return `\xB1${g.threshold}`;
  if (g.name === "max-coverage-drop") return `\u2212${g.threshold}`;
  if (g.name === "min-coverage" || g.name === "min-diff-coverage") return `\u2265\xA0${g.threshold}%`;
  return escape(String(g.threshold));
}
function gateResult(g) {
  if (gateSkipped(g)) return `\u2796 ${escape(g.message)}`;
  return `${g.passed ? "\u2705" : "\u274C"} ${escape(g.message)}`;
}
function gatesSection(report, see) {
  if (report.gates.length === 0) return null;
  const { ordered, first: failed } = failingFirst(report.gates, (g) => !g.passed);
  return {
    head: `### Gates

${tableHead(["gate", "limit", "actual", "result"], ["l", "r", "r", "l"])}
`,
    items: ordered.map((g) => tableRow([escape(g.name), gateThreshold(g), g.actual === null ? "\u2014" : gateValue(g, g.actual), gateResult(g)])),
    separator: "\n",
    leftOut: leftOutNote((n) => plural(n, "more gate"), see),
    keep: failed
  };
}
function footerSection(report, runUrl, linkText, more = []) {
  const parts = [];
  if (runUrl) parts.push(`[${linkText}](${runUrl.replace(/[()\s]/g, encodeURIComponent)})`);
  parts.push(`go-matrix ${escape(report.tool.version)}`);
  if (report.commit) parts.push(`commit ${code(report.commit.slice(0, 12))}`);
  parts.push(...more.map(escape));
  return { head: `<sub>${parts.join(" \xB7 ")}</sub>`, items: [], separator: "" };
}

// src/report/modules.ts
var CELL_ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F", error: "\u{1F4A5}" };
function modulesOf(rows) {
  const seen = /* @__PURE__ */ new Map();
  for (const row of rows) for (const m of row.modules ?? []) if (!seen.has(m.dir)) seen.set(m.dir, m.path);
  return [...seen].map(([dir, path6]) => ({ dir, path: path6 }));
}
function isProblem(m) {
  return m !== void 0 && (m.status === "failed" || m.status === "error");
}
function cell(m) {
  if (m === void 0) return "\u2014";
  if (m.coverage) return `${CELL_ICON[m.status]} ${percent(m.coverage.statements.percent)}`;
  return `${CELL_ICON[m.status]} ${m.status}`;
}
function leftOut(what, see) {
  return (n) => `_\u2026 ${what(n)} left out (see ${see})._`;
}
function moduleGridSection(report, see, options = {}) {
  const rows = report.versions;
  const modules = modulesOf(rows);
  if (modules.length === 0) return null;
  const labels = versionLabels(rows);
  const byModule = (dir) => rows.map((r) => r.modules?.find((m) => m.dir === dir));
  const failing = modules.filter((m) => byModule(m.dir).some(isProblem));
  const ordered = [...failing, ...modules.filter((m) => !failing.includes(m))];
  const dropped = options.detailDropped ? `

_Each module's detail was left out to stay within GitHub\u2019s size limit (see ${see})._` : "";
  return {
    head: `### Modules (${modules.length})

Status and statement coverage of each module under each version.${dropped}

${tableHead(["module", ...labels.map((l) => `Go ${escape(l)}`)], ["l", ...labels.map(() => "r")])}
`,
    items: ordered.map((m) => tableRow([code(m.dir, { cell: true }), ...byModule(m.dir).map(cell)])),
    separator: "\n",
    leftOut: leftOut((n) => plural(n, "more module"), see),
    keep: failing.length
  };
}
function testsText(m) {
  if (m.status === "skipped" || m.status === "error" && m.tests.passed + m.tests.failed + m.tests.skipped === 0) return escape(m.reason ?? m.status);
  const { passed, failed, skipped: skipped2 } = m.tests;
  return [`${passed} passed`, failed > 0 ? `**${failed} failed**` : "", skipped2 > 0 ? `${skipped2} skipped` : ""].filter((t) => t !== "").join(" \xB7 ");
}
function moduleDetailsSection(report, see) {
  const rows = report.versions;
  const modules = modulesOf(rows);
  if (modules.length === 0) return null;
  const labels = versionLabels(rows);
  const reference = referenceVersion(report);
  const blocks = modules.map((module) => {
    const runs = rows.map((r, i) => ({ label: labels[i], m: r.modules?.find((x) => x.dir === module.dir) }));
    const table = [
      tableHead(["Go", "status", "tests", "statements", "lines", "functions", "\u0394 like-for-like", "time"], ["l", "l", "l", "r", "r", "r", "r", "r"]),
      ...runs.filter((r) => r.m !== void 0).map(({ label, m }) => {
        const x = m;
        const delta2 = x.comparison ? signed(x.comparison.likeForLikeDelta) : label === reference && x.coverage ? "reference" : "\u2014";
        return tableRow([escape(label), `${CELL_ICON[x.status]} ${x.status}`, testsText(x), percent(x.coverage?.statements.percent), percent(x.coverage?.lines.percent), percent(x.coverage?.functions.percent), delta2, seconds(x.seconds)]);
      })
    ].join("\n");
    const failing = runs.some((r) => isProblem(r.m));
    return { failing, text: details(`${failing ? "\u274C " : ""}<code>${escapeHtml(module.dir)}</code> (${escapeHtml(module.path)})`, table) };
  });
  const ordered = [...blocks.filter((b) => b.failing), ...blocks.filter((b) => !b.failing)];
  return {
    head: "#### Each module\n\n",
    items: ordered.map((b) => b.text),
    separator: "\n\n",
    leftOut: leftOut((n) => plural(n, "more module"), see)
  };
}

// src/report/cache-section.ts
function restoredCell(c) {
  if (c.where === "folder") return c.restored ? `kept in the cache folder (${formatMiB(c.restoredBytes)})` : "empty cache folder";
  if (c.restored) return `${code(c.key ?? "", { cell: true })} (${formatMiB(c.restoredBytes)}, ${c.restoreSeconds.toFixed(1)} s)`;
  return c.why && !c.why.startsWith("not saved") ? `not restored: ${escape(c.why)}` : "missed";
}
function savedCell(c) {
  if (c.where === "folder") return "stays in the folder";
  if (c.saved) return `${code(c.savedKey ?? "", { cell: true })} (${formatMiB(c.savedBytes ?? 0)}, ${c.saveSeconds.toFixed(1)} s)`;
  return escape((c.why ?? "not saved").replace(/^not saved: /, "no: "));
}
function buildCacheSection(report) {
  const rows = report.versions.flatMap((v) => {
    const c = v.buildCache;
    if (!c) return [];
    const added = c.addedEntries === void 0 ? "" : c.addedEntries === 0 ? "nothing" : `${c.addedEntries} ${c.addedEntries === 1 ? "entry" : "entries"}`;
    const replayed = v.cachedPackages ? plural(v.cachedPackages, "package") : "";
    return [tableRow([escape(v.version), restoredCell(c), added, replayed, savedCell(c)])];
  });
  if (rows.length === 0) return null;
  return {
    head: `<details><summary>Build caches</summary>

${tableHead(["Go", "restored", "compiled or tested anew", "test results replayed", "saved"], ["l", "l", "r", "r", "l"])}
`,
    items: rows,
    separator: "\n",
    tail: "\n\n</details>"
  };
}

// src/report/summary.ts
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
var COMMENT_LIMIT_BYTES = 65536;
var SUMMARY_LEVELS = [
  { output: { lines: Infinity, bytes: Infinity }, lines: true, modules: true },
  { output: { lines: 40, bytes: 4e3 }, lines: true, modules: true },
  { output: { lines: 10, bytes: 1e3 }, lines: true, modules: true },
  { output: null, lines: true, modules: true },
  { output: null, lines: false, modules: true },
  { output: null, lines: false, modules: false }
];
function notesOf(report, extras) {
  const versions = report.versions.flatMap((v) => (v.notes ?? []).map((n) => `Go ${v.version}: ${n}`));
  return [.../* @__PURE__ */ new Set([...report.notes ?? [], ...versions, ...extras.notes ?? []])];
}
function present(sections) {
  return sections.filter((s) => s !== null && (s.head !== "" || s.items.length > 0));
}
function renderSummary(report, verdict, extras = {}) {
  const see = "report.json";
  const build = (detail) => {
    const level = SUMMARY_LEVELS[detail] ?? { output: null, lines: false, modules: false };
    return present([
      verdictSection(verdict),
      notesSection(notesOf(report, extras)),
      versionsSection(report, see),
      moduleGridSection(report, see, { detailDropped: !level.modules }),
      level.modules ? moduleDetailsSection(report, see) : null,
      mergedSection(report, see),
      baselineSection(report, see),
      crossVersionSection(report, level.lines, see),
      failuresSection(report, level.output, see, { outputDropped: level.output === null }),
      slowestTestsSection(report, see),
      buildCacheSection(report),
      diffSection(report, level.lines, see),
      gatesSection(report, see),
      footerSection(report, extras.runUrl, "this run", extras.footer)
    ]);
  };
  return fit(build, SUMMARY_LEVELS.length, extras.limitBytes ?? SUMMARY_LIMIT_BYTES).text;
}
var COMMENT_FAILURES = 10;
var COMMENT_UNCOVERED_LINES = 20;
function renderComment(report, verdict, extras = {}) {
  const see = extras.runUrl ? `the [job summary](${extras.runUrl.replace(/[()\s]/g, encodeURIComponent)})` : "the job summary";
  const build = (detail) => {
    const lines = detail === 0;
    return present([
      verdictSection(verdict),
      notesSection(notesOf(report, extras)),
      versionsSection(report, see),
      moduleGridSection(report, see),
      failuresSection(report, null, see, { limit: COMMENT_FAILURES }),
      failedGates(report, "max-coverage-drop").length > 0 ? baselineSection(report, see) : null,
      failedGates(report, "max-version-delta").length > 0 ? crossVersionSection(report, lines, see) : null,
      diffSection(report, true, see, COMMENT_UNCOVERED_LINES),
      gatesSection(report, see),
      footerSection(report, extras.runUrl, "Full report in the job summary")
    ]);
  };
  return fit(build, 2, extras.limitBytes ?? COMMENT_LIMIT_BYTES).text;
}
function renderStopped(verdict, about, extras = {}) {
  const build = () => present([verdictSection(verdict), notesSection(extras.notes ?? []), footerSection(about, extras.runUrl, "this run")]);
  return fit(build, 1, extras.limitBytes ?? SUMMARY_LIMIT_BYTES).text;
}

// src/report/verdict.ts
function describeProblem(version, where, v) {
  if (v.status === "error") return `Go ${version} could not be run${where}: ${v.reason ?? "unknown error"}`;
  const failures = v.tests.failures.map((f) => f.test).filter((t) => t !== "");
  if (v.tests.failed > 0) {
    const names = failures.slice(0, 3).join(", ");
    const more = failures.length > 3 ? ` and ${failures.length - 3} more` : "";
    return `Go ${version} failed${where}: ${v.tests.failed} test${v.tests.failed === 1 ? "" : "s"} failed${names ? ` (${names}${more})` : ""}`;
  }
  return `Go ${version} failed${where}: ${v.reason ?? "the build failed"}`;
}
function describeVersionProblems(v) {
  const modules = (v.modules ?? []).filter((m) => m.status === "failed" || m.status === "error");
  if (modules.length === 0) return [describeProblem(v.version, "", v)];
  return modules.map((m) => describeProblem(v.version, ` in module ${moduleName(m)}`, m));
}
function decideVerdict(report, failOnTestFailure) {
  const failedGates2 = report.gates.filter((g) => !g.passed);
  const broken = report.versions.filter((v) => v.status === "failed" || v.status === "error");
  const passed = failedGates2.length === 0 && broken.length === 0;
  const failJob = failedGates2.length > 0 || failOnTestFailure && broken.length > 0;
  let sentence;
  if (passed) {
    const ran = report.versions.filter((v) => v.status === "passed");
    const skipped2 = report.versions.length - ran.length;
    const who = ran.length === 1 ? `Go ${ran[0].version}` : `All ${ran.length} Go versions`;
    const modules = new Set(report.versions.flatMap((v) => (v.modules ?? []).map((m) => m.dir)));
    const skippedModules = ran.reduce((n, v) => n + (v.modules ?? []).filter((m) => m.status === "skipped").length, 0);
    const skips = [skipped2 > 0 ? `${skipped2} skipped` : "", skippedModules > 0 ? `${skippedModules} module run${skippedModules === 1 ? "" : "s"} skipped` : ""].filter((t) => t !== "");
    sentence = `\u2705 ${who} passed${modules.size > 0 ? ` in ${modules.size} module${modules.size === 1 ? "" : "s"}` : ""}${skips.length > 0 ? ` (${skips.join(", ")})` : ""}${report.gates.length > 0 ? " and every gate held" : ""}.`;
  } else {
    const parts = [...failedGates2.map((g) => g.message), ...broken.flatMap(describeVersionProblems)];
    const head = failJob ? "\u274C" : "\u26A0\uFE0F";
    const first = parts[0].replace(/\.$/, "");
    sentence = `${head} ${first}${parts.length > 1 ? ` (and ${parts.length - 1} more problem${parts.length > 2 ? "s" : ""})` : ""}.`;
  }
  return { passed, failJob, sentence };
}
function stoppedVerdict(reason, mode) {
  const what = mode === "aggregate" ? "The reports were not combined" : "go-matrix stopped before a report";
  return { passed: false, failJob: true, sentence: `\u274C ${what}: ${reason.replace(/\.$/, "")}.` };
}

// src/conclusion/conclude.ts
function labelled(versions) {
  const labels = versionLabels(versions.map((v) => v.report));
  const coverage = /* @__PURE__ */ new Map();
  versions.forEach((v, i) => {
    if (v.coverage) coverage.set(labels[i], v.coverage);
  });
  return { labels, coverage };
}
function referenceOf(referenceVersion2, versions) {
  const { labels, coverage } = labelled(versions);
  return pickReference(
    referenceVersion2,
    versions.map((v, i) => ({ spec: v.report.spec, version: v.report.version, label: labels[i] })),
    coverage
  );
}
function conclude(options, input) {
  const { labels, coverage } = labelled(input.versions);
  const reference = referenceOf(options.referenceVersion, input.versions);
  const referenceCoverage = reference ? coverage.get(reference) : void 0;
  const comparisons = reference ? compareVersions(
    [...coverage].map(([version, c]) => ({ version, profile: c.profile, lines: c.lines, otherTestBinaries: c.otherTestBinaries ?? null })),
    reference
  ) : [];
  const moduleComparisons = compareModules(
    input.versions.map((v, i) => ({ label: labels[i], modules: v.modules ?? [] })),
    reference
  );
  const notes = [...input.notes ?? []];
  const concludes = options.mode !== "collect";
  let baseline = null;
  if (concludes && input.baseline && referenceCoverage) {
    const rows = input.versions.map((v, i) => ({ label: labels[i], version: v.report.version, platform: v.report.platform, statements: v.report.coverage?.statements ?? null }));
    baseline = compareBaseline({ statements: referenceCoverage.statements, lines: referenceCoverage.lineSummary }, input.baseline, rows);
  } else if (concludes && input.baselineFound) {
    notes.push("The baseline was not compared: the reference version has no coverage.");
  }
  const all = [...coverage.values()];
  const mergedLines = all.length > 0 ? mergeLineCoverage(all.map((c) => c.lines)) : null;
  const diff = concludes && input.changedLines && mergedLines ? diffCoverage(mergedLines, input.changedLines, input.sourcePath) : null;
  const evaluated = !concludes ? [] : evaluateGates(
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
      diff,
      runs: input.versions.map((v, i) => runFacts(v.report, labels[i], coverage.has(labels[i]))),
      baselineFound: input.baselineFound,
      changedLines: input.changedLines ? { state: "read" } : input.changedLinesUnreadable !== void 0 ? { state: "unreadable", reason: input.changedLinesUnreadable } : { state: "none" }
    }
  );
  const warnings = [];
  const lcov = mergedLines ? formatLcov(mergedLines, { functions: mergeFunctionCoverage(all.map((c) => c.functions)), sourcePath: input.sourcePath }) : "";
  const mergedProfile = mergedProfileText(coverage, warnings);
  const mergedSummary = mergedLines ? summarizeLines(mergedLines) : null;
  const report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "go-matrix", version: input.toolVersion },
    commit: input.commit,
    ref: input.ref,
    versions: input.versions.map((v, i) => v.report.modules ? { ...v.report, modules: withComparisons(v.report.modules, moduleComparisons.get(labels[i])) } : v.report),
    merged: mergedSummary ? { lines: mergedSummary.total, packages: mergedSummary.packages.map((p) => ({ name: p.name, lines: p.summary })) } : null,
    comparisons: { versions: comparisons, baseline, diff },
    gates: [...input.checks ?? [], ...evaluated],
    notes
  };
  const verdict = decideVerdict(report, options.failOnTestFailure);
  return {
    report,
    verdict,
    summary: renderSummary(report, verdict, { notes, ...input.runUrl ? { runUrl: input.runUrl } : {}, ...input.footer ? { footer: input.footer } : {} }),
    lcov,
    mergedProfile,
    referenceCoverage: referenceCoverage ? formatPercent(referenceCoverage.statements.total.covered, referenceCoverage.statements.total.total) : "",
    warnings
  };
}
function mergedProfileText(coverage, warnings) {
  if (coverage.size === 0) return "";
  try {
    return formatProfile(mergeProfiles([...coverage].map(([version, c]) => ({ name: `Go ${version}`, profile: c.profile }))));
  } catch (err) {
    warnings.push(`merged.out not written: ${err.message}`);
    return "";
  }
}
function runFacts(v, label, hasCoverage) {
  return {
    version: label,
    status: v.status,
    ...v.reason !== void 0 ? { reason: v.reason } : {},
    tests: v.tests.passed + v.tests.failed + v.tests.skipped,
    coverage: hasCoverage
  };
}
function pickReference(wanted, versions, coverage) {
  const keyed = versions.map((t) => ({ ...t, label: t.label ?? t.version }));
  const candidates = keyed.filter((t) => coverage.has(t.label));
  if (wanted !== "") {
    const bare = wanted.replace(/^go/, "");
    const match = candidates.find((t) => t.label === wanted) ?? candidates.find((t) => t.version === bare) ?? candidates.find((t) => t.spec === wanted) ?? candidates.find((t) => t.version.startsWith(`${bare}.`));
    return match?.label ?? null;
  }
  const newest = [...candidates].sort((a, b) => compareGoVersions(b.version, a.version))[0];
  return newest?.label ?? null;
}

// src/conclusion/write.ts
import { writeFile as writeFile2 } from "node:fs/promises";
import path4 from "node:path";
function reportFilesIn(reportDir) {
  return {
    report: path4.join(reportDir, "report.json"),
    lcov: path4.join(reportDir, "merged.lcov"),
    merged: path4.join(reportDir, "merged.out"),
    summary: path4.join(reportDir, "summary.md")
  };
}
function reportJson(report) {
  return JSON.stringify(report, null, 2) + "\n";
}
async function writeConclusion(reportDir, conclusion) {
  const files = reportFilesIn(reportDir);
  await claimReportEntries(reportDir, Object.values(files).map((file) => path4.basename(file)));
  await writeFile2(files.lcov, conclusion.lcov);
  await writeFile2(files.merged, conclusion.mergedProfile);
  await writeFile2(files.report, reportJson(conclusion.report));
  await writeFile2(files.summary, conclusion.summary);
  return files;
}

// src/conclusion/run.ts
function baselineFileOf(options, ctx) {
  if (options.mode === "collect") return null;
  if (options.baseline.kind === "path") return path5.resolve(ctx.workspace, options.baseline.path);
  if (options.baseline.kind === "auto") return ctx.autoBaselineFile ?? null;
  return null;
}
async function concludeRun(options, ctx, input) {
  const baselineFile = baselineFileOf(options, ctx);
  const baseline = baselineFile !== null && referenceOf(options.referenceVersion, input.versions) !== null ? await readBaselineFile(baselineFile) : null;
  const conclusion = conclude(options, {
    versions: input.versions,
    sourcePath: input.sourcePath,
    ...input.checks ? { checks: input.checks } : {},
    ...input.footer ? { footer: input.footer } : {},
    baselineFound: baselineFile !== null,
    baseline,
    changedLines: ctx.changedLines,
    changedLinesUnreadable: ctx.changedLinesUnreadable,
    notes: ctx.notes,
    commit: ctx.commit,
    ref: ctx.ref,
    toolVersion: ctx.toolVersion,
    runUrl: ctx.runUrl
  });
  for (const warning of conclusion.warnings) ctx.logger.warning(warning);
  const files = await writeConclusion(input.reportDir, conclusion);
  return {
    report: conclusion.report,
    verdict: conclusion.verdict,
    summary: conclusion.summary,
    referenceCoverage: conclusion.referenceCoverage,
    reportDir: input.reportDir,
    files
  };
}

export {
  silentLogger,
  consoleLogger,
  parseFuncOutput,
  functionCoverage,
  summarizeFunctions,
  countOwnTests,
  functionsOfOwnTests,
  isInside,
  reportDirectoryOf,
  prepareReportFolder,
  claimReportEntries,
  checkInputFiles,
  formatMiB,
  describeVersionCache,
  READABLE_SCHEMA_VERSIONS,
  parseGitDiff,
  SCHEMA_VERSION,
  toResults,
  COMMENT_LIMIT_BYTES,
  renderComment,
  renderStopped,
  combineModuleCoverage,
  versionOfModules,
  moduleOfVersionRow,
  stoppedVerdict,
  reportJson,
  concludeRun
};

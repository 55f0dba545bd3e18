import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  splitArgs,
  splitList
} from "./chunk-CPX76DZJ.js";

// src/definitions.ts
var RUN = ["run"];
var BOTH = ["run", "aggregate"];
var INPUTS = [
  {
    name: "go-versions",
    list: true,
    default: "",
    commands: RUN,
    description: "Versions to test, separated by commas or newlines. Each is 1.22.5 (exact), 1.22 or 1.22.x (newest patch of that minor), a semver range (^1.22, >=1.21 <1.24), stable, oldstable, or an exact prerelease (1.24rc1)."
  },
  {
    name: "go-version-file",
    default: "",
    commands: RUN,
    description: "go.mod / go.work (its toolchain line, else its go line), .go-version, or .tool-versions (golang entry). Adds that version to the list."
  },
  {
    name: "working-directory",
    default: ".",
    commands: RUN,
    description: "The module (or go.work) root, relative to the workspace."
  },
  { name: "packages", default: "./...", commands: RUN, description: "Package patterns for build and test." },
  { name: "build", default: "true", commands: RUN, description: "go build the packages before testing." },
  { name: "vet", default: "false", commands: RUN, description: "go vet the packages." },
  {
    name: "build-targets",
    list: true,
    default: "",
    commands: RUN,
    description: "Extra cross-compile checks, e.g. windows/amd64, darwin/arm64: go build with that GOOS/GOARCH, per version."
  },
  {
    name: "test-flags",
    default: "",
    commands: RUN,
    description: "Extra go test flags (-race -count=1 -tags=integration), split like a shell would, never run through one."
  },
  {
    name: "cover-mode",
    default: "",
    commands: RUN,
    description: "set, count or atomic; empty leaves Go's default."
  },
  { name: "cover-packages", default: "", commands: RUN, description: "Passed as -coverpkg." },
  {
    name: "max-parallel",
    default: "0",
    commands: RUN,
    description: "Versions run at once; 0 means the number of CPUs."
  },
  {
    name: "timeout-minutes",
    default: "30",
    commands: RUN,
    description: "Per version; on expiry that version's processes are killed and it is reported error."
  },
  {
    name: "fail-on-test-failure",
    default: "true",
    commands: BOTH,
    description: "A failing build or test fails the job (after every version has run and every report is written)."
  },
  {
    name: "reference-version",
    default: "",
    commands: BOTH,
    description: "The version the others are compared with; empty means the newest resolved version."
  },
  {
    name: "max-version-delta",
    default: "2",
    commands: BOTH,
    description: "Fail when a version's like-for-like coverage differs from the reference's by more than this many percentage points."
  },
  {
    name: "min-coverage",
    default: "0",
    commands: BOTH,
    description: "Fail when the reference version's statement coverage is below this percentage."
  },
  {
    name: "max-coverage-drop",
    default: "",
    commands: BOTH,
    description: "Fail when coverage drops more than this many points against the baseline; empty: off."
  },
  {
    name: "min-diff-coverage",
    default: "",
    commands: BOTH,
    description: "Fail when coverage of the lines a pull request changes is below this percentage; empty: off."
  },
  {
    name: "baseline",
    default: "auto",
    commands: BOTH,
    description: "auto (saved on default-branch pushes, restored on pull requests), none, or a path to a report.json or LCOV file."
  },
  {
    name: "comment",
    default: "true",
    commands: [],
    description: "On pull requests, create or update one summary comment."
  },
  {
    name: "comment-key",
    default: "",
    commands: [],
    description: "Tells apart the comments of several jobs or modules in one PR."
  },
  {
    name: "github-token",
    default: "${{ github.token }}",
    commands: [],
    description: "For the comment and the GitHub API."
  },
  {
    name: "download-base-url",
    default: "https://go.dev/dl",
    commands: RUN,
    description: "Where releases come from: {base}/?mode=json&include=all lists them (go.dev's JSON), {base}/{filename} serves each archive. Mirrors use the same layout."
  },
  {
    name: "local-toolchains",
    list: true,
    default: "",
    commands: RUN,
    description: "Directories (GOROOTs) already on the machine, used instead of downloading when their version matches."
  },
  {
    name: "cache",
    default: "true",
    commands: RUN,
    description: "Save and restore toolchains and the module cache with the Actions cache service, when it is available."
  },
  {
    name: "report-directory",
    default: "",
    commands: BOTH,
    description: "Where the report files go; empty means $RUNNER_TEMP/go-matrix."
  },
  {
    name: "mode",
    default: "run",
    commands: [],
    description: "run (everything in this job), collect (run and write the report, no gates or comment: one leg of a larger matrix), aggregate (no Go runs: combine the report.json files named by reports, then gate, summarize and comment)."
  },
  {
    name: "reports",
    list: true,
    default: "",
    commands: [],
    description: "With mode: aggregate: a glob or list of report.json paths."
  }
];

// src/options.ts
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
    testFlags: words(raw("test-flags"), "test-flags"),
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
    reportDirectory: raw("report-directory"),
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

// src/version.ts
var TOOL_VERSION = "0.1.0";

export {
  INPUTS,
  InputError,
  parseOptions,
  TOOL_VERSION
};

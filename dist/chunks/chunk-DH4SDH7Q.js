import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/inputs/definitions.ts
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
    description: "Versions run at once (with modules: module \xD7 version runs, all together); 0 means the number of CPUs."
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
    description: "Save and restore toolchains, the module cache and each version's build cache with the Actions cache service, when it is available (a persistent local folder for the command line)."
  },
  {
    name: "cache-save",
    default: "default-branch",
    commands: RUN,
    description: "When carried caches are saved: default-branch (pushes to the repository's default branch; pull requests restore them), always, or never."
  },
  {
    name: "modules",
    list: true,
    default: "",
    commands: RUN,
    description: "Which modules to test: empty is the module at working-directory; auto finds every go.mod below it (skipping vendor, testdata, hidden and node_modules folders), or takes the modules its go.work uses; else a list of module folders or globs relative to working-directory (!pattern excludes; exclusions alone start from auto). Each module is tested under every version."
  },
  {
    name: "verify",
    default: "fast",
    commands: RUN,
    description: "How a toolchain found installed (tool cache, local-toolchains) is checked against its install manifest before it is used: fast (every file's presence, size and mode, and the content of the files that run: bin/*, pkg/tool/*/*, hashed again when they changed since they were last hashed) or full (every file's content, and no file the archive did not hold). A damaged toolchain is replaced from the verified archive; one without a manifest is used after go version and go env GOROOT agree with where it lies, and reported unverified."
  },
  {
    name: "toolchain-retention-days",
    default: "0",
    commands: RUN,
    description: "At the end of the job, remove the toolchains of the tool cache unused for this many days (self-hosted runners), never one a running job holds; the summary footer says what was reclaimed. 0 is off."
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

export {
  INPUTS
};

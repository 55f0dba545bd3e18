/**
 * The go-matrix library: the pure parts (version resolution, coverage, comparisons, rendering)
 * and the installer, runner and pipeline APIs. Importing it has no side effects.
 */
export {INPUTS, OUTPUTS} from './inputs/definitions.js'
export type {InputDefinition, OutputDefinition} from './inputs/definitions.js'
export {parseOptions, InputError} from './inputs/options.js'
export type {Options, Mode, BaselineInput, BuildTarget} from './inputs/options.js'
export {splitArgs, splitList} from './util/split-args.js'
export {consoleLogger, silentLogger} from './util/log.js'
export type {Logger} from './util/log.js'

// Go releases and the installer.
export type {Toolchain, ToolchainSource} from './go/toolchain.js'
export {installGo, placeAtomically, toolCachePath, DEFAULT_DOWNLOAD_TIMEOUT_MS} from './go/install.js'
export type {InstallRequest} from './go/install.js'
export {
  resolveVersions,
  resolveVersion,
  parseVersionSpec,
  goToSemver,
  semverToGo,
  parseGoVersion,
  VersionResolutionError
} from './go/versions.js'
export {compareGoVersions, isGoVersion, isPrerelease} from './go/gover.js'
export {parseGoFile, modulePathOf, skipReason, GoFileError, DEFAULT_GO_VERSION} from './go/go-mod.js'
export type {GoFile} from './go/go-mod.js'
export type {VersionSpec, AvailableVersion, SpecRequest, ResolvedVersion, GoVersion} from './go/versions.js'
export {parseVersionFile, readVersionFile, versionFileKind, VersionFileError} from './go/version-file.js'
export type {DeclaredVersion, VersionFileKind} from './go/version-file.js'
export {platformFor, currentPlatform, archiveName} from './go/platform.js'
export type {Platform} from './go/platform.js'
export {fetchReleases, parseIndex, availableVersions, archiveFor, findArchive} from './go/releases.js'
export type {GoRelease, GoReleaseFile} from './go/releases.js'
export type {CacheClient, CacheClient as ToolchainCache} from './transport/actions-cache.js'

// The tool cache's toolchains: manifests, verification, the audit log, listing and pruning (the
// library under `go-matrix toolchains`).
export {checkToolchain, checkOutcome} from './go/reuse.js'
export type {Expected as ExpectedToolchain, ReuseCheck} from './go/reuse.js'
export {buildManifest, formatManifest, parseManifest, ManifestError, MANIFEST_VERSION} from './toolchains/manifest.js'
export type {ToolchainManifest, ManifestInput} from './toolchains/manifest.js'
export type {TreeEntry} from './toolchains/tree.js'
export {readManifestOf, sidecarsOf, auditLogOf} from './toolchains/layout.js'
export {verifyTree, describeDifferences} from './toolchains/verify.js'
export type {VerifyLevel, VerifyResult, Difference, ToolchainVerification} from './toolchains/verify.js'
export {readState} from './toolchains/state.js'
export type {ToolchainState, PreviousChecks} from './toolchains/state.js'
export type {Stamps} from './toolchains/stamps.js'
export {AuditLog} from './toolchains/audit.js'
export type {AuditRecord, AuditEvent, AuditEntry} from './toolchains/audit.js'
export {LeaseHolder, leasesOf} from './toolchains/leases.js'
export type {Lease} from './toolchains/leases.js'
export {listToolchains, diskUsage, formatSize, parseSize} from './toolchains/inventory.js'
export type {InstalledToolchain} from './toolchains/inventory.js'
export {selectForRemoval, removeToolchain} from './toolchains/prune.js'
export type {PrunePolicy, PruneCandidate, Removal} from './toolchains/prune.js'
export {pruneToolCache} from './toolchains/reclaim.js'
export type {PruneOutcome, PruneReport} from './toolchains/reclaim.js'

// The runner.
export {runMatrix, readModuleInfo} from './runner/matrix.js'
export type {RunRequest, VersionRun, StepResult, VersionStatus} from './runner/types.js'
export {isolatedEnv} from './runner/env.js'
export {parseTestJson, TestJsonParser} from './runner/test-json.js'

// Which modules a run tests (the modules input), and the module level of a report.
export {parseModuleSelection, applySelection, ModuleSelectionError} from './modules/selection.js'
export type {ModuleSelection, Selected} from './modules/selection.js'
export {findModuleFolders, resolveModules} from './modules/discover.js'
export type {ModuleFolder, ResolvedModules} from './modules/discover.js'
export {versionOfModules} from './report/module-rows.js'
export type {ModuleReport, ModuleComparison} from './report/schema.js'
export type {TestReport, TestEvent, TestFailure, PackageResult, SlowTest} from './runner/test-json.js'

// The coverage engine and comparisons (pure).
export {
  COVER_MODES,
  CoverageError,
  blocksOf,
  packageOf,
  ProfileParser,
  parseProfile,
  mergeProfiles,
  formatPercent,
  formatOneDecimal,
  summarizeStatements,
  countOwnTests,
  lineCoverage,
  mergeLineCoverage,
  summarizeLines,
  functionCoverage,
  mergeFunctionCoverage,
  parseFuncOutput,
  summarizeFunctions,
  formatLcov,
  moduleRelativePath,
  repositoryPaths,
  formatProfile,
  parseBaseline,
  parseLcov,
  readLcovBaseline,
  readReportBaseline
} from './coverage/index.js'
export type {
  Block,
  Breakdown,
  CoverMode,
  FileLine,
  LineCoverage,
  NamedSummary,
  Profile,
  Summary,
  FunctionCoverage,
  OtherTestBinaries,
  Baseline
} from './coverage/index.js'
// Files read for the engine (its parsers take text), and the go tool cover adapter (it runs Go).
export {readProfile} from './files/read-profile.js'
export {readBaselineFile} from './files/baseline-file.js'
export {functionsFromGo} from './runner/go-cover.js'
export {compareVersions, compareBaseline, diffCoverage, parseGitDiff, evaluateGates} from './compare/index.js'
export type {VersionComparison, BaselineComparison, ChangedFile, DiffCoverage, Gate, GateThresholds} from './compare/index.js'

// The whole job, and its reports.
export {runPipeline} from './pipeline.js'
export type {PipelineContext, PipelineResult} from './pipeline.js'
export {SCHEMA_VERSION, READABLE_SCHEMA_VERSIONS, toResults} from './report/schema.js'
export type {Report, VersionReport, Counts} from './report/schema.js'
export {decideVerdict} from './report/verdict.js'
export type {Verdict} from './report/verdict.js'
export {renderSummary, renderComment, SUMMARY_LIMIT_BYTES, COMMENT_LIMIT_BYTES} from './report/summary.js'
export type {SummaryExtras} from './report/summary.js'

// GitHub, git and fan-in.
export {parseEvent, readGitHubContext} from './github/event.js'
export type {GitHubContext} from './github/event.js'
export {upsertComment, commentMarker} from './github/comment.js'
export {saveBaseline, restoreBaseline, decideBaselineAction} from './github/baseline-store.js'
export {changedLines} from './git/changed-lines.js'
export {aggregateReports} from './aggregate/aggregate.js'
export {versionLabels} from './report/labels.js'
export {concludeRun} from './conclusion/run.js'
export type {ConclusionContext} from './conclusion/run.js'
export {conclude, pickReference, referenceOf} from './conclusion/conclude.js'
export type {AnalysedVersion, AnalysedCoverage, Conclusion, ConclusionInput, ConclusionOptions} from './conclusion/conclude.js'
export {writeConclusion} from './conclusion/write.js'
export {renderTerminalReport} from './report/terminal.js'

import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  UsageError,
  parseFlags,
  renderHelp
} from "./chunk-FARIO7UA.js";
import {
  commandError
} from "./chunk-62AH5CLN.js";
import {
  AuditLog,
  checkOutcome,
  checkToolchain,
  checksOf,
  currentPlatform,
  formatSize,
  listToolchains,
  parseSize,
  pruneToolCache,
  semverToGo,
  writeState
} from "./chunk-B5RIKDD2.js";
import "./chunk-MBZDNYRM.js";
import "./chunk-DH4SDH7Q.js";
import "./chunk-MJU2DCFZ.js";
import "./chunk-L35V7ZA7.js";

// src/cli/toolchains.ts
import os from "node:os";
import path from "node:path";
var flag = (name, defaultValue, description) => ({ name, default: defaultValue, commands: [], description });
var TOOL_CACHE = flag("tool-cache", "", "The tool cache to look at: default $RUNNER_TOOL_CACHE, else ~/.cache/go-matrix/tool-cache (where go-matrix run installs).");
var JSON_FLAG = flag("json", "false", "Print JSON instead of a table.");
var SUBCOMMANDS = {
  list: {
    usage: "go-matrix toolchains list [flags]",
    description: "Every Go toolchain in the tool cache (go-matrix's, and setup-go's which have no manifest): version, architecture, where it came from, the archive's sha256, when it was installed and last used, its size on disk (as du counts it), how it was last verified, and the jobs holding it.",
    flags: [TOOL_CACHE, JSON_FLAG]
  },
  verify: {
    usage: "go-matrix toolchains verify [flags] [VERSION\u2026]",
    description: "Checks the toolchains (all, or those of each VERSION: 1.22 or 1.22.12) against their install manifests: every file present with its size and mode, and the content of the files that run (bin/*, pkg/tool/*/*), or with --full every file. A toolchain without a manifest passes when go version and go env GOROOT agree with where it lies. Exits 1 naming the files when any differs.",
    flags: [TOOL_CACHE, flag("full", "false", "Check every file's content, and that no file was added."), JSON_FLAG]
  },
  prune: {
    usage: "go-matrix toolchains prune [flags]",
    description: "Removes the toolchains the policy selects (a toolchain is selected by any of the flags given), never one a running job holds: a job leases each toolchain it uses, and a crashed job's lease ends when its process is gone (or after 10 minutes unrenewed, seen from another host). Each is renamed aside before it is deleted, so that no job sees half a toolchain. Prints and logs what was freed.",
    flags: [
      TOOL_CACHE,
      flag("unused-days", "", "Remove toolchains no job has used for this many days."),
      flag("keep-newest-patches", "", "Keep the K newest patch releases of each Go minor version (per architecture); remove the older ones."),
      flag("max-size", "", "Then remove the least recently used until the toolchains take at most this much space: bytes, or with a unit (500M, 10G, 1.5GiB)."),
      flag("dry-run", "false", "Say what would be removed, and remove nothing."),
      JSON_FLAG
    ]
  }
};
var USAGE = `usage: go-matrix toolchains <list|verify|prune> [flags]

The Go toolchains of a tool cache: list them, verify them against their install manifests,
and prune them safely while jobs run. Run 'go-matrix toolchains <command> --help' for flags.
`;
async function toolchainsCommand(argv, io) {
  const [name, ...rest] = argv;
  const sub = name === void 0 ? void 0 : SUBCOMMANDS[name];
  if (name === "-h" || name === "--help") {
    io.stdout.write(USAGE);
    return 0;
  }
  if (!sub) {
    io.stderr.write(name === void 0 ? USAGE : `go-matrix toolchains: unknown command ${JSON.stringify(name)}

${USAGE}`);
    return 2;
  }
  let flags;
  try {
    flags = parseFlags(rest, sub.flags);
    if (flags.help) {
      io.stdout.write(renderHelp(sub.usage, sub.description, [], sub.flags));
      return 0;
    }
    if (name !== "verify" && flags.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(flags.positionals[0])}`);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`${commandError(`toolchains ${name}`, err)}
`);
    return 2;
  }
  const toolCacheDir = path.resolve(flags.values["tool-cache"] || io.env.RUNNER_TOOL_CACHE || path.join(os.homedir(), ".cache", "go-matrix", "tool-cache"));
  const json = flags.values.json === "true";
  const audit = AuditLog.of(toolCacheDir, (message) => io.stderr.write(`warning: ${message}
`), io.env);
  try {
    if (name === "list") return await list(toolCacheDir, json, io);
    if (name === "verify") return await verify(toolCacheDir, flags.positionals, flags.values.full === "true", json, audit, io);
    return await prune(toolCacheDir, flags.values, json, audit, io);
  } catch (err) {
    io.stderr.write(`${commandError(`toolchains ${name}`, err)}
`);
    return 2;
  }
}
function listed(t) {
  const m = t.manifest;
  return {
    version: t.version,
    arch: t.arch,
    path: t.dir,
    complete: t.complete,
    source: m ? m.installer : t.manifestError ? "go-matrix (manifest damaged)" : "unknown (no manifest)",
    url: m?.source.url ?? null,
    sha256: m?.source.sha256 ?? null,
    installedAt: m?.installedAt ?? null,
    lastUsed: t.lastUsed?.toISOString() ?? null,
    sizeBytes: t.sizeOnDisk,
    verification: t.manifestError ? `manifest damaged: ${t.manifestError}` : t.state?.verification ?? (m ? "not verified yet" : "unverified"),
    lastVerified: t.state?.lastVerified ?? null,
    leases: t.liveLeases
  };
}
function table(rows) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, i) => i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n") + "\n";
}
var day = (iso) => iso ? iso.slice(0, 16).replace("T", " ") : "\u2014";
async function list(toolCacheDir, json, io) {
  const toolchains = (await listToolchains(toolCacheDir)).map(listed);
  if (json) {
    io.stdout.write(`${JSON.stringify({ toolCache: toolCacheDir, toolchains }, null, 2)}
`);
    return 0;
  }
  if (toolchains.length === 0) {
    io.stdout.write(`no Go toolchains in ${toolCacheDir}
`);
    return 0;
  }
  const rows = [["version", "arch", "size", "installed", "last used", "verified", "leases", "source", "sha256"]];
  for (const t of toolchains) {
    rows.push([
      t.complete ? t.version : `${t.version} (incomplete)`,
      t.arch,
      formatSize(t.sizeBytes),
      day(t.installedAt),
      day(t.lastUsed),
      t.verification.startsWith("manifest damaged") ? "manifest damaged" : t.verification,
      String(t.leases),
      t.url ?? t.source,
      t.sha256 ? t.sha256.slice(0, 12) : "\u2014"
    ]);
  }
  const total = toolchains.reduce((sum, t) => sum + t.sizeBytes, 0);
  io.stdout.write(`${table(rows)}
${toolchains.length} toolchains, ${formatSize(total)} in ${toolCacheDir}
`);
  return 0;
}
function matchesVersion(folder, wanted) {
  const go = semverToGo(folder);
  return [folder, go].some((v) => v === wanted || v.startsWith(`${wanted}.`) || v.startsWith(`${wanted}rc`) || v.startsWith(`${wanted}beta`));
}
async function verify(toolCacheDir, versions, full, json, audit, io) {
  const all = (await listToolchains(toolCacheDir)).filter((t) => t.complete);
  const chosen = versions.length === 0 ? all : all.filter((t) => versions.some((v) => matchesVersion(t.version, v)));
  const missing = versions.filter((v) => !all.some((t) => matchesVersion(t.version, v)));
  if (missing.length > 0) throw new UsageError(`no toolchain of ${missing.join(", ")} in ${toolCacheDir}`);
  const level = full ? "full" : "fast";
  const platform = currentPlatform();
  const results = [];
  for (const t of chosen) {
    const expected = { version: t.manifest?.version ?? semverToGo(t.version), os: t.manifest?.os ?? platform.os, arch: t.manifest?.arch ?? platform.arch, goBinary: platform.goBinary };
    const started = performance.now();
    const check = await checkToolchain(t.dir, expected, level, t.state);
    const seconds = Math.round(performance.now() - started) / 1e3;
    const outcome = check.ok ? check.verified : "damaged";
    await audit.append({ event: "verify", version: t.version, arch: t.arch, path: t.dir, outcome: checkOutcome(check), ...check.ok ? {} : { detail: check.problem } });
    const now = (/* @__PURE__ */ new Date()).toISOString();
    await writeState(t.dir, { lastUsed: t.lastUsed?.toISOString() ?? now, lastVerified: now, verification: outcome, ...checksOf(check) }).catch(() => void 0);
    results.push({ version: t.version, arch: t.arch, path: t.dir, ok: check.ok, verified: check.verified, seconds, ...check.ok ? {} : { problem: check.problem }, differences: check.result?.differences ?? [] });
  }
  if (json) io.stdout.write(`${JSON.stringify({ toolCache: toolCacheDir, level, toolchains: results }, null, 2)}
`);
  else {
    for (const r of results) {
      io.stdout.write(r.ok ? `ok       Go ${r.version} (${r.arch}) ${r.verified} in ${r.seconds.toFixed(2)} s
` : `DIFFERS  Go ${r.version} (${r.arch}) ${r.path} ${r.problem}
`);
    }
    if (results.length === 0) io.stdout.write(`no Go toolchains in ${toolCacheDir}
`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
function count(value, name) {
  if (value === void 0 || value === "") return void 0;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: ${JSON.stringify(value)} is not a whole number`);
  return Number(value);
}
async function prune(toolCacheDir, values, json, audit, io) {
  const unusedDays = count(values["unused-days"], "unused-days");
  const keepNewestPatches = count(values["keep-newest-patches"], "keep-newest-patches");
  let maxSize;
  if (values["max-size"]) {
    maxSize = parseSize(values["max-size"]);
    if (maxSize === void 0) throw new UsageError(`--max-size: ${JSON.stringify(values["max-size"])} is not a size (bytes, or 500M, 10G, 1.5GiB)`);
  }
  if (unusedDays === void 0 && keepNewestPatches === void 0 && maxSize === void 0) {
    throw new UsageError("say what to remove: --unused-days N, --keep-newest-patches K or --max-size SIZE");
  }
  const dryRun = values["dry-run"] === "true";
  const report = await pruneToolCache(
    toolCacheDir,
    { ...unusedDays !== void 0 ? { unusedDays } : {}, ...keepNewestPatches !== void 0 ? { keepNewestPatches } : {}, ...maxSize !== void 0 ? { maxSize } : {} },
    { dryRun, ...dryRun ? {} : { audit } }
  );
  if (json) {
    const outcomes = report.outcomes.map((o) => ({ version: o.toolchain.version, arch: o.toolchain.arch, path: o.toolchain.dir, sizeBytes: o.toolchain.sizeOnDisk, result: o.result, reason: o.reason, ...o.error ? { error: o.error } : {} }));
    io.stdout.write(`${JSON.stringify({ toolCache: toolCacheDir, dryRun, freedBytes: report.freed, toolchains: outcomes }, null, 2)}
`);
  } else {
    for (const o of report.outcomes) {
      io.stdout.write(`${o.result.padEnd(12)} Go ${o.toolchain.version} (${o.toolchain.arch}) ${formatSize(o.toolchain.sizeOnDisk)}: ${o.reason}${o.error ? `: ${o.error}` : ""}
`);
    }
    io.stdout.write(`${dryRun ? "would free" : "freed"} ${formatSize(report.freed)} in ${toolCacheDir}
`);
  }
  return report.outcomes.some((o) => o.result === "failed") ? 1 : 0;
}
export {
  toolchainsCommand
};

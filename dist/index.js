import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  cancelOnSignals
} from "./chunks/chunk-ICLWKFK2.js";
import {
  aggregateReports,
  writeFailedLeg
} from "./chunks/chunk-GL3K4IQJ.js";
import {
  gitFailure,
  gitRunner
} from "./chunks/chunk-DNGZ5PR3.js";
import {
  actionError
} from "./chunks/chunk-62AH5CLN.js";
import "./chunks/chunk-36Z2D6VQ.js";
import {
  debug,
  endGroup,
  error,
  getInput,
  info,
  isDebug,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "./chunks/chunk-6OFKXU6K.js";
import "./chunks/chunk-ZQREGAJK.js";
import {
  actionsCacheClient,
  backoffDelay,
  parseRetryAfter,
  restoreEntry,
  retrying,
  runPipeline,
  saveEntry
} from "./chunks/chunk-KK4IVAGN.js";
import {
  COMMENT_LIMIT_BYTES,
  parseGitDiff,
  renderComment,
  renderStopped,
  reportDirectoryOf,
  stoppedVerdict,
  toResults
} from "./chunks/chunk-NFFW3GOK.js";
import {
  InputError,
  decideCacheSave,
  parseOptions
} from "./chunks/chunk-GCRRJQIJ.js";
import "./chunks/chunk-U7QWH5N3.js";
import "./chunks/chunk-FFUFBHAD.js";
import {
  currentPlatform
} from "./chunks/chunk-B5RIKDD2.js";
import "./chunks/chunk-MBZDNYRM.js";
import "./chunks/chunk-DH4SDH7Q.js";
import {
  TOOL_VERSION
} from "./chunks/chunk-QCJRL7H3.js";
import "./chunks/chunk-MJU2DCFZ.js";
import "./chunks/chunk-TKSYEVZE.js";
import "./chunks/chunk-4IC3KUYO.js";
import "./chunks/chunk-SJKBGCPK.js";
import "./chunks/chunk-L35V7ZA7.js";

// src/action/main.ts
import os from "node:os";
import path2 from "node:path";

// src/action/inputs.ts
function readActionOptions() {
  return parseOptions((name) => getInput(name));
}

// src/action/logger.ts
var actionsLogger = {
  info: (message) => info(message),
  warning: (message, where) => warning(message, where ? { file: where.file, startLine: where.line } : void 0),
  error: (message, where) => error(message, where ? { file: where.file, startLine: where.line } : void 0),
  debug: (message) => debug(message),
  group: (title, body) => {
    startGroup(title);
    info(body.replace(/\n$/, ""));
    endGroup();
  }
};

// src/report/annotations.ts
function uncoveredRanges(lines, limit) {
  const sorted = [...lines].sort((a, b) => a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1);
  const ranges = [];
  for (const { file, line } of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last.file === file && line <= last.endLine + 1) last.endLine = Math.max(last.endLine, line);
    else ranges.push({ file, startLine: line, endLine: line });
  }
  const kept = ranges.slice(0, limit);
  const omittedLines = ranges.slice(limit).reduce((n, r) => n + r.endLine - r.startLine + 1, 0);
  return { ranges: kept, omittedLines };
}

// src/github/event.ts
import { readFile } from "node:fs/promises";
var DEFAULT_SERVER_URL = "https://github.com";
var DEFAULT_API_URL = "https://api.github.com";
var NO_COMMIT = /^0{40}$|^0{64}$/;
var PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];
function parseEvent(env, eventJson) {
  const event = asObject(eventJson);
  const eventName = text(env.GITHUB_EVENT_NAME);
  const serverUrl = trimSlash(text(env.GITHUB_SERVER_URL) || DEFAULT_SERVER_URL);
  const apiUrl = trimSlash(text(env.GITHUB_API_URL) || DEFAULT_API_URL);
  const repository = asObject(event.repository);
  const repo = parseRepo(text(env.GITHUB_REPOSITORY)) ?? parseRepo(text(repository.full_name));
  const runId = text(env.GITHUB_RUN_ID);
  const pullRequest = parsePullRequest(event);
  return {
    eventName,
    repo,
    serverUrl,
    apiUrl,
    runId,
    runUrl: repo && runId ? `${serverUrl}/${repo.owner}/${repo.name}/actions/runs/${runId}` : null,
    sha: text(env.GITHUB_SHA),
    ref: text(env.GITHUB_REF),
    defaultBranch: text(repository.default_branch) || null,
    pullRequest,
    push: eventName === "push" ? parsePush(event, text(env.GITHUB_SHA)) : null
  };
}
async function readGitHubContext(env = process.env) {
  const file = text(env.GITHUB_EVENT_PATH);
  if (file === "") return parseEvent(env, {});
  let raw;
  try {
    raw = await readFile(file, "utf8");
  } catch (err) {
    throw new Error(`GITHUB_EVENT_PATH ${file}: cannot read the event payload: ${err.message}`, { cause: err });
  }
  let json;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new Error(`GITHUB_EVENT_PATH ${file}: the event payload is not JSON: ${err.message}`, { cause: err });
  }
  return parseEvent(env, json);
}
function parseRepo(fullName) {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName.trim());
  return match ? { owner: match[1], name: match[2] } : null;
}
function parsePullRequest(event) {
  if (!isObject(event.pull_request)) return null;
  const pr = event.pull_request;
  const number = typeof pr.number === "number" ? pr.number : typeof event.number === "number" ? event.number : NaN;
  if (!Number.isInteger(number) || number <= 0) return null;
  const base = asObject(pr.base);
  const head = asObject(pr.head);
  const baseRepo = text(asObject(base.repo).full_name);
  const headRepo = text(asObject(head.repo).full_name);
  return {
    number,
    baseSha: text(base.sha),
    headSha: text(head.sha),
    baseRef: text(base.ref),
    headRef: text(head.ref),
    headRepoFullName: headRepo,
    // A deleted head repository (head.repo null) can only have been a fork: a branch of the base
    // repository cannot outlive it.
    isFork: headRepo === "" || baseRepo !== "" && headRepo.toLowerCase() !== baseRepo.toLowerCase()
  };
}
function parsePush(event, sha) {
  const before = text(event.before);
  return { before: before === "" || NO_COMMIT.test(before) ? null : before, after: text(event.after) || sha };
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asObject(value) {
  return isObject(value) ? value : {};
}
function text(value) {
  return typeof value === "string" ? value.trim() : "";
}
function trimSlash(url) {
  return url.replace(/\/+$/, "");
}

// src/github/baseline-store.ts
import { createHash } from "node:crypto";
import { copyFile, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
var BASELINE_FILE = "report.json";
function baselineCacheDir(tempDir) {
  return path.join(tempDir, "go-matrix-baseline");
}
var COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var MAX_BRANCH_PART = 200;
function sanitizeKeyPart(value, max = MAX_BRANCH_PART) {
  const plain = value.replace(/[^A-Za-z0-9._-]/g, "_");
  if (plain.length <= max) return plain;
  const digest = createHash("sha256").update(value).digest("hex").slice(0, 16);
  return `${plain.slice(0, max - digest.length - 1)}_${digest}`;
}
function baselineKeyPrefix(repo, branch) {
  const [owner = "", name = ""] = repo.split("/", 2);
  return `go-matrix-baseline-${sanitizeKeyPart(owner, 100)}-${sanitizeKeyPart(name, 100)}-${sanitizeKeyPart(branch)}-`;
}
function baselineKey(repo, branch, sha) {
  return `${baselineKeyPrefix(repo, branch)}${sha.toLowerCase()}`;
}
function commitOfKey(key, prefix) {
  if (!key.startsWith(prefix)) return null;
  const rest = key.slice(prefix.length);
  return COMMIT_ID.test(rest) ? rest : null;
}
function decideBaselineAction(event) {
  const { eventName, ref } = event;
  const defaultBranch = event.defaultBranch ?? "";
  const baseRef = event.baseRef ?? "";
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    if (baseRef === "") return { action: "none", reason: `the ${eventName} event names no base branch, so there is no baseline to restore` };
    return { action: "restore", branch: baseRef };
  }
  if (eventName === "push") {
    if (!ref.startsWith("refs/heads/")) return { action: "none", reason: `a push to ${ref} (not a branch) saves no baseline` };
    const branch = ref.slice("refs/heads/".length);
    if (defaultBranch === "") return { action: "none", reason: `the push event does not name the default branch, so ${branch}'s report is not saved as a baseline` };
    if (branch !== defaultBranch) return { action: "none", reason: `baselines are saved on pushes to ${defaultBranch}; this push is to ${branch}` };
    return { action: "save", branch };
  }
  return {
    action: "none",
    reason: `baselines are saved on pushes to the default branch and restored on pull requests; this is a ${eventName === "" ? "run without an event" : `${eventName} event`}`
  };
}
var CACHE_UNAVAILABLE_NOTE = "The Actions cache service is not available here, so there is no baseline.";
async function saveBaseline(request) {
  const { reportPath, branch, sha, repo, dir, logger } = request;
  const cache = request.cache ?? actionsCacheClient;
  if (!COMMIT_ID.test(sha.toLowerCase())) {
    return { key: null, note: `The report is not saved as a baseline: the commit ${JSON.stringify(sha)} is not a full commit id.` };
  }
  const key = baselineKey(repo, branch, sha);
  try {
    if (!await cache.available()) {
      return { key: null, note: "The Actions cache service is not available here, so this report is not saved as a baseline." };
    }
    await mkdir(dir, { recursive: true });
    const staged = path.join(dir, BASELINE_FILE);
    if (path.resolve(reportPath) !== path.resolve(staged)) await copyFile(reportPath, staged);
    if (!(await saveEntry({ paths: [dir], key, client: cache })).saved) {
      return { key: null, note: `The Actions cache did not save the baseline under ${key} (an entry with that key may exist already).` };
    }
    logger.info(`Saved ${reportPath} as the baseline for ${branch} (cache key ${key})`);
    return { key, note: `This report is saved as the baseline for ${branch} at ${sha.slice(0, 7)}.` };
  } catch (err) {
    const message = err.message;
    logger.warning(`The baseline for ${branch} could not be saved to the Actions cache under ${key}: ${message}`);
    return { key: null, note: `The baseline could not be saved to the Actions cache: ${message}` };
  }
}
async function restoreBaseline(request) {
  const { baseBranch, repo, destDir, logger } = request;
  const cache = request.cache ?? actionsCacheClient;
  const prefix = baselineKeyPrefix(repo, baseBranch);
  const file = path.join(destDir, BASELINE_FILE);
  try {
    if (!await cache.available()) return { path: null, note: CACHE_UNAVAILABLE_NOTE };
    await rm(file, { force: true });
    const { matchedKey: matched } = await restoreEntry({ paths: [destDir], key: prefix, restoreKeys: [prefix], client: cache });
    if (matched === null) {
      return { path: null, note: `No baseline is saved for ${baseBranch} yet (a push to ${baseBranch} saves one), so there is no baseline.` };
    }
    const sha = commitOfKey(matched, prefix);
    if (sha === null) {
      await rm(file, { force: true });
      return { path: null, note: `The newest cache entry matching ${prefix} is ${matched}, which is not a baseline of ${baseBranch}, so there is no baseline.` };
    }
    if (!await isFile(file)) {
      return { path: null, note: `The cache entry ${matched} holds no ${BASELINE_FILE}, so there is no baseline.` };
    }
    logger.info(`Restored the baseline for ${baseBranch} from cache key ${matched}`);
    return { path: file, note: `Baseline: the report of ${baseBranch} at ${sha.slice(0, 7)}.` };
  } catch (err) {
    const message = err.message;
    logger.warning(`The baseline for ${baseBranch} could not be restored from the Actions cache: ${message}`);
    return { path: null, note: `The baseline could not be restored from the Actions cache (${message}), so there is no baseline.` };
  }
}
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

// src/git/changed-lines.ts
var DEFAULT_DEEPEN_STEPS = [16, 32, 64, 128, 256, 512];
var COMMIT_ID2 = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
async function changedLines(request) {
  const { baseSha, headSha, logger, signal } = request;
  const run2 = request.run ?? gitRunner();
  const remote = request.remote ?? "origin";
  const range = `${short(baseSha)}...${short(headSha)}`;
  const fail = (why) => {
    logger.info(`Changed lines: ${why}`);
    return { changed: null, note: `The pull request's changed lines are unknown: ${why}.` };
  };
  for (const [which, sha] of [["base", baseSha], ["head", headSha]]) {
    if (!COMMIT_ID2.test(sha)) return fail(`the event's ${which} commit ${JSON.stringify(sha)} is not a full commit id`);
  }
  const top = await run2(["rev-parse", "--show-toplevel"], request.repoDir, signal);
  if (top.aborted) return fail("the run was cancelled");
  if (top.spawnError) return fail(`git cannot be run (${gitFailure(top)})`);
  if (top.exitCode !== 0) return fail(`${request.repoDir} is not inside a git repository: ${gitFailure(top)}`);
  const root = top.stdout.trim();
  const git = (...args) => run2(args, root, signal);
  const steps = [];
  let shallow = (await git("rev-parse", "--is-shallow-repository")).stdout.trim() === "true";
  const missing = await missingCommits(git, [baseSha, headSha]);
  if (missing.length > 0) {
    const fetched = await git("fetch", "--no-tags", "--no-recurse-submodules", ...shallow ? ["--depth=1"] : [], remote, ...missing);
    const still = fetched.exitCode === 0 ? await missingCommits(git, missing) : missing;
    if (still.length > 0) {
      const what = still.map((sha) => `${sha === baseSha ? "base" : "head"} commit ${short(sha)}`).join(" and ");
      const why = fetched.exitCode === 0 ? `the fetch did not bring ${what}` : gitFailure(fetched);
      return fail(`the checkout does not have the ${what}, and fetching from ${remote} failed: ${why}`);
    }
    steps.push(`fetched ${missing.map(short).join(" and ")} from ${remote}`);
  }
  let mergeBase = await findMergeBase(git, baseSha, headSha);
  if (mergeBase.error !== void 0) return fail(`git merge-base ${range} failed: ${mergeBase.error}`);
  let deepened = 0;
  for (const step of request.deepenSteps ?? DEFAULT_DEEPEN_STEPS) {
    if (mergeBase.sha !== null || !shallow) break;
    const fetched = await git("fetch", "--no-tags", "--no-recurse-submodules", `--deepen=${step}`, remote, baseSha, headSha);
    if (fetched.exitCode !== 0) {
      logger.info(`Changed lines: deepening the shallow history failed: ${gitFailure(fetched)}`);
      break;
    }
    deepened += step;
    shallow = (await git("rev-parse", "--is-shallow-repository")).stdout.trim() === "true";
    mergeBase = await findMergeBase(git, baseSha, headSha);
    if (mergeBase.error !== void 0) return fail(`git merge-base ${range} failed: ${mergeBase.error}`);
  }
  if (deepened > 0) steps.push(`deepened the shallow history by ${deepened} commits`);
  const diffArgs = [
    "diff",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    // Against a user's diff.relative / diff.noprefix / diff.mnemonicPrefix: paths from the root, a/ and b/.
    "--no-relative",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--unified=0",
    "-M"
  ];
  let twoDot = "";
  if (mergeBase.sha === null) {
    twoDot = shallow ? ` The shallow history has no merge base of ${range}${deepened > 0 ? ` within ${deepened} more commits` : ""}, so these are the lines of the two-dot diff ${short(baseSha)}..${short(headSha)}, which also include changes made on the base branch since the pull request branched off.` : ` ${short(baseSha)} and ${short(headSha)} share no history, so these are the lines of the two-dot diff ${short(baseSha)}..${short(headSha)}.`;
    diffArgs.push(baseSha, headSha, "--");
  } else {
    diffArgs.push(`${baseSha}...${headSha}`, "--");
  }
  const diff = await git(...diffArgs);
  if (diff.exitCode !== 0) return fail(`git diff ${range} failed: ${gitFailure(diff)}`);
  let changed;
  try {
    changed = parseGitDiff(diff.stdout, `git diff ${range}`);
  } catch (err) {
    return fail(`git's diff output cannot be read: ${err.message}`);
  }
  const lines = changed.reduce((n, file) => n + file.lines.length, 0);
  const how = steps.length > 0 ? ` (${steps.join(", then ")})` : "";
  const note = `Changed lines of ${mergeBase.sha === null ? `${short(baseSha)}..${short(headSha)}` : range}: ${lines} in ${changed.length} files${how}.${twoDot}`;
  logger.info(note);
  return { changed, note };
}
async function missingCommits(git, shas) {
  const missing = [];
  for (const sha of shas) {
    if ((await git("cat-file", "-e", `${sha}^{commit}`)).exitCode !== 0) missing.push(sha);
  }
  return missing;
}
async function findMergeBase(git, base, head) {
  const result = await git("merge-base", base, head);
  if (result.exitCode === 0) return { sha: result.stdout.trim() };
  if (result.exitCode === 1 && result.stderr.trim() === "") return { sha: null };
  return { sha: null, error: gitFailure(result) };
}
function short(sha) {
  return sha.slice(0, 7);
}

// src/github/client.ts
var GitHubApiError = class extends Error {
  constructor(message, status, request, attempts, rateLimited, options) {
    super(message, options);
    this.status = status;
    this.request = request;
    this.attempts = attempts;
    this.rateLimited = rateLimited;
  }
  status;
  request;
  attempts;
  rateLimited;
  name = "GitHubApiError";
};
var SECONDARY_RATE_LIMIT = /secondary rate limit/i;
var SECONDARY_DEFAULT_WAIT_MS = 6e4;
function decideRetry(failure, retry, options = {}) {
  const now = options.now?.() ?? Date.now();
  const max = options.maxDelayMs ?? 6e4;
  const retryAfter = parseRetryAfter(failure.headers["retry-after"], now);
  const remaining = failure.headers["x-ratelimit-remaining"];
  const reset = Number(failure.headers["x-ratelimit-reset"]);
  if (isRateLimited(failure)) {
    let wait;
    let what;
    if (retryAfter !== void 0) {
      wait = retryAfter;
      what = `rate limited (retry-after ${Math.ceil(retryAfter / 1e3)} s)`;
    } else if (remaining === "0" && Number.isFinite(reset)) {
      wait = Math.max(0, reset * 1e3 - now) + 1e3;
      what = `rate limit exhausted until ${new Date(reset * 1e3).toISOString()}`;
    } else {
      wait = SECONDARY_DEFAULT_WAIT_MS * 2 ** (retry - 1);
      what = "secondary rate limit";
    }
    if (wait > max) return { retry: false, why: `${what}: waiting ${Math.ceil(wait / 1e3)} s is longer than the ${Math.round(max / 1e3)} s allowed` };
    return { retry: true, delayMs: wait, why: what };
  }
  if (failure.status >= 500 || failure.status === 0) {
    if (retryAfter !== void 0) {
      if (retryAfter > max) return { retry: false, why: `retry-after ${Math.ceil(retryAfter / 1e3)} s is longer than the ${Math.round(max / 1e3)} s allowed` };
      return { retry: true, delayMs: retryAfter, why: "server error" };
    }
    return { retry: true, delayMs: backoffDelay(retry, { ...options, maxDelayMs: max }), why: "server error" };
  }
  return { retry: false };
}
function isRateLimited(failure) {
  if (failure.status === 429) return true;
  if (failure.status !== 403) return false;
  return failure.headers["retry-after"] !== void 0 || failure.headers["x-ratelimit-remaining"] === "0" || SECONDARY_RATE_LIMIT.test(failure.message);
}
function redact(text2, secret) {
  return secret === "" ? text2 : text2.split(secret).join("***");
}
async function createGitHubClient(options) {
  const { token, logger } = options;
  if (token.trim() === "") throw new Error("github-token is empty: the GitHub API cannot be called without a token");
  const { getOctokit } = await import("./chunks/github-5XO5WF3J.js");
  const octokit = getOctokit(token, {
    baseUrl: options.apiUrl.replace(/\/+$/, ""),
    log: {
      debug: (message) => logger.debug(redact(message, token)),
      info: (message) => logger.debug(redact(message, token)),
      warn: (message) => logger.warning(redact(message, token)),
      error: (message) => logger.error(redact(message, token))
    }
  });
  const retry = options.retry ?? {};
  const attempts = Math.max(1, retry.attempts ?? 5);
  octokit.hook.wrap("request", async (request, endpoint) => {
    const what = describeRequest(octokit, endpoint);
    const callerSignal = endpoint.request?.signal instanceof AbortSignal ? endpoint.request.signal : void 0;
    const requestOptions = endpoint.request;
    const answered = (failure) => failure.status === 0 ? `${what} got no answer (${failure.message})` : `${what} answered ${failure.status}${failure.message ? `: ${failure.message}` : ""}`;
    return retrying(
      {
        attempts,
        maxTotalDelayMs: retry.maxTotalDelayMs ?? 12e4,
        sleep: retry.sleep,
        // A response that is not JSON is final; a cancelled caller is not retried.
        decide: (err, attempt) => err instanceof GitHubApiError ? { retry: false } : callerSignal?.aborted === true ? { retry: false, why: "cancelled" } : decideRetry(toFailure(err), attempt, retry),
        onRetry: (err, decision, attempt) => logger.info(redact(`${answered(toFailure(err))} (${decision.why}); retrying in ${formatSeconds(decision.delayMs)} (attempt ${attempt + 1} of ${attempts})`, token)),
        giveUp: (err, decision, attempt) => {
          if (err instanceof GitHubApiError) return err;
          const failure = toFailure(err);
          const givenUp = decision.retry ? ` (gave up after ${attempt} attempt${attempt === 1 ? "" : "s"})` : decision.why ? ` (${decision.why})` : "";
          if (err instanceof Error) err.message = redact(err.message, token);
          return new GitHubApiError(redact(`${answered(failure)}${givenUp}`, token), failure.status, redact(what, token), attempt, isRateLimited(failure), { cause: err });
        }
      },
      async (attempt) => {
        const timeout = AbortSignal.timeout(retry.timeoutMs ?? 3e4);
        endpoint.request = { ...requestOptions, signal: callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout };
        const response = await request(endpoint);
        const notJson = nonJsonResponse(response.status, response.headers, response.data, endpoint.headers);
        if (notJson !== null) throw new GitHubApiError(redact(`${what}: ${notJson}`, token), response.status, redact(what, token), attempt, false);
        return response;
      }
    );
  });
  return octokit;
}
function describeRequest(octokit, endpoint) {
  try {
    const parsed = octokit.request.endpoint.parse(endpoint);
    return `${parsed.method} ${new URL(parsed.url).pathname}`;
  } catch {
    return `${endpoint.method} ${endpoint.url}`;
  }
}
function nonJsonResponse(status, headers, data, requestHeaders = {}) {
  const accept = String(requestHeaders.accept ?? "application/json");
  if (!/json/i.test(accept) || status === 204 || status === 304 || data === void 0 || data === null || data === "") return null;
  const type = String(headers["content-type"] ?? "");
  if (/json/i.test(type) && typeof data === "object" && !(data instanceof ArrayBuffer)) return null;
  return `the API returned a non-JSON response (status ${status}, content type ${type === "" ? "none" : type.split(";")[0]})`;
}
function toFailure(err) {
  const e = err;
  const headers = {};
  for (const [name, value] of Object.entries(e?.response?.headers ?? {})) {
    headers[name.toLowerCase()] = value === void 0 ? void 0 : String(value);
  }
  const status = typeof e?.status === "number" && e.response !== void 0 ? e.status : 0;
  let message = typeof e?.message === "string" ? e.message.replace(/ - https:\/\/docs\.github\.com\S*$/, "") : String(err);
  if (status !== 0) message = nonJsonResponse(status, headers, e.response?.data) ?? message;
  const cause = err?.cause;
  if (status === 0 && typeof cause?.message === "string" && cause.message !== "") {
    message = typeof cause.cause?.message === "string" && cause.message === "fetch failed" ? cause.cause.message : cause.message;
  }
  return { status, headers, message };
}
function formatSeconds(ms) {
  return ms < 1e4 ? `${(ms / 1e3).toFixed(1)} s` : `${Math.round(ms / 1e3)} s`;
}

// src/github/comment.ts
function decideComment(ctx, options) {
  if (!options.comment) return { comment: false, reason: "comment is false" };
  if (options.mode === "collect") return { comment: false, reason: "mode collect leaves the comment to the aggregate job" };
  if (!PULL_REQUEST_EVENTS.includes(ctx.eventName)) {
    return { comment: false, reason: `the ${ctx.eventName === "" ? "run is not a GitHub Actions event" : `event is ${ctx.eventName}`}, not a pull request` };
  }
  if (!ctx.pullRequest) return { comment: false, reason: `the ${ctx.eventName} event payload names no pull request` };
  if (!ctx.repo) return { comment: false, reason: "GITHUB_REPOSITORY is not set" };
  return { comment: true, issueNumber: ctx.pullRequest.number };
}
function commentMarker(key) {
  return `<!-- go-matrix:comment key="${encodeURIComponent(key)}" -->`;
}
function isMarkedComment(body, key) {
  return typeof body === "string" && body.trimStart().startsWith(commentMarker(key));
}
function markedBody(body, key) {
  const marker = commentMarker(key);
  const full = `${marker}
${body}`;
  if (full.length <= COMMENT_LIMIT_BYTES) return full;
  const note = `

\u2026 cut to GitHub's ${COMMENT_LIMIT_BYTES.toLocaleString("en-US")}-character comment limit; the job summary has the whole report.`;
  let cut = body.slice(0, COMMENT_LIMIT_BYTES - marker.length - 1 - note.length);
  const lineEnd = cut.lastIndexOf("\n");
  if (lineEnd > cut.length / 2) cut = cut.slice(0, lineEnd);
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${marker}
${cut}${note}`;
}
function commentBodyLimit(key) {
  return COMMENT_LIMIT_BYTES - commentMarker(key).length - 1;
}
async function findMarkedComment(client, where) {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    const found = page.data.find((c) => isMarkedComment(c.body, where.key));
    if (found) return { id: found.id, body: found.body ?? "", url: found.html_url };
  }
  return null;
}
async function upsertComment(args) {
  const { client, owner, repo, issueNumber, key, logger } = args;
  const body = markedBody(args.body, key);
  const pr = `pull request #${issueNumber}`;
  let existing;
  try {
    existing = await findMarkedComment(client, { owner, repo, issueNumber, key });
  } catch (err) {
    return skip(logger, `cannot read the comments of ${pr}: ${explain(err, "read")}`);
  }
  try {
    if (existing) {
      if (existing.body === body) {
        logger.info(`go-matrix: the comment on ${pr} is already up to date: ${existing.url}`);
        return { action: "unchanged", url: existing.url };
      }
      const { data: data2 } = await client.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      logger.info(`go-matrix: updated the comment on ${pr}: ${data2.html_url}`);
      return { action: "updated", url: data2.html_url };
    }
    const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    logger.info(`go-matrix: commented on ${pr}: ${data.html_url}`);
    return { action: "created", url: data.html_url };
  } catch (err) {
    return skip(logger, `cannot comment on ${pr}: ${explain(err, "write")}`);
  }
}
function skip(logger, reason) {
  const message = `${reason}; the job summary has the report`;
  logger.warning(message);
  return { action: "skipped", reason: message };
}
function explain(err, access) {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof GitHubApiError) || err.rateLimited) return message;
  if (err.status === 401) return `the token was refused (${message})`;
  if (err.status === 403 || err.status === 404) {
    const why = access === "write" ? "the token may not write to it (a pull request from a fork? or a workflow without `permissions: pull-requests: write`)" : "the token may not read it (a workflow without `permissions: pull-requests: read`?)";
    return `${why} (${message})`;
  }
  return message;
}

// src/github/pr-comment.ts
async function commentOnPullRequest(args) {
  const { ctx, options, logger } = args;
  const decision = decideComment(ctx, options);
  if (!decision.comment) {
    logger.debug(`go-matrix: no pull request comment: ${decision.reason}`);
    return { action: "skipped", reason: decision.reason };
  }
  const pr = `pull request #${decision.issueNumber}`;
  if (options.githubToken.trim() === "") {
    const reason = `cannot comment on ${pr}: github-token is empty; the job summary has the report`;
    logger.warning(reason);
    return { action: "skipped", reason };
  }
  const repo = ctx.repo;
  let client;
  try {
    client = await createGitHubClient({ token: options.githubToken, apiUrl: ctx.apiUrl, logger, retry: args.retry });
  } catch (err) {
    const reason = `cannot comment on ${pr}: ${err.message}; the job summary has the report`;
    logger.warning(reason);
    return { action: "skipped", reason };
  }
  return upsertComment({
    client,
    owner: repo.owner,
    repo: repo.name,
    issueNumber: decision.issueNumber,
    key: options.commentKey,
    body: args.body,
    logger
  });
}

// src/action/main.ts
var MAX_LINE_ANNOTATIONS = 50;
async function run() {
  const signals = cancelOnSignals();
  const env = process.env;
  const stop = { options: null, github: null, summaryWritten: false };
  try {
    const options = readActionOptions();
    stop.options = options;
    if (options.githubToken) setSecret(options.githubToken);
    const tempDir = env.RUNNER_TEMP || os.tmpdir();
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const github = await readGitHubContext(env);
    stop.github = github;
    const notes = [];
    const concludes = options.mode !== "collect";
    const baselineAction = options.baseline.kind === "auto" && concludes ? decideBaselineAction({
      eventName: github.eventName,
      ref: github.ref,
      defaultBranch: github.defaultBranch,
      baseRef: github.pullRequest?.baseRef ?? null
    }) : null;
    const repo = github.repo ? `${github.repo.owner}/${github.repo.name}` : "";
    let autoBaselineFile = null;
    if (baselineAction?.action === "restore") {
      const restored = await restoreBaseline({ baseBranch: baselineAction.branch, repo, destDir: baselineCacheDir(tempDir), logger: actionsLogger });
      autoBaselineFile = restored.path;
      notes.push(restored.note);
    }
    const changed = concludes ? await readChangedLines(github, workspace, signals.signal) : { lines: null };
    if (changed.unreadable !== void 0) notes.push(`${changed.unreadable} Diff coverage is not measured.`);
    const cacheSave = decideCacheSave(options.cacheSave, { eventName: github.eventName, ref: github.ref, defaultBranch: github.defaultBranch ?? null });
    const pipelineContext = {
      workspace,
      tempDir,
      toolCacheDir: env.RUNNER_TOOL_CACHE || path2.join(tempDir, "tool-cache"),
      commit: github.sha,
      ref: github.ref,
      env,
      logger: actionsLogger,
      signal: signals.signal,
      toolVersion: TOOL_VERSION,
      // Step debug logging (a re-run with debug logging, or the ACTIONS_STEP_DEBUG secret) shows go test's whole output.
      fullLogs: isDebug(),
      onInstalled: (toolchains) => setOutput("versions", JSON.stringify(toolchains.map((t) => t.version))),
      autoBaselineFile,
      changedLines: changed.lines,
      ...changed.unreadable !== void 0 ? { changedLinesUnreadable: changed.unreadable } : {},
      notes,
      ...github.runUrl ? { runUrl: github.runUrl } : {},
      carriedCache: { store: actionsCacheClient, save: cacheSave.save, why: cacheSave.why }
    };
    const result = options.mode === "aggregate" ? await aggregateReports(options, pipelineContext) : await runCollectingErrors(options, pipelineContext);
    if (options.mode === "aggregate") setOutput("versions", JSON.stringify([...new Set(result.report.versions.map((v) => v.version))]));
    setOutputs(result);
    await writeStepSummary(result.summary);
    stop.summaryWritten = true;
    if (concludes) annotateUncoveredLines(result);
    if (baselineAction?.action === "save") {
      const saved = await saveBaseline({
        reportPath: result.files.report,
        branch: baselineAction.branch,
        sha: github.sha,
        repo,
        dir: baselineCacheDir(tempDir),
        logger: actionsLogger
      });
      info(saved.note);
    }
    await commentOnPullRequest2(options, github, result);
    if (result.verdict.failJob) setFailed(result.verdict.sentence);
    else info(result.verdict.sentence);
  } catch (err) {
    const message = actionError(err);
    await reportStop(stop, message).catch((reportErr) => warning(`go-matrix: the reason the job stopped was not reported: ${reportErr.message}`));
    setFailed(message);
    if (err instanceof InputError) process.exitCode = 2;
  } finally {
    signals.dispose();
    if (signals.received) process.exit();
  }
}
async function runCollectingErrors(options, ctx) {
  try {
    return await runPipeline(options, ctx);
  } catch (err) {
    if (options.mode === "collect") {
      const { os: goos, arch } = currentPlatform();
      const versions = [...options.goVersions, ...options.goVersionFile ? [options.goVersionFile] : []].join(", ");
      await writeFailedLeg(reportDirectoryOf(options, ctx.workspace, ctx.tempDir), {
        commit: ctx.commit,
        ref: ctx.ref,
        toolVersion: ctx.toolVersion,
        error: `Go ${versions} on ${goos}/${arch}: ${actionError(err)}`
      }).catch((writeErr) => warning(`go-matrix: the failed leg's report.json could not be written: ${writeErr.message}`));
    }
    throw err;
  }
}
async function readChangedLines(github, workspace, signal) {
  const pr = github.pullRequest;
  if (!pr) return { lines: null };
  const result = await changedLines({ repoDir: workspace, baseSha: pr.baseSha, headSha: pr.headSha, logger: actionsLogger, signal });
  return result.changed === null ? { lines: null, unreadable: result.note } : { lines: result.changed };
}
function setOutputs(result) {
  setOutput("results", JSON.stringify(toResults(result.report)));
  setOutput("coverage", result.referenceCoverage);
  setOutput("report", result.files.report);
  setOutput("lcov", result.files.lcov);
  setOutput("passed", String(result.verdict.passed));
}
function annotateUncoveredLines(result) {
  const diff = result.report.comparisons.diff;
  if (!diff || diff.uncovered.length === 0) return;
  const { ranges, omittedLines } = uncoveredRanges(diff.uncovered, MAX_LINE_ANNOTATIONS);
  for (const r of ranges) {
    const which = r.startLine === r.endLine ? "This changed line is" : "These changed lines are";
    warning(`${which} not covered by any test under any Go version.`, {
      title: "go-matrix: uncovered change",
      file: r.file,
      startLine: r.startLine,
      endLine: r.endLine
    });
  }
  if (omittedLines > 0) info(`${omittedLines} more uncovered changed lines are listed in the job summary and report.json.`);
}
async function commentOnPullRequest2(options, github, result) {
  const body = renderComment(result.report, result.verdict, {
    notes: result.report.notes ?? [],
    ...github.runUrl ? { runUrl: github.runUrl } : {},
    limitBytes: commentBodyLimit(options.commentKey)
  });
  await commentOnPullRequest({ ctx: github, options, body, logger: actionsLogger });
}
async function writeStepSummary(markdown) {
  if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(markdown, true).write();
}
async function reportStop(stop, reason) {
  if (stop.summaryWritten) return;
  const verdict = stoppedVerdict(reason, stop.options?.mode ?? "run");
  const about = { tool: { name: "go-matrix", version: TOOL_VERSION }, commit: stop.github?.sha ?? process.env.GITHUB_SHA ?? "" };
  const runUrl = stop.github?.runUrl;
  await writeStepSummary(renderStopped(verdict, about, runUrl ? { runUrl } : {}));
  if (stop.options && stop.github) {
    const body = renderStopped(verdict, about, { ...runUrl ? { runUrl } : {}, limitBytes: commentBodyLimit(stop.options.commentKey) });
    await commentOnPullRequest({ ctx: stop.github, options: stop.options, body, logger: actionsLogger });
  }
}

// src/bin/action.ts
await run();

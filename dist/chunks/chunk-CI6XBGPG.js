import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  gitRunner
} from "./chunk-DNGZ5PR3.js";

// src/cli/progress.ts
var at = (where) => where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : "";
var STATUS_COLOR = { passed: 32, failed: 31, error: 33, skipped: 2 };
function progressLine(title, color) {
  const match = /^(Go \S+: )(passed|failed|error|skipped)\b/.exec(title);
  if (!color || !match) return title;
  const [, head = "", status = ""] = match;
  return `${head}\x1B[${STATUS_COLOR[status]}m${status}\x1B[0m${title.slice(head.length + status.length)}`;
}
function groupBlock(title, body) {
  return `\u2500\u2500 ${title}
${body === "" || body.endsWith("\n") ? body : `${body}
`}`;
}
function progressLogger(stream, options) {
  const toFile = (text) => void options.logFile?.write(text);
  const both = (text) => {
    stream.write(text);
    toFile(text);
  };
  const paint = (code, text) => options.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  return {
    info: (message) => both(`${message}
`),
    warning: (message, where) => {
      stream.write(`${paint(33, "warning:")} ${at(where)}${message}
`);
      toFile(`warning: ${at(where)}${message}
`);
    },
    error: (message, where) => {
      stream.write(`${paint(31, "error:")} ${at(where)}${message}
`);
      toFile(`error: ${at(where)}${message}
`);
    },
    debug: (message) => {
      if (options.verbose) stream.write(`${message}
`);
      toFile(`${message}
`);
    },
    group: (title, body) => {
      stream.write(options.verbose ? groupBlock(progressLine(title, options.color), body) : `${progressLine(title, options.color)}
`);
      toFile(groupBlock(title, body));
    }
  };
}
function wantsColor(stream, env) {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

// src/cli/ci-env.ts
import os from "node:os";
function commandLineTempDir(env) {
  return env.RUNNER_TEMP || os.tmpdir();
}
var SYSTEMS = [
  { name: "GitHub Actions", commit: "GITHUB_SHA", ref: "GITHUB_REF" },
  { name: "GitLab CI", commit: "CI_COMMIT_SHA", ref: "CI_COMMIT_REF_NAME" },
  { name: "Jenkins (git plugin)", commit: "GIT_COMMIT", ref: "GIT_BRANCH" },
  { name: "CircleCI", commit: "CIRCLE_SHA1", ref: "CIRCLE_BRANCH" },
  { name: "Buildkite", commit: "BUILDKITE_COMMIT", ref: "BUILDKITE_BRANCH" }
];
var CI_VARIABLES = SYSTEMS.map((s) => `${s.name}: ${s.commit}, ${s.ref}`);
function ciRevision(env) {
  for (const system of SYSTEMS) {
    const commit = env[system.commit];
    if (commit) return { commit, ref: env[system.ref] ?? "" };
  }
  return null;
}
async function gitRevision(dir, git = gitRunner()) {
  const [head, branch] = await Promise.all([git(["rev-parse", "--verify", "-q", "HEAD"], dir), git(["symbolic-ref", "-q", "HEAD"], dir)]);
  if (head.exitCode !== 0) return { commit: "", ref: "" };
  return { commit: head.stdout.trim(), ref: branch.exitCode === 0 ? branch.stdout.trim() : "" };
}
async function commandLineRevision(env, dir, git = gitRunner({ env })) {
  return ciRevision(env) ?? gitRevision(dir, git);
}

export {
  progressLogger,
  wantsColor,
  commandLineTempDir,
  CI_VARIABLES,
  commandLineRevision
};

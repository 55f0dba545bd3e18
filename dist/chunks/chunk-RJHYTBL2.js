import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  gitRunner
} from "./chunk-DNGZ5PR3.js";

// src/cli/flags.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var isBoolean = (input) => input.default === "true" || input.default === "false";
function parseFlags(argv, inputs) {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const values = {};
  const positionals = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    let name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value = eq === -1 ? void 0 : arg.slice(eq + 1);
    let input = byName.get(name);
    if (!input && name.startsWith("no-") && value === void 0) {
      const positive = byName.get(name.slice(3));
      if (positive && isBoolean(positive)) {
        input = positive;
        name = positive.name;
        value = "false";
      }
    }
    if (!input) throw new UsageError(`unknown flag --${name}`);
    if (value === void 0) {
      const next = argv[i + 1];
      if (isBoolean(input) && (next === void 0 || !/^(true|false|yes|no|on|off|1|0)$/i.test(next))) {
        value = "true";
      } else if (next === void 0) {
        throw new UsageError(`flag --${name} needs a value`);
      } else {
        value = next;
        i++;
      }
    }
    values[name] = input.list && values[name] !== void 0 ? `${values[name]},${value}` : value;
  }
  return { values, positionals, help };
}
function wrap(text, width, indent) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}
function flagLines(input) {
  const kind = isBoolean(input) ? `[=${input.default === "true" ? "false" : "true"}]` : " VALUE";
  const def = input.default === "" ? "" : ` (default ${input.default})`;
  return [`  --${input.name}${kind}${def}`, wrap(input.description, 74, "      ")];
}
function renderHelp(usage, summary, inputs, commandLineOnly = []) {
  const out = [`usage: ${usage}`, "", wrap(summary, 78, ""), "", "flags (each is the action input of the same name):"];
  for (const input of inputs) out.push(...flagLines(input));
  out.push("", "command-line flags:");
  for (const flag of commandLineOnly) out.push(...flagLines(flag));
  out.push("  -h, --help", "      Show this help.");
  return out.join("\n") + "\n";
}

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
  UsageError,
  parseFlags,
  renderHelp,
  progressLogger,
  wantsColor,
  commandLineTempDir,
  CI_VARIABLES,
  commandLineRevision
};

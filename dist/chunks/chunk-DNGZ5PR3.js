import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/git/run-git.ts
import { spawn } from "node:child_process";
function gitRunner(options = {}) {
  const program = options.git ?? "git";
  const env = {};
  for (const [name, value] of Object.entries(options.env ?? process.env)) if (value !== void 0) env[name] = value;
  env.GIT_TERMINAL_PROMPT = "0";
  env.LC_ALL = "C";
  return (args, cwd, signal) => runGit(program, args, cwd, env, signal);
}
function runGit(program, args, cwd, env, signal) {
  return new Promise((resolve) => {
    const stdout = [];
    const stderr = [];
    let settled = false;
    const finish = (exitCode, spawnError) => {
      if (settled) return;
      settled = true;
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        ...spawnError ? { spawnError } : {},
        ...signal?.aborted ? { aborted: true } : {}
      });
    };
    let child;
    try {
      child = spawn(program, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true, ...signal ? { signal } : {} });
    } catch (err) {
      finish(null, new Error(`${program}: could not start in ${cwd}: ${err.message}`, { cause: err }));
      return;
    }
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", (err) => {
      if (signal?.aborted) return;
      finish(null, new Error(`${program}: could not start: ${err.message}`, { cause: err }));
    });
    child.on("close", (code) => finish(code));
  });
}
function gitFailure(result) {
  if (result.spawnError) return result.spawnError.message;
  if (result.aborted) return "cancelled";
  const lines = `${result.stderr}
${result.stdout}`.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const fatal = lines.find((line) => /^(fatal|error):/.test(line));
  const said = fatal ?? lines[lines.length - 1];
  const status = result.exitCode === null ? "killed" : `exit status ${result.exitCode}`;
  return said === void 0 ? status : `${said} (${status})`;
}

export {
  gitRunner,
  gitFailure
};

import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  compareGoVersions,
  isGoVersion
} from "./chunk-FQMXL7CY.js";

// src/go/go-mod.ts
var DEFAULT_GO_VERSION = { mod: "1.16", work: "1.18" };
var GoFileError = class extends Error {
  name = "GoFileError";
};
function parseGoFile(name, text) {
  const file = { name, go: null, toolchain: null, module: null, use: [] };
  let block = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = stripComment(lines[i]).trim();
    if (line === "") continue;
    const where = `${name}:${i + 1}`;
    if (block !== null) {
      if (line === ")") block = null;
      else directive(file, block, line, i + 1, where);
      continue;
    }
    const [keyword = "", ...rest] = line.split(/\s+/);
    const value = rest.join(" ");
    if (value === "(") block = keyword;
    else directive(file, keyword, value, i + 1, where);
  }
  return file;
}
function directive(file, keyword, value, line, where) {
  switch (keyword) {
    case "go":
      if (file.goLine !== void 0) throw new GoFileError(`${where}: a second "go" line (the first is line ${file.goLine}); Go reads one`);
      if (!isGoVersion(value) || value.startsWith("go")) throw new GoFileError(`${where}: expected "go 1.N" or "go 1.N.P", got ${JSON.stringify(`go ${value}`)}`);
      file.go = value;
      file.goLine = line;
      break;
    case "toolchain": {
      if (file.toolchainLine !== void 0) throw new GoFileError(`${where}: a second "toolchain" line (the first is line ${file.toolchainLine}); Go reads one`);
      const version = value === "default" ? null : /^go([^+-]+)(?:[+-]\S*)?$/.exec(value)?.[1];
      if (version === void 0 || version !== null && !isGoVersion(version)) {
        throw new GoFileError(`${where}: expected "toolchain go1.N.P" or "toolchain default", got ${JSON.stringify(`toolchain ${value}`)}`);
      }
      file.toolchain = version;
      file.toolchainLine = line;
      break;
    }
    case "module":
      file.module = unquote(value);
      break;
    case "use":
      file.use.push(unquote(value));
      break;
  }
}
function stripComment(line) {
  const at = line.indexOf("//");
  return at < 0 ? line : line.slice(0, at);
}
function unquote(text) {
  const t = text.trim();
  return /^".*"$|^`.*`$/.test(t) ? t.slice(1, -1) : t;
}
function isWorkFile(name) {
  return name.endsWith(".work");
}
function modulePathOf(goMod, source = "go.mod") {
  const module = parseGoFile(source, goMod).module;
  if (!module) throw new GoFileError(`${source}: no "module" line, so the module path is unknown`);
  return module;
}
function skipReason(version, file) {
  if (!file?.go) return null;
  return compareGoVersions(version, file.go) < 0 ? `${file.name} requires go >= ${file.go}` : null;
}

export {
  DEFAULT_GO_VERSION,
  GoFileError,
  parseGoFile,
  isWorkFile,
  modulePathOf,
  skipReason
};

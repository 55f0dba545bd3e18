import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/go/gover.ts
var INVALID = { major: "", minor: "", patch: "", kind: "", pre: "" };
function parse(text) {
  let rest = text.trim();
  if (rest.startsWith("go")) rest = rest.slice(2).split("-", 1)[0];
  const major = leadingInt(rest);
  if (major === null) return INVALID;
  rest = rest.slice(major.length);
  if (rest === "") return { ...INVALID, major, minor: "0", patch: "0" };
  if (rest[0] !== ".") return INVALID;
  const minor = leadingInt(rest.slice(1));
  if (minor === null) return INVALID;
  rest = rest.slice(1 + minor.length);
  if (rest === "") return { ...INVALID, major, minor, patch: compareDecimal(minor, "21") < 0 ? "0" : "" };
  if (rest[0] === ".") {
    const patch = leadingInt(rest.slice(1));
    return patch !== null && rest.length === 1 + patch.length ? { ...INVALID, major, minor, patch } : INVALID;
  }
  const kind = /^[a-z]+/.exec(rest)?.[0];
  if (kind === void 0) return INVALID;
  rest = rest.slice(kind.length);
  if (rest === "") return { ...INVALID, major, minor, kind };
  const pre = leadingInt(rest);
  return pre !== null && rest.length === pre.length ? { major, minor, patch: "", kind, pre } : INVALID;
}
function leadingInt(text) {
  const digits = /^\d+/.exec(text)?.[0];
  if (digits === void 0 || digits.length > 1 && digits.startsWith("0")) return null;
  return digits;
}
function compareDecimal(a, b) {
  if (a === b) return 0;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : 1;
}
function compareGoVersions(a, b) {
  const x = parse(a);
  const y = parse(b);
  return compareDecimal(x.major, y.major) || compareDecimal(x.minor, y.minor) || compareDecimal(x.patch, y.patch) || // '' < alpha < beta < rc: a release or language version before a prerelease of the same patch ('').
  (x.kind === y.kind ? 0 : x.kind < y.kind ? -1 : 1) || compareDecimal(x.pre, y.pre);
}
function isGoVersion(text) {
  return parse(text).major !== "";
}
function isPrerelease(text) {
  return parse(text).kind !== "";
}

export {
  compareGoVersions,
  isGoVersion,
  isPrerelease
};

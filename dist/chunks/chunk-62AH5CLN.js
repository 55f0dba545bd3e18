import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  INPUTS
} from "./chunk-DH4SDH7Q.js";

// src/inputs/error-message.ts
var INPUT_NAMES = new Set(INPUTS.map((i) => i.name));
function errorMessage(err) {
  const parts = [];
  for (let e = err; e instanceof Error && parts.length < 4; e = e.cause) {
    const message = e.message;
    if (!parts.some((p) => p.includes(message))) parts.push(message);
  }
  return parts.join(": ") || String(err);
}
function namingInput(message, naming) {
  const match = /^(?:input )?([a-z][a-z-]*):/.exec(message);
  const name = match?.[1];
  if (match === null || name === void 0 || !INPUT_NAMES.has(name)) return message;
  return `${naming === "action" ? "input " : "--"}${name}${message.slice(match[0].length - 1)}`;
}
function commandError(command, err) {
  return `go-matrix ${command}: ${namingInput(errorMessage(err), "command-line")}`;
}
function actionError(err) {
  return namingInput(errorMessage(err), "action");
}

export {
  errorMessage,
  commandError,
  actionError
};

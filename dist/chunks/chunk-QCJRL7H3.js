import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);

// src/util/version.ts
var TOOL_VERSION = "0.1.0";

export {
  TOOL_VERSION
};

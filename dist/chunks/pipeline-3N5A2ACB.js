import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-H2FZZD65.js";
import "./chunk-V5EJ3L7C.js";
import "./chunk-AAL3RNF6.js";
import "./chunk-FQMXL7CY.js";
import "./chunk-YMFHXHFB.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-6FDKG6L6.js";
import "./chunk-SSRCTDGA.js";
import "./chunk-L35V7ZA7.js";
export {
  runPipeline
};

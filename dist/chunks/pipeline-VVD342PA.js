import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
} from "./chunk-AE64XM6T.js";
import "./chunk-F7F6JXZD.js";
import "./chunk-YMFHXHFB.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-GLNLGA6B.js";
import "./chunk-VWNQKFBR.js";
import "./chunk-R77RCR5C.js";
import "./chunk-L35V7ZA7.js";
export {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
};

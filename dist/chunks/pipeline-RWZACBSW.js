import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
} from "./chunk-SZK3H3W6.js";
import "./chunk-F7F6JXZD.js";
import "./chunk-XGHWAQBD.js";
import "./chunk-XJBWTY5O.js";
import "./chunk-YMFHXHFB.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-GLNLGA6B.js";
import "./chunk-L35V7ZA7.js";
export {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
};

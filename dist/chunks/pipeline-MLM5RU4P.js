import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
} from "./chunk-BULOUTN3.js";
import "./chunk-PRL2AUFT.js";
import "./chunk-CPX76DZJ.js";
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

import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
} from "./chunk-AN5VR5YT.js";
import "./chunk-F7F6JXZD.js";
import "./chunk-OTHNZZR7.js";
import "./chunk-YLG64EP2.js";
import "./chunk-VAJWLZ3G.js";
import "./chunk-4DVBH7EU.js";
import "./chunk-MJU2DCFZ.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-GLNLGA6B.js";
import "./chunk-L35V7ZA7.js";
export {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
};

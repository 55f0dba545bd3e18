import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
} from "./chunk-6MU2AQCC.js";
import "./chunk-NNJXE5R7.js";
import "./chunk-SRO5OCIM.js";
import "./chunk-MBZDNYRM.js";
import "./chunk-4DVBH7EU.js";
import "./chunk-MJU2DCFZ.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-GLNLGA6B.js";
import "./chunk-VP3YYQVM.js";
import "./chunk-W2K55WZX.js";
import "./chunk-ZVPWXIBU.js";
import "./chunk-L35V7ZA7.js";
export {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
};

import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
} from "./chunk-2NK7BEQ2.js";
import "./chunk-NNJXE5R7.js";
import "./chunk-PEZXRUPT.js";
import "./chunk-MBZDNYRM.js";
import "./chunk-4DVBH7EU.js";
import "./chunk-MJU2DCFZ.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-GLNLGA6B.js";
import "./chunk-6FBO7K45.js";
import "./chunk-MUWRLIH5.js";
import "./chunk-ZVPWXIBU.js";
import "./chunk-L35V7ZA7.js";
export {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
};

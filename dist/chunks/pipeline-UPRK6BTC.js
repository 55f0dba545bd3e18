import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
} from "./chunk-INX7I3CZ.js";
import "./chunk-K22NRGBV.js";
import "./chunk-YMFHXHFB.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-GLNLGA6B.js";
import "./chunk-R4G4KI3G.js";
import "./chunk-FB4FYNZZ.js";
import "./chunk-L35V7ZA7.js";
export {
  concludeRun,
  pickReference,
  reportDirectoryOf,
  runPipeline
};

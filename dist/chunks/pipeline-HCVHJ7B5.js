import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-YGYSC3VP.js";
import "./chunk-DFMDYH3D.js";
import "./chunk-AAL3RNF6.js";
import "./chunk-FQMXL7CY.js";
import "./chunk-YMFHXHFB.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-L2BMKEQD.js";
import "./chunk-FB4FYNZZ.js";
import "./chunk-L35V7ZA7.js";
export {
  runPipeline
};

import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-Z2YC6RBM.js";
import "./chunk-W4TMA37X.js";
import "./chunk-VRCO3Z7G.js";
import "./chunk-4WRANSZI.js";
import "./chunk-YMFHXHFB.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-VWNQKFBR.js";
import "./chunk-R77RCR5C.js";
import "./chunk-L35V7ZA7.js";
export {
  runPipeline
};

import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-5JU7HNKB.js";
import "./chunk-ML52NNMG.js";
import "./chunk-VRCO3Z7G.js";
import "./chunk-4WRANSZI.js";
import "./chunk-YMFHXHFB.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-YRNHVHRE.js";
import "./chunk-RL7VICY3.js";
import "./chunk-L35V7ZA7.js";
export {
  runPipeline
};

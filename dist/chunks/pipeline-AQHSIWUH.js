import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-S35IILMW.js";
import "./chunk-G5JFL5ZD.js";
import "./chunk-GH2FLOLZ.js";
import "./chunk-SZ77QLM2.js";
import "./chunk-YMFHXHFB.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-YRNHVHRE.js";
import "./chunk-RL7VICY3.js";
import "./chunk-L35V7ZA7.js";
export {
  runPipeline
};

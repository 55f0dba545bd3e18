import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-J5U55RNH.js";
import "./chunk-JGNH4EQB.js";
import "./chunk-U7QWH5N3.js";
import "./chunk-FFUFBHAD.js";
import "./chunk-Q77GCFE3.js";
import "./chunk-MBZDNYRM.js";
import "./chunk-4DVBH7EU.js";
import "./chunk-MJU2DCFZ.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-GCRRJQIJ.js";
import "./chunk-DH4SDH7Q.js";
import "./chunk-QCJRL7H3.js";
import "./chunk-L35V7ZA7.js";
export {
  runPipeline
};

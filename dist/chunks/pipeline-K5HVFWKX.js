import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-KK4IVAGN.js";
import "./chunk-NFFW3GOK.js";
import "./chunk-GCRRJQIJ.js";
import "./chunk-U7QWH5N3.js";
import "./chunk-FFUFBHAD.js";
import "./chunk-B5RIKDD2.js";
import "./chunk-MBZDNYRM.js";
import "./chunk-DH4SDH7Q.js";
import "./chunk-QCJRL7H3.js";
import "./chunk-MJU2DCFZ.js";
import "./chunk-TKSYEVZE.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-L35V7ZA7.js";
export {
  runPipeline
};

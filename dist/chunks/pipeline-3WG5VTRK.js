import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-BWDT5Y4B.js";
import "./chunk-6JGYJHK6.js";
import "./chunk-U7QWH5N3.js";
import "./chunk-CAYIYXOC.js";
import "./chunk-Q77GCFE3.js";
import "./chunk-MBZDNYRM.js";
import "./chunk-4DVBH7EU.js";
import "./chunk-MJU2DCFZ.js";
import "./chunk-4IC3KUYO.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-6FBO7K45.js";
import "./chunk-MUWRLIH5.js";
import "./chunk-QCJRL7H3.js";
import "./chunk-L35V7ZA7.js";
export {
  runPipeline
};

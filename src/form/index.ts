/**
 * Running form from 2-D keypoints: the public face of the analysis core. Pure TypeScript with no Node or
 * browser APIs, shared by the CLI and the web app; pose inference and frame decoding are adapters around it.
 */
export { type AdapterOptions, fromHalpe26, fromHumanMoveNet, fromOpenPoseBody25 } from './adapters.js';
export { type AnalyseOptions, analyseForm } from './analyse.js';
export { analyseGait, type Gait } from './gait.js';
export { selectRunner } from './runner.js';
export { FORM_THRESHOLDS, type FormThreshold, GATES } from './thresholds.js';
export * from './types.js';
export { detectView, type ViewGuess } from './view.js';

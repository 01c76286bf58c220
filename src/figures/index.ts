/**
 * Exercise figures: poses as data, forward kinematics, a timeline per exercise and one SVG renderer, used
 * by the web app (animated), the clinician report (key poses) and the knowledge base's checks. Pure: no
 * DOM, no I/O.
 */
export * from './bases.js';
export {
  buildFigure,
  type Figure,
  jointsAt,
  keyJoints,
  keyShapes,
  poseAt,
  poseLabel,
  shapesAt,
} from './figure.js';
export { type Planted, placeBody, type Shape, type View } from './scene.js';
export { BODY, capsules, type Joints, solvePose, THICKNESS } from './skeleton.js';
export { ArmAngles, FigureSpec, LegAngles, Point, Pose, PoseName, Prop } from './spec.js';
export { describe, type FigureSvgOptions, frameSvg, geometry, renderFigureSvg } from './svg.js';
export { displayHoldMs, type Phase, phaseAt, type Timeline, timeline } from './timeline.js';

export { CLASSIFICATION_PRECEDENCE, classificationOf } from './classification';
export { ageOn } from './guards';
export { allowedActions, PROCEDURES, runStep, type StepResult } from './registry';
export * from './timers';
export * from './types';

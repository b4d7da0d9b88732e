import type { DockerfileModel, Stage } from './model';

/** Whether a stage's lineage starts from `scratch`: then everything in it is in this file. */
export function startsFromScratch(model: DockerfileModel, stage: Stage): boolean {
  const root = model.rootImage(stage);
  return root !== undefined && root.registry === undefined && root.repository === 'scratch';
}

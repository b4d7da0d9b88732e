import type { Range } from '../types';
import { isModifiable } from './instructions';
import type { Chunk } from './chunks';
import type { DockerfileModel, Stage } from './model';

/** A stage's `COPY --from=` or `RUN --mount=…,from=` value: a stage (by name or index) or an image it takes files from. */
export interface StageSource {
  value: string;
  range: Range;
}

/** Kept per piece of the document: an unchanged stage keeps its piece in the next version (see `parseChunks`). */
const sourcesOf = new WeakMap<Chunk, readonly StageSource[]>();

/** Every `COPY --from` and `RUN --mount` `from=` in the stage, in order (BuildKit reads mount option names in any case). */
export function stageSources(model: DockerfileModel, stage: Stage): readonly StageSource[] {
  const piece = model.chunks.pieces[stage.index + 1];
  let sources = sourcesOf.get(piece);
  if (!sources) {
    const found: StageSource[] = [];
    for (const instruction of stage.instructions) {
      if (!isModifiable(instruction)) continue;
      const keyword = instruction.getKeyword();
      for (const flag of instruction.getFlags()) {
        if (keyword === 'COPY' && flag.getName() === 'from') add(found, flag.getValue(), flag.getValueRange());
        else if (keyword === 'RUN' && flag.getName() === 'mount') {
          for (const option of flag.getOptions()) if (option.getName().toLowerCase() === 'from') add(found, option.getValue(), option.getValueRange());
        }
      }
    }
    sourcesOf.set(piece, (sources = found));
  }
  return sources;
}

function add(found: StageSource[], value: string | null, range: Range | null): void {
  if (value && range) found.push({ value, range });
}

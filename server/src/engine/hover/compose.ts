import type { ComposeModel } from '../compose/model';
import type { Position } from '../types';
import type { HoverContext, HoverResult } from './types';

/** What the Compose key or value under the cursor means. */
export function composeHover(_model: ComposeModel, _position: Position, _context: HoverContext): HoverResult | undefined {
  return undefined;
}

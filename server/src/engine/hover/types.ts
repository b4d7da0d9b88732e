import type { FileAccess, Range } from '../types';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export interface HoverContext {
  /** Sibling files (a Compose file's `.env`, a Dockerfile's context), when the host has them. */
  files?: FileAccess;
}

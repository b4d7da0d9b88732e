import type { Rule } from '../rule';
// One import and one list entry per rule; the list is sorted by id below.
import { dc201 } from './dc201-depends-on-healthy';
import { dc301 } from './dc301-pin-image-tag';
import { dc302 } from './dc302-obsolete-version';
import { df101 } from './df101-no-root-user';
import { df201 } from './df201-copy-before-install';
import { df202 } from './df202-missing-dockerignore';
import { df301 } from './df301-pin-base-image';
import { df405 } from './df405-expose-valid';
import { df507 } from './df507-copy-ignored-file';

const ALL: Rule[] = [
  dc201,
  dc301,
  dc302,
  df101,
  df201,
  df202,
  df301,
  df405,
  df507,
];

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = ALL.sort((a, b) => a.id.localeCompare(b.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

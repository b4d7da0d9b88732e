import type { Rule } from '../rule';
import { compareCodeUnits } from '../text';
// One import and one list entry per rule; the list is sorted by id below.
import { dc101 } from './dc101-privileged';
import { dc102 } from './dc102-secrets-in-environment';
import { dc103 } from './dc103-hardening';
import { dc201 } from './dc201-depends-on-healthy';
import { dc202 } from './dc202-healthcheck-for-dependency';
import { dc203 } from './dc203-healthcheck-valid';
import { dc301 } from './dc301-pin-image-tag';
import { dc302 } from './dc302-obsolete-version';
import { dc401 } from './dc401-schema';
import { dc402 } from './dc402-undefined-reference';
import { dc403 } from './dc403-unused-definition';
import { dc404 } from './dc404-env-file-exists';
import { dc405 } from './dc405-duplicate';
import { dc501 } from './dc501-database-port-exposed';
import { dc502 } from './dc502-quote-ports';
import { dc503 } from './dc503-ports-all-interfaces';
import { di101 } from './di101-dockerignore-essentials';
import { df101 } from './df101-no-root-user';
import { df102 } from './df102-no-secrets-in-env-arg';
import { df103 } from './df103-no-secret-files';
import { df104 } from './df104-prefer-copy';
import { df105 } from './df105-no-sudo';
import { df201 } from './df201-copy-before-install';
import { df202 } from './df202-missing-dockerignore';
import { df203 } from './df203-apt-lists-cleanup';
import { df204 } from './df204-apt-no-install-recommends';
import { df205 } from './df205-apt-update-alone';
import { df206 } from './df206-apk-no-cache';
import { df207 } from './df207-pip-no-cache-dir';
import { df208 } from './df208-npm-cache';
import { df209 } from './df209-combine-run';
import { df210 } from './df210-prefer-minimal-base';
import { df211 } from './df211-build-tools-in-final-stage';
import { df212 } from './df212-cache-mount';
import { df213 } from './df213-copy-chown';
import { df301 } from './df301-pin-base-image';
import { df302 } from './df302-trusted-registries';
import { df303 } from './df303-pin-packages';
import { df401 } from './df401-missing-healthcheck';
import { df402 } from './df402-healthcheck-options';
import { df403 } from './df403-json-args';
import { df404 } from './df404-single-cmd';
import { df405 } from './df405-expose-valid';
import { df406 } from './df406-pipefail';
import { df501 } from './df501-stage-reference';
import { df502 } from './df502-unique-stage-names';
import { df503 } from './df503-absolute-workdir';
import { df504 } from './df504-undefined-var';
import { df505 } from './df505-casing';
import { df506 } from './df506-deprecated-maintainer';
import { df507 } from './df507-copy-ignored-file';
import { df508 } from './df508-syntax';

const ALL: Rule[] = [
  dc101,
  dc102,
  dc103,
  dc201,
  dc202,
  dc203,
  dc301,
  dc302,
  dc401,
  dc402,
  dc403,
  dc404,
  dc405,
  dc501,
  dc502,
  dc503,
  di101,
  df101,
  df102,
  df103,
  df104,
  df105,
  df201,
  df202,
  df203,
  df204,
  df205,
  df206,
  df207,
  df208,
  df209,
  df210,
  df211,
  df212,
  df213,
  df301,
  df302,
  df303,
  df401,
  df402,
  df403,
  df404,
  df405,
  df406,
  df501,
  df502,
  df503,
  df504,
  df505,
  df506,
  df507,
  df508,
];

/** Every rule, sorted by id. */
export const RULES: readonly Rule[] = ALL.sort((a, b) => compareCodeUnits(a.id, b.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

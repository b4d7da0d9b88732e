import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, lint, parse, type Finding, type Rule } from '../engine';
import type { FileAccess, LintContext } from '../engine/types';

export interface ExpectedFix {
  title: string;
  /** The whole document after the fix. */
  output: string;
  /** Files the fix creates beside the document (path → content). */
  created?: Record<string, string>;
}

export interface ExpectedFinding {
  /** 0-based [startLine, startChar, endLine, endChar]. */
  range: [number, number, number, number];
  message: string;
  /** Every fix the finding offers, in order. Omit only when none are offered. */
  fixes?: ExpectedFix[];
}

export interface Case {
  name?: string;
  code: string;
  /** Sibling files (relative path → content) the host would hand to the engine. */
  files?: Record<string, string>;
  /** Lint without any file access, as for an unsaved buffer. */
  noFiles?: boolean;
}

export interface InvalidCase extends Case {
  findings: ExpectedFinding[];
}

/** A file name of each language, as the hosts would pass it. */
export const FILE_NAMES = { dockerfile: 'Dockerfile', dockercompose: 'compose.yaml', dockerignore: '.dockerignore' } as const;

export function fileAccess(files: Record<string, string>): FileAccess {
  const has = (p: string) => Object.prototype.hasOwnProperty.call(files, p);
  return { exists: has, read: (p) => (has(p) ? files[p] : undefined) };
}

function contextFor(rule: Rule, c: Case): LintContext {
  const fileName = FILE_NAMES[rule.language];
  return { fileName, files: c.noFiles ? undefined : fileAccess(c.files ?? {}), config: { rules: { [rule.id]: rule.severity === 'off' ? 'warning' : rule.severity } } };
}

function lintAll(rule: Rule, c: Case, code: string): Finding[] {
  return lint(parse(code, rule.language), { ...contextFor(rule, c) }, {
    onRuleError: (id, error) => {
      throw new Error(`${id} threw: ${String(error)}`);
    },
  });
}

const label = (c: Case) => c.name ?? c.code.split('\n').slice(0, 3).join(' ⏎ ');

/** RuleTester-style checks: exact findings, exact text after each fix, re-lint and idempotence. */
export function testRule(rule: Rule, cases: { valid: (string | Case)[]; invalid: InvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { code: v } : v;
      test(`valid: ${label(c)}`, () => {
        assert.deepEqual(lintAll(rule, c, c.code).filter((f) => f.ruleId === rule.id), []);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${label(c)}`, () => {
        const before = lintAll(rule, c, c.code);
        const own = before.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(
          own.map((f) => ({ range: [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], message: f.message, fixes: f.fixes.map((x) => x.title) })),
          c.findings.map((f) => ({ range: f.range, message: f.message, fixes: (f.fixes ?? []).map((x) => x.title) })),
        );
        own.forEach((finding, i) => {
          for (const [j, fix] of finding.fixes.entries()) {
            const expected = (c.findings[i].fixes ?? [])[j];
            const output = applyEdits(c.code, fix.edits);
            assert.equal(output, expected.output, `text after "${fix.title}"`);
            const created = Object.fromEntries((fix.createFiles ?? []).map((f) => [f.path, f.content]));
            assert.deepEqual(created, expected.created ?? {}, `files created by "${fix.title}"`);
            const after = lintAll(rule, { ...c, files: c.noFiles ? undefined : { ...c.files, ...created } }, output);
            const stillThere = after.filter((f) => f.ruleId === rule.id).length;
            assert.ok(stillThere < own.length, `"${fix.title}" left ${rule.id} firing as often as before`);
            const fresh = after.filter((a) => !before.some((b) => b.ruleId === a.ruleId && b.message === a.message));
            assert.deepEqual(fresh, [], `"${fix.title}" introduced new findings`);
            const again = after.flatMap((f) => f.fixes).find((x) => x.title === fix.title);
            if (again) assert.equal(applyEdits(output, again.edits), output, `"${fix.title}" applied twice changed the text`);
          }
        });
      });
    }
  });
}

import type { Flag, Instruction } from 'dockerfile-ast';
import { deleteInstruction } from '../dockerfile/removal';
import { isModifiable, keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { snippet } from '../dockerfile/snippet';
import { stageRule, type RuleContext } from '../rule';
import type { Fix } from '../types';

const DURATIONS = ['interval', 'timeout', 'start-period', 'start-interval'];
const KNOWN = [...DURATIONS, 'retries'];
/** Misspellings whose intent is plain; `_` for `-` and letter case are handled generally. */
const ALIASES: Record<string, string> = { retry: 'retries', startperiod: 'start-period', startinterval: 'start-interval' };

const NS_PER_UNIT: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const NUMBER = '(?:\\d+\\.?\\d*|\\.\\d+)';
const DURATION = new RegExp(`^[-+]?(?:${NUMBER}(?:ns|us|µs|μs|ms|s|m|h))+$`);
const BARE_NUMBER = new RegExp(`^[-+]?${NUMBER}$`);
const PART = new RegExp(`(${NUMBER})(ns|us|µs|μs|ms|s|m|h)`, 'g');
const MINIMUM_NS = 1e6;

type Duration = { ns: number } | { problem: 'missing-unit' | 'invalid' };

/** Go's `time.ParseDuration`, which BuildKit uses for the duration options. */
function parseDuration(value: string): Duration {
  const unsigned = value.replace(/^[-+]/, '');
  if (unsigned === '0') return { ns: 0 };
  if (BARE_NUMBER.test(value)) return { problem: 'missing-unit' };
  if (!DURATION.test(value)) return { problem: 'invalid' };
  let ns = 0;
  for (const m of unsigned.matchAll(PART)) ns += Number(m[1]) * NS_PER_UNIT[m[2]];
  return { ns: value.startsWith('-') ? -ns : ns };
}

function suggestion(name: string): string | undefined {
  const normal = name.toLowerCase().replace(/_/g, '-');
  if (KNOWN.includes(normal)) return normal;
  return ALIASES[normal.replace(/-/g, '')];
}

function renameFix(flag: Flag, to: string): Fix {
  return { title: `Rename to --${to}`, edits: [{ range: flag.getNameRange(), newText: to }], preferred: true };
}

function checkFlag(flag: Flag, all: Flag[], seen: Set<string>, context: RuleContext): void {
  const name = flag.getName();
  const value = flag.getValue();
  if (!KNOWN.includes(name)) {
    const to = suggestion(name);
    context.report({
      range: flag.getRange(),
      message: `'--${name}' is not a HEALTHCHECK option, and Docker refuses the build. Use ${to ? `'--${to}'` : 'one of --interval, --timeout, --start-period, --start-interval, --retries'}.`,
      fixes: to && !all.some((f) => f.getName() === to) ? [renameFix(flag, to)] : [],
    });
    return;
  }
  if (seen.has(name)) {
    context.report({ range: flag.getRange(), message: `'--${name}' is given twice, and Docker refuses the build. Keep one.` });
    return;
  }
  seen.add(name);
  if (value === null) {
    context.report({ range: flag.getRange(), message: `'--${name}' has no value, and Docker refuses the build. Write it as '--${name}=${name === 'retries' ? '3' : '30s'}'.` });
    return;
  }
  const valueRange = flag.getValueRange();
  // An empty value means the default; variables are not expanded in these options.
  if (value === '' || !valueRange || value.includes('$')) return;
  if (name === 'retries') {
    if (!/^[-+]?\d+$/.test(value) || Number(value) > 2 ** 31 - 1) {
      context.report({ range: valueRange, message: `'--retries=${value}' is not a whole number, and Docker refuses the build. Give the count of failures, such as '--retries=3'.` });
    } else if (Number(value) < 0) {
      context.report({ range: valueRange, message: `'--retries=${value}' is negative, and Docker refuses the build. Give zero or more.` });
    }
    return;
  }
  const duration = parseDuration(value);
  if ('problem' in duration && duration.problem === 'missing-unit') {
    const seconds = `${value}s`;
    context.report({
      range: valueRange,
      message: `'--${name}=${value}' has no unit, and Docker refuses a duration without one. Write '${seconds}' (or use ms, m, h).`,
      fixes: [{ title: `Add the unit: --${name}=${seconds}`, edits: [{ range: { start: valueRange.end, end: valueRange.end }, newText: 's' }], preferred: true }],
    });
  } else if ('problem' in duration) {
    context.report({ range: valueRange, message: `'--${name}=${value}' is not a duration, and Docker refuses the build. Write a number with a unit, such as '30s' or '1m30s'.` });
  } else if (duration.ns !== 0 && duration.ns < MINIMUM_NS) {
    context.report({ range: valueRange, message: `'--${name}=${value}' is below Docker's 1ms minimum, and Docker refuses the build. Use at least '1ms', or '0' for the default.` });
  }
}

function checkOptions(instruction: Instruction, context: RuleContext): void {
  const type = instruction.getArguments()[0]?.getValue().toUpperCase();
  // `NONE` takes no options; Docker does not even read them.
  if (type === 'NONE' || !isModifiable(instruction)) return;
  const seen = new Set<string>();
  const flags = instruction.getFlags();
  for (const flag of flags) checkFlag(flag, flags, seen, context);
}

export const df402 = stageRule({
  id: 'DF402',
  name: 'healthcheck-options',
  severity: 'error',
  language: 'dockerfile',
  fix: 'Fix the unit / remove the duplicate',
  peers: ['DL3012'],
  docs: {
    summary: 'A `HEALTHCHECK` has an option Docker rejects, or a stage has more than one `HEALTHCHECK`.',
    why: 'Docker refuses to build a `HEALTHCHECK` with an unknown option, a duration without a unit or a retry count that is not a whole number, so the mistake only shows up when the image is built. A second `HEALTHCHECK` in a stage silently replaces the first, so the probe a reader sees may not be the one that runs.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    const checks = stage.instructions.filter((i) => keyword(i) === 'HEALTHCHECK');
    for (const check of checks) checkOptions(check, context);
    const last = checks[checks.length - 1];
    for (const earlier of checks.slice(0, -1)) {
      context.report({
        range: earlier.getRange(),
        message: `'${snippet(model, earlier)}' is replaced by the stage's last HEALTHCHECK, '${snippet(model, last)}', so it never runs. Remove it.`,
        fixes: [{ title: `Remove '${snippet(model, earlier)}' (the last HEALTHCHECK wins)`, edits: [deleteInstruction(model, earlier)], preferred: true, safe: true }],
      });
    }
  },
});

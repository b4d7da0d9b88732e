import { isScalar, isSeq, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { quote } from '../compose/insertions';
import type { ComposeModel, Entry } from '../compose/model';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';
import { substitute } from '../variables';

const NO_VARIABLES = new Map<string, string | undefined>();
const TYPES = ['CMD', 'CMD-SHELL', 'NONE'];
const DURATIONS = ['interval', 'timeout', 'start_period', 'start_interval'];

/** compose-go reads durations with str2duration: Go's units plus days and weeks. */
const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12, d: 8.64e13, w: 6.048e14 };
/** Docker refuses a healthcheck duration shorter than this, except 0 (the default). */
const MINIMUM_NS = 1e6;

/** Nanoseconds, or undefined when Compose cannot read the duration. */
function parseDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([^\d.]*)/.exec(rest);
    if (!m || !Object.prototype.hasOwnProperty.call(UNIT_NS, m[2])) return undefined;
    total += Number(m[1]) * UNIT_NS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
/** A whole argument that only a shell gives meaning to. */
const OPERATOR_ARG = /^(\|\||&&|\||;|>|>>|<|2>&1|&)$/;
/** Operators inside an argument, between words: a command line squeezed into one item. */
const SPACED_OPERATOR = /(?:^|\s)(\|\||&&|\|)(?:\s|$)/;
/** `$$VAR`, `$${VAR}`, `$$(…)`: Compose hands `$VAR` on, which only a shell expands. */
const ESCAPED_VARIABLE = /\$\$(?:\{?[A-Za-z_][A-Za-z0-9_]*\}?|\()/;

interface ShellUse {
  index: number;
  kind: 'whole' | 'operator' | 'variable';
  token: string;
}

/** The first argument of an exec-form list that needs a shell; the program is `args[0]`. */
function shellUse(args: string[]): ShellUse | undefined {
  const program = args[0] ?? '';
  if (SHELLS.has(program.split('/').pop() ?? '')) return undefined;
  if (/\s/.test(program.trim())) return { index: 0, kind: 'whole', token: program };
  for (const [index, arg] of args.entries()) {
    const op = OPERATOR_ARG.exec(arg)?.[1] ?? SPACED_OPERATOR.exec(arg)?.[1];
    if (op) return { index, kind: 'operator', token: op };
  }
  for (const [index, arg] of args.entries()) {
    const variable = ESCAPED_VARIABLE.exec(arg)?.[0];
    if (variable) return { index, kind: 'variable', token: variable };
  }
  return undefined;
}

/** One argument as shell text: shell code stays as written, other words are quoted when needed. */
function shellWord(arg: string, index: number): string {
  if (index === 0 || OPERATOR_ARG.test(arg) || SPACED_OPERATOR.test(arg)) return arg;
  if (ESCAPED_VARIABLE.test(arg)) return /\s/.test(arg) ? `"${arg.replace(/["\\`]/g, '\\$&')}"` : arg;
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function shellCommand(args: string[]): string {
  return args.map(shellWord).join(' ');
}

function shellForm(command: string): string {
  return `["CMD-SHELL", ${JSON.stringify(command)}]`;
}

const convertTitle = (command: string) => `Convert to CMD-SHELL: run '${command}' through a shell`;

/** Replaces the whole test list by `text`, unless a comment inside it would be lost. */
function replaceList(model: ComposeModel, entry: Entry, seq: YAMLSeq, items: Scalar[], text: string): TextEdit | undefined {
  const last = items[items.length - 1];
  if (!seq.range || !last.range || !entry.keyNode.range) return undefined;
  if (seq.flow) return model.text.slice(seq.range[0], seq.range[1]).includes('#') ? undefined : { range: model.lines.range(seq.range[0], seq.range[1]), newText: text };
  let gaps = model.text.slice(entry.keyNode.range[1], items[0].range?.[0]);
  for (let i = 1; i < items.length; i++) gaps += model.text.slice(items[i - 1].range?.[1], items[i].range?.[0]);
  if (gaps.includes('#')) return undefined;
  return { range: model.lines.range(entry.keyNode.range[1], last.range[1]), newText: `: ${text}` };
}

/** A new first item, written like the current first one. */
function prependItem(model: ComposeModel, seq: YAMLSeq, first: Scalar, value: string): TextEdit | undefined {
  if (!first.range) return undefined;
  const at = model.lines.positionAt(first.range[0]);
  if (seq.flow) return { range: { start: at, end: at }, newText: `${styled(first, value)}, ` };
  const prefix = model.lines.lineText(at.line).slice(0, at.character);
  if (!/^[ ]*-[ ]+$/.test(prefix)) return undefined;
  const lineStart = { line: at.line, character: 0 };
  return { range: { start: lineStart, end: lineStart }, newText: `${prefix}${value}${model.lines.eol}` };
}

function styled(like: Scalar, value: string): string {
  if (like.type === 'QUOTE_DOUBLE') return quote(value, '"');
  if (like.type === 'QUOTE_SINGLE') return quote(value, "'");
  return value;
}

function checkTest(model: ComposeModel, context: RuleContext, entry: Entry): void {
  const test = entry.value;
  if (test === null) return;
  if (isScalar(test)) {
    if (model.scalarText(test) !== 'NONE') return;
    context.report({
      range: model.rangeOf(test),
      message: "A string test is run by a shell, so 'NONE' runs as a command instead of turning the healthcheck off. Write [\"NONE\"] or 'disable: true'.",
      fixes: [{ title: 'Turn the healthcheck off: write ["NONE"]', edits: [{ range: model.rangeOf(test), newText: '["NONE"]' }], preferred: true }],
    });
    return;
  }
  if (!isSeq(test)) {
    context.report({ range: model.rangeOf(test), message: 'The healthcheck test must be a string, run by a shell, or a list that starts with CMD, CMD-SHELL or NONE.' });
    return;
  }
  const items = test.items.map((i) => model.resolve(i));
  if (items.length === 0 || !items.every((i): i is Scalar => isScalar(i) && model.scalarText(i) !== undefined)) return;
  const texts = items.map((i) => model.scalarText(i) as string);
  const [first, ...args] = texts;
  const fix = (title: string, edit: TextEdit | undefined): Fix[] => (edit ? [{ title, edits: [edit], preferred: true }] : []);
  if (first === 'CMD') {
    const use = shellUse(args);
    if (!use) return;
    const node = items[use.index + 1];
    const program = args[0];
    const message =
      use.kind === 'whole'
        ? `With CMD, Docker runs no shell and looks for a program named '${program}', spaces and all. Use CMD-SHELL to run it as a shell command.`
        : use.kind === 'operator'
          ? `With CMD, no shell runs, so '${use.token}' reaches '${program}' as a plain argument instead of acting as a shell operator. Use CMD-SHELL.`
          : `With CMD, no shell runs, so '${use.token}' reaches '${program}' as the literal text '${use.token.slice(1)}' instead of a variable's value. Use CMD-SHELL.`;
    const command = shellCommand(args);
    const edit =
      args.length === 1 ? { range: model.rangeOf(items[0]), newText: styled(items[0], 'CMD-SHELL') } : replaceList(model, entry, test, items, shellForm(command));
    context.report({ range: model.rangeOf(node), message, fixes: fix(convertTitle(command), edit) });
    return;
  }
  if (TYPES.includes(first)) return;
  const upper = first.toUpperCase();
  if (TYPES.includes(upper)) {
    context.report({
      range: model.rangeOf(items[0]),
      message: `Docker reads the test type case-sensitively and ignores a healthcheck whose list starts with '${first}'. Write '${upper}'.`,
      fixes: fix(`Write '${upper}' in capitals`, { range: model.rangeOf(items[0]), newText: styled(items[0], upper) }),
    });
    return;
  }
  const message = `Docker ignores a healthcheck whose test list starts with '${first}' rather than CMD, CMD-SHELL or NONE. Put "CMD" first to run the command directly, or "CMD-SHELL" to run it through a shell.`;
  let fixes: Fix[];
  if (!shellUse(texts)) fixes = fix(`Add CMD: run '${first}' directly`, prependItem(model, test, items[0], 'CMD'));
  else if (texts.length === 1) fixes = fix(convertTitle(first), prependItem(model, test, items[0], 'CMD-SHELL'));
  else fixes = fix(convertTitle(shellCommand(texts)), replaceList(model, entry, test, items, shellForm(shellCommand(texts))));
  context.report({ range: model.rangeOf(items[0]), message, fixes });
}

function checkDuration(model: ComposeModel, context: RuleContext, key: string, node: Scalar): void {
  const written = model.scalarText(node);
  if (written === undefined) return;
  const text = written.includes('$') ? substitute(written, NO_VARIABLES) : written;
  if (text === undefined) return;
  const ns = parseDuration(text);
  if (ns !== undefined) {
    if (ns !== 0 && ns < MINIMUM_NS) {
      context.report({ range: model.rangeOf(node), message: `The healthcheck ${key} '${written}' is below Docker's minimum of 1ms. Use 0 for the default, or at least 1ms.` });
    }
    return;
  }
  if (/^\d+(\.\d+)?$/.test(written)) {
    const start = model.valueOffset(node);
    const at = start === undefined ? undefined : model.lines.positionAt(start + written.length);
    context.report({
      range: model.rangeOf(node),
      message: `The healthcheck ${key} '${written}' has no unit, which Compose rejects. Give it one, as in '${written}s'.`,
      fixes: at ? [{ title: `Add unit: write '${written}s'`, edits: [{ range: { start: at, end: at }, newText: 's' }], preferred: true }] : [],
    });
    return;
  }
  context.report({
    range: model.rangeOf(node),
    message: `The healthcheck ${key} '${written}' is not a duration Compose can read. Write a number with a unit (ms, s, m, h, d), as in '1m30s'.`,
  });
}

function checkRetries(model: ComposeModel, context: RuleContext, node: Scalar): void {
  const written = model.scalarText(node);
  if (written === undefined) return;
  const text = written.includes('$') ? substitute(written, NO_VARIABLES) : written;
  if (text === undefined || /^\d+$/.test(text.trim())) return;
  context.report({
    range: model.rangeOf(node),
    message: `The healthcheck retries '${written}' is not a whole number: it counts the failed checks in a row before the container turns unhealthy.`,
  });
}

function checkHealthcheck(model: ComposeModel, context: RuleContext, healthcheck: YAMLMap): void {
  const disabled = model.scalarText(model.get(healthcheck, 'disable')?.value) === 'true';
  const test = model.get(healthcheck, 'test');
  if (test && !disabled) checkTest(model, context, test);
  for (const key of DURATIONS) {
    const value = model.get(healthcheck, key)?.value;
    if (isScalar(value)) checkDuration(model, context, key, value);
  }
  const retries = model.get(healthcheck, 'retries')?.value;
  if (isScalar(retries)) checkRetries(model, context, retries);
}

export const dc203: ComposeRule = {
  id: 'DC203',
  name: 'healthcheck-valid',
  severity: 'error',
  language: 'dockercompose',
  fix: 'Convert to CMD-SHELL',
  docs: {
    summary: "A service's healthcheck has a test Docker ignores or misreads, a duration Compose cannot read, or `retries` that is not a whole number.",
    why: 'A broken healthcheck fails quietly: a test list without CMD or CMD-SHELL is ignored, shell syntax in a CMD list is passed to the program as plain arguments so the check always fails or always passes, and a duration without a unit stops `docker compose up`. Services that wait for `service_healthy` then never start, or start too early.',
  },
  check(model: ComposeModel, context: RuleContext) {
    const seen = new Set<YAMLMap>();
    for (const service of model.services) {
      const healthcheck = model.mapAt(service.node, 'healthcheck');
      if (!healthcheck || seen.has(healthcheck)) continue;
      seen.add(healthcheck);
      checkHealthcheck(model, context, healthcheck);
    }
  },
};

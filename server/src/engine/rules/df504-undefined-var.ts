import { PropertyInstruction, type Instruction } from 'dockerfile-ast';
import { inFileCase } from '../dockerfile/casing';
import { isModifiable } from '../dockerfile/instructions';
import { startsFromScratch } from '../dockerfile/lineage';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { variableReferences, type VariableReference } from '../dockerfile/references';
import { parseShell } from '../dockerfile/shell';
import { byCloseness, typoDistance } from '../dockerfile/similar';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, Range } from '../types';

/** Set by BuildKit for `FROM` lines; inside a stage only after `ARG <name>`. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);
const PROXY_ARGS = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((n) => [n, n.toLowerCase()]));
/** Set by nearly every base image, or by BuildKit itself (PATH, even on scratch): their absence from the file means nothing. */
const ENVIRONMENT = new Set(['PATH', 'HOME', 'USER', 'HOSTNAME', 'LANG', 'LANGUAGE', 'LC_ALL', 'PWD', 'SHELL', 'TERM', 'TZ']);
/** Instructions whose arguments Docker expands itself, besides FROM and ARG values (RUN only in its flags; CMD, ENTRYPOINT, HEALTHCHECK, SHELL and ONBUILD never). */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const MAX_SUGGESTIONS = 3;

interface Found {
  ref: VariableReference;
  range: Range;
}

/** References in the part of an instruction Docker expands, with their document ranges. */
function referencesIn(model: DockerfileModel, from: number, to: number): Found[] {
  const text = model.text.slice(from, to);
  return variableReferences(text, model.ast.getEscapeCharacter())
    .filter((ref) => !ref.guarded)
    .map((ref) => ({ ref, range: model.lines.range(from + ref.start, from + ref.end) }));
}

/** The expanded spans of an instruction: after the keyword, up to any heredoc body; for RUN, its flags. */
function expandedReferences(model: DockerfileModel, instruction: Instruction): Found[] {
  const keyword = instruction.getKeyword();
  if (keyword === 'RUN') {
    const flags = isModifiable(instruction) ? instruction.getFlags() : [];
    return flags.flatMap((f) => referencesIn(model, model.lines.offsetAt(f.getRange().start), model.lines.offsetAt(f.getRange().end)));
  }
  if (keyword !== 'FROM' && !EXPANDED.has(keyword)) return [];
  const start = model.lines.offsetAt(instruction.getInstructionRange().end);
  let end = model.lines.offsetAt(instruction.getRange().end);
  const heredoc = instruction.getArguments().find((a) => a.getValue().startsWith('<<'));
  if (heredoc) end = Math.min(end, model.lines.lineEnd(heredoc.getRange().start.line));
  return referencesIn(model, start, end);
}

interface Declaration {
  name: string;
  /** Document offsets of the value after `=`, when there is one. */
  value?: { start: number; end: number };
}

/**
 * What an ARG declares, word by word as BuildKit reads `ARG a b=2 c="x y"`
 * (dockerfile-ast reads a second name as the first one's value).
 */
function argDeclarations(model: DockerfileModel, instruction: Instruction): Declaration[] {
  const range = instruction.getArgumentsRange();
  if (!range) return [];
  const start = model.lines.offsetAt(range.start);
  const text = model.text.slice(start, model.lines.offsetAt(range.end));
  return parseShell(text, { escape: model.ast.getEscapeCharacter() })
    .flatMap((c) => c.words)
    .map((word) => {
      const raw = text.slice(word.start, word.end);
      const eq = raw.indexOf('=');
      if (eq < 0) return { name: word.value };
      return { name: raw.slice(0, eq), value: { start: start + word.start + eq + 1, end: start + word.end } };
    })
    .filter((d) => d.name !== '');
}

/** Names an instruction declares: `ENV a=1 b=2`, `ENV a 1`, `ARG a b=2`. */
function declaredBy(model: DockerfileModel, instruction: Instruction): string[] {
  const keyword = instruction.getKeyword();
  if (keyword === 'ARG') return argDeclarations(model, instruction).map((d) => d.name);
  if (keyword === 'ENV' && instruction instanceof PropertyInstruction) return instruction.getProperties().map((p) => p.getName()).filter(Boolean);
  return [];
}

/** Edits that put `ARG <name>` on the line after the stage's FROM. */
function declareArg(model: DockerfileModel, stage: Stage, name: string): Fix {
  const end = stage.from.getRange().end;
  const indent = model.lines.lineText(stage.from.getRange().start.line).match(/^[ \t]*/)![0];
  return {
    title: `Declare ARG ${name} in this stage`,
    preferred: true,
    edits: [{ range: { start: end, end }, newText: `${model.lines.eol}${indent}${inFileCase(model, 'ARG')} ${name}` }],
  };
}

/** Renames the misspelt name everywhere it is used in the same scope, so one action fixes them all. */
function useFixes(found: Found, sameName: Range[], candidates: string[]): Fix[] {
  return candidates.slice(0, MAX_SUGGESTIONS).map((name, i) => {
    const fix: Fix = { title: `Use '${name}' instead of '${found.ref.name}'`, edits: sameName.map((range) => ({ range, newText: name })) };
    if (i === 0) fix.preferred = true;
    return fix;
  });
}

/** Declared names close to, but not the same as, the one used: the likely intended ones. */
function slips(name: string, declared: Iterable<string>, maxDistance: number): string[] {
  return byCloseness(name, [...declared].filter((d) => d !== name), maxDistance);
}

interface StageScope {
  model: DockerfileModel;
  stage: Stage;
  context: RuleContext;
  /** ARGs before the first FROM. */
  globals: Set<string>;
  /** ARG and ENV names declared so far in the stage's lineage. */
  declared: Set<string>;
  /** The lineage starts from scratch, so no image can have set anything. */
  scratch: boolean;
}

function checkFroms(model: DockerfileModel, globals: Set<string>, context: RuleContext): void {
  const undeclared = model.stages
    .flatMap((stage) => expandedReferences(model, stage.from))
    .filter((f) => !globals.has(f.ref.name) && !PLATFORM_ARGS.has(f.ref.name) && !PROXY_ARGS.has(f.ref.name));
  for (const found of undeclared) {
    const name = found.ref.name;
    const close = slips(name, globals, typoDistance(name));
    const hint = close.length > 0 ? ` Did you mean '${close[0]}'?` : ' Declare it with an ARG before the first FROM.';
    const sameName = undeclared.filter((f) => f.ref.name === name).map((f) => f.range);
    context.report({ range: found.range, message: `'${name}' is not declared by an ARG before the first FROM, so it expands to an empty string in this FROM.${hint}`, fixes: useFixes(found, sameName, close) });
  }
}

function checkInstructions(scope: StageScope): void {
  const { model, stage, declared, context } = scope;
  const undeclared: Found[] = [];
  const check = (found: Found[]) => undeclared.push(...found.filter((f) => !declared.has(f.ref.name)));
  for (const s of model.lineage(stage)) {
    for (const instruction of s.instructions) {
      if (s === stage && instruction.getKeyword() === 'ARG') {
        // Each ARG value sees the names declared before it, in the same instruction too.
        for (const declaration of argDeclarations(model, instruction)) {
          if (declaration.value) check(referencesIn(model, declaration.value.start, declaration.value.end));
          declared.add(declaration.name);
        }
        continue;
      }
      const names = declaredBy(model, instruction);
      if (s === stage) {
        const found = expandedReferences(model, instruction);
        // ENV expands all its values before setting any: `ENV A=1 B=$A` reads the old A.
        const sameEnv = found.filter((f) => !declared.has(f.ref.name) && setEarlierInSameEnv(instruction, f));
        sameEnv.forEach((f) => context.report({ range: f.range, message: `'${f.ref.name}' is set by this same ENV, but ENV expands all its values before setting any, so this reads '${f.ref.name}' as it was before, not the value set here. Set it in an ENV of its own above this one.` }));
        check(found.filter((f) => !sameEnv.includes(f)));
      }
      names.forEach((n) => declared.add(n));
    }
  }
  for (const found of undeclared) report(scope, found, undeclared.filter((f) => f.ref.name === found.ref.name).map((f) => f.range));
}

/** `ENV A=1 B=$A`: the name is set by an earlier pair of the same ENV (`ENV PATH=$PATH:/x` extends the old value on purpose). */
function setEarlierInSameEnv(instruction: Instruction, found: Found): boolean {
  if (instruction.getKeyword() !== 'ENV' || !(instruction instanceof PropertyInstruction)) return false;
  const at = found.range.start;
  return instruction.getProperties().some((p) => {
    const end = p.getRange().end;
    return p.getName() === found.ref.name && (end.line < at.line || (end.line === at.line && end.character <= at.character));
  });
}

function report(scope: StageScope, found: Found, sameName: Range[]): void {
  const { model, stage, context, declared } = scope;
  const name = found.ref.name;
  if (PROXY_ARGS.has(name) || ENVIRONMENT.has(name)) return;
  if (PLATFORM_ARGS.has(name)) {
    context.report({ range: found.range, message: `'${name}' is a predefined platform ARG, but inside a stage it is only set after 'ARG ${name}'; declare it in this stage.`, fixes: [declareArg(model, stage, name)] });
    return;
  }
  if (scope.globals.has(name)) {
    context.report({ range: found.range, message: `'${name}' is declared by an ARG before FROM, which only FROM lines see; redeclare it with 'ARG ${name}' in this stage.`, fixes: [declareArg(model, stage, name)] });
    return;
  }
  if (scope.scratch) {
    const close = slips(name, declared, typoDistance(name));
    const hint = close.length > 0 ? ` Did you mean '${close[0]}'?` : '';
    context.report({ range: found.range, message: `'${name}' is not declared by ARG or ENV in this stage, so it expands to an empty string.${hint}`, fixes: useFixes(found, sameName, close) });
    return;
  }
  // The base image may set any variable through ENV; only a near miss of a name this file declares is a likely mistake.
  if (name.length < 4) return;
  const close = slips(name, declared, name.length <= 8 ? 1 : 2);
  if (close.length === 0) return;
  context.report({ range: found.range, message: `'${name}' is not declared by ARG or ENV here; did you mean '${close[0]}'?`, fixes: useFixes(found, sameName, close) });
}

export const df504 = stageRule({
  id: 'DF504',
  name: 'undefined-var',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Use a declared name',
  peers: ['UndefinedVar', 'UndefinedArgInFrom'],
  docs: {
    summary: 'A `$VAR` that Docker expands (in FROM, COPY, ENV, LABEL, WORKDIR…) is not declared by an `ARG` or `ENV` in scope.',
    why: 'Docker replaces an unknown variable with an empty string and carries on, so a misspelt name or an ARG declared before FROM but not inside the stage quietly turns `app-$VERSION.jar` into `app-.jar`. The build may still pass and ship the wrong file, label or path.',
  },
  checkFile(model: DockerfileModel, context: RuleContext) {
    checkFroms(model, globalNames(model), context);
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    checkInstructions({ model, stage, context, globals: globalNames(model), declared: new Set(), scratch: startsFromScratch(model, stage) });
  },
});

/** The names the global ARGs declare, read once per model: every stage asks. */
function globalNames(model: DockerfileModel): Set<string> {
  let names = globalNamesOf.get(model);
  if (!names) globalNamesOf.set(model, (names = new Set(model.ast.getInitialARGs().flatMap((arg) => declaredBy(model, arg)))));
  return names;
}

const globalNamesOf = new WeakMap<DockerfileModel, Set<string>>();

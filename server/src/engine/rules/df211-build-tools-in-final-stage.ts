import { shellCommands, wordRange, type ShellCommand } from '../dockerfile/commands';
import { keyword } from '../dockerfile/instructions';
import { runsBareInterpreter } from '../dockerfile/launch';
import type { DockerfileModel } from '../dockerfile/model';
import { packageInstalls, removedLater } from '../dockerfile/packages';
import type { DockerfileRule, RuleContext } from '../rule';
import type { Range } from '../types';

const TOOLS = new Set([
  'gcc', 'g++', 'gcc-c++', 'cpp', 'clang', 'gfortran', 'build-essential', 'build-base', 'alpine-sdk', 'make', 'cmake',
  'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'rustc', 'cargo', 'golang', 'golang-go', 'nasm', 'yasm',
  'musl-dev', 'libc-dev', 'libc6-dev', 'linux-headers',
]);

/** Compilers and headers: `gcc-12`, `libpq-dev` (Debian, Alpine), `openssl-devel` (RHEL, SUSE). */
function isBuildTool(name: string): boolean {
  return TOOLS.has(name) || /^(gcc|g\+\+|clang|cpp)-\d+(\.\d+)*$/.test(name) || /.-dev$/.test(name) || /.-devel$/.test(name);
}

/** Whether the command compiles or bundles the application. */
function builds(words: string[]): boolean {
  const [program, sub, third] = words;
  const script = (name: string | undefined) => name !== undefined && /^build(:|$)/.test(name);
  switch (program) {
    case 'npm':
    case 'bun':
      return (sub === 'run' || sub === 'run-script') && script(third);
    case 'yarn':
    case 'pnpm':
      return script(sub) || (sub === 'run' && script(third));
    case 'go':
    case 'cargo':
      return sub === 'build';
    case 'dotnet':
      return sub === 'build' || sub === 'publish';
    case 'mvn':
    case './mvnw':
      return words.slice(1).some((w) => ['package', 'install', 'verify'].includes(w));
    case 'gradle':
    case './gradlew':
      return words.slice(1).some((w) => ['build', 'assemble', 'bootJar', 'shadowJar', 'installDist'].includes(w));
    default:
      return false;
  }
}

/** The document range of a command from its program word on, or the RUN's when it sits inside a JSON string. */
function commandRange(model: DockerfileModel, command: ShellCommand): Range {
  const words = command.command.words;
  const first = words.findIndex((w) => w.value === command.words[0]);
  const start = first >= 0 ? wordRange(model, command, words[first]) : undefined;
  const end = wordRange(model, command, words[words.length - 1]);
  return start && end ? { start: start.start, end: end.end } : command.run.getRange();
}

const ADVICE = 'Build in a separate stage and copy only the results into a slim final stage; the multi-stage snippets show how.';

export const df211: DockerfileRule = {
  id: 'DF211',
  name: 'build-tools-in-final-stage',
  severity: 'info',
  language: 'dockerfile',
  docs: {
    summary: 'A single-stage image installs compilers or development packages, or builds the application, so the build tooling ships with it.',
    why: 'Compilers, headers and build inputs are needed to make the application, not to run it. Left in the image they add hundreds of megabytes and give an attacker ready tools. A multi-stage build compiles in a builder stage and copies only the output into a small runtime stage.',
  },
  check(model: DockerfileModel, context: RuleContext) {
    if (model.stages.length !== 1) return;
    const stage = model.stages[0];
    // Without CMD or ENTRYPOINT, or with a bare interpreter as its command, the image is a base or
    // a build environment (the full `python` image keeps its headers on purpose): the tools are its point.
    if (!stage.instructions.some((i) => keyword(i) === 'CMD' || keyword(i) === 'ENTRYPOINT') || runsBareInterpreter(stage.instructions)) return;
    for (const run of stage.instructions.filter((i) => keyword(i) === 'RUN')) {
      const tools = packageInstalls(model, run).flatMap((install) => install.packages.filter((p) => isBuildTool(p.name) && !removedLater(model, install, p.name)).map((p) => ({ ...p, install })));
      if (tools.length > 0) {
        const names = [...new Set(tools.map((t) => `'${t.name}'`))].join(', ');
        const first = tools[0];
        context.report({
          range: wordRange(model, first.install.command, first.word) ?? run.getRange(),
          message: `${names} ${tools.length > 1 ? 'are build tools' : 'is a build tool'} installed in the only stage, so ${tools.length > 1 ? 'they ship' : 'it ships'} in the final image. ${ADVICE}`,
        });
      }
      for (const command of shellCommands(model, run)) {
        if (!builds(command.words)) continue;
        const text = command.words.join(' ');
        context.report({
          range: commandRange(model, command),
          message: `'${text.length > 60 ? `${text.slice(0, 59)}…` : text}' builds the application in the only stage, so the toolchain and build inputs ship in the final image. ${ADVICE}`,
        });
      }
    }
  },
};

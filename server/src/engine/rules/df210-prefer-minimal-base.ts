import { keyword } from '../dockerfile/instructions';
import { launchArgv, runsBareInterpreter } from '../dockerfile/launch';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { tagFacts } from '../image-tags';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

/**
 * Official language images whose default variant is built on `buildpack-deps`: compilers,
 * headers, version control and hundreds of libraries that an application rarely needs once
 * it runs. Service images (nginx, postgres…) and `php` start from slim Debian already.
 */
const FULL_BY_DEFAULT = new Set(['node', 'python', 'ruby', 'golang', 'rust', 'perl', 'erlang', 'elixir']);

/** Tags that already name a small variant, or another OS where slim/alpine do not apply. */
const SMALL_OR_OTHER_OS = /slim|alpine|windows|nanoserver|servercore/;

/** Debian and Ubuntu release names, including those too old for the bundled tag table. */
const CODENAME = /^(jessie|stretch|buster|bullseye|bookworm|trixie|forky|sid|xenial|bionic|focal|jammy|noble|resolute)$/;

interface TagParts {
  version: string;
  variant: string;
}

/** Splits `3.12-bookworm` into version `3.12` and variant `bookworm` using the image's known variants. */
function splitTag(tag: string, variants: readonly string[]): TagParts {
  const known = variants.filter((v) => tag === v || tag.endsWith(`-${v}`)).sort((a, b) => b.length - a.length)[0];
  if (known) return { version: tag.slice(0, Math.max(0, tag.length - known.length - 1)), variant: known };
  const release = /^(?:(.*)-)?([a-z]+)$/.exec(tag);
  if (release && CODENAME.test(release[2])) return { version: release[1] ?? '', variant: release[2] };
  return { version: tag, variant: '' };
}

/** The slim variant for a release, following the image's own naming (`slim-bookworm` or `bookworm-slim`). */
function slimFor(variant: string, variants: readonly string[]): string | undefined {
  if (!variant) return variants.includes('slim') ? 'slim' : undefined;
  const listed = [`slim-${variant}`, `${variant}-slim`].find((v) => variants.includes(v));
  if (listed || variants.includes(variant) || !CODENAME.test(variant)) return listed;
  // A release older than the table: name it the way the image names the releases it lists.
  if (variants.some((v) => v.startsWith('slim-'))) return `slim-${variant}`;
  if (variants.some((v) => v.endsWith('-slim') && CODENAME.test(v.slice(0, -'-slim'.length)))) return `${variant}-slim`;
  return undefined;
}

/** The smaller variants that replace a full one, in the order offered: slim first, as it keeps glibc. */
function smallerVariants(variant: string, variants: readonly string[]): { label: string; variant: string }[] {
  const out: { label: string; variant: string }[] = [];
  const slim = slimFor(variant, variants);
  if (slim) out.push({ label: 'slim', variant: slim });
  const alpine = [variant ? `${variant}-alpine` : '', 'alpine'].find((v) => v && variants.includes(v));
  if (alpine) out.push({ label: 'alpine', variant: alpine });
  return out;
}

function newTag(version: string, variant: string): string {
  return version && version !== 'latest' ? `${version}-${variant}` : variant;
}

/** The edit that puts the new tag in place of the written one, or undefined when the tag comes from a variable we cannot rewrite. */
function tagEdit(stage: Stage, parts: TagParts, replacement: string): TextEdit | undefined {
  const from = stage.from;
  const written = from.getImageTag();
  const tagRange = from.getImageTagRange();
  if (written === null || !tagRange) {
    const nameRange = from.getImageNameRange();
    if (!nameRange || (from.getImageName() ?? '').includes('$')) return undefined;
    return { range: { start: nameRange.end, end: nameRange.end }, newText: `:${replacement}` };
  }
  if (!written.includes('$')) return { range: tagRange, newText: newTag(parts.version, replacement) };
  // `${PY_VERSION}` or `${PY_VERSION}-bookworm`: keep the variable, change the variant after it.
  const suffix = parts.variant ? `-${parts.variant}` : '';
  if (suffix && !written.endsWith(suffix)) return undefined;
  const end = tagRange.end;
  const start = { line: end.line, character: end.character - suffix.length };
  return { range: { start, end }, newText: `-${replacement}` };
}

/** Stage names that mark a development, debugging or test target rather than what ships. */
const NOT_SHIPPED = /(^|[-_.])(dev|devel|development|debug|test|tests|testing|ci|devcontainer)([-_.]|$)/;

/** Commands that run a test suite: a test environment, where the tools are the point. */
function runsTests(words: string[]): boolean {
  const [program, sub] = words;
  if (['pytest', 'tox', 'nox', 'jest', 'mocha', 'vitest', 'rspec', 'phpunit'].includes(program ?? '')) return true;
  return ['npm', 'yarn', 'pnpm', 'go', 'cargo', 'mix'].includes(program ?? '') && sub === 'test';
}

/**
 * Whether the final stage is an application image. Without CMD or ENTRYPOINT, or with a bare
 * interpreter as its command, it is a toolbox or a base for other images; with ONBUILD it is a
 * template for other builds; a stage named `dev`/`test`/… or running a test suite is a
 * development target.
 */
function runsAnApp(lineage: Stage[], final: Stage): boolean {
  const instructions = lineage.flatMap((s) => s.instructions);
  if (instructions.some((i) => keyword(i) === 'ONBUILD')) return false;
  if (final.name !== undefined && NOT_SHIPPED.test(final.name)) return false;
  const launches = instructions.filter((i) => keyword(i) === 'CMD' || keyword(i) === 'ENTRYPOINT');
  if (launches.length === 0 || runsBareInterpreter(instructions)) return false;
  return !launches.some((i) => runsTests(launchArgv(i)));
}

export const df210 = stageRule({
  id: 'DF210',
  name: 'prefer-minimal-base',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Switch to -slim / -alpine',
  docs: {
    summary: 'The final image is built on the full variant of an official language image.',
    why: 'The default `node`, `python`, `ruby`, `golang` … images carry compilers, headers and hundreds of packages for building software. Shipping them in the final image makes it several times larger, slower to pull and exposed to more vulnerabilities. The `-slim` and `-alpine` variants hold just the runtime.',
  },
  checkStage(model: DockerfileModel, final: Stage, context: RuleContext) {
    // The final stage is the image that runs.
    if (final !== model.finalStage) return;
    const lineage = model.lineage(final);
    const root = lineage[0];
    const image = root.image;
    if (!image || !image.official || !root.imageRange || !FULL_BY_DEFAULT.has(image.repository)) return;
    if (!runsAnApp(lineage, final)) return;
    const facts = tagFacts(image.repository);
    if (!facts) return;
    const tag = image.tag ?? 'latest';
    if (SMALL_OR_OTHER_OS.test(tag)) return;
    const parts = splitTag(tag, facts.variants);
    const options = smallerVariants(parts.variant, facts.variants);
    if (options.length === 0) return;

    const fixes: Fix[] = [];
    if (!image.digest) {
      options.forEach((option, i) => {
        const edit = tagEdit(root, parts, option.variant);
        if (edit) fixes.push({ title: `Switch to ${image.repository}:${newTag(parts.version, option.variant)}`, edits: [edit], preferred: i === 0 });
      });
    }
    const written = root.imageText ?? image.repository;
    const labels = options.map((o) => `'-${o.label}'`).join(' or ');
    const go = image.repository === 'golang';
    context.report({
      range: root.imageRange,
      message: go
        ? `'${written}' is the whole Go toolchain, and the final image needs none of it to run a compiled binary. Copy the binary into scratch, distroless or a ${labels} image instead.`
        : `'${written}' is the full image, with compilers and build libraries the app rarely needs at run time. Use its ${labels} variant for the final image.`,
      fixes,
    });
  },
});

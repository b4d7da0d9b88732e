/**
 * What a base image reference in `FROM` (or `--from=`) is: family, variant and its
 * rough size, whether the tag moves, and the slimmer variants the bundled tag table
 * knows of.
 */
import type { ImageRef } from '../image-ref';
import { TAG_TABLE_DATE, lineOf, tagFacts, type ImageTagFacts } from '../image-tags';

const FAMILIES: Readonly<Record<string, string>> = {
  node: 'Node.js', python: 'Python', golang: 'Go', nginx: 'nginx', postgres: 'PostgreSQL', redis: 'Redis',
  alpine: 'Alpine Linux', debian: 'Debian', ubuntu: 'Ubuntu', mysql: 'MySQL', mariadb: 'MariaDB', mongo: 'MongoDB',
  rabbitmq: 'RabbitMQ', httpd: 'Apache httpd', php: 'PHP', ruby: 'Ruby', 'eclipse-temurin': 'Java (Eclipse Temurin)',
  rust: 'Rust', busybox: 'BusyBox', traefik: 'Traefik', caddy: 'Caddy', memcached: 'Memcached',
  elasticsearch: 'Elasticsearch', haproxy: 'HAProxy', bash: 'Bash', gcc: 'GCC', openjdk: 'OpenJDK (deprecated image)',
  maven: 'Maven', gradle: 'Gradle', amazoncorretto: 'Java (Amazon Corretto)', wordpress: 'WordPress', nextcloud: 'Nextcloud',
  tomcat: 'Tomcat', perl: 'Perl', erlang: 'Erlang', elixir: 'Elixir', almalinux: 'AlmaLinux', fedora: 'Fedora',
  amazonlinux: 'Amazon Linux', composer: 'PHP Composer', sapmachine: 'Java (SapMachine)', 'hello-world': 'hello-world',
};

const DEBIAN = ['trixie', 'bookworm', 'bullseye', 'buster'];
const DEBIAN_VERSION: Readonly<Record<string, string>> = { trixie: '13', bookworm: '12', bullseye: '11', buster: '10' };
const UBUNTU: Readonly<Record<string, string>> = { noble: '24.04', jammy: '22.04', focal: '20.04', plucky: '25.04', questing: '25.10' };

type SizeClass = 'scratch' | 'distroless' | 'alpine' | 'slim' | 'full' | 'windows' | 'unknown';

const SIZE_TEXT: Readonly<Record<SizeClass, string>> = {
  scratch: 'nothing at all (0 MB)',
  distroless: 'distroless: about 20 MB, no shell or package manager (the static variant about 2 MB)',
  alpine: 'Alpine: about 5 MB of base OS (musl libc, BusyBox) plus the runtime',
  slim: 'slim: about 30–80 MB of trimmed Debian plus the runtime',
  full: 'full Debian-based image, typically several hundred MB (language images add compilers and build tools)',
  windows: 'Windows Server Core: several GB',
  unknown: 'not known for this tag',
};
const SIZE_RANK: Readonly<Record<SizeClass, number>> = { scratch: 0, distroless: 1, alpine: 2, slim: 3, full: 4, windows: 5, unknown: 6 };

function sizeClassOf(variant: string): SizeClass {
  if (/windows|nanoserver/.test(variant)) return 'windows';
  if (/alpine/.test(variant)) return 'alpine';
  if (/slim/.test(variant)) return 'slim';
  if (/distroless/.test(variant)) return 'distroless';
  return 'full';
}

/** The OS a variant tag names (`bookworm-slim` → Debian 12 bookworm). */
function osOf(variant: string): string | undefined {
  const alpine = /alpine(\d+\.\d+)?/.exec(variant);
  if (alpine) return alpine[1] ? `Alpine ${alpine[1]}` : 'Alpine (newest release the image ships)';
  const debian = DEBIAN.find((d) => variant.includes(d));
  if (debian) return `Debian ${DEBIAN_VERSION[debian]} ${debian}`;
  const ubuntu = Object.keys(UBUNTU).find((u) => variant.includes(u));
  if (ubuntu) return `Ubuntu ${UBUNTU[ubuntu]} ${ubuntu}`;
  if (/windowsservercore/.test(variant)) return 'Windows Server Core';
  if (/nanoserver/.test(variant)) return 'Windows Nano Server';
  return undefined;
}

/** Splits `24.19-bookworm-slim` into version `24.19` and variant `bookworm-slim`. */
export function splitTag(tag: string, facts?: ImageTagFacts): { version?: string; variant?: string } {
  const m = /^v?(\d+(?:\.\d+)*)(?:-(.+))?$/.exec(tag);
  if (m) return { version: m[1], variant: m[2] };
  if (facts?.aliases) {
    for (const alias of Object.keys(facts.aliases)) {
      if (tag === alias) return { version: alias };
      if (tag.startsWith(alias + '-')) return { version: alias, variant: tag.slice(alias.length + 1) };
    }
  }
  return { variant: tag };
}

function defaultDebian(facts: ImageTagFacts | undefined): string | undefined {
  const d = facts && DEBIAN.find((codename) => facts.variants.some((v) => v === codename || v.startsWith(codename + '-') || v.endsWith('-' + codename)));
  return d ? `Debian ${DEBIAN_VERSION[d]} ${d}` : undefined;
}

/** Markdown describing an image reference. `written` is the text in the file, `text` after ARG substitution. */
export function imageHover(ref: ImageRef, text: string, written: string): string {
  const repo = ref.repository;
  const out: string[] = [];
  const facts = ref.official ? tagFacts(repo) : undefined;
  const name = ref.registry ? `${ref.registry}/${repo}` : repo;
  if (repo === 'scratch' && !ref.registry) {
    return '**`scratch`**: the empty image, with no files, no shell and no user database. Size 0 MB. Fits statically linked binaries copied in from a build stage; `USER` must then be numeric.\n\n```dockerfile\nFROM scratch\nCOPY --from=build /out/app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n```';
  }
  const { version, variant } = ref.tag ? splitTag(ref.tag, facts) : { version: undefined, variant: undefined };

  // Family and variant.
  let family = FAMILIES[repo] ?? (ref.official ? repo : undefined);
  let size: SizeClass = 'unknown';
  let os: string | undefined;
  if (/distroless/.test(name)) {
    family = `distroless (${repo.split('/').pop()})`;
    size = 'distroless';
  } else if (/chainguard|wolfi/.test(name)) {
    family = `Chainguard/Wolfi (${repo.split('/').pop()})`;
    size = 'distroless';
  } else if (ref.official) {
    if (repo === 'alpine') { size = 'alpine'; os = ref.tag && /^\d/.test(ref.tag) ? `Alpine ${ref.tag}` : undefined; }
    else if (repo === 'busybox') size = 'alpine';
    else if (variant) { size = sizeClassOf(variant); os = osOf(variant) ?? (size === 'slim' || size === 'full' ? defaultDebian(facts) : undefined); }
    else if (repo === 'debian' || repo === 'ubuntu') size = 'slim';
    else { size = 'full'; os = defaultDebian(facts); }
  } else if (variant) {
    const cls = sizeClassOf(variant);
    if (cls !== 'full') size = cls;
    os = osOf(variant);
  }
  const title = family ? `${family}${os ? ` on ${os}` : ''}` : name;
  out.push(`**\`${text}\`**: ${title}`);
  if (text !== written) out.push(`Written as \`${written}\`; resolves to \`${text}\` with the values known here (defaults, ARGs, .env).`);
  if (ref.registry) out.push(`Registry: \`${ref.registry}\`${ref.official ? ' (Docker Hub)' : ''}.`);
  else if (!ref.official) out.push('Docker Hub image from a user or organisation namespace (not an official image).');
  if (repo === 'debian' || repo === 'ubuntu') {
    out.push(`Size: about ${variant && /slim/.test(variant) ? '30–80' : '80–120'} MB.`);
  } else if (size !== 'unknown') out.push(`Size class: ${SIZE_TEXT[size]}.`);

  // Does the tag move?
  out.push(`Tag: ${floatText(ref, version, variant, facts)}`);

  // Slimmer variants.
  if (facts) {
    const current = repo === 'alpine' || repo === 'busybox' ? SIZE_RANK.alpine : SIZE_RANK[size];
    const slimmer = facts.variants.filter((v) => SIZE_RANK[sizeClassOf(v)] < current);
    const known = version !== undefined && (lineOf(facts, version) !== undefined || facts.aliases?.[version] !== undefined);
    const prefix = known ? `${version}-` : '';
    if (slimmer.length > 0) out.push(`Slimmer variants: ${slimmer.map((v) => `\`${repo}:${prefix}${v}\``).join(', ')}.`);
    else if (size === 'alpine') out.push('Already the smallest variant this image offers.');
    if (['golang', 'rust', 'gcc'].includes(repo)) out.push('For a static binary, build here and copy the result into `scratch` or a distroless image in a final stage.');
    if (facts.deprecated) out.push(`This image is deprecated${facts.alternatives?.length ? `; consider ${facts.alternatives.map((a) => `\`${a}\``).join(', ')}` : ''}.`);
    out.push(`_Tag facts from the bundled official-images table of ${TAG_TABLE_DATE}._`);
  }
  return out.join('\n\n');
}

function floatText(ref: ImageRef, version: string | undefined, variant: string | undefined, facts: ImageTagFacts | undefined): string {
  if (ref.digest) return `pinned by digest (\`${ref.digest.slice(0, 19)}…\`): always the same image${ref.tag ? `; the tag \`${ref.tag}\` is only informational` : ''}.`;
  if (!ref.tag || ref.tag === 'latest') {
    const now = facts?.latestTagIs ? ` (currently \`${facts.latestTagIs}\`)` : '';
    return `${ref.tag ? '`latest`' : 'none, so `latest`'}: **floats** to whatever is published last${now}, including new major versions. Name a version${facts?.recommended ? `, e.g. \`${ref.repository}:${facts.recommended}\`` : ''}.`;
  }
  if (!version) return `\`${ref.tag}\` names a variant, not a version: **floats** across major versions.`;
  if (facts?.aliases?.[version]) return `\`${version}\` is an alias, currently for the \`${facts.aliases[version]}\` line: **floats** to a new major version when the alias moves.`;
  const suffix = variant ? ` (${variant})` : '';
  if (facts) {
    const line = lineOf(facts, version);
    if (!line && facts.lines.length > 0 && /^\d/.test(version)) {
      return `\`${version}\`${suffix} is not among the maintained lines (${facts.lines.map((l) => `\`${l}\``).join(', ')}), so it no longer gets updates.`;
    }
    const exact = line ? facts.latestExact[line] : undefined;
    if (line && version === line) return `follows the \`${line}\` line${suffix}: **floats** within it (minor and patch updates${exact ? `; newest known \`${exact}\`` : ''}).`;
    if (exact && version === exact) return `exact version \`${version}\`${suffix}: fixed, though the tag can be rebuilt for OS updates; add a digest for a byte-identical base.`;
  }
  const parts = version.split('.').length;
  if (parts >= 3) return `exact version \`${version}\`${suffix}: fixed, though the tag can be rebuilt for OS updates; add a digest for a byte-identical base.`;
  return `\`${version}\`${suffix}: **floats** within that version line (${parts === 1 ? 'minor and patch' : 'patch'} updates).`;
}

import type { Argument, Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../dockerfile/model';
import { instructionsRule, type RuleContext } from '../rule';
import type { Range } from '../types';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];
const MAX_PORT = 65535;

/** The range of `value.slice(from, to)` inside the argument, or the whole argument when it is not written verbatim (quotes, continuations). */
function partRange(model: DockerfileModel, argument: Argument, from: number, to: number): Range {
  const whole = argument.getRange();
  const start = model.lines.offsetAt(whole.start);
  if (model.text.slice(start, model.lines.offsetAt(whole.end)) !== argument.getValue()) return whole;
  return model.lines.range(start + from, start + to);
}

/** What is wrong with one `EXPOSE` word, or undefined when BuildKit accepts it. */
function problem(value: string): { message: string; from: number; to: number } | undefined {
  const whole = { from: 0, to: value.length };
  const colon = value.lastIndexOf(':');
  if (colon >= 0) {
    const container = value.slice(colon + 1);
    return { ...whole, message: `'${value}' maps a host address or port, which EXPOSE cannot do; expose the container port '${container}' and publish it with \`docker run -p\` or Compose \`ports:\`.` };
  }
  const slash = value.indexOf('/');
  const port = slash < 0 ? value : value.slice(0, slash);
  const protocol = slash < 0 ? undefined : value.slice(slash + 1);
  const range = /^(\d+)(?:-(\d+))?$/.exec(port);
  if (!range) return { from: 0, to: port.length, message: `'${port}' is not a port number; EXPOSE takes ports such as 80, 53/udp or 8000-8010.` };
  const start = Number(range[1]);
  const end = range[2] === undefined ? start : Number(range[2]);
  if (start > MAX_PORT || end > MAX_PORT) {
    return { from: 0, to: port.length, message: `Port '${port}' is outside 0-${MAX_PORT}; use a valid port number.` };
  }
  if (start > end) return { from: 0, to: port.length, message: `Port range '${port}' starts above its end; write it as '${end}-${start}'.` };
  if (!protocol) return undefined;
  const at = { from: slash + 1, to: value.length };
  if (PROTOCOLS.includes(protocol)) return undefined;
  if (PROTOCOLS.includes(protocol.toLowerCase())) return { ...at, message: `Protocol '${protocol}' must be lowercase: write '${protocol.toLowerCase()}'.` };
  return { ...at, message: `Unknown protocol '${protocol}'; EXPOSE accepts tcp, udp or sctp.` };
}

export const df405 = instructionsRule({
  id: 'DF405',
  name: 'expose-valid',
  severity: 'error',
  language: 'dockerfile',
  peers: ['DL3011', 'ExposeInvalidFormat', 'ExposeProtoCasing'],
  docs: {
    summary: 'An `EXPOSE` port is out of range, a range is reversed, the protocol is unknown or not lowercase, or a host mapping is written.',
    why: 'EXPOSE records which container ports the image listens on. A port above 65535, a reversed range or a protocol other than tcp, udp or sctp makes the build fail, an uppercase protocol only works because BuildKit lowercases it, and a host mapping such as `8080:80` is silently reduced to the container port: publishing a host port is a run-time decision for `docker run -p` or Compose.',
  },
  checkInstructions(model: DockerfileModel, instructions: readonly Instruction[], context: RuleContext) {
    for (const instruction of instructions) {
      if (instruction.getKeyword() !== 'EXPOSE') continue;
      for (const argument of instruction.getArguments()) {
        const written = argument.getValue();
        // Values from variables are only known at build time.
        if (written.includes('$')) continue;
        const quoted = /^(["']).+\1$/.test(written) ? 1 : 0;
        const found = problem(written.slice(quoted, written.length - quoted));
        if (found) context.report({ range: partRange(model, argument, found.from + quoted, found.to + quoted), message: found.message });
      }
    }
  },
});

import { isScalar } from 'yaml';
import type { ComposeModel } from '../compose/model';
import { parseImageRef } from '../image-ref';
import { floatingVariant, pinFixes, pinMessage } from '../pin';
import type { ComposeRule, RuleContext } from '../rule';
import type { TextEdit } from '../types';
import { composeScope } from '../compose/environment';
import { substitute } from '../variables';

/**
 * Where the tag goes in the written value: the tag itself, the `latest` default of a
 * `${VAR:-latest}` tag, or just after the name when there is no tag.
 */
function tagSpan(written: string): { start: number; end: number } | undefined {
  const defaulted = /^([^$]+):\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}$/.exec(written);
  if (defaulted) {
    const start = written.length - 1 - defaulted[2].length;
    return { start, end: written.length - 1 };
  }
  if (written.includes('$') || written.includes('@')) return undefined;
  const slash = written.lastIndexOf('/');
  const colon = written.lastIndexOf(':');
  return colon > slash ? { start: colon + 1, end: written.length } : { start: written.length, end: written.length };
}

export const dc301: ComposeRule = {
  id: 'DC301',
  name: 'pin-image-tag',
  severity: 'warning',
  language: 'dockercompose',
  fix: 'Pin tag',
  peers: ['service-image-require-explicit-tag'],
  docs: {
    summary: 'A service image has no version tag or digest, uses `latest`, or defaults to `latest`.',
    why: 'A floating tag pulls whatever was published last, so the same Compose file starts different software on different days and machines. A database that silently moves to a new major version may not even start on its old data. Pin a version.',
  },
  check(model: ComposeModel, context: RuleContext) {
    const images = model.services.flatMap((s) => {
      const entry = model.get(s.node, 'image');
      return entry && isScalar(entry.value) ? [entry.value] : [];
    });
    const unique = [...new Set(images)];
    const scope = composeScope(context.files);
    const refs = unique.map((node) => {
      const written = model.scalarText(node) ?? '';
      const text = substitute(written, scope);
      return { node, written, ref: text === undefined ? undefined : parseImageRef(text) };
    });
    const pinned = new Map<string, string[]>();
    for (const { ref } of refs) {
      if (ref?.tag && !ref.digest && floatingVariant(ref) === undefined) pinned.set(ref.repository, [...(pinned.get(ref.repository) ?? []), ref.tag]);
    }
    for (const { node, written, ref } of refs) {
      if (!ref) continue;
      const variant = floatingVariant(ref);
      if (variant === undefined) continue;
      const { message, fixes } = pinMessage(written, ref, variant, pinned.get(ref.repository) ?? []);
      const valueStart = model.valueOffset(node);
      const span = tagSpan(written);
      let edit: ((tag: string) => TextEdit) | undefined;
      if (valueStart !== undefined && span) {
        const range = model.lines.range(valueStart + span.start, valueStart + span.end);
        const separator = span.start === written.length ? ':' : '';
        edit = (tag) => ({ range, newText: separator + tag });
      }
      context.report({ range: model.rangeOf(node), message, fixes: edit ? pinFixes(ref.repository, fixes, edit) : [] });
    }
  },
};

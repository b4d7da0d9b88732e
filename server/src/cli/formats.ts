import { RULES, type Finding, type Severity } from '../engine';

export interface FileResult {
  filePath: string;
  findings: Finding[];
}

/** The JSON shape other programs read: positions are 1-based here and only here. */
export function toJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      })),
    })),
    null,
    2,
  );
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(results: readonly FileResult[], version: string, docsBase: string): string {
  const rules = RULES.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.docs.summary },
    fullDescription: { text: r.docs.why },
    helpUri: `${docsBase}${r.id}.md`,
    defaultConfiguration: { level: r.severity === 'off' ? 'none' : SARIF_LEVEL[r.severity] },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'docker-patterns', version, informationUri: docsBase, rules } },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: rules.findIndex((x) => x.id === f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.filePath.split('\\').join('/') },
                  region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' };

/** Human-readable output grouped by file, in the style of ESLint's "stylish". */
export function toStylish(results: readonly FileResult[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) {
    if (r.findings.length === 0) continue;
    lines.push(r.filePath);
    for (const f of r.findings) {
      counts[f.severity]++;
      lines.push(`  ${f.range.start.line + 1}:${f.range.start.character + 1}  ${LABEL[f.severity].padEnd(7)}  ${f.message}  ${f.ruleId}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  lines.push(
    total === 0
      ? `No problems in ${results.length} file${results.length === 1 ? '' : 's'}.`
      : `${total} problem${total === 1 ? '' : 's'} (${counts.error} error, ${counts.warning} warning, ${counts.info} info, ${counts.hint} hint) in ${results.length} file${results.length === 1 ? '' : 's'}.`,
  );
  return lines.join('\n');
}

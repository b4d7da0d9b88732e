import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  LSPErrorCodes,
  MarkupKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  ResponseError,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hover, ignoreActions, languageOf, lint, parse, ruleDocUrl, type Finding, type Fix, type Language, type ParsedDocument, type Severity } from '../engine';
import { rangesEqual } from '../engine/text';
import { siblingFiles } from '../host/files';
import { idleCollection, processHooks } from './idle-collection';
import { markdownToPlainText } from './plaintext';
import { loadProjectConfig } from '../host/project-config';
import { DEFAULT_SETTINGS, engineConfig, readSettings, type Settings } from '../host/settings';
import { mergeConfigs, type EngineConfig } from '../engine';

const SOURCE = 'docker-patterns';
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule docs shipped beside the bundle (`dist/server.js` → `docs/rules/`). */
const DOCS_BASE = pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href + '/';

interface Analysis {
  version: number;
  parsed: ParsedDocument;
  findings: Finding[];
}

const connection = createConnection(ProposedFeatures.all, {
  // A request the client cancels while it still waits in the queue is answered without being run.
  cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: 'id' in message ? (message.id as number | string | null) : null, error: { code: LSPErrorCodes.RequestCancelled, message: 'Cancelled before it ran' } }),
});
const documents = new TextDocuments(TextDocument);
const analyses = new Map<string, Analysis>();
/** Per document, the cancel of its scheduled analysis. */
const pending = new Map<string, () => void>();
/** When each document's last analysis ended and how long it took (performance.now() ms; 0 after a first analysis). */
const lastAnalysis = new Map<string, { end: number; ms: number }>();
const reportedRuleErrors = new Set<string>();
/** Project config per folder; dropped whenever a config file changes. */
const folderConfigs = new Map<string, EngineConfig>();
const idle = idleCollection(processHooks(() => pending.size > 0));
let settings: Settings = DEFAULT_SETTINGS;
let pullConfiguration = false;
/** The client takes only plain text in hovers (it did not list markdown). */
let plainHovers = false;

function languageFor(document: TextDocument): Language | undefined {
  const byName = languageOf(decodeURIComponent(document.uri));
  switch (document.languageId) {
    case 'dockerfile':
      return 'dockerfile';
    case 'dockercompose':
      return 'dockercompose';
    case 'ignore':
    case 'dockerignore':
      return byName === 'dockerignore' ? 'dockerignore' : undefined;
    default:
      // Compose files VS Code opened as plain YAML, and files named like Dockerfiles.
      return byName;
  }
}

function filePath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function configFor(path: string | undefined): EngineConfig {
  if (!path) return engineConfig(settings);
  const folder = dirname(path);
  let project = folderConfigs.get(folder);
  if (!project) {
    const loaded = loadProjectConfig(folder);
    for (const error of loaded.errors) connection.console.warn(`Ignoring config ${error}`);
    project = loaded.config;
    folderConfigs.set(folder, project);
  }
  // The user's own settings win over the project's files.
  return mergeConfigs(project, engineConfig(settings));
}

/** Lints the document's current version, reusing the result while the version holds. */
function analyse(document: TextDocument): Analysis | undefined {
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached;
  const language = languageFor(document);
  if (!language) return undefined;
  const path = filePath(document.uri);
  const started = performance.now();
  // The last version's parse and findings are reused where the text is unchanged.
  const parsed = parse(document.getText(), language, cached?.parsed);
  const findings = lint(
    parsed,
    { fileName: path ?? document.uri, files: path ? siblingFiles(path) : undefined, config: configFor(path) },
    {
      onRuleError: (ruleId, error) => {
        const key = `${ruleId} ${document.uri}`;
        if (reportedRuleErrors.has(key)) return;
        reportedRuleErrors.add(key);
        connection.console.error(`Rule ${ruleId} failed on ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
      previous: cached?.parsed,
    },
  );
  const analysis = { version: document.version, parsed, findings };
  analyses.set(document.uri, analysis);
  const end = performance.now();
  // A first analysis parses everything; the edits after it only what changed, so it does not set their pace.
  lastAnalysis.set(document.uri, { end, ms: cached ? end - started : 0 });
  return analysis;
}

function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId, DOCS_BASE) },
    source: SOURCE,
    message: finding.message,
  };
}

function publish(uri: string): void {
  pending.delete(uri);
  const document = documents.get(uri);
  if (!document) return;
  const analysis = settings.enable ? analyse(document) : undefined;
  // The document may have changed while linting; never publish for an older version.
  if (documents.get(uri)?.version !== document.version) return;
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: (analysis?.findings ?? []).map(toDiagnostic) });
  idle.afterResponse();
}

/**
 * Shorter than the time between two keystrokes of a fast typist (120 words a minute is ten
 * keystrokes a second): no backlog can build up, so waiting would only delay.
 */
const FAST_ANALYSIS_MS = 100;

/**
 * An edit after a pause, or to a document that analyses fast, is analysed at once. While
 * edits keep coming, a document whose analysis is slow waits until as long as that analysis
 * took (150 ms at most) has passed since the last one ended, so typing in a large file
 * leaves the server time to answer.
 */
function debounceFor(document: TextDocument): number {
  const last = lastAnalysis.get(document.uri);
  if (!last || last.ms < FAST_ANALYSIS_MS) return 0;
  return Math.max(0, Math.min(150, Math.round(last.ms - (performance.now() - last.end))));
}

function cancelScheduled(uri: string): void {
  pending.get(uri)?.();
  pending.delete(uri);
}

function schedule(document: TextDocument): void {
  const uri = document.uri;
  cancelScheduled(uri);
  const delay = debounceFor(document);
  if (delay === 0) {
    const immediate = setImmediate(() => publish(uri));
    pending.set(uri, () => clearImmediate(immediate));
  } else {
    const timer = setTimeout(() => publish(uri), delay);
    pending.set(uri, () => clearTimeout(timer));
  }
}

async function refreshSettings(changed?: unknown): Promise<void> {
  if (pullConfiguration) {
    settings = readSettings(await connection.workspace.getConfiguration('dockerPatterns'));
  } else if (changed && typeof changed === 'object') {
    settings = readSettings((changed as { dockerPatterns?: unknown }).dockerPatterns);
  }
  analyses.clear();
  for (const document of documents.all()) schedule(document);
}

connection.onInitialize((params): InitializeResult => {
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  const formats = params.capabilities.textDocument?.hover?.contentFormat;
  plainHovers = formats !== undefined && !formats.includes(MarkupKind.Markdown);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      hoverProvider: true,
    },
    serverInfo: { name: 'docker-patterns' },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) void refreshSettings();
});

connection.onDidChangeConfiguration((change) => void refreshSettings(change.settings));

documents.onDidChangeContent((change) => schedule(change.document));

// Config files and the files rules read beside a document (.dockerignore, lockfiles) changed.
connection.onDidChangeWatchedFiles(() => {
  folderConfigs.clear();
  analyses.clear();
  for (const document of documents.all()) schedule(document);
});

documents.onDidClose((event) => {
  const uri = event.document.uri;
  cancelScheduled(uri);
  analyses.delete(uri);
  lastAnalysis.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

/** A fix as a workspace edit; files it creates are made beside the document, never overwritten. */
function workspaceEdit(uri: string, fix: Fix): WorkspaceEdit {
  if (!fix.createFiles?.length) return { changes: { [uri]: fix.edits } };
  const created = fix.createFiles.flatMap((file) => {
    const target = new URL(file.path, uri).href;
    return [
      { kind: 'create' as const, uri: target, options: { ignoreIfExists: true } },
      { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.content }] },
    ];
  });
  const own = fix.edits.length ? [{ textDocument: { uri, version: null }, edits: fix.edits }] : [];
  return { documentChanges: [...created, ...own] };
}

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  const analysis = document && settings.enable ? analyse(document) : undefined;
  if (!analysis) return [];
  const actions: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
  let matched = 0;
  for (const diagnostic of ours) {
    const finding = analysis.findings.find((f) => f.ruleId === diagnostic.code && rangesEqual(f.range, diagnostic.range));
    if (!finding) continue;
    matched++;
    for (const fix of [...finding.fixes, ...ignoreActions(analysis.parsed, finding)]) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: workspaceEdit(params.textDocument.uri, fix),
      });
    }
  }
  // Only diagnostics of an older version: a fix planned on that text could land anywhere now.
  if (ours.length > 0 && matched === 0) return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed since these diagnostics were published');
  return actions;
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const analysis = document && settings.enable ? analyse(document) : undefined;
  if (!analysis) return null;
  const path = filePath(params.textDocument.uri);
  const result = hover(analysis.parsed, params.position, analysis.findings, { docsBase: DOCS_BASE, files: path ? siblingFiles(path) : undefined });
  if (!result) return null;
  const contents = plainHovers ? { kind: MarkupKind.PlainText, value: markdownToPlainText(result.contents) } : { kind: MarkupKind.Markdown, value: result.contents };
  return { contents, range: result.range };
});

documents.listen(connection);
connection.listen();

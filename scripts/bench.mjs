#!/usr/bin/env node
// npm run bench — latency and memory of the Docker Patterns language server and CLI, side by side
// with the peers (dockerfile-language-server-nodejs for Dockerfiles, yaml-language-server with the
// Compose schema for Compose files), over ../shared/corpus and ../shared/corpus/large.
// Not part of `npm test`. See the "Performance" section of README.md.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = path.resolve(ROOT, "..", "shared");
const HARNESS = path.join(SHARED, "bench", "lsp-bench.mjs");
const MAKE_LARGE = path.join(SHARED, "bench", "make-large.mjs");
const CORPUS = path.join(SHARED, "corpus");
const LARGE = path.join(CORPUS, "large");
const LARGE_FILES = ["Dockerfile.1k", "Dockerfile.10k", "compose.3k.yaml"];
const PEERS = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "docker-patterns", "peers");
const PEER_PACKAGES = { "dockerfile-language-server-nodejs": "0.15.0", "yaml-language-server": "1.25.0" };
const COMPOSE_SCHEMA = path.join(ROOT, "server", "src", "engine", "data", "compose-spec.json");

const USAGE = `usage: npm run bench [-- options]     (node scripts/bench.mjs [options])

Expects a current build: run \`npm run build\` first (the bench builds nothing; it runs
bin/docker-patterns-language-server.js and bin/docker-patterns.js, i.e. dist/).

Runs, one after the other (run it on an otherwise idle machine):
  1. this server over ../shared/corpus/{dockerfile,compose} and ../shared/corpus/large
  2. dockerfile-language-server-nodejs@0.15.0 over the Dockerfiles + large Dockerfiles
  3. yaml-language-server@1.25.0 with the Compose schema over the Compose files + compose.3k.yaml
  4. the CLI over the whole corpus in one process (best of 3)
with ../shared/bench/lsp-bench.mjs, then prints per size bucket ours vs peer and the
targets of issue 6 with a pass/fail mark. Peers are installed once into
  ${PEERS}
A full run takes about 10 minutes (yaml-language-server waits 200 ms before every validation).

options:
  --quick        a quarter of the corpus + the large files, 4 edits and 2 hovers per file (~2 min)
  --json FILE    also write every figure (raw harness reports included) to FILE
  -h, --help     this text
`;

// ---------------------------------------------------------------- options
const opts = { quick: false, json: null };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--quick") opts.quick = true;
  else if (a === "--json") opts.json = process.argv[++i];
  else if (a === "-h" || a === "--help") { process.stdout.write(USAGE); process.exit(0); }
  else { process.stderr.write(`bench: unknown argument ${a}\n\n${USAGE}`); process.exit(2); }
}
if (opts.json === undefined) { process.stderr.write("bench: --json needs a file\n"); process.exit(2); }

const log = (s) => process.stderr.write(`bench: ${s}\n`);
const die = (s) => { log(s); process.exit(2); };

// ---------------------------------------------------------------- preconditions
for (const f of ["dist/server.js", "dist/cli.js"]) {
  if (!fs.existsSync(path.join(ROOT, f))) die(`${f} is missing: run \`npm run build\` first.`);
}
if (!fs.existsSync(HARNESS)) die(`harness not found: ${HARNESS}`);
if (!fs.existsSync(path.join(ROOT, "node_modules", "vscode-jsonrpc"))) die("node_modules/vscode-jsonrpc is missing: run `npm ci` first.");

function provisionPeers() {
  const installed = () => Object.entries(PEER_PACKAGES).every(([name, version]) => {
    try { return JSON.parse(fs.readFileSync(path.join(PEERS, "node_modules", name, "package.json"), "utf8")).version === version; }
    catch { return false; }
  });
  if (installed()) return;
  log(`installing peers into ${PEERS}`);
  fs.mkdirSync(PEERS, { recursive: true });
  const specs = Object.entries(PEER_PACKAGES).map(([n, v]) => `${n}@${v}`);
  const r = spawnSync("npm", ["install", "--prefix", PEERS, "--no-audit", "--no-fund", "--save-exact", ...specs], { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0 || !installed()) die("peer installation failed");
}

function ensureLarge() {
  if (LARGE_FILES.every((f) => fs.existsSync(path.join(LARGE, f)))) return;
  log("regenerating ../shared/corpus/large");
  const r = spawnSync(process.execPath, [MAKE_LARGE], { cwd: SHARED, stdio: "inherit" });
  if (r.status !== 0) die("make-large.mjs failed");
}

function corpusFiles(dir) {
  const d = path.join(CORPUS, dir);
  return fs.readdirSync(d).filter((e) => !e.startsWith(".") && !/\.(tsv|md|mjs|json)$/i.test(e)).sort().map((e) => path.join(d, e));
}

// ---------------------------------------------------------------- harness runs
function runHarness(label, server, files, extra = []) {
  const out = path.join(TMP, `${label.replace(/\W+/g, "-")}.json`);
  const args = [HARNESS, "--server", server, "--quiet", "--json", out,
    "--edits", String(opts.quick ? 4 : 10), "--hovers", String(opts.quick ? 2 : 5), ...extra, ...files];
  log(`${label}: ${files.length} files …`);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, LSP_BENCH_NODE_MODULES: path.join(ROOT, "node_modules") },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    p.stderr.on("data", (d) => { err += d; });
    p.on("exit", (code) => {
      if (code !== 0 || !fs.existsSync(out)) { process.stderr.write(err); die(`${label}: harness exited with ${code}`); }
      const rep = JSON.parse(fs.readFileSync(out, "utf8"));
      const t = rep.meta.totals;
      log(`${label}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s (timeouts ${t.timeouts}, errors ${t.errors}, crashes ${t.crashes})`);
      resolve(rep);
    });
  });
}

// ---------------------------------------------------------------- statistics (as in lsp-bench.mjs)
const BUCKETS = [["XS <50", 0, 50], ["S 50-199", 50, 200], ["M 200-999", 200, 1000], ["L 1k-4.9k", 1000, 5000], ["XL >=5k", 5000, Infinity]];
const bucketOf = (lines) => BUCKETS.find(([, lo, hi]) => lines >= lo && lines < hi)[0];
function quantile(values, q) {
  const v = values.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (!v.length) return null;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))]; // nearest rank
}
function stats(files) {
  return {
    files: files.length,
    openMed: quantile(files.map((f) => f.open), 0.5),
    openP95: quantile(files.map((f) => f.open), 0.95),
    editMed: quantile(files.flatMap((f) => f.changes), 0.5),
    editP95: quantile(files.flatMap((f) => f.changes), 0.95),
    hoverMed: quantile(files.flatMap((f) => f.hovers), 0.5),
    caMed: quantile(files.map((f) => f.codeAction), 0.5),
  };
}
function byBucket(files) {
  const out = {};
  for (const [name] of BUCKETS) {
    const fs_ = files.filter((f) => bucketOf(f.lines) === name);
    if (fs_.length) out[name] = stats(fs_);
  }
  out.ALL = stats(files);
  return out;
}
const isCompose = (f) => f.languageId !== "dockerfile";
const fileNamed = (rep, base) => rep.files.find((f) => path.basename(f.file) === base);

// ---------------------------------------------------------------- formatting
const ms = (x) => (x == null ? "-" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a, b) => (a == null || b == null || b === 0 ? "-" : `×${a / b >= 0.01 ? (a / b).toFixed(2) : (a / b).toPrecision(1)}`);
const mib = (kb) => (kb / 1024).toFixed(1);
function printTable(rows) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 || (i === 1 && rows[0][1] === "files") ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join("  ");
  console.log(line(rows[0]));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows.slice(1)) console.log(line(r));
}
const METRICS = [["open med", "openMed"], ["open p95", "openP95"], ["edit med", "editMed"], ["edit p95", "editP95"], ["hover med", "hoverMed"], ["codeAction med", "caMed"]];
function languageTable(title, peerName, ours, peer, ourRss, peerRss) {
  console.log(`\n## ${title}: docker-patterns vs ${peerName}   (ms; each cell: ours / peer ×ours÷peer)\n`);
  const o = byBucket(ours), p = byBucket(peer);
  const rows = [["bucket (lines)", "files", ...METRICS.map(([h]) => h)]];
  for (const name of [...BUCKETS.map(([n]) => n), "ALL"]) {
    if (!o[name] && !p[name]) continue;
    const a = o[name] || {}, b = p[name] || {};
    rows.push([name, `${a.files ?? 0}/${b.files ?? 0}`, ...METRICS.map(([, k]) => `${ms(a[k])} / ${ms(b[k])} ${ratio(a[k], b[k])}`)]);
  }
  printTable(rows);
  console.log(`peak RSS: ours ${mib(ourRss)} MiB (one process, Dockerfiles and Compose files together) / peer ${mib(peerRss)} MiB ${ratio(ourRss, peerRss)}`);
}

// ---------------------------------------------------------------- main
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "docker-patterns-bench-"));
const tStart = performance.now();
provisionPeers();
ensureLarge();

const pick = (list) => (opts.quick ? list.filter((_, i) => i % 4 === 0) : list);
const dockerfiles = [...pick(corpusFiles("dockerfile")), path.join(LARGE, "Dockerfile.1k"), path.join(LARGE, "Dockerfile.10k")];
const composeFiles = [...pick(corpusFiles("compose")), path.join(LARGE, "compose.3k.yaml")];

const yamlSettings = {
  yaml: { schemas: { [pathToFileURL(COMPOSE_SCHEMA).href]: ["*.yml", "*.yaml"] }, schemaStore: { enable: false }, validate: true, hover: true, completion: true },
  http: { proxy: "", proxyStrictSSL: false },
  "[yaml]": { "editor.tabSize": 2, "editor.insertSpaces": true },
  editor: { detectIndentation: false },
};

const ours = await runHarness("docker-patterns server", "node bin/docker-patterns-language-server.js --stdio", [...dockerfiles, ...composeFiles]);
const dfPeer = await runHarness("dockerfile-language-server-nodejs", `node ${path.join(PEERS, "node_modules/dockerfile-language-server-nodejs/lib/server.js")} --stdio`, dockerfiles);
const yamlPeer = await runHarness("yaml-language-server", `node ${path.join(PEERS, "node_modules/yaml-language-server/bin/yaml-language-server")} --stdio`, composeFiles, ["--settings", JSON.stringify(yamlSettings)]);

// CLI over the whole corpus, one process, best of 3
log("CLI over the corpus, best of 3 …");
const cliArgs = [path.join(ROOT, "bin", "docker-patterns.js"), "lint", "--format", "json", path.join(CORPUS, "dockerfile"), path.join(CORPUS, "compose")];
const cliRuns = [];
let cliFiles = null;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, cliArgs, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) { process.stderr.write(r.stderr || ""); die(`CLI exited with ${r.status}`); }
  cliFiles = JSON.parse(r.stdout).length;
  cliRuns.push(wall);
}
const cliBest = Math.min(...cliRuns);

// ---------------------------------------------------------------- report
const oursDf = ours.files.filter((f) => !isCompose(f));
const oursCo = ours.files.filter(isCompose);
const ourRss = ours.meta.totals.peakRssKb;

console.log(`# docker-patterns bench${opts.quick ? " (--quick: a quarter of the corpus, 4 edits / 2 hovers per file)" : ""}`);
console.log(`${new Date().toISOString()}  node ${process.version}  ${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "cpu"}  ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log(`open = didOpen→diagnostics, edit = didChange→diagnostics, hover and codeAction = request round trip; lsp-bench.mjs, push diagnostics.`);
console.log(`servers: docker-patterns ${JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version}, dockerfile-language-server-nodejs ${PEER_PACKAGES["dockerfile-language-server-nodejs"]}, yaml-language-server ${PEER_PACKAGES["yaml-language-server"]} (schema: server/src/engine/data/compose-spec.json, schemaStore off)`);
for (const [n, r] of [["docker-patterns", ours], ["dockerfile-ls", dfPeer], ["yaml-ls", yamlPeer]]) {
  const t = r.meta.totals;
  console.log(`  ${n}: ${t.files} files, wall ${(t.wallMs / 1000).toFixed(1)} s, init ${r.meta.initMs.toFixed(0)} ms, timeouts ${t.timeouts}, errors ${t.errors}, crashes ${t.crashes}`);
}

languageTable("Dockerfiles", "dockerfile-language-server-nodejs 0.15.0", oursDf, dfPeer.files, ourRss, dfPeer.meta.totals.peakRssKb);
languageTable("Compose files", "yaml-language-server 1.25.0 + Compose schema", oursCo, yamlPeer.files, ourRss, yamlPeer.meta.totals.peakRssKb);
console.log("yaml-language-server waits a fixed 200 ms before validating: its edit floor is ~200 ms whatever the file.");

console.log(`\n## CLI\n\nnode bin/docker-patterns.js lint --format json ../shared/corpus/dockerfile ../shared/corpus/compose`);
console.log(`${cliFiles} files, wall ${cliRuns.map((x) => (x / 1000).toFixed(2)).join(" / ")} s, best ${(cliBest / 1000).toFixed(2)} s`);

// targets of issue 6
const targets = [];
const target = (name, value, limit, unit, pass) => targets.push({ name, value, limit, unit, pass: value != null && pass });
{
  const o = byBucket(oursDf), p = byBucket(dfPeer.files);
  for (const [name] of BUCKETS) {
    if (!o[name] || !p[name]) continue;
    const r = o[name].openMed / p[name].openMed;
    target(`Dockerfile open median ≤ 0.5× peer, ${name}`, r, 0.5, "×", r <= 0.5);
  }
  const f1k = fileNamed(ours, "Dockerfile.1k"), f10k = fileNamed(ours, "Dockerfile.10k"), c3k = fileNamed(ours, "compose.3k.yaml");
  target("Dockerfile.1k open", f1k?.open ?? null, 12, "ms", f1k?.open <= 12);
  const p1k = quantile(f1k?.changes ?? [], 0.95);
  target("Dockerfile.1k edit p95", p1k, 8, "ms", p1k <= 8);
  const p10k = quantile(f10k?.changes ?? [], 0.95);
  target("Dockerfile.10k edit p95", p10k, 40, "ms", p10k <= 40);
  const coCorpus = quantile(oursCo.filter((f) => path.dirname(f.file) !== LARGE).flatMap((f) => f.changes), 0.5);
  target("Compose edit median, corpus", coCorpus, 5, "ms", coCorpus <= 5);
  const co3k = quantile(c3k?.changes ?? [], 0.5);
  target("Compose edit median, compose.3k.yaml", co3k, 35, "ms", co3k <= 35);
  target("server peak RSS over the corpus run", ourRss / 1024, 80, "MiB", ourRss / 1024 <= 80);
  target("CLI over the corpus (best of 3)", cliBest / 1000, 2, "s", cliBest / 1000 <= 2);
}
console.log("\n## Targets (issue 6)\n");
printTable([["target", "value", "limit", "result"], ...targets.map((t) => [t.name, t.value == null ? "-" : `${t.unit === "×" ? "×" : ""}${t.unit === "×" ? t.value.toFixed(2) : ms(t.value)}${t.unit === "×" ? "" : " " + t.unit}`, `${t.unit === "×" ? "×" : ""}${t.limit}${t.unit === "×" ? "" : " " + t.unit}`, t.pass ? "PASS" : "FAIL"])]);
console.log(`\n${targets.filter((t) => t.pass).length}/${targets.length} targets met. Total bench time ${((performance.now() - tStart) / 1000).toFixed(0)} s.`);

if (opts.json) {
  fs.writeFileSync(opts.json, JSON.stringify({ quick: opts.quick, targets, cli: { files: cliFiles, runsMs: cliRuns, bestMs: cliBest }, reports: { ours, dockerfilePeer: dfPeer, yamlPeer } }, null, 1) + "\n");
  log(`wrote ${opts.json}`);
}
fs.rmSync(TMP, { recursive: true, force: true });

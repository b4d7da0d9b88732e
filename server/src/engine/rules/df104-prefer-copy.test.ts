import { testRule } from '../../test-support/rule-tester';
import { df104 } from './df104-prefer-copy';

const only = (names: string, many = false) =>
  `${names} ${many ? 'are local files or folders' : 'is a local file or folder'}, so ADD only copies ${many ? 'them' : 'it'}, exactly as COPY would. Use COPY, and keep ADD for URLs and archives it should unpack.`;

testRule(df104, {
  valid: [
    { name: 'archives ADD unpacks', code: 'FROM scratch\nADD alpine-minirootfs-3.22.0-x86_64.tar.gz /\nADD rootfs.tar.xz /\nADD data.tgz layer.tar.zst /opt/\nADD payload.gz /opt/\n' },
    { name: 'URLs and Git sources', code: 'FROM alpine:3.22\nADD https://github.com/moby/buildkit.git#v0.23.0 /src\nADD git@github.com:acme/private.git /src2\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool\n' },
    { name: 'flags only ADD has', code: 'FROM alpine:3.22\nADD --keep-git-dir=true https://github.com/opencontainers/runc.git#v1.3.0 .\nADD --unpack=true https://example.com/tool.tar.gz /opt/\n' },
    { name: 'sources that may be archives', code: 'ARG ARCHIVE=release.tar.gz\nFROM alpine:3.22\nADD $ARCHIVE /opt/\nADD vendor/* /opt/vendor/\n' },
    { name: 'COPY already, heredoc ADD, half-typed ADD', code: 'FROM alpine:3.22\nCOPY app.py /app/\nADD <<EOF /etc/motd\nhello\nEOF\nADD\nADD onlyone\n' },
  ],
  invalid: [
    {
      name: 'a local file; flags kept',
      code: 'FROM python:3.14-slim\nADD --chown=app:app --chmod=0755 app.py /app/\n',
      findings: [{ range: [1, 0, 1, 3], message: only("'app.py'"), fixes: [{ title: 'Replace ADD with COPY', output: 'FROM python:3.14-slim\nCOPY --chown=app:app --chmod=0755 app.py /app/\n' }] }],
    },
    {
      name: 'lowercase keyword stays lowercase; several sources; wildcard with an extension',
      code: 'from node:24\nadd package.json *.js ./\n',
      findings: [{ range: [1, 0, 1, 3], message: only("'package.json', '*.js'", true), fixes: [{ title: 'Replace ADD with COPY', output: 'from node:24\ncopy package.json *.js ./\n' }] }],
    },
    {
      name: 'JSON form with spaces and non-ASCII, CRLF',
      code: 'FROM nginx:1.30\r\nADD [ "Präsentation.html", "/usr/share/nginx/html/a b.html" ]\r\n',
      findings: [{ range: [1, 0, 1, 3], message: only("'Präsentation.html'"), fixes: [{ title: 'Replace ADD with COPY', output: 'FROM nginx:1.30\r\nCOPY [ "Präsentation.html", "/usr/share/nginx/html/a b.html" ]\r\n' }] }],
    },
    {
      name: 'escape directive and a continuation with a comment line',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2025\nADD `\n# the scripts\n    scripts C:/scripts\n',
      findings: [{ range: [2, 0, 2, 3], message: only("'scripts'"), fixes: [{ title: 'Replace ADD with COPY', output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2025\nCOPY `\n# the scripts\n    scripts C:/scripts\n' }] }],
    },
    {
      name: 'a local source mixed with an archive: no fix',
      code: 'FROM debian:13\nADD vendor.tar.gz README.md /opt/\n',
      findings: [{ range: [1, 0, 1, 3], message: "ADD only copies the local source 'README.md' but may download or unpack the others. Copy 'README.md' with a COPY of its own." }],
    },
  ],
});

import { testRule } from '../../test-support/rule-tester';
import { df405 } from './df405-expose-valid';

testRule(df405, {
  valid: [
    'FROM nginx:1.30\nEXPOSE 80 443/tcp 53/udp 9000-9005 2905/sctp 0 65535\n',
    { name: 'variables are only known at build time', code: 'FROM alpine:3.24\nARG PORT=8080\nEXPOSE $PORT ${ADMIN_PORT:-9000}/udp ${P}-9010\n' },
    { name: 'lowercase instruction, continuation with a comment line', code: 'from alpine:3.24\nexpose 80 \\\n# the admin port\n  8443/tcp\n' },
    { name: 'escape directive', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nEXPOSE 80 `\n  443\n' },
    { name: 'quoted port', code: 'FROM alpine:3.24\nEXPOSE "8080/udp"\n' },
    { name: 'an empty protocol means tcp', code: 'FROM alpine:3.24\nEXPOSE 80/\n' },
    { name: 'no EXPOSE arguments is left to DF508', code: 'FROM alpine:3.24\nEXPOSE\n' },
  ],
  invalid: [
    {
      name: 'port above 65535',
      code: 'FROM alpine:3.24\nEXPOSE 80 70000/tcp\n',
      findings: [{ range: [1, 10, 1, 15], message: "Port '70000' is outside 0-65535; use a valid port number." }],
    },
    {
      name: 'reversed range',
      code: 'FROM alpine:3.24\nEXPOSE 9005-9000\n',
      findings: [{ range: [1, 7, 1, 16], message: "Port range '9005-9000' starts above its end; write it as '9000-9005'." }],
    },
    {
      name: 'uppercase protocol, CRLF and non-ASCII before it',
      code: 'FROM alpine:3.24\r\nLABEL description="café"\r\nEXPOSE 80/TCP 53/Udp\r\n',
      findings: [
        { range: [2, 10, 2, 13], message: "Protocol 'TCP' must be lowercase: write 'tcp'." },
        { range: [2, 17, 2, 20], message: "Protocol 'Udp' must be lowercase: write 'udp'." },
      ],
    },
    {
      name: 'unknown protocol',
      code: 'FROM alpine:3.24\nEXPOSE 80/http\n',
      findings: [{ range: [1, 10, 1, 14], message: "Unknown protocol 'http'; EXPOSE accepts tcp, udp or sctp." }],
    },
    {
      name: 'host mapping',
      code: 'FROM alpine:3.24\nEXPOSE 8080:80\nEXPOSE 127.0.0.1:5432:5432/tcp\n',
      findings: [
        { range: [1, 7, 1, 14], message: "'8080:80' maps a host address or port, which EXPOSE cannot do; expose the container port '80' and publish it with `docker run -p` or Compose `ports:`." },
        { range: [2, 7, 2, 30], message: "'127.0.0.1:5432:5432/tcp' maps a host address or port, which EXPOSE cannot do; expose the container port '5432/tcp' and publish it with `docker run -p` or Compose `ports:`." },
      ],
    },
    {
      name: 'not a number, in a lowercase file',
      code: 'from alpine:3.24\nexpose http "8o"\n',
      findings: [
        { range: [1, 7, 1, 11], message: "'http' is not a port number; EXPOSE takes ports such as 80, 53/udp or 8000-8010." },
        { range: [1, 13, 1, 15], message: "'8o' is not a port number; EXPOSE takes ports such as 80, 53/udp or 8000-8010." },
      ],
    },
  ],
});

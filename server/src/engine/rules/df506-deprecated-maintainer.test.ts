import { testRule } from '../../test-support/rule-tester';
import { df506 } from './df506-deprecated-maintainer';

const MESSAGE = 'MAINTAINER is deprecated; record the author with LABEL org.opencontainers.image.authors instead.';
const TITLE = 'Replace with LABEL org.opencontainers.image.authors';

testRule(df506, {
  valid: [
    'FROM alpine:3.24\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    { name: 'the word in a label or a command', code: 'FROM alpine:3.24\nLABEL maintainer="Jane Doe"\nRUN echo MAINTAINER\n' },
  ],
  invalid: [
    {
      name: 'plain name and address',
      code: 'FROM alpine:3.24\nMAINTAINER Jane Doe <jane@example.com>\nRUN echo hi\n',
      findings: [
        {
          range: [1, 0, 1, 10],
          message: MESSAGE,
          fixes: [{ title: TITLE, output: 'FROM alpine:3.24\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN echo hi\n' }],
        },
      ],
    },
    {
      name: 'quotes, dollar and backslash stay literal; CRLF and non-ASCII',
      code: 'FROM alpine:3.24\r\nMAINTAINER José "Pepe" Núñez $HOME\\x\r\n',
      findings: [
        {
          range: [1, 0, 1, 10],
          message: MESSAGE,
          fixes: [{ title: TITLE, output: 'FROM alpine:3.24\r\nLABEL org.opencontainers.image.authors="José \\"Pepe\\" Núñez \\$HOME\\\\x"\r\n' }],
        },
      ],
    },
    {
      name: 'quoted whole, continued over a comment line, lowercase file',
      code: 'from alpine:3.24\nmaintainer "Jane \\\n# team lead\n  Doe"\nrun echo hi\n',
      findings: [
        {
          range: [1, 0, 1, 10],
          message: MESSAGE,
          fixes: [{ title: TITLE, output: 'from alpine:3.24\nlabel org.opencontainers.image.authors="Jane Doe"\nrun echo hi\n' }],
        },
      ],
    },
    {
      name: 'escape directive: the backtick escapes',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER Ops "C:\\team"\n',
      findings: [
        {
          range: [2, 0, 2, 10],
          message: MESSAGE,
          fixes: [{ title: TITLE, output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nLABEL org.opencontainers.image.authors="Ops `"C:\\team`""\n' }],
        },
      ],
    },
    {
      name: 'nothing to carry over',
      code: 'FROM alpine:3.24\nMAINTAINER\n',
      findings: [{ range: [1, 0, 1, 10], message: MESSAGE }],
    },
  ],
});

import { testRule } from '../../test-support/rule-tester';
import { dc302 } from './dc302-obsolete-version';

const MESSAGE = "The top-level 'version' is obsolete: Compose ignores it and warns on every run. Remove it.";
const TITLE = "Remove version: delete the obsolete top-level 'version' key";

testRule(dc302, {
  valid: ['services:\n  web:\n    image: nginx:1.30\n', { name: 'version inside a service is something else', code: 'services:\n  web:\n    image: nginx:1.30\n    labels:\n      version: "2"\n' }],
  invalid: [
    {
      code: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.30\n',
      findings: [{ range: [0, 0, 0, 7], message: MESSAGE, fixes: [{ title: TITLE, output: 'services:\n  web:\n    image: nginx:1.30\n' }] }],
    },
    {
      name: 'comments around it stay; CRLF',
      code: '# stack\r\nversion: \'3\'  # old\r\n\r\nservices: {}\r\n',
      findings: [{ range: [1, 0, 1, 7], message: MESSAGE, fixes: [{ title: TITLE, output: '# stack\r\n\r\nservices: {}\r\n' }] }],
    },
    {
      name: 'last line without a line break',
      code: 'services: {}\nversion: "3.9"',
      findings: [{ range: [1, 0, 1, 7], message: MESSAGE, fixes: [{ title: TITLE, output: 'services: {}\n' }] }],
    },
  ],
});

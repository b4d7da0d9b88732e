import { testRule } from '../../test-support/rule-tester';
import { di101 } from './di101-dockerignore-essentials';

testRule(di101, {
  valid: [
    '.git\n.env*\n',
    { name: 'node project with everything', code: '.git\n**/.env\n**/.env.*\nnode_modules\n', files: { 'package.json': '{}' } },
    { name: 'allow-list style covers everything', code: '*\n!src\n!package.json\n', files: { 'package.json': '{}' } },
    { name: 'a broader pattern covers .env', code: '.git\n.env*\n' },
  ],
  invalid: [
    {
      name: 'an empty file',
      code: '',
      findings: [
        {
          range: [0, 0, 0, 0],
          message: "This .dockerignore lets the repository history ('.git'), local secrets ('**/.env*') into the build context. Add those lines.",
          fixes: [{ title: 'Add the missing lines: .git, **/.env*', output: '.git\n**/.env*\n' }],
        },
      ],
    },
    {
      name: 'node project without node_modules; CRLF; no final line break',
      code: '# keep it small\r\n.git\r\n.env*',
      files: { 'package.json': '{}' },
      findings: [
        {
          range: [0, 0, 0, 15],
          message: "This .dockerignore lets dependencies the image installs itself ('**/node_modules') into the build context. Add that line.",
          fixes: [{ title: 'Add the missing lines: **/node_modules', output: '# keep it small\r\n.git\r\n.env*\r\n**/node_modules\r\n' }],
        },
      ],
    },
    {
      name: 'python project; a re-include undoes the ignore',
      code: '.git\n.env\n!.env\n__pycache__\n',
      files: { 'requirements.txt': 'flask\n' },
      findings: [
        {
          range: [0, 0, 0, 4],
          message: "This .dockerignore lets local secrets ('**/.env*'), the local virtual environment ('.venv'), bytecode caches ('**/__pycache__') into the build context. Add those lines.",
          fixes: [{ title: 'Add the missing lines: **/.env*, .venv, **/__pycache__', output: '.git\n.env\n!.env\n__pycache__\n**/.env*\n.venv\n**/__pycache__\n' }],
        },
      ],
    },
  ],
});

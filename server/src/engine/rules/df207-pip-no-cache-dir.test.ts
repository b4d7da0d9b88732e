import { testRule } from '../../test-support/rule-tester';
import { df207 } from './df207-pip-no-cache-dir';

const message = (label: string) => `'${label}' keeps the packages it downloads in pip's cache, which then ships with the image. Add '--no-cache-dir'.`;
const title = (command: string) => `Insert --no-cache-dir into '${command}'`;

testRule(df207, {
  valid: [
    'FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
    { name: 'flag before the action', code: 'FROM python:3.13-slim\nRUN pip --no-cache-dir install flask\n' },
    { name: 'ENV in the stage', code: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'pip reads any value as no cache, "off" included', code: 'FROM python:3.13-slim AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nRUN pip install flask\n' },
    { name: 'an ARG meant to be passed with --build-arg', code: 'FROM python:3.13-slim\nARG PIP_NO_CACHE_DIR\nRUN pip3 install flask\n' },
    { name: 'set for the command', code: 'FROM python:3.13-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'exported earlier in the RUN', code: 'FROM python:3.13-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n' },
    { name: 'cache mount on pip\'s cache', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' },
    { name: 'cache mount on all of ~/.cache', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache \\\n    python -m pip install -r requirements.txt\n' },
    { name: 'another user\'s cache on a mount', code: 'FROM python:3.13-slim\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install --user flask\n' },
    { name: 'PIP_CACHE_DIR on a mount', code: 'FROM python:3.13-slim\nENV PIP_CACHE_DIR=/var/cache/pip\nRUN --mount=type=cache,target=/var/cache/pip pip install flask\n' },
    { name: 'pip configured not to cache', code: 'FROM python:3.13-slim\nRUN pip config set global.no-cache-dir false\nRUN pip install flask\n' },
    {
      name: 'a builder stage whose venv is copied: its cache stays behind',
      code: 'FROM python:3.13 AS build\nRUN python -m venv /venv && /venv/bin/pip install -r requirements.txt\nFROM python:3.13-slim\nCOPY --from=build /venv /venv\n',
    },
    { name: 'not an install', code: 'FROM python:3.13-slim\nRUN pip download -d /wheels flask && pip list\n' },
    { name: 'heredoc with the flag, lowercase keywords', code: 'from python:3.13-slim\nrun <<EOF\npip install --no-cache-dir flask\nEOF\n' },
  ],
  invalid: [
    {
      name: 'requirements file',
      code: 'FROM python:3.13-slim\nRUN pip install -r requirements.txt\n',
      findings: [{ range: [1, 4, 1, 15], message: message('pip install'), fixes: [{ title: title('pip install'), output: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' }] }],
    },
    {
      name: 'upgrading pip itself also caches the wheel it downloads',
      code: 'FROM python:3.13-slim\nRUN python3 -m pip install --upgrade pip && pip3 install --no-cache-dir flask\n',
      findings: [
        {
          range: [1, 4, 1, 26],
          message: message('python3 -m pip install'),
          fixes: [{ title: title('python3 -m pip install pip'), output: 'FROM python:3.13-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip && pip3 install --no-cache-dir flask\n' }],
        },
      ],
    },
    {
      name: 'venv pip in the final stage, continuation lines, CRLF and wide characters',
      code: 'FROM python:3.13-slim\r\nRUN python -m venv /venv \\\r\n    # dépendances 🐍\r\n    && /venv/bin/pip install \\\r\n        flask\r\n',
      findings: [
        {
          range: [3, 7, 3, 28],
          message: message('/venv/bin/pip install'),
          fixes: [{ title: title('/venv/bin/pip install flask'), output: 'FROM python:3.13-slim\r\nRUN python -m venv /venv \\\r\n    # dépendances 🐍\r\n    && /venv/bin/pip install --no-cache-dir \\\r\n        flask\r\n' }],
        },
      ],
    },
    {
      name: 'exec form: reported without a fix',
      code: 'FROM python:3.13-slim\nRUN ["pip", "install", "flask"]\n',
      findings: [{ range: [1, 4, 1, 31], message: message('pip install') }],
    },
  ],
});

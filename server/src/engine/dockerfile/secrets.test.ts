import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSecretName, secretAssignments } from './secrets';

test('secret-like names, split into words', () => {
  for (const name of ['DB_PASSWORD', 'sa_password', 'MYSQLPASSWD', 'githubToken', 'NPM_TOKEN', 'SECRET_KEY_BASE', 'client-secret', 'OPENAI_API_KEY', 'apiKey', 'APIKEY', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'SSH_PRIVATE_KEY', 'api.key']) {
    assert.equal(isSecretName(name), true, name);
  }
  for (const name of ['GPG_KEY', 'PYTHON_GPG_KEY', 'GPG_KEYS', 'PUBLIC_KEY', 'MONKEY', 'TOKENIZERS_PARALLELISM', 'POSTGRES_PASSWORD_FILE', 'OAUTH_TOKEN_URL', 'SECRETS_DIR', 'PASSWORD_MIN_LENGTH', 'TOKEN_TYPE', 'PASSWORDLESS_LOGIN', 'KEY', '', '_']) {
    assert.equal(isSecretName(name), false, name);
  }
});

test('KEY=value lines with literal secrets, by offset', () => {
  const text = 'DB_HOST=db\nexport DB_PASSWORD="s3cret"\nAPI_TOKEN=$TOKEN\n[default]\\naws_secret_access_key=abc\\nDEBUG=1\nNO_PASSWORD=yes\n';
  assert.deepEqual(
    secretAssignments(text).map((a) => [a.key, a.value, text.slice(a.start, a.end)]),
    [
      ['DB_PASSWORD', 's3cret', 'DB_PASSWORD="s3cret"'],
      ['aws_secret_access_key', 'abc', 'aws_secret_access_key=abc'],
    ],
  );
});

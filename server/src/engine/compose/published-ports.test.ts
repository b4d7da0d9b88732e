import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ComposeModel } from './model';
import { portsClash, publishedPorts, type PublishedPort } from './published-ports';

function ports(...specs: string[]): Omit<PublishedPort, 'node'>[] {
  const model = new ComposeModel(`services:\n  s:\n    ports:\n${specs.map((s) => `      - ${s}\n`).join('')}`);
  return publishedPorts(model, model.services[0]).map(({ node: _node, ...rest }) => rest);
}

const at = (spec: string): PublishedPort => ({ ...ports(`"${spec}"`)[0], node: null as never });

test('reads the host side of short and long syntax ports', () => {
  assert.deepEqual(ports('"8080:80"', '"127.0.0.1:5000-5010:5000-5010/UDP"', '"[::1]:6001:6001"', '"0.0.0.0:80:80"', '"${WEB_PORT:-8443}:443"'), [
    { hostIp: '', first: 8080, last: 8080, protocol: 'tcp', spec: '8080:80' },
    { hostIp: '127.0.0.1', first: 5000, last: 5010, protocol: 'udp', spec: '127.0.0.1:5000-5010:5000-5010/UDP' },
    { hostIp: '::1', first: 6001, last: 6001, protocol: 'tcp', spec: '[::1]:6001:6001' },
    { hostIp: '', family: 4, first: 80, last: 80, protocol: 'tcp', spec: '0.0.0.0:80:80' },
    { hostIp: '', first: 8443, last: 8443, protocol: 'tcp', spec: '${WEB_PORT:-8443}:443' },
  ]);
  assert.deepEqual(ports('{ target: 80, published: "8000-8001", host_ip: "::", protocol: udp }'), [{ hostIp: '', family: 6, first: 8000, last: 8001, protocol: 'udp', spec: undefined }]);
  assert.deepEqual(ports('"80"', '"3000-3005"', '"127.0.0.1::80"', '"${PORT}:80"', '"abc:80"', '"70000:80"', '${PORTS}', '{ target: 80 }'), []);
});

test('clashes need the same protocol, overlapping ports and a shared address', () => {
  assert.ok(portsClash(at('8000-8010:80'), at('8010:80')));
  assert.ok(portsClash(at('8080:80'), at('127.0.0.1:8080:80')));
  assert.ok(portsClash(at('0.0.0.0:8080:80'), at('127.0.0.1:8080:80')));
  assert.ok(portsClash(at('[::]:8080:80'), at('[::1]:8080:80')));
  assert.ok(!portsClash(at('0.0.0.0:8080:80'), at('[::1]:8080:80')));
  assert.ok(!portsClash(at('0.0.0.0:8080:80'), at('[::]:8080:80')));
  assert.ok(!portsClash(at('127.0.0.1:8080:80'), at('127.0.0.2:8080:80')));
  assert.ok(!portsClash(at('53:53/udp'), at('53:53')));
  assert.ok(!portsClash(at('8000-8009:80'), at('8010:80')));
});

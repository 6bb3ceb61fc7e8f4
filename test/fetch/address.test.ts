import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forbiddenAddressReason, parseIPv6 } from '../../src/fetch/address.js';

test('private, loopback, link-local, CGNAT, multicast and unspecified IPv4 are refused', () => {
  for (const ip of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '224.0.0.251',
    '0.0.0.0',
    '255.255.255.255',
  ])
    assert.ok(forbiddenAddressReason(ip), ip);
});

test('public IPv4 and IPv6 are allowed', () => {
  for (const ip of ['8.8.8.8', '172.32.0.1', '1.1.1.1', '2606:4700:4700::1111'])
    assert.equal(forbiddenAddressReason(ip), null, ip);
});

test('IPv6 loopback, ULA (incl. fd00:ec2::254), link-local, multicast, unspecified are refused', () => {
  for (const ip of ['::1', '[::1]', 'fd00:ec2::254', 'fc00::1', 'fe80::1%eth0', 'ff02::1', '::'])
    assert.ok(forbiddenAddressReason(ip), ip);
});

test('IPv6 forms that embed a private IPv4 are refused', () => {
  assert.match(forbiddenAddressReason('::ffff:127.0.0.1') ?? '', /127\.0\.0\.1/);
  assert.match(forbiddenAddressReason('::ffff:7f00:1') ?? '', /127\.0\.0\.1/);
  assert.match(forbiddenAddressReason('64:ff9b::a00:1') ?? '', /10\.0\.0\.1/);
  assert.match(forbiddenAddressReason('2002:c0a8:0101::1') ?? '', /192\.168\.1\.1/);
  assert.equal(forbiddenAddressReason('::ffff:8.8.8.8'), null);
});

test('parseIPv6 expands :: and embedded IPv4', () => {
  assert.deepEqual(parseIPv6('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
  assert.equal(parseIPv6('1::2::3'), null);
  assert.equal(forbiddenAddressReason('not-an-ip'), 'not an IP address');
});

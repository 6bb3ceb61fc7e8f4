import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consentNoticeRule } from '../../src/clean/rules/consent-notice.js';
import { clean, ORDINARY } from './helpers.js';

test('consent-notice: cookie banners and their buttons go, wherever they are', () => {
  const raw = [
    'We use cookies to give you the best experience on our site. By continuing you agree to our use of cookies.',
    'The ferry returned to port on Monday.',
    'Manage cookie settings',
    'Accept all cookies',
    'Our cookie policy has changed. We and our partners use cookies to personalise content and ads.',
  ].join('\n');
  const a = clean(raw, [consentNoticeRule]);
  assert.equal(a.text, 'The ferry returned to port on Monday.');
  assert.equal(a.removed.length, 4);
  assert.ok(a.removed.every((r) => r.rule === 'consent-notice'));
});

test('consent-notice: news about cookies stays', () => {
  const keep = [
    'The regulator fined the retailer over cookie banners that hid the reject button, officials said.',
    'Bakers in Lindqvist said they would use cookies from the old recipe at the festival.',
    ORDINARY,
  ];
  for (const raw of keep) assert.equal(clean(raw, [consentNoticeRule]).text, raw, raw);
});

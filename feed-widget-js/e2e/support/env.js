// Where the browser tests find the hub, from the environment (WidgetBrowserIT sets these):
//   CHORUS_E2E_URL          the hub, e.g. http://localhost:43123 (unset: every e2e test is skipped)
//   CHORUS_E2E_SECOND_URL   the hub's second origin, a member's site embedding the widget read-only
//   CHORUS_E2E_ADMIN_TOKEN  the hub admin's bearer token (the hub's CHORUS_ADMIN_TOKEN)
//   CHORUS_E2E_SCREENSHOTS  1 to write docs/screenshots/*.png
//   CHORUS_E2E_CHROMIUM     the browser, default /usr/bin/chromium

const trim = (url) => url && url.replace(/\/+$/, '');

export const HUB = trim(process.env.CHORUS_E2E_URL || '');
export const SECOND = trim(process.env.CHORUS_E2E_SECOND_URL || '');
export const ADMIN_TOKEN = process.env.CHORUS_E2E_ADMIN_TOKEN || '';
export const CHROMIUM = process.env.CHORUS_E2E_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = process.env.CHORUS_E2E_SCREENSHOTS === '1';

/**
 * The `skip` option for every e2e suite: false when a hub is configured, else the reason, which the
 * test reporter prints. `npm test` runs only test/, so it never gets here; this is for a bare
 * `node --test e2e/*.e2e.js`.
 */
export const skip = HUB
  ? false
  : 'CHORUS_E2E_URL is not set: these browser tests need a running hub. Run WidgetBrowserIT '
    + '(mvn -pl samples/hub-site verify -Dit.test=WidgetBrowserIT), or start the hub and set CHORUS_E2E_URL, '
    + 'CHORUS_E2E_SECOND_URL and CHORUS_E2E_ADMIN_TOKEN (see e2e/README.md)';

/** Fails with a clear message when a variable the suite needs is missing. */
export function required(name, value) {
  if (!value) throw new Error(`${name} is not set; the browser tests need it (see feed-widget-js/e2e/README.md)`);
  return value;
}

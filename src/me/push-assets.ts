// What makes the staff phone page installable and able to receive push: the web app manifest,
// the service worker (it shows a message that arrives and opens /me when tapped) and the small
// script that turns notifications on or off for this phone. Served from our own origin, so the
// strict Content-Security-Policy (script-src 'self') needs no exception.
import { FAVICON_PATH } from '../ui/favicon.js'
import { PUSH_PATHS } from './notify-panel.js'

export const MANIFEST = JSON.stringify({
  name: 'Duty Rota',
  short_name: 'Duties',
  start_url: '/me',
  scope: '/me',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#1d4e89',
  icons: [{ src: FAVICON_PATH, type: 'image/svg+xml', sizes: 'any' }],
})

export const SERVICE_WORKER = `'use strict';
self.addEventListener('push', function (event) {
  var data = { title: 'Duty Rota', body: 'Your duties changed.', url: '/me' };
  try { if (event.data) data = event.data.json(); } catch (e) {}
  event.waitUntil(self.registration.showNotification(data.title, { body: data.body, tag: data.tag || 'duties', data: { url: data.url || '/me' } }));
});
self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || '/me';
  event.waitUntil(self.clients.openWindow(url));
});
`

export const PUSH_SCRIPT = `'use strict';
(function () {
  var box = document.getElementById('push-switch');
  if (!box || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return;
  var on = document.getElementById('push-on');
  var off = document.getElementById('push-off');
  var status = document.getElementById('push-status');
  function bytes(b64) {
    var s = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function post(url, body) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
  function show(subscribed) { on.hidden = subscribed; off.hidden = !subscribed; }
  box.hidden = false;
  navigator.serviceWorker.register(${JSON.stringify(PUSH_PATHS.worker)}, { scope: '/me' }).then(function (reg) {
    return reg.pushManager.getSubscription().then(function (existing) {
      if (existing) post(${JSON.stringify(PUSH_PATHS.subscribe)}, existing.toJSON());
      show(!!existing);
      on.addEventListener('click', function () {
        Notification.requestPermission().then(function (answer) {
          if (answer !== 'granted') { status.textContent = 'Notifications are blocked for this site in the browser settings.'; return; }
          return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(box.getAttribute('data-key')) }).then(function (sub) {
            return post(${JSON.stringify(PUSH_PATHS.subscribe)}, sub.toJSON()).then(function (res) {
              status.textContent = res.ok ? 'This phone will be told when your duties change.' : 'That did not work; try again later.';
              show(res.ok);
            });
          });
        }).catch(function () { status.textContent = 'That did not work; try again later.'; });
      });
      off.addEventListener('click', function () {
        reg.pushManager.getSubscription().then(function (sub) {
          if (!sub) return;
          return post(${JSON.stringify(PUSH_PATHS.unsubscribe)}, { endpoint: sub.endpoint }).then(function () { return sub.unsubscribe(); });
        }).then(function () { status.textContent = 'This phone will no longer be notified.'; show(false); });
      });
    });
  }).catch(function () { status.textContent = 'This browser cannot receive notifications.'; });
})();
`

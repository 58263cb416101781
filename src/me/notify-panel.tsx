// "How you hear about changes" on /me: e-mail on or off, and quiet hours in which nothing is
// sent. A plain form that works without script; a bad time is named next to its field and what
// was typed is kept.
import { Fold, answered } from './fold.js'
import type { FC } from 'hono/jsx'
import type { NotificationPrefs } from '../notifications/prefs.js'

export const NOTIFY_ACTION = '/me/notifications'

export interface NotifyPanel {
  address: string | null
  prefs: NotificationPrefs
  /** what was typed, when the form is shown again after a refusal */
  typed?: { email: boolean; push: boolean; quietStart: string; quietEnd: string } | undefined
  /** the VAPID public key, when this service can send push; the phone subscribes with it */
  pushKey?: string | undefined
  errors?: Record<string, string> | undefined
  /** a sentence after a save, or after a refusal not about one field */
  message?: string | undefined
}

const FieldError: FC<{ id: string; text: string | undefined }> = ({ id, text }) =>
  text ? (
    <p id={id} class="field-error">
      {text}
    </p>
  ) : null

/**
 * Turning notifications on for this phone needs script (the browser's push subscription), so
 * the button starts hidden and push.js shows it where the browser can do it; without script the
 * rest of the page is unchanged.
 */
const PushSwitch: FC<{ publicKey: string }> = ({ publicKey }) => (
  <div id="push-switch" hidden data-key={publicKey}>
    <button type="button" id="push-on">
      Turn on notifications on this phone
    </button>
    <button type="button" id="push-off" hidden>
      Turn off notifications on this phone
    </button>
    <p id="push-status" role="status" class="quiet" />
    <script src={PUSH_PATHS.script} defer />
  </div>
)

export const PUSH_PATHS = {
  script: '/me/push.js',
  worker: '/me/sw.js',
  manifest: '/me/manifest.webmanifest',
  subscribe: '/me/push/subscribe',
  unsubscribe: '/me/push/unsubscribe',
} as const

export const Notifications: FC<{ panel: NotifyPanel }> = ({ panel }) => {
  const shown = panel.typed ?? {
    email: panel.prefs.email,
    push: panel.prefs.push,
    quietStart: panel.prefs.quietStart ?? '',
    quietEnd: panel.prefs.quietEnd ?? '',
  }
  const errors = panel.errors ?? {}
  return (
    <Fold id="notify" title="How you hear about changes" open={answered(panel)}>
      <p>
        {panel.address
          ? `When a published rota changes your duties, Duty Rota can e-mail you once with what changed, at ${panel.address}.`
          : 'There is no e-mail address for you on record, so changes only show here. Ask your manager to add one.'}
      </p>
      {panel.message ? (
        <p role="status" class="notice">
          {panel.message}
        </p>
      ) : null}
      <form method="post" action={NOTIFY_ACTION} novalidate>
        <input type="hidden" name="version" value={String(panel.prefs.version)} />
        <p>
          <label>
            <input type="checkbox" name="email" value="yes" checked={shown.email} /> E-mail me when my duties change
          </label>
        </p>
        {panel.pushKey ? (
          <p>
            <label>
              <input type="checkbox" name="push" value="yes" checked={shown.push} /> Notify the phones I turned notifications on for
            </label>
          </p>
        ) : (
          <input type="hidden" name="push" value={shown.push ? 'yes' : ''} />
        )}
        <fieldset>
          <legend>Quiet hours (nothing is sent between these times; leave both empty for none)</legend>
          <label for="quiet-start">From</label>
          <input
            id="quiet-start"
            name="quietStart"
            type="time"
            value={shown.quietStart}
            aria-invalid={errors.quietStart ? 'true' : undefined}
            aria-describedby={errors.quietStart ? 'quiet-start-error' : undefined}
          />
          <FieldError id="quiet-start-error" text={errors.quietStart} />
          <label for="quiet-end">Until</label>
          <input
            id="quiet-end"
            name="quietEnd"
            type="time"
            value={shown.quietEnd}
            aria-invalid={errors.quietEnd ? 'true' : undefined}
            aria-describedby={errors.quietEnd ? 'quiet-end-error' : undefined}
          />
          <FieldError id="quiet-end-error" text={errors.quietEnd} />
        </fieldset>
        <button type="submit">Save</button>
      </form>
      {panel.pushKey ? <PushSwitch publicKey={panel.pushKey} /> : null}
    </Fold>
  )
}

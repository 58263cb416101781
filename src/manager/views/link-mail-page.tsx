// E-mailing personal links: each person with an e-mail address can be chosen (or everyone with
// one at once); people without an address are listed as "no e-mail" so the manager knows who
// still needs the printed sheet or their own page. After a send, the page says who got one and
// who did not. The links themselves never appear on this page.
import type { FC } from 'hono/jsx'
import { PostForm } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame } from './layout.js'

export interface MailablePerson {
  id: string
  name: string
  email: string | null
  /** a link is in use, which a new one stops */
  hasLink: boolean
}

export interface LinkMailView {
  people: MailablePerson[]
  action: string
  /** after a send: who was e-mailed, and who could not be */
  sent?: string[]
  failed?: string[]
}

const Person: FC<{ person: MailablePerson; index: number }> = ({ person, index }) =>
  person.email === null ? (
    <li>
      {person.name}: <strong>no e-mail</strong>
    </li>
  ) : (
    <li>
      <label class="choice" for={`mail-${index}`}>
        <input type="checkbox" id={`mail-${index}`} name="staff" value={person.id} aria-describedby={person.hasLink ? `mail-${index}-hint` : undefined} />
        {person.name} ({person.email})
      </label>
      {person.hasLink ? (
        <span class="hint" id={`mail-${index}-hint`}>
          Has a link in use: the new one stops it.
        </span>
      ) : null}
    </li>
  )

const Outcome: FC<{ view: LinkMailView }> = ({ view }) => (
  <>
    {view.sent && view.sent.length > 0 ? (
      <p role="status" class="notice">
        Personal link e-mailed to {view.sent.join(', ')}.
      </p>
    ) : null}
    {view.failed && view.failed.length > 0 ? (
      <p role="alert" class="error-summary">
        Not sent to {view.failed.join(', ')}: the mail server did not take the message. Their link in use, if any, still works.
      </p>
    ) : null}
  </>
)

export const LinkMailPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; view: LinkMailView }> = ({ frame, view }) => (
  <ManagerLayout {...frame} title="E-mail personal links" section="staff">
    <p>
      <a href={frame.paths.staff}>Back to staff</a>
    </p>
    <Outcome view={view} />
    <p>Each person chosen gets an e-mail with a new personal link of their own, which opens their duties on their phone.</p>
    <PostForm action={view.action}>
      <fieldset>
        <legend>Who to e-mail</legend>
        <ul>
          {view.people.map((person, index) => (
            <Person person={person} index={index} />
          ))}
        </ul>
      </fieldset>
      <p class="actions">
        <button type="submit" class="primary">
          E-mail links
        </button>
        <button type="submit" name="everyone" value="yes">
          E-mail links to everyone with an e-mail address
        </button>
      </p>
    </PostForm>
  </ManagerLayout>
)

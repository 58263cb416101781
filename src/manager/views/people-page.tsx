// The people who run the school: its managers, who can be added (they are emailed a sign-in
// link) and removed here, and the trust admins of its organisation, who come with the trust.
import type { FC } from 'hono/jsx'
import type { SchoolPerson } from '../../auth/school-managers.js'
import { shortDate } from '../../ui/dates.js'
import { AddSection, ButtonForm, TextField, type FormState } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { RecordsTable } from '../../ui/tables.js'

export const MANAGER_FORM = 'manager'
export const MANAGER_LABELS: Record<string, string> = { name: 'Name', email: 'Email address' }

export interface PersonRow extends SchoolPerson {
  /** the person looking at the page */
  you: boolean
  /** a manager whose removal leaves someone to run the school */
  removable: boolean
}

const ROLE_NAMES: Record<SchoolPerson['role'], string> = { manager: 'Manager of this school', trust_admin: 'Trust admin (every school of the trust)' }

const since = (instant: string) => `${shortDate(instant.slice(0, 10))} ${instant.slice(0, 4)}`

export const PeoplePage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; people: PersonRow[]; form: FormState }> = ({ frame, people, form }) => (
  <ManagerLayout {...frame} title="People who run this school" section="people">
    <p>
      Managers run this school in Duty Rota: its setup, the week, absences and reports. Trust admins run every school of the trust; they are added by whoever
      runs the service.
    </p>
    <section aria-labelledby="people-now">
      <h2 id="people-now">Managers and trust admins</h2>
      <RecordsTable
        items={people}
        caption="People who may run this school"
        scroll="People who may run this school"
        columns={['Name', 'Email address', 'Role', 'Since', <span class="visually-hidden">Actions</span>]}
        row={(p) => (
          <>
            <th scope="row">
              {p.name}
              {p.you ? ' (you)' : null}
            </th>
            <td>{p.email}</td>
            <td>{ROLE_NAMES[p.role]}</td>
            <td>
              <time datetime={p.since}>{since(p.since)}</time>
            </td>
            <td>
              {p.role === 'manager' && p.removable ? (
                <ButtonForm action={frame.paths.removeManager(p.id)} text="Remove" context={`${p.name} as a manager`} class="small danger" />
              ) : p.role === 'manager' ? (
                <span class="quiet">The last manager: add another before removing them.</span>
              ) : null}
            </td>
          </>
        )}
      />
    </section>
    <AddSection
      id="manager-add"
      heading="Add a manager"
      intro={<p>They are emailed a link to sign in; it works once, within 15 minutes, and they can ask for a new one on the sign-in page.</p>}
      form={MANAGER_FORM}
      state={form}
      labels={MANAGER_LABELS}
      action={frame.paths.people}
      submit="Add manager"
    >
      <div class="row">
        <TextField form={MANAGER_FORM} state={form} name="name" label={MANAGER_LABELS.name as string} required />
        <TextField
          form={MANAGER_FORM}
          state={form}
          name="email"
          label={MANAGER_LABELS.email as string}
          type="email"
          inputmode="email"
          hint="Their sign-in link goes here"
          required
        />
      </div>
    </AddSection>
  </ManagerLayout>
)

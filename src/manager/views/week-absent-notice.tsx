// Someone recorded absent after the rota staff can see was made is still on duty in it, and
// the rota on their colleagues' phones still says so, until a re-plan is published. The week
// page says that in so many words, beside the button that makes the re-plan.
import type { FC } from 'hono/jsx'
import { shortDate } from '../../ui/dates.js'
import type { AbsentOnDuty } from '../week-model.js'
import type { ManagerPaths } from './paths.js'
import { PostForm } from '../../ui/form-fields.js'

export const AbsentOnDutyNotice: FC<{ absent: AbsentOnDuty[]; showing: 'draft' | 'published'; paths: ManagerPaths; monday: string; version: number }> = ({
  absent,
  showing,
  paths,
  monday,
  version,
}) => (
  <section class="notice" aria-labelledby="absent-on-duty-title">
    <h2 id="absent-on-duty-title">{absent.length === 1 ? 'Someone is on duty while absent' : `${absent.length} duties are held by people now absent`}</h2>
    <ul>
      {absent.map((a) => (
        <li>
          <strong>{a.name}</strong> is absent but holds {a.what}, {shortDate(a.date)} ({a.time}).
        </li>
      ))}
    </ul>
    <p>
      The absence was recorded after this {showing} rota was made
      {showing === 'published' ? ', so staff still see these duties on their phones and calendars' : ''}. Generate a re-plan to find cover
      {showing === 'published' ? ', then publish it' : ''}.
    </p>
    <PostForm action={paths.generate(monday)} busy="Generating the week. A large school can take a minute; this page updates when it is done.">
      <input type="hidden" name="version" value={String(version)} />
      <button type="submit" class="primary">
        Generate a re-plan
      </button>
    </PostForm>
  </section>
)

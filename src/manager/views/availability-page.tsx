// Times staff cannot do, as they marked them on their phones: those waiting for an answer, to
// approve or decline, and those approved, which every rota generated from now on keeps free.
import type { FC } from 'hono/jsx'
import { markWhen, type Unavailability } from '../../leave/unavailability.js'
import { PostForm } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { ReplannedWeeks } from './replanned-weeks.js'

const Waiting: FC<{ m: Unavailability; paths: PageFrame['paths'] }> = ({ m, paths }) => (
  <li>
    <p id={`una-${m.id}`}>
      <strong>{m.staffName}</strong>, not free for duties: {markWhen(m)}.
    </p>
    {m.note ? <p class="quiet">Their note: {m.note}</p> : null}
    <div class="actions">
      {(['approve', 'decline'] as const).map((action) => (
        <PostForm action={paths.availabilityDecision(m.id, action)}>
          <input type="hidden" name="version" value={String(m.version)} />
          <button type="submit" class={action === 'approve' ? 'primary' : undefined} aria-describedby={`una-${m.id}`}>
            {action === 'approve' ? 'Approve' : 'Decline'}
          </button>
        </PostForm>
      ))}
    </div>
  </li>
)

export const AvailabilityPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; marks: Unavailability[]; replanned?: readonly string[] | undefined }> = ({
  frame,
  marks,
  replanned,
}) => {
  const waiting = marks.filter((m) => m.status === 'requested')
  const approved = marks.filter((m) => m.status === 'approved')
  return (
    <ManagerLayout {...frame} title="When staff cannot do duties" section="availability">
      <ReplannedWeeks
        heading="Approved: they are kept free then, and these published weeks, which gave them duties then, are re-planned"
        weeks={replanned ?? []}
        weekHref={frame.paths.week}
      />
      <p>
        Until you approve one, the rota may still give that person duties then. Approved, every rota generated from now on keeps them free, and each published
        week that gives them a duty then is re-planned at once for you to review.
      </p>
      <section aria-labelledby="waiting">
        <h2 id="waiting">Waiting for an answer</h2>
        {waiting.length === 0 ? (
          <p class="quiet">Nothing is waiting.</p>
        ) : (
          <ul class="swaps">
            {waiting.map((m) => (
              <Waiting m={m} paths={frame.paths} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="approved">
        <h2 id="approved">Approved</h2>
        {approved.length === 0 ? (
          <p class="quiet">None approved yet.</p>
        ) : (
          <ul>
            {approved.map((m) => (
              <li>
                <strong>{m.staffName}</strong>, not free for duties: {markWhen(m)}.
              </li>
            ))}
          </ul>
        )}
      </section>
    </ManagerLayout>
  )
}

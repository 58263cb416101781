// Leave requests: what staff asked for on their phones, to approve or decline, and what was
// decided. Approving records the absence and re-plans the published weeks it touches; the page
// then links each re-plan draft to review and publish.
import type { FC } from 'hono/jsx'
import { LEAVE_KINDS, type LeaveRequest } from '../../leave/leave.js'
import { shortDate } from '../../ui/dates.js'
import { PostForm } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { ReplannedWeeks } from './replanned-weeks.js'

const when = (r: LeaveRequest) =>
  `${shortDate(r.startDate)}${r.endDate !== r.startDate ? ` to ${shortDate(r.endDate)}` : ''}${r.startTime ? `, ${r.startTime}-${r.endTime}` : ', all day'}`

const Waiting: FC<{ r: LeaveRequest; paths: PageFrame['paths'] }> = ({ r, paths }) => (
  <li>
    <p id={`leave-${r.id}`}>
      <strong>{r.staffName}</strong>: {LEAVE_KINDS[r.kind]}, {when(r)}.
    </p>
    {r.note ? <p class="quiet">Their note: {r.note}</p> : null}
    <div class="actions">
      {(['approve', 'decline'] as const).map((action) => (
        <PostForm action={paths.leaveDecision(r.id, action)}>
          <input type="hidden" name="version" value={String(r.version)} />
          <button type="submit" class={action === 'approve' ? 'primary' : undefined} aria-describedby={`leave-${r.id}`}>
            {action === 'approve' ? 'Approve' : 'Decline'}
          </button>
        </PostForm>
      ))}
    </div>
  </li>
)

export const LeavePage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; requests: LeaveRequest[]; replanned?: string[] | undefined }> = ({
  frame,
  requests,
  replanned,
}) => {
  const waiting = requests.filter((r) => r.status === 'requested')
  const decided = requests.filter((r) => r.status !== 'requested')
  return (
    <ManagerLayout {...frame} title="Leave requests" section="leave">
      <ReplannedWeeks heading="Approved: the absence is recorded and these weeks are re-planned" weeks={replanned ?? []} weekHref={frame.paths.week} />
      <section aria-labelledby="waiting">
        <h2 id="waiting">Waiting for an answer</h2>
        {waiting.length === 0 ? (
          <p class="quiet">No leave request is waiting.</p>
        ) : (
          <ul class="swaps">
            {waiting.map((r) => (
              <Waiting r={r} paths={frame.paths} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="decided">
        <h2 id="decided">Decided</h2>
        {decided.length === 0 ? (
          <p class="quiet">Nothing decided yet.</p>
        ) : (
          <ul>
            {decided.map((r) => (
              <li>
                <strong>{r.staffName}</strong>: {LEAVE_KINDS[r.kind]}, {when(r)}: {r.status === 'withdrawn' ? 'withdrawn by them' : r.status}.
              </li>
            ))}
          </ul>
        )}
      </section>
    </ManagerLayout>
  )
}

// Messages to staff: for each person, whether a change to their duties can reach them (and if
// not, why not), and how their latest messages went: waiting, sent, or failed with the reason.
import type { FC } from 'hono/jsx'
import type { Delivery } from '../../notifications/outbox.js'
import { localWhen } from '../../ui/dates.js'
import { RecordsTable } from '../../ui/tables.js'
import { ManagerLayout, type PageFrame } from './layout.js'

export interface MessageRow {
  staffId: string
  name: string
  reachable: boolean
  why: string
  deliveries: Delivery[]
}

const STATUS: Record<Delivery['status'], string> = { queued: 'waiting to send', sent: 'sent', failed: 'failed' }

const DeliveryLine: FC<{ d: Delivery; timezone: string }> = ({ d, timezone }) => (
  <li>
    {d.subject}: {STATUS[d.status]}
    {d.status === 'sent' && d.sentAt ? ` ${localWhen(d.sentAt, timezone)}` : ''}
    {d.status !== 'sent' && d.lastError ? ` (${d.attempts} ${d.attempts === 1 ? 'try' : 'tries'}; last: ${d.lastError})` : ''}
  </li>
)

export const MessagesPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; rows: MessageRow[]; timezone: string }> = ({ frame, rows, timezone }) => {
  const unreachable = rows.filter((r) => !r.reachable).length
  return (
    <ManagerLayout {...frame} title="Messages to staff" section="messages">
      <p>
        When a published rota changes someone's duties (a publish, an approved swap, cover someone accepted), they get one e-mail listing what changed, with a
        link to their phone page. Drafts tell nobody. A message that cannot be sent is tried again later, then marked failed with the reason.
      </p>
      <p>
        {unreachable === 0 ? 'Everyone can be told.' : `${unreachable} of ${rows.length} cannot be told by e-mail: they see changes only on their phone page.`}
      </p>
      <RecordsTable
        items={rows}
        scroll="Messages to staff table"
        caption="Who can be told about changes"
        columns={['Person', 'Told about changes', 'Latest messages']}
        row={(r) => (
          <>
            <th scope="row">{r.name}</th>
            <td>
              {r.reachable ? 'Yes, ' : 'No: '}
              {r.why}
            </td>
            <td>
              {r.deliveries.length === 0 ? (
                'None yet'
              ) : (
                <ul>
                  {r.deliveries.map((d) => (
                    <DeliveryLine d={d} timezone={timezone} />
                  ))}
                </ul>
              )}
            </td>
          </>
        )}
      />
    </ManagerLayout>
  )
}

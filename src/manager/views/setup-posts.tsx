// Setup: duty posts, the recurring needs the week is planned around.
import type { FC } from 'hono/jsx'
import type { DutyPost } from '../../setup/duty-posts.js'
import type { Slot } from '../../setup/slots.js'
import { AddSection, CheckboxGroup, SelectField, TextField, type FormState } from '../../ui/form-fields.js'
import { daysText, DUTY_KIND_LABELS, optionsOf, SCHOOL_DAYS, seatsText } from './labels.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { RecordsTable } from '../../ui/tables.js'

export const POST_FORM = 'post'
export const POST_LABELS: Record<string, string> = {
  code: 'Short name',
  name: 'Name',
  kind: 'Kind',
  slots: 'Slots',
  days: 'Days',
  peopleNeeded: 'People needed',
  skillSeats: 'Skills needed',
  priority: 'Priority',
  wetWeatherFor: 'Wet-weather alternative for',
}

const PRIORITIES = [
  { value: '1', label: '1 (highest)' },
  { value: '2', label: '2' },
  { value: '3', label: '3 (usual)' },
  { value: '4', label: '4' },
  { value: '5', label: '5 (lowest)' },
]

/** The posts a post could stand in for on wet days, by id: every other post. */
export type WetChoice = Pick<DutyPost, 'id' | 'name'>

/** A duty post's fields, the same on its add form and its Edit page. */
export const PostFields: FC<{ form: string; state: FormState; slots: Slot[]; others: WetChoice[] }> = ({ form, state, slots, others }) => (
  <>
    <div class="row">
      <TextField form={form} state={state} name="name" label={POST_LABELS.name as string} hint='e.g. "Yard"' required />
      <TextField form={form} state={state} name="code" label={POST_LABELS.code as string} hint='e.g. "yard-break"' required />
      <SelectField form={form} state={state} name="kind" label={POST_LABELS.kind as string} options={optionsOf(DUTY_KIND_LABELS)} />
    </div>
    <CheckboxGroup
      form={form}
      state={state}
      name="slots"
      label="Slots it runs in"
      options={slots.map((s) => ({ value: s.code, label: `${s.code} (${s.start} to ${s.end})` }))}
    />
    <CheckboxGroup form={form} state={state} name="days" label="Days it runs" options={SCHOOL_DAYS} />
    <div class="row">
      <TextField form={form} state={state} name="peopleNeeded" label={POST_LABELS.peopleNeeded as string} inputmode="numeric" required />
      <TextField
        form={form}
        state={state}
        name="skillSeats"
        label={POST_LABELS.skillSeats as string}
        hint='Optional: how many of them need a skill, e.g. "first-aid:1"'
      />
      <SelectField form={form} state={state} name="priority" label={POST_LABELS.priority as string} options={PRIORITIES} />
    </div>
    {others.length === 0 ? null : (
      <SelectField
        form={form}
        state={state}
        name="wetWeatherFor"
        label={POST_LABELS.wetWeatherFor as string}
        hint="Optional: on a day you switch to wet weather on the week page, this post runs instead of the one chosen here (a Sports hall for the Yard), and on other days it does not run"
        placeholder="None: it runs whatever the weather"
        options={others.map((o) => ({ value: o.id, label: o.name }))}
      />
    )}
  </>
)

export const DutyPostsPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; posts: DutyPost[]; slots: Slot[]; form: FormState }> = ({
  frame,
  posts,
  slots,
  form,
}) => (
  <ManagerLayout {...frame} title="Duty posts" section="posts">
    <p>
      A duty post is a place and time that needs people every week it runs: the yard at break, the dining hall at each sitting, on-call behaviour support in
      lessons.
    </p>
    <section aria-labelledby="posts-now">
      <h2 id="posts-now">Duty posts</h2>
      <RecordsTable
        items={posts}
        empty="No duty posts yet."
        caption="Duty posts"
        columns={['Name', 'Kind', 'Slots', 'Days', 'People', 'Skills needed', 'Priority']}
        row={(p) => (
          <>
            <th scope="row">
              {p.name} <span class="quiet">({p.code})</span>
              {p.wetWeatherFor ? <span class="quiet"> wet weather: instead of {posts.find((d) => d.id === p.wetWeatherFor)?.name}</span> : null}
            </th>
            <td>{DUTY_KIND_LABELS[p.kind]}</td>
            <td>{p.slots.join(', ')}</td>
            <td>{daysText(p.days)}</td>
            <td>{p.peopleNeeded}</td>
            <td>{seatsText(p.skillSeats) || '-'}</td>
            <td>{p.priority}</td>
          </>
        )}
        edit={(p) => ({ href: frame.paths.edit(frame.paths.posts, p.id), context: `duty post ${p.name}` })}
        remove={(p) => ({ action: frame.paths.remove(frame.paths.posts, p.id), context: `duty post ${p.name}` })}
      />
    </section>
    <AddSection
      id="post-add"
      heading="Add a duty post"
      intro={slots.length === 0 ? <p class="notice">Add the school day's slots first: a duty post runs in one or more of them.</p> : null}
      form={POST_FORM}
      state={form}
      labels={POST_LABELS}
      action={frame.paths.posts}
      submit="Add duty post"
    >
      <PostFields form={POST_FORM} state={form} slots={slots} others={posts} />
    </AddSection>
  </ManagerLayout>
)

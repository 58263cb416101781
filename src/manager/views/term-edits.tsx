// The Edit pages of a slot, a duty post, a term and a closure day: the add forms' fields,
// pre-filled with what is saved, in the shared Edit frame (edit-conflict.tsx) that carries the
// version the page was read at. A slot's page names the posts that run in it.
import type { FC } from 'hono/jsx'
import type { Slot } from '../../setup/slots.js'
import { SelectField, TextField, type FormState } from '../../ui/form-fields.js'
import { EditPage, type BackTo, type EditState } from './edit-conflict.js'
import { CLOSURE_KIND_LABELS, optionsOf, PERIOD_KIND_LABELS } from './labels.js'
import type { PageFrame } from './layout.js'
import { POST_LABELS, PostFields, type WetChoice } from './setup-posts.js'
import { SLOT_LABELS, SlotFields } from './setup-day.js'

interface EditView {
  frame: Omit<PageFrame, 'title' | 'section'>
  state: EditState
  action: string
  back: BackTo
  /** what the heading calls it, as saved */
  what: string
}

export const SLOT_EDIT_FORM = 'slot-edit'
export const POST_EDIT_FORM = 'post-edit'
export const PERIOD_EDIT_FORM = 'period-edit'
export const CLOSURE_EDIT_FORM = 'closure-edit'

export const PERIOD_LABELS: Record<string, string> = { name: 'Name', kind: 'Kind', startDate: 'First day', endDate: 'Last day' }
export const CLOSURE_LABELS: Record<string, string> = { date: 'Date', kind: 'Kind', name: 'Name' }

/** A change to the setup keeps the weeks already made: the week pages then say to generate again. */
const Regenerate: FC<{ what: string }> = ({ what }) => (
  <p>
    Saving changes {what} only: weeks already generated or published keep their duties. Their pages then say the setup changed since, and the next Generate uses
    the change.
  </p>
)

export const SlotEditPage: FC<EditView & { posts: { name: string; href: string }[] }> = (p) => (
  <EditPage
    {...p}
    section="day"
    title={`Edit slot ${p.what}`}
    intro={
      <>
        <Regenerate what="the slot" />
        {p.posts.length > 0 ? (
          <p>
            Duty posts that run in it:{' '}
            {p.posts.map((post, i) => (
              <>
                {i > 0 ? ', ' : null}
                <a href={post.href}>{post.name}</a>
              </>
            ))}
            .
          </p>
        ) : null}
      </>
    }
    form={SLOT_EDIT_FORM}
    labels={SLOT_LABELS}
    submit="Save slot"
  >
    <SlotFields form={SLOT_EDIT_FORM} state={p.state} />
  </EditPage>
)

export const PostEditPage: FC<EditView & { slots: Slot[]; others: WetChoice[] }> = (p) => (
  <EditPage
    {...p}
    section="posts"
    title={`Edit duty post ${p.what}`}
    intro={<Regenerate what="the duty post" />}
    form={POST_EDIT_FORM}
    labels={POST_LABELS}
    submit="Save duty post"
  >
    <PostFields form={POST_EDIT_FORM} state={p.state} slots={p.slots} others={p.others} />
  </EditPage>
)

const PeriodFields: FC<{ form: string; state: FormState }> = ({ form, state }) => (
  <>
    <div class="row">
      <TextField form={form} state={state} name="name" label={PERIOD_LABELS.name as string} hint='e.g. "Autumn term"' required />
      <SelectField form={form} state={state} name="kind" label={PERIOD_LABELS.kind as string} options={optionsOf(PERIOD_KIND_LABELS)} />
    </div>
    <div class="row">
      <TextField form={form} state={state} name="startDate" type="date" label={PERIOD_LABELS.startDate as string} required />
      <TextField form={form} state={state} name="endDate" type="date" label={PERIOD_LABELS.endDate as string} required />
    </div>
  </>
)

export const PeriodEditPage: FC<EditView> = (p) => (
  <EditPage
    {...p}
    section="terms"
    title={`Edit ${p.what}`}
    intro={<p>Terms decide which weeks are school weeks: a week outside every term, or inside a half term, is a holiday and is not generated.</p>}
    form={PERIOD_EDIT_FORM}
    labels={PERIOD_LABELS}
    submit="Save term dates"
  >
    <PeriodFields form={PERIOD_EDIT_FORM} state={p.state} />
  </EditPage>
)

export const ClosureEditPage: FC<EditView> = (p) => (
  <EditPage
    {...p}
    section="terms"
    title={`Edit closure day ${p.what}`}
    intro={<p>A closure day has no duties: the week it falls in is planned on its other days.</p>}
    form={CLOSURE_EDIT_FORM}
    labels={CLOSURE_LABELS}
    submit="Save closure day"
  >
    <div class="row">
      <TextField form={CLOSURE_EDIT_FORM} state={p.state} name="date" type="date" label={CLOSURE_LABELS.date as string} required />
      <SelectField form={CLOSURE_EDIT_FORM} state={p.state} name="kind" label={CLOSURE_LABELS.kind as string} options={optionsOf(CLOSURE_KIND_LABELS)} />
      <TextField form={CLOSURE_EDIT_FORM} state={p.state} name="name" label={CLOSURE_LABELS.name as string} required />
    </div>
  </EditPage>
)

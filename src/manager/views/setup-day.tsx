// Setup: the school day, as the slots duties and cover are planned in.
import type { FC } from 'hono/jsx'
import type { Slot } from '../../setup/slots.js'
import { AddSection, CheckboxGroup, SelectField, TextField, type FormState } from '../../ui/form-fields.js'
import { daysText, optionsOf, SCHOOL_DAYS, SLOT_KIND_LABELS } from './labels.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { RecordsTable } from '../../ui/tables.js'
import type { School } from '../../schools/schools.js'
import { SchoolDetails } from './setup-edits.js'

export const SLOT_FORM = 'slot'
export const SLOT_LABELS: Record<string, string> = { code: 'Short name', kind: 'Kind', start: 'Starts', end: 'Ends', days: 'Days' }

/** A slot's fields, the same on its add form and its Edit page. */
export const SlotFields: FC<{ form: string; state: FormState }> = ({ form, state }) => (
  <>
    <div class="row">
      <TextField form={form} state={state} name="code" label={SLOT_LABELS.code as string} hint='Used in files and the rota, e.g. "break" or "p1"' required />
      <SelectField form={form} state={state} name="kind" label={SLOT_LABELS.kind as string} options={optionsOf(SLOT_KIND_LABELS)} />
      <TextField form={form} state={state} name="start" type="time" label={SLOT_LABELS.start as string} required />
      <TextField form={form} state={state} name="end" type="time" label={SLOT_LABELS.end as string} required />
    </div>
    <CheckboxGroup form={form} state={state} name="days" label="Days it runs" hint="Leave all unticked if it runs every day." options={SCHOOL_DAYS} />
  </>
)

export const SchoolDayPage: FC<{
  frame: Omit<PageFrame, 'title' | 'section'>
  slots: Slot[]
  form: FormState
  school: Pick<School, 'name' | 'timezone' | 'fullTimeHours'>
}> = ({ frame, slots, form, school }) => (
  <ManagerLayout {...frame} title="School day" section="day">
    <SchoolDetails school={school} edit={frame.paths.school} />
    <p>The school day is a list of slots: lessons, breaks, lunch sittings and the times before and after school. Duties and cover are planned in them.</p>
    <section aria-labelledby="slots-now">
      <h2 id="slots-now">Slots</h2>
      <RecordsTable
        items={slots}
        empty="No slots yet. Add the first one below, for example the morning break."
        caption="The school day, in order"
        columns={['Short name', 'Kind', 'Time', 'Days']}
        row={(s) => (
          <>
            <th scope="row">{s.code}</th>
            <td>{SLOT_KIND_LABELS[s.kind]}</td>
            <td>
              {s.start} to {s.end}
            </td>
            <td>{daysText(s.days)}</td>
          </>
        )}
        edit={(s) => ({ href: frame.paths.edit(frame.paths.day, s.id), context: `slot ${s.code}` })}
        remove={(s) => ({ action: frame.paths.remove(frame.paths.day, s.id), context: `slot ${s.code}` })}
      />
    </section>
    <AddSection id="slot-add" heading="Add a slot" form={SLOT_FORM} state={form} labels={SLOT_LABELS} action={frame.paths.day} submit="Add slot">
      <SlotFields form={SLOT_FORM} state={form} />
    </AddSection>
  </ManagerLayout>
)

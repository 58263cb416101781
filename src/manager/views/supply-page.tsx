// Supply and agency staff: who they are, their agency and rate, and the Single Central Record
// checks the school has seen, with dates. Whoever cannot work today says why in words
// ("Cannot work: DBS seen expired 2026-11-30"), so the list is read at a glance; the add form and
// each Edit page share one set of fields.
import type { FC } from 'hono/jsx'
import type { SupplyPersonView } from '../../supply/supply-people.js'
import type { SupplyBooking } from '../../supply/supply.js'
import { SCR_CHECK_KINDS, SCR_CHECK_NAMES } from '../../supply/supply.js'
import { AddSection, ButtonForm, SelectField, TextField, type FormState, type Option } from '../../ui/form-fields.js'
import { shortDate } from '../../ui/dates.js'
import { RecordsTable } from '../../ui/tables.js'
import { checkField } from '../supply-forms.js'
import { EditPage, type BackTo, type EditState } from './edit-conflict.js'
import { ManagerLayout, type PageFrame } from './layout.js'

type Frame = Omit<PageFrame, 'title' | 'section'>

export const SUPPLY_LABELS: Record<string, string> = {
  name: 'Name',
  code: 'Short name',
  grade: 'Grade',
  agency: 'Agency',
  rate: 'Rate (£)',
  rateUnit: 'Paid by the',
  ...Object.fromEntries(
    SCR_CHECK_KINDS.flatMap((k) => [
      [checkField(k, 'on'), `${SCR_CHECK_NAMES[k]}: date seen`],
      [checkField(k, 'until'), `${SCR_CHECK_NAMES[k]}: valid until`],
    ]),
  ),
}

const UNITS: Option[] = [
  { value: 'day', label: 'day' },
  { value: 'hour', label: 'hour' },
]

/** "£145.00 a day" */
export const rateText = (p: Pick<SupplyPersonView, 'ratePence' | 'rateUnit'>) =>
  `£${(p.ratePence / 100).toFixed(2)} ${p.rateUnit === 'day' ? 'a day' : 'an hour'}`

const CheckCell: FC<{ p: SupplyPersonView; kind: (typeof SCR_CHECK_KINDS)[number] }> = ({ p, kind }) => {
  const c = p.checks[kind]
  if (!c) return <td>Not seen</td>
  return (
    <td>
      Seen {c.checkedOn}
      {c.expiresOn ? <>, valid until {c.expiresOn}</> : <>, does not expire</>}
    </td>
  )
}

/** Can they work today, in words. */
export const TodayCell: FC<{ p: SupplyPersonView }> = ({ p }) =>
  p.canWorkToday ? (
    <td>Can work</td>
  ) : (
    <td>
      <strong>Cannot work: {p.cannotWork}</strong>
    </td>
  )

/** The fields of a supply person, the same on the add form and the Edit page. */
export const SupplyFields: FC<{ form: string; state: FormState; grades: Option[] }> = ({ form, state, grades }) => (
  <>
    <div class="row">
      <TextField form={form} state={state} name="name" label={SUPPLY_LABELS.name as string} required />
      <TextField form={form} state={state} name="code" label={SUPPLY_LABELS.code as string} hint='Used in the rota, e.g. "sup-sam"' required />
    </div>
    <div class="row">
      <SelectField
        form={form}
        state={state}
        name="grade"
        label={SUPPLY_LABELS.grade as string}
        hint="Says what work they may be given"
        options={grades}
        required
      />
      <TextField form={form} state={state} name="agency" label={SUPPLY_LABELS.agency as string} required />
    </div>
    <div class="row">
      <TextField form={form} state={state} name="rate" label={SUPPLY_LABELS.rate as string} hint="e.g. 145.00" inputmode="decimal" required />
      <SelectField form={form} state={state} name="rateUnit" label={SUPPLY_LABELS.rateUnit as string} options={UNITS} required />
    </div>
    {SCR_CHECK_KINDS.map((k) => (
      <fieldset>
        <legend>{SCR_CHECK_NAMES[k]}</legend>
        <div class="row">
          <TextField form={form} state={state} name={checkField(k, 'on')} type="date" label="Date seen" hint="Empty: not seen yet" />
          <TextField form={form} state={state} name={checkField(k, 'until')} type="date" label="Valid until" hint="Empty: does not expire" />
        </div>
      </fieldset>
    ))}
  </>
)

/** A booking as the page lists it: who, and the Monday of its week for the link there. */
export type BookedDay = SupplyBooking & { name: string; monday: string }

/** Their booked days from today on, each with a Cancel that plans its week again. */
const Bookings: FC<{ bookings: BookedDay[]; paths: Frame['paths'] }> = ({ bookings, paths }) => (
  <section aria-labelledby="supply-booked">
    <h2 id="supply-booked">Booked days</h2>
    {bookings.length === 0 ? (
      <p class="quiet">Nobody is booked from today on. Book supply from a week whose seats are unfilled.</p>
    ) : (
      <ul>
        {bookings.map((b) => {
          const what = `${b.name}, ${shortDate(b.date)}, ${b.start}-${b.end}`
          return (
            <li>
              <div class="row-actions">
                <span>{what}</span>
                <a href={paths.week(b.monday)} class="small-link">
                  The week<span class="visually-hidden"> of {what}</span>
                </a>
                <ButtonForm action={paths.cancelBooking(b.id)} text="Cancel" context={`booking of ${what}`} class="small danger" />
              </div>
            </li>
          )
        })}
      </ul>
    )}
  </section>
)

export const SupplyPage: FC<{ frame: Frame; people: SupplyPersonView[]; grades: Option[]; form: FormState; bookings: BookedDay[] }> = ({
  frame,
  people,
  grades,
  form,
  bookings,
}) => (
  <ManagerLayout {...frame} title="Supply and agency staff" section="supply">
    <p>
      Supply staff work only on days you book them, from a week's page where seats are unfilled. On any day one of their checks is missing, not yet seen or
      expired, the rota never gives them work.
    </p>
    <RecordsTable
      items={people}
      caption="Supply and agency staff, their checks and whether they can work today"
      columns={['Name', 'Agency', 'Rate', ...SCR_CHECK_KINDS.map((k) => SCR_CHECK_NAMES[k]), 'Today']}
      scroll="Supply staff table"
      empty="No supply staff yet: add one below."
      row={(p) => (
        <>
          <th scope="row">
            {p.name} ({p.code})
          </th>
          <td>{p.agency}</td>
          <td>{rateText(p)}</td>
          {SCR_CHECK_KINDS.map((k) => (
            <CheckCell p={p} kind={k} />
          ))}
          <TodayCell p={p} />
        </>
      )}
      edit={(p) => ({ href: frame.paths.edit(frame.paths.supply, p.id), context: p.name })}
      remove={(p) => ({ action: frame.paths.remove(frame.paths.staff, p.id), context: p.name })}
    />
    <Bookings bookings={bookings} paths={frame.paths} />
    <AddSection
      id="add-supply"
      heading="Add a supply person"
      form="supply-form"
      state={form}
      labels={SUPPLY_LABELS}
      action={frame.paths.supply}
      submit="Add supply person"
    >
      <SupplyFields form="supply-form" state={form} grades={grades} />
    </AddSection>
  </ManagerLayout>
)

export const SupplyEditPage: FC<{ frame: Frame; state: EditState; action: string; back: BackTo; person: SupplyPersonView; grades: Option[] }> = (p) => (
  <EditPage
    frame={p.frame}
    section="supply"
    title={`Edit ${p.person.name}`}
    form="supply-edit"
    state={p.state}
    labels={SUPPLY_LABELS}
    action={p.action}
    submit="Save changes"
    back={p.back}
    intro={<p>A check that lapses stops them working from the day after it is valid until, in every week generated from then on.</p>}
  >
    <SupplyFields form="supply-edit" state={p.state} grades={p.grades} />
  </EditPage>
)

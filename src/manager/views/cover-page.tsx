// A week's cover: the lessons and sessions someone else must take, day by day, each with who is
// away, the slot, what it needs and where its seat stands in the week's rota; the form that asks
// for one more (usually for a colleague who rang in sick); and the cover list as a CSV file, shown
// before it is added.
import type { FC } from 'hono/jsx'
import type { CoverRequest } from '../../week/cover-requests.js'
import { longDate } from '../../ui/dates.js'
import { AddSection, ButtonForm, FileField, PostForm, SelectField, TextArea, TextField, type FormState, type Option } from '../../ui/form-fields.js'
import { RecordsTable } from '../../ui/tables.js'
import type { LineProblem } from '../../setup/paste-problems.js'
import type { SeatState, WeekRotaState } from '../work-seats.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { LineProblems } from './setup-terms.js'
import { NeedsCells, RotaLine, SEAT_LABELS, SeatFields } from './work-views.js'
import { WeekSteps, type WeekStep } from './week-steps.js'

type Frame = Omit<PageFrame, 'title' | 'section'>

export const COVER_FORM = 'cover'
const IMPORT_FORM = 'cover-import'
export const COVER_LABELS: Record<string, string> = {
  date: 'Day',
  slot: 'Slot',
  label: 'What needs covering',
  absence: 'Covering for',
  ...SEAT_LABELS,
}

/** A cover request as the page lists it: who it is for and where its seat stands. */
export interface CoverLine {
  cover: CoverRequest
  /** the absent person's name, when the request is for an absence */
  forWhom?: string | undefined
  /** "p3, 11:15-12:15" */
  slotText: string
  seat: SeatState
}

/** The choices the form offers: the school's slots and the week's absences. */
export interface CoverChoices {
  slots: Option[]
  absences: Option[]
}

/** A cover file read and checked, not yet added: what Apply would add. */
export interface CoverPreview {
  text: string
  adds: CoverLine[]
}

export interface CoverImportPanel {
  form: FormState
  problems: LineProblem[]
  preview?: CoverPreview | undefined
}

const byDay = (lines: readonly CoverLine[]): [string, CoverLine[]][] => {
  const days = new Map<string, CoverLine[]>()
  for (const l of lines) days.set(l.cover.date, [...(days.get(l.cover.date) ?? []), l])
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b))
}

const what = (c: CoverRequest) => c.label ?? c.code

/** The request's form fields; the add form and the edit form both draw them. */
export const CoverFields: FC<{ form: string; state: FormState; choices: CoverChoices; days: Option[] }> = ({ form, state, choices, days }) => (
  <>
    <div class="row">
      <SelectField form={form} state={state} name="date" label={COVER_LABELS.date as string} options={days} required />
      <SelectField form={form} state={state} name="slot" label={COVER_LABELS.slot as string} placeholder="Choose a slot" options={choices.slots} required />
    </div>
    <TextField form={form} state={state} name="label" label={COVER_LABELS.label as string} hint='e.g. "9X Maths, room M4"' wide />
    <SelectField
      form={form}
      state={state}
      name="absence"
      label={COVER_LABELS.absence as string}
      hint="The absence this cover is for, if any (record it on the Absences page first)"
      placeholder="Nobody in particular"
      options={choices.absences}
    />
    <SeatFields form={form} state={state} labels={COVER_LABELS} />
    <TextField form={form} state={state} name="code" label={COVER_LABELS.code as string} hint="Optional: left empty, one is made from the day and slot" />
  </>
)

const CoverTable: FC<{ lines: CoverLine[]; caption: string; frame: Frame; monday: string; actions: boolean }> = ({
  lines,
  caption,
  frame,
  monday,
  actions,
}) => (
  <RecordsTable
    items={lines}
    caption={caption}
    scroll={caption}
    columns={['What needs covering', 'Covering for', 'Slot', 'Needs', 'Priority', ...(actions ? ['Seat'] : [])]}
    row={(l) => (
      <>
        <th scope="row">{what(l.cover)}</th>
        <td>{l.forWhom ?? '–'}</td>
        <td>{l.slotText}</td>
        <NeedsCells work={l.cover} seat={actions ? l.seat : undefined} />
      </>
    )}
    {...(actions
      ? {
          edit: (l: CoverLine) => ({ href: frame.paths.edit(frame.paths.cover(monday), l.cover.id), context: `cover for ${what(l.cover)}` }),
          remove: (l: CoverLine) => ({ action: frame.paths.remove(frame.paths.cover(monday), l.cover.id), context: `cover for ${what(l.cover)}` }),
        }
      : {})}
  />
)

const CoverList: FC<{ lines: CoverLine[]; frame: Frame; monday: string }> = ({ lines, frame, monday }) => (
  <section aria-labelledby="cover-days">
    <h2 id="cover-days">Cover requests, by day</h2>
    {lines.length === 0 ? <p class="quiet">No cover asked for this week.</p> : null}
    {byDay(lines).map(([date, day]) => (
      <>
        <h3>{longDate(date)}</h3>
        <CoverTable lines={day} caption={`Cover on ${longDate(date)}`} frame={frame} monday={monday} actions />
      </>
    ))}
  </section>
)

const ImportSection: FC<{ frame: Frame; monday: string; panel: CoverImportPanel }> = ({ frame, monday, panel }) => (
  <section aria-labelledby="cover-import">
    <h2 id="cover-import">Add cover from a CSV file</h2>
    <p>
      For example the cover list an exams or cover officer keeps. The first line names the columns: date and slot (required), and optionally label, staff
      (people needed), skills ("first-aid:1"), priority (1 to 5), code and absence. Every row must be in this week. You see what the file adds before anything
      is saved; if any row has a problem, nothing is added and each bad row is named.
    </p>
    <LineProblems form={IMPORT_FORM} field="text" problems={panel.problems} what="file" />
    {panel.preview ? <PreviewPanel preview={panel.preview} frame={frame} monday={monday} /> : null}
    <PostForm action={frame.paths.coverImport(monday)} id={IMPORT_FORM} multipart busy="Reading the file…">
      <FileField form={IMPORT_FORM} name="file" label="CSV file" accept=".csv,text/csv" fill="text" />
      <TextArea form={IMPORT_FORM} state={panel.form} name="text" label="Or paste the CSV here" hint="A file, if chosen, is read instead." rows={6} />
      <button type="submit">Preview the file</button>
    </PostForm>
  </section>
)

const PreviewPanel: FC<{ preview: CoverPreview; frame: Frame; monday: string }> = ({ preview, frame, monday }) => (
  <section class="notice" aria-labelledby="cover-preview">
    <h3 id="cover-preview">
      This file adds {preview.adds.length} cover {preview.adds.length === 1 ? 'request' : 'requests'}
    </h3>
    <CoverTable lines={preview.adds} caption="Cover requests the file adds" frame={frame} monday={monday} actions={false} />
    <p class="hint">Nothing is added until you apply it. Nothing already asked for is changed or deleted.</p>
    <ButtonForm action={frame.paths.coverImport(monday)} text="Add these cover requests" hidden={{ text: preview.text, apply: 'yes' }} class="primary" />
  </section>
)

export interface CoverPageProps {
  frame: Frame
  monday: string
  /** the school weeks either side, over any holiday between */
  previous: WeekStep
  next: WeekStep
  rota: WeekRotaState
  lines: CoverLine[]
  choices: CoverChoices
  days: Option[]
  form: FormState
  importPanel: CoverImportPanel
}

export const CoverPage: FC<CoverPageProps> = (p) => (
  <ManagerLayout {...p.frame} title={`Cover, week of ${longDate(p.monday)}`} section="cover">
    <nav aria-label="Weeks">
      <ul>
        <WeekSteps href={p.frame.paths.cover} previous={p.previous} next={p.next} />
        <li>
          <a href={p.frame.paths.events}>Events</a>
        </li>
      </ul>
    </nav>
    <RotaLine state={p.rota} paths={p.frame.paths} monday={p.monday} weekName="week" />
    <CoverList lines={p.lines} frame={p.frame} monday={p.monday} />
    <AddSection
      id="cover-add"
      heading="Ask for cover"
      intro={<p>A lesson or session someone else must take, e.g. for a colleague who rang in sick. Generate the week again for it to be filled.</p>}
      form={COVER_FORM}
      state={p.form}
      labels={COVER_LABELS}
      action={p.frame.paths.cover(p.monday)}
      submit="Add cover request"
    >
      <CoverFields form={COVER_FORM} state={p.form} choices={p.choices} days={p.days} />
    </AddSection>
    <ImportSection frame={p.frame} monday={p.monday} panel={p.importPanel} />
  </ManagerLayout>
)

// The Edit page of one absence: the record form's fields, pre-filled, in the shared Edit frame.
// Saving re-plans every published week the changed absence clashes with, as recording one does.
import type { FC } from 'hono/jsx'
import type { Option } from '../../ui/form-fields.js'
import { ABSENCE_LABELS, AbsenceFields } from './absences-page.js'
import { EditPage, type BackTo, type EditState } from './edit-conflict.js'
import type { PageFrame } from './layout.js'

export const ABSENCE_EDIT_FORM = 'absence-edit'

export const AbsenceEditPage: FC<{
  frame: Omit<PageFrame, 'title' | 'section'>
  state: EditState
  action: string
  back: BackTo
  who: string
  staff: Option[]
}> = (p) => (
  <EditPage
    {...p}
    section="absences"
    title={`Edit the absence of ${p.who}`}
    intro={
      <p>
        Saving re-plans every published week the absence now clashes with, changing as little as possible. You review the re-plan before staff see it. The
        private detail given through the API, if any, is kept.
      </p>
    }
    form={ABSENCE_EDIT_FORM}
    labels={ABSENCE_LABELS}
    submit="Save and re-plan"
  >
    <AbsenceFields form={ABSENCE_EDIT_FORM} state={p.state} staff={p.staff} />
  </EditPage>
)

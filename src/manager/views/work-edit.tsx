// The edit page of one cover request or event: its form, filled with what is saved (or with what
// was typed, after a refused save), carrying the version it was read at; after a stale save, both
// versions above the form.
import type { Child, FC } from 'hono/jsx'
import { ErrorSummary, PostForm, type FormState } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame, type Section } from './layout.js'
import { EditConflict, type ConflictRow } from './work-conflict.js'

export interface EditPageProps {
  frame: Omit<PageFrame, 'title' | 'section'>
  section: Extract<Section, 'cover' | 'events'>
  title: string
  /** "this cover request" */
  what: string
  form: string
  state: FormState
  labels: Record<string, string>
  action: string
  /** the version the form was read at: a save names it, so a save over someone else's is refused */
  version: number
  back: { href: string; text: string }
  conflict?: ConflictRow[] | undefined
  children?: Child
}

export const EditPage: FC<EditPageProps> = (p) => (
  <ManagerLayout {...p.frame} title={p.title} section={p.section}>
    <p>
      <a href={p.back.href}>{p.back.text}</a>
    </p>
    {p.conflict ? <EditConflict what={p.what} rows={p.conflict} /> : null}
    <ErrorSummary form={p.form} state={p.state} labels={p.labels} />
    <PostForm action={p.action} id={p.form}>
      <input type="hidden" name="version" value={String(p.version)} />
      {p.children}
      <button type="submit" class="primary">
        Save changes
      </button>
    </PostForm>
    <p class="quiet">Saving changes {p.what} only: generate the week again for the rota to follow.</p>
  </ManagerLayout>
)

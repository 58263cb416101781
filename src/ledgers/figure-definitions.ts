// One definition of each fairness and hours figure, with the sentence that explains it. The staff
// phone page, the manager's reports and the CSV headings all name a figure from here, so a person
// and their manager read the same number under the same words.

export interface FigureDefinition {
  /** the heading on a page */
  label: string
  /** what it counts, in one line */
  explains: string
  /** the CSV column that carries it */
  column: string
}

export const FIGURES = {
  week: {
    label: 'This week',
    explains: 'Duties and cover in the published rota for this week.',
    column: 'week_total',
  },
  halfTerm: {
    label: 'This half term',
    explains: 'Duties and cover in published rotas this half term, as planned by Duty Rota.',
    column: 'half_term_total',
  },
  term: {
    label: 'This term',
    explains: 'Duties and cover in published rotas this term, plus any carried in from before Duty Rota.',
    column: 'term_total',
  },
  year: {
    label: 'This school year',
    explains: 'Duties and cover in published rotas since 1 September, plus any carried in from before Duty Rota.',
    column: 'year_total',
  },
  carried: {
    label: 'Carried in',
    explains: 'Duties done this term before Duty Rota planned them: a starting balance the school entered, already inside the term and year figures.',
    column: 'carried_in',
  },
  fairShare: {
    label: 'Fair share',
    explains: "Everyone's duties and cover this term (this school year without term dates) shared out in proportion to contracted hours.",
    column: 'fair_share',
  },
  perFte: {
    label: 'Per full-time post',
    explains: 'The term figure scaled to full-time hours, so part-time colleagues compare fairly.',
    column: 'term_per_fte',
  },
  hoursUsed: {
    label: 'Additional hours used',
    explains: 'Hours on INSET days and evening events this school year beyond the contracted pattern.',
    column: 'additional_used',
  },
  hoursLeft: {
    label: 'Additional hours left',
    explains: 'The contract’s additional-hours allowance this school year minus the hours used.',
    column: 'additional_remaining',
  },
} as const satisfies Record<string, FigureDefinition>

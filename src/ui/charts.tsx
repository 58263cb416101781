// Small horizontal bar charts as inline SVG: one bar per person with a line at their fair
// share. Presentation attributes only (no style attribute), so the strict CSP draws them. The
// picture repeats a table printed next to it, so it is hidden from screen readers, who read the
// table instead; the share is a line and the bar a block, so neither relies on colour.
import type { FC } from 'hono/jsx'

export interface BarRow {
  label: string
  value: number
  /** where the fair-share line goes; none for rows without one */
  reference?: number
}

const ROW = 26
const LABEL_WIDTH = 190
const BAR_WIDTH = 380
const VALUE_WIDTH = 120

/** Ticks at whole numbers (or halves and fifths for small scales) up to the largest figure. */
function scaleMax(rows: readonly BarRow[]): number {
  const top = Math.max(1, ...rows.map((r) => Math.max(r.value, r.reference ?? 0)))
  return Math.ceil(top)
}

export const BarChart: FC<{ caption: string; rows: BarRow[]; valueLabel: string; referenceLabel: string }> = ({
  caption,
  rows,
  valueLabel,
  referenceLabel,
}) => {
  const max = scaleMax(rows)
  const x = (v: number) => LABEL_WIDTH + (v / max) * BAR_WIDTH
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
  const height = rows.length * ROW + 34
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        aria-hidden="true"
        focusable="false"
        font-family="system-ui, sans-serif"
        font-size="13"
      >
        {rows.map((r, i) => {
          const y = i * ROW
          return (
            <g>
              <text x={LABEL_WIDTH - 8} y={y + 17} text-anchor="end" fill="#1a1a1a">
                {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 5} width={Math.max(0, x(r.value) - LABEL_WIDTH)} height={ROW - 10} fill="#0b57d0" />
              {r.reference !== undefined ? (
                <line x1={x(r.reference)} x2={x(r.reference)} y1={y + 1} y2={y + ROW - 1} stroke="#1a1a1a" stroke-width="3" />
              ) : null}
              <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 17} fill="#1a1a1a">
                {r.reference !== undefined ? `${r.value} / ${r.reference}` : `${r.value}`}
              </text>
            </g>
          )
        })}
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={rows.length * ROW} stroke="#767676" stroke-width="1" />
        <rect x={LABEL_WIDTH} y={rows.length * ROW + 12} width={14} height={12} fill="#0b57d0" />
        <text x={LABEL_WIDTH + 20} y={rows.length * ROW + 22} fill="#1a1a1a">
          {valueLabel}
        </text>
        <line x1={LABEL_WIDTH + 190} x2={LABEL_WIDTH + 190} y1={rows.length * ROW + 9} y2={rows.length * ROW + 27} stroke="#1a1a1a" stroke-width="3" />
        <text x={LABEL_WIDTH + 198} y={rows.length * ROW + 22} fill="#1a1a1a">
          {referenceLabel}
        </text>
      </svg>
    </figure>
  )
}

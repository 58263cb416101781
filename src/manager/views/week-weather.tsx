// The week page's wet-weather switches: one per day still to come, made for a phone in the
// playground at 08:30. Switching makes the re-plan draft at once (src/week/wet-days.ts), which
// the page then shows for review before it is published.
import type { FC } from 'hono/jsx'
import type { NamedAlternative } from '../../week/wet-week.js'
import { shortDate } from '../../ui/dates.js'
import { PostForm } from '../../ui/form-fields.js'
import type { PageFrame } from './layout.js'

export interface WeatherDay {
  date: string
  wet: boolean
  today: boolean
}

export interface WeekWeather {
  alternatives: NamedAlternative[]
  /** the open days from today on: the days whose weather can still change */
  days: WeatherDay[]
}

const dayName = (d: WeatherDay) => (d.today ? 'today' : `on ${shortDate(d.date)}`)

/** `version`: the week's, so a switch over a draft someone made since is refused, as a generate is. */
export const WeatherSection: FC<{ weather: WeekWeather; paths: PageFrame['paths']; monday: string; version: number }> = ({
  weather,
  paths,
  monday,
  version,
}) => (
  <section aria-labelledby="weather-title" class="no-print">
    <h2 id="weather-title">Wet weather</h2>
    {weather.alternatives.length === 0 ? (
      <p>
        No duty post has a wet-weather alternative yet. To have one, open the indoor post's Edit page under <a href={paths.posts}>Duty posts</a> and choose the
        post it replaces on wet days.
      </p>
    ) : (
      <>
        <p>
          On a wet day {weather.alternatives.map((a) => `${a.wetName} runs instead of ${a.dryName}`).join('; ')}. Switching a day makes the re-plan at once,
          keeping everyone it can where they were; publish it to tell them.
        </p>
        {weather.days.length === 0 ? <p>No day of this week is still to come.</p> : null}
        <ul class="weather-days">
          {weather.days.map((d) => (
            <li>
              <PostForm action={paths.weather(monday, d.date)} busy="Re-planning the day…">
                <input type="hidden" name="wet" value={d.wet ? 'off' : 'on'} />
                <input type="hidden" name="version" value={String(version)} />
                <p id={`weather-${d.date}`}>
                  {d.today ? 'Today' : shortDate(d.date)}: {d.wet ? 'wet weather' : 'dry weather'}
                </p>
                <button type="submit" class={d.wet ? undefined : 'primary'} aria-describedby={`weather-${d.date}`}>
                  {d.wet ? `Back to dry weather ${dayName(d)}` : `Wet weather ${dayName(d)}`}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      </>
    )}
  </section>
)

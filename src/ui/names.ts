// People as a school lists them: by surname, then first name. Staff carry one name field, so
// the surname is taken to be its last word ("Amira Patel" → Patel, Amira). That is a simple rule
// and it misfiles a few names ("Mary van Dyke" under D, not V); the code breaks any tie, so
// the order is the same on every load.

interface Named {
  name: string
  code: string
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

/** "Amira Jane Patel" → ["Patel", "Amira Jane"]: the sort key of one name. */
export function surnameFirst(name: string): [surname: string, rest: string] {
  const words = name.trim().split(/\s+/)
  const surname = words.pop() ?? ''
  return [surname, words.join(' ')]
}

/** A comparator for Array.sort: surname, then first names, then code. */
export function bySurname(a: Named, b: Named): number {
  const [aSurname, aRest] = surnameFirst(a.name)
  const [bSurname, bRest] = surnameFirst(b.name)
  return collator.compare(aSurname, bSurname) || collator.compare(aRest, bRest) || collator.compare(a.code, b.code)
}

/** A select's choices of people: value the code, label the name, in surname order. */
export function staffChoices(staff: readonly Named[]): { value: string; label: string }[] {
  return [...staff].sort(bySurname).map((s) => ({ value: s.code, label: s.name }))
}

// The order a school lists people in: surname (the name's last word), then first names.
import { expect, it } from 'vitest'
import { bySurname } from '../../src/ui/names.js'

const ordered = (people: [code: string, name: string][]) =>
  people
    .map(([code, name]) => ({ code, name }))
    .sort(bySurname)
    .map((p) => p.name)

it('puts people in surname order, first names breaking a tie, whatever their case or spacing', () => {
  expect(
    ordered([
      ['ZZ', 'amira  Patel'],
      ['AA', 'Ben Jones'],
      ['MM', 'Abe Patel'],
      ['KK', 'Cara Jane doyle'],
    ]),
  ).toEqual(['Cara Jane doyle', 'Ben Jones', 'Abe Patel', 'amira  Patel'])
})

it('lists two people of the same name by their codes, so the order never changes between loads', () => {
  const people = [
    { code: 'SM2', name: 'Sam Smith' },
    { code: 'SM1', name: 'Sam Smith' },
  ]
  expect([...people].sort(bySurname).map((p) => p.code)).toEqual(['SM1', 'SM2'])
})

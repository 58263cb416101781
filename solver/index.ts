// The solver's public API: scenario in, rota out, pure and synchronous.
export { solve, PinError } from './solve.js'
export type { SolveOptions } from './solve.js'
export { checkRota } from './check.js'
export type { RuleProblem } from './check.js'
export { parseScenario, parseRota, SCENARIO_FORMAT, ROTA_FORMAT } from './scenario.js'
export type { Scenario, Rota, Assignment, Unfilled, Staff, Duty, Slot, Grade, FieldProblem, Parsed } from './scenario.js'
export type { PinProblem } from './pins.js'

import { z } from 'zod'
import { WORK_KINDS } from '../../solver/scenario.js'
import { schoolResourceRoutes } from '../platform/http/crud-routes.js'
import { pageQuery } from '../platform/http/pagination.js'
import { createGrade, deleteGrade, getGrade, listGrades, updateGrade } from './grades.js'
import { code, hourlyRate, name } from '../platform/fields.js'

const gradeBody = z.strictObject({
  code,
  name,
  dutyKinds: z.array(z.enum(WORK_KINDS)).refine((kinds) => new Set(kinds).size === kinds.length, 'lists a kind more than once'),
  /** pounds an hour; null clears it, and left out it stays as it was */
  hourlyRate: hourlyRate.nullable().optional(),
})

export const gradeRoutes = schoolResourceRoutes(
  '/schools/:schoolId/grades',
  { body: gradeBody, query: pageQuery },
  { list: listGrades, get: getGrade, create: createGrade, update: updateGrade, delete: deleteGrade },
)

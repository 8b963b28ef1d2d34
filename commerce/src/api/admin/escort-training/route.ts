import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_MODULE } from "../../../modules/escort"
import type EscortModuleService from "../../../modules/escort/service"
import { refreshTrainingCoursesIfStale } from "../../../workflows/escort-training/sync-training-courses"
import { readTrainingProgress } from "../../../workflows/escort-training/read-training-progress"
import { presentTrainingCourse } from "../../escort-training-presenters"

/**
 * GET /admin/escort-training → `{ courses, escorts }`: 培训考试 for staff, every escort
 * (applicants included) with their standing on each course and whether the training gate
 * lets them take tasks.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await refreshTrainingCoursesIfStale(req.scope)
  const escorts = await req.scope
    .resolve<EscortModuleService>(ESCORT_MODULE)
    .listEscorts({}, { take: 500, order: { created_at: "DESC" } })
  const { courses, progress } = await readTrainingProgress(
    req.scope,
    escorts.map((escort) => escort.id)
  )
  res.json({
    courses: courses.map((course) => presentTrainingCourse(course, null)),
    escorts: escorts.map((escort) => {
      const standing = progress.get(escort.id)!
      return {
        id: escort.id,
        name: escort.name,
        city: escort.city,
        status: escort.status,
        qualified: standing.qualified,
        missing_required: standing.missing_required,
        courses: courses.map((course) => ({
          course_id: course.cms_id,
          ...standing.courses.get(course.cms_id)!,
        })),
      }
    }),
  })
}

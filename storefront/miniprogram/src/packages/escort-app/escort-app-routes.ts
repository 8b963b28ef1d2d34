const ROOT = "/packages/escort-app"
const withId = (page: string, id: string) => `${ROOT}/${page}/index?id=${encodeURIComponent(id)}`

/** The escort app's pages (the 我的 page links to `tasks`). */
export const escortRoutes = {
  login: (next?: string) =>
    next ? `${ROOT}/login/index?next=${encodeURIComponent(next)}` : `${ROOT}/login/index`,
  tasks: `${ROOT}/tasks/index`,
  task: (id: string) => withId("task", id),
  schedule: `${ROOT}/schedule/index`,
  income: `${ROOT}/income/index`,
  messages: (id: string) => withId("messages", id),
  report: (id: string) => withId("report", id),
  /** 陪诊员入驻申请: any number may sign in here and apply. */
  apply: `${ROOT}/apply/index`,
  /** 培训考试: courses, a course's lessons, its exam (ids are course ids). */
  training: `${ROOT}/training/index`,
  trainingCourse: (courseId: string) => withId("training-course", courseId),
  trainingExam: (courseId: string) => withId("training-exam", courseId),
}

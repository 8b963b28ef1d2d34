import Taro from "@tarojs/taro"
import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import type { ExamAttempt, TrainingCourse, TrainingOverview } from "@health/core"
import EscortTrainingPage from "../src/packages/escort-app/training/index"
import EscortTrainingCoursePage from "../src/packages/escort-app/training-course/index"
import EscortTrainingExamPage from "../src/packages/escort-app/training-exam/index"
import EscortTasks from "../src/packages/escort-app/tasks/index"
import { escortSession } from "../src/packages/escort-app/escort-session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

// The device APIs these pages use, played per test (the shared stand-in always confirms).
const device = Taro as unknown as Record<string, unknown>
let confirmSubmit = true
const modals: string[] = []
const clipboard: string[] = []

beforeEach(() => {
  stand.reset()
  modals.length = 0
  clipboard.length = 0
  confirmSubmit = true
  escortSession.setToken("esc_tok")
  stand.params = { id: "course_1" }
  device.showModal = jest.fn(async (option: { title: string }) => {
    modals.push(option.title)
    return { confirm: confirmSubmit, cancel: !confirmSubmit }
  })
  device.setClipboardData = jest.fn(async (option: { data: string }) => {
    clipboard.push(option.data)
  })
  device.pageScrollTo = jest.fn(async () => undefined)
})

const COURSE = "/escort/training/courses/course_1"

const course = (extra: Partial<TrainingCourse> = {}): TrainingCourse => ({
  id: "course_1",
  title: "陪诊服务规范",
  summary: "接单前必学",
  scope: { hospital: null, department: null, specialty: null },
  required: true,
  refresher_months: 12,
  lesson_count: 2,
  exam: { pass_mark_percent: 80, question_count: 2, retry_cooldown_minutes: 30 },
  progress: {
    state: "in_progress",
    label: "学习中",
    attempt_id: null,
    last_score_percent: null,
    retry_at: null,
    certificate: null,
    lessons_read: 0,
    lesson_count: 2,
  },
  lessons: [
    {
      key: "l1",
      read: false,
      title: "接待与核对",
      body: "## 见面\n\n核对**就诊人**身份。",
      images: [{ url: "https://cdn.example.cn/meet.jpg", alt: null }],
      video_url: "https://video.example.cn/meet.mp4",
    },
    { key: "l2", read: true, title: "隐私保护", body: "不拍摄病历。", images: [], video_url: null },
  ],
  ...extra,
})

const openTask = {
  id: "escbk_1",
  status: "awaiting_escort",
  status_label: "待接单",
  service: { id: "prod_1", name: "半日陪诊" },
  hospital: { id: "h1", name: "中南大学湘雅医院" },
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  time_window: { start: "08:00", end: "12:00" },
  person: null,
  meeting_point: null,
  needs: [],
  price_fen: 19900,
  created_at: "2026-12-06T08:00:00.000Z",
}

const questions = (): ExamAttempt["questions"] => [
  {
    id: "q1",
    number: 1,
    kind: "single",
    kind_label: "单选题",
    stem: "见面后先做什么？",
    options: [
      { key: "a", text: "核对身份" },
      { key: "b", text: "直接挂号" },
    ],
  },
  {
    id: "q2",
    number: 2,
    kind: "multiple",
    kind_label: "多选题",
    stem: "哪些属于隐私？",
    options: [
      { key: "a", text: "病历" },
      { key: "b", text: "医院地址" },
      { key: "c", text: "手机号" },
    ],
  },
]

const attempt = (extra: Partial<ExamAttempt> = {}): ExamAttempt => ({
  id: "att_1",
  course_id: "course_1",
  course_title: "陪诊服务规范",
  status: "in_progress",
  status_label: "考试中",
  pass_mark_percent: 80,
  started_at: "2026-12-07T02:00:00.000Z",
  submitted_at: null,
  questions: questions(),
  result: null,
  ...extra,
})

describe("陪诊员培训考试 (mini-program)", () => {
  it("shows the gate, each course's progress, certificate and cool-down, and opens a course", async () => {
    const overview: TrainingOverview = {
      qualified: false,
      missing_required: ["course_1"],
      message: "完成必修培训并通过考试后才能接单：《陪诊服务规范》",
      courses: [
        course({ scope: { hospital: "湘雅医院", department: "心内科", specialty: null } }),
        course({
          id: "course_2",
          title: "急救常识",
          required: false,
          progress: {
            ...course().progress!,
            state: "cooling_down",
            label: "冷却中",
            last_score_percent: 60,
            retry_at: new Date(Date.now() + 10 * 60_000).toISOString(),
          },
        }),
        course({
          id: "course_3",
          title: "院感防护",
          progress: {
            ...course().progress!,
            state: "passed",
            label: "已通过",
            lessons_read: 2,
            certificate: {
              id: "cert_1",
              issued_at: "2026-12-06T16:30:00.000Z",
              expires_at: "2027-12-06T16:30:00.000Z",
              score_percent: 95,
            },
          },
        }),
      ],
    }
    fakeBackend({ "GET /escort/training": { training: overview } })
    render(<EscortTrainingPage />)
    expect((await screen.findByTestId("escort-training-gate")).textContent).toBe(
      "完成必修培训并通过考试后才能接单：《陪诊服务规范》"
    )
    const cards = screen.getAllByTestId("escort-training-course")
    expect(cards).toHaveLength(3)
    expect(cards[0].textContent).toContain("适用：湘雅医院 · 心内科")
    expect(cards[0].textContent).toContain("学习中 · 已读 0/2 课时")
    expect(screen.getByTestId("escort-training-cooldown").textContent).toMatch(
      /上次考试 60 分，未通过。还需等待 (9|10) 分 \d\d 秒后可重考/
    )
    // Beijing's date: 2027-12-06T16:30Z is 7 December there.
    expect(screen.getByTestId("escort-training-certificate").textContent).toBe(
      "合格证书 · 95 分 · 有效期至 2027-12-07"
    )
    expect(stand.requests[0].header?.authorization).toBe("Bearer esc_tok")
    fireEvent.click(cards[0])
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/escort-app/training-course/index?id=course_1" },
    ])
  })

  it("says when there are no courses, and that a qualified escort may take tasks", async () => {
    fakeBackend({
      "GET /escort/training": {
        training: { qualified: true, missing_required: [], message: null, courses: [] },
      },
    })
    render(<EscortTrainingPage />)
    await screen.findByTestId("escort-training-empty")
    expect(screen.getByTestId("escort-training-qualified").textContent).toContain("可以接单")
    expect(screen.queryByTestId("escort-training-gate")).toBeNull()
  })

  it("links to 培训考试 from the task center", async () => {
    fakeBackend({ "GET /escort/tasks": { tasks: [] } })
    render(<EscortTasks />)
    await screen.findByTestId("escort-tasks-empty-open")
    fireEvent.click(screen.getByTestId("escort-training-link"))
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/escort-app/training/index" },
    ])
  })

  it("a grab refused by the training gate says why and links to the courses", async () => {
    fakeBackend({
      "GET /escort/tasks": ({ url }: { url: URL }) => ({
        body: { tasks: url.searchParams.get("status") === "open" ? [openTask] : [] },
      }),
      "POST /escort/tasks/escbk_1/accept": refuse(
        400,
        "完成必修培训并通过考试后才能接单：《陪诊服务规范》"
      ),
    })
    render(<EscortTasks />)
    fireEvent.click(await screen.findByTestId("escort-accept"))
    expect((await screen.findByTestId("escort-task-error")).textContent).toBe(
      "完成必修培训并通过考试后才能接单：《陪诊服务规范》"
    )
    fireEvent.click(screen.getByTestId("escort-task-error-training"))
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/escort-app/training/index" },
    ])
  })

  it("opening a lesson marks it read once and shows its text, pictures and video link", async () => {
    const read: string[] = []
    fakeBackend({
      [`GET ${COURSE}`]: { course: course() },
      [`POST ${COURSE}/lessons/l1/read`]: () => {
        read.push("l1")
        const marked = course()
        marked.progress!.lessons_read = 1
        marked.lessons![0].read = true
        return { body: { course: marked } }
      },
    })
    render(<EscortTrainingCoursePage />)
    expect((await screen.findByTestId("escort-training-reading")).textContent).toBe(
      "已读 0/2 课时，点开课时即记为已读"
    )
    const [first, second] = screen.getAllByTestId("escort-training-lesson-title")
    fireEvent.click(first)
    const body = screen.getByTestId("escort-training-lesson-body")
    expect(body.querySelector("h2")?.textContent).toBe("见面")
    expect(body.querySelector("strong")?.textContent).toBe("就诊人")
    expect(screen.getByTestId("escort-training-lesson-image").getAttribute("src")).toBe(
      "https://cdn.example.cn/meet.jpg"
    )
    await waitFor(() =>
      expect(screen.getByTestId("escort-training-reading").textContent).toContain("已读 1/2")
    )
    fireEvent.click(screen.getByTestId("escort-training-lesson-video"))
    await waitFor(() => expect(clipboard).toEqual(["https://video.example.cn/meet.mp4"]))
    // Closing and opening again, and opening a lesson read before, mark nothing more.
    fireEvent.click(first)
    fireEvent.click(first)
    fireEvent.click(second)
    await waitFor(() => expect(screen.getByText("不拍摄病历。")).toBeTruthy())
    expect(read).toEqual(["l1"])
    expect(calls().filter((c) => c.endsWith("/read"))).toEqual([`POST ${COURSE}/lessons/l1/read`])
    fireEvent.click(screen.getByTestId("escort-training-start-exam"))
    expect(stand.navigations).toEqual([
      { kind: "navigateTo", url: "/packages/escort-app/training-exam/index?id=course_1" },
    ])
  })

  it("answers single and multiple choice, confirms an unanswered submit, and shows the pass", async () => {
    const submitted: unknown[] = []
    fakeBackend({
      [`POST ${COURSE}/attempts`]: { attempt: attempt() },
      "POST /escort/training/attempts/att_1/submit": ({ body }: { body: unknown }) => {
        submitted.push(body)
        return {
          body: {
            attempt: attempt({
              status: "passed",
              status_label: "已通过",
              result: { passed: true, score_percent: 100, correct_count: 2, total: 2 },
              questions: questions().map((q) => ({ ...q, right: true, explanation: null })),
            }),
            certificate: {
              id: "cert_1",
              course_title: "陪诊服务规范",
              issued_at: "2026-12-07T02:10:00.000Z",
              expires_at: "2027-12-07T02:10:00.000Z",
            },
          },
        }
      },
    })
    render(<EscortTrainingExamPage />)
    await waitFor(() => expect(screen.getAllByTestId("escort-training-question")).toHaveLength(2))
    const options = screen.getAllByTestId("escort-training-option")
    fireEvent.click(options[1]) // single: b, then a replaces it
    fireEvent.click(options[0])
    expect(screen.getByTestId("escort-training-submit").textContent).toBe("交卷（还有 1 题未作答）")
    // Cancelling the confirm keeps the sheet open and sends nothing.
    confirmSubmit = false
    fireEvent.click(screen.getByTestId("escort-training-submit"))
    await waitFor(() => expect(modals).toEqual(["还有 1 题未作答"]))
    expect(submitted).toEqual([])
    fireEvent.click(options[2]) // multiple: a and c, b toggled on and off
    fireEvent.click(options[3])
    fireEvent.click(options[4])
    fireEvent.click(options[3])
    expect(screen.getByTestId("escort-training-submit").textContent).toBe("交卷")
    fireEvent.click(screen.getByTestId("escort-training-submit"))
    expect((await screen.findByTestId("escort-training-passed")).textContent).toBe(
      "考试通过！得分 100 分（答对 2/2）。合格证书已发放，有效期至 2027-12-07。"
    )
    expect(modals).toHaveLength(1)
    expect(submitted).toEqual([{ answers: { q1: ["a"], q2: ["a", "c"] } }])
  })

  it("submits unanswered questions once confirmed and shows the fail with the cool-down", async () => {
    const submitted: unknown[] = []
    const retryAt = new Date(Date.now() + 30 * 60_000).toISOString()
    fakeBackend({
      [`POST ${COURSE}/attempts`]: { attempt: attempt() },
      "POST /escort/training/attempts/att_1/submit": ({ body }: { body: unknown }) => {
        submitted.push(body)
        const [q1, q2] = questions()
        return {
          body: {
            attempt: attempt({
              status: "failed",
              status_label: "未通过",
              result: { passed: false, score_percent: 50, correct_count: 1, total: 2 },
              questions: [
                { ...q1, chosen: ["a"], right: true, explanation: null },
                { ...q2, chosen: [], right: false, explanation: "病历和手机号都属于隐私。" },
              ],
            }),
            certificate: null,
          },
        }
      },
      [`GET ${COURSE}`]: {
        course: course({
          progress: { ...course().progress!, state: "cooling_down", retry_at: retryAt },
        }),
      },
    })
    render(<EscortTrainingExamPage />)
    await waitFor(() => expect(screen.getAllByTestId("escort-training-question")).toHaveLength(2))
    fireEvent.click(screen.getAllByTestId("escort-training-option")[0])
    fireEvent.click(screen.getByTestId("escort-training-submit"))
    const failed = await screen.findByTestId("escort-training-failed")
    expect(modals).toEqual(["还有 1 题未作答"])
    expect(submitted).toEqual([{ answers: { q1: ["a"] } }])
    expect(failed.textContent).toMatch(
      /^未通过：得分 50 分（答对 1\/2），及格线 80 分。请复习课程，还需等待 (29|30) 分 \d\d 秒后可重考。$/
    )
    const wrong = screen.getAllByTestId("escort-training-wrong")
    expect(wrong).toHaveLength(1)
    expect(wrong[0].textContent).toContain("你的选择：未作答")
    expect(wrong[0].textContent).toContain("解析：病历和手机号都属于隐私。")
  })

  it("shows commerce's refusal during the cool-down, and a refused submit keeps the answers", async () => {
    fakeBackend({
      [`POST ${COURSE}/attempts`]: refuse(400, "考试未通过，请在 12 分钟后重考"),
    })
    const { unmount } = render(<EscortTrainingExamPage />)
    expect((await screen.findByTestId("state-error")).textContent).toContain(
      "考试未通过，请在 12 分钟后重考"
    )
    unmount()

    fakeBackend({
      [`POST ${COURSE}/attempts`]: { attempt: attempt() },
      "POST /escort/training/attempts/att_1/submit": refuse(409, "本次考试已交卷"),
    })
    render(<EscortTrainingExamPage />)
    await waitFor(() => expect(screen.getAllByTestId("escort-training-question")).toHaveLength(2))
    fireEvent.click(screen.getAllByTestId("escort-training-option")[0])
    fireEvent.click(screen.getByTestId("escort-training-submit"))
    expect((await screen.findByTestId("escort-training-exam-error")).textContent).toBe(
      "本次考试已交卷"
    )
    expect(screen.getAllByTestId("escort-training-option")[0].getAttribute("data-chosen")).toBe(
      "true"
    )
    expect(screen.queryByTestId("escort-training-result")).toBeNull()
  })
})

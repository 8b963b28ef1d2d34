import {
  certificateValidUntil,
  chooseExamOption,
  cooldownText,
  createEscortTrainingClient,
  unansweredCount,
} from "../escort/escort-training-client"
import { ApiError, type FetchLike } from "../http"
import { recordingFetch } from "./support/recording-fetch"

const options = (fetch: FetchLike) => ({ baseUrl: "http://shop/", publishableKey: "pk", fetch })

describe("escort training client", () => {
  it("starts an exam for a course and submits the chosen keys, with the escort's token", async () => {
    const attempt = { id: "etatt_1", questions: [], status: "in_progress" }
    const { fetch, calls } = recordingFetch(
      { status: 201, body: { attempt } },
      { body: { attempt: { ...attempt, status: "passed" }, certificate: null } }
    )
    const client = createEscortTrainingClient(options(fetch))
    expect(await client.startExam("tok", "course-privacy")).toEqual(attempt)
    expect(calls[0].url).toBe("http://shop/escort/training/courses/course-privacy/attempts")
    expect(calls[0].init?.method).toBe("POST")
    expect((calls[0].init?.headers as Record<string, string>).authorization).toBe("Bearer tok")
    const submitted = await client.submitExam("tok", "etatt_1", { q1: ["abcd1234"] })
    expect(submitted.attempt.status).toBe("passed")
    expect(calls[1].url).toBe("http://shop/escort/training/attempts/etatt_1/submit")
    expect(JSON.parse(String(calls[1].init?.body))).toEqual({ answers: { q1: ["abcd1234"] } })
  })

  it("marks an opened lesson read by its key, escaped in the path, and returns the course's progress", async () => {
    const course = { id: "course-privacy", progress: { lessons_read: 1, lesson_count: 2 } }
    const { fetch, calls } = recordingFetch({ body: { course } })
    const client = createEscortTrainingClient(options(fetch))
    expect(await client.markLessonRead("tok", "course-privacy", "#1")).toEqual(course)
    expect(calls[0].url).toBe(
      "http://shop/escort/training/courses/course-privacy/lessons/%231/read"
    )
    expect(calls[0].init?.method).toBe("POST")
  })

  it("passes commerce's cool-down refusal through as an ApiError with its Chinese message", async () => {
    const message = "考试未通过，需等待冷却时间结束后重考（约 30 分钟后）"
    const { fetch } = recordingFetch({ status: 400, body: { type: "not_allowed", message } })
    const client = createEscortTrainingClient(options(fetch))
    const error = await client.startExam("tok", "course-privacy").catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toBe(message)
  })

  it("one key for a single-choice question, toggled keys for a multiple-choice one", () => {
    let answers = chooseExamOption({}, { id: "q1", kind: "single" }, "a")
    answers = chooseExamOption(answers, { id: "q1", kind: "single" }, "b")
    expect(answers.q1).toEqual(["b"])
    answers = chooseExamOption(answers, { id: "q2", kind: "multiple" }, "x")
    answers = chooseExamOption(answers, { id: "q2", kind: "multiple" }, "y")
    answers = chooseExamOption(answers, { id: "q2", kind: "multiple" }, "x")
    expect(answers.q2).toEqual(["y"])
    expect(unansweredCount([{ id: "q1" }, { id: "q2" }, { id: "q3" }], answers)).toBe(1)
  })

  it("counts the cool-down down and shows a certificate's last day in Beijing time", () => {
    const now = new Date("2026-12-07T02:00:00Z")
    expect(cooldownText("2026-12-07T02:12:05Z", now)).toBe("还需等待 12 分 05 秒后可重考")
    expect(cooldownText("2026-12-07T01:59:00Z", now)).toBeNull()
    expect(cooldownText(null, now)).toBeNull()
    expect(certificateValidUntil("2027-12-06T20:00:00Z")).toBe("有效期至 2027-12-07")
  })
})

import { commerceRequester, type CommerceClientOptions } from "../commerce/request"
import type {
  EscortPlatformReport,
  EscortProgress,
  EscortSchedule,
  EscortSopStepDone,
  EscortTask,
  EscortTaskDetail,
  EscortTaskTab,
} from "./escort-app-types"
import type { EscortTimelineEvent } from "./types"

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * The escort's own app (issue #20 item 6): sign-in by phone + SMS code as an `escort` actor
 * (not a shopper), the task center, accepting, moving a service along, 报备 and the schedule.
 * Every call takes the escort's token; the web passes "" because its relay adds the token from
 * the httpOnly cookie. Refusals carry commerce's Chinese message (ApiError, 409 when taken).
 */
export function createEscortAppClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const send = <T>(method: string, path: string, token: string, body: unknown = {}) =>
    request<T>(path, { method, body: JSON.stringify(body), token, ...noStore })
  const get = <T>(path: string, token: string) => request<T>(path, { token, ...noStore })

  return {
    /** Texts a sign-in code; escorts get the same codes members do. */
    async requestEscortSignInCode(phone: string): Promise<{ expires_in?: number }> {
      return send("POST", "/store/auth/sms-codes", "", { phone, purpose: "login" })
    },

    /** Phone + code → the escort's token; 401 when the number is not an active escort's. */
    async signInEscort(phone: string, code: string): Promise<string> {
      return (await send<{ token: string }>("POST", "/auth/escort/phone", "", { phone, code }))
        .token
    },

    async listEscortTasks(token: string, status: EscortTaskTab): Promise<EscortTask[]> {
      return (await get<{ tasks: EscortTask[] }>(`/escort/tasks?status=${status}`, token)).tasks
    },

    async getEscortTask(token: string, taskId: string): Promise<EscortTaskDetail> {
      return (await get<{ task: EscortTaskDetail }>(`/escort/tasks/${id(taskId)}`, token)).task
    },

    /** Grabs an open task or takes an offered one; 409 when another escort was first. */
    async acceptEscortTask(token: string, taskId: string): Promise<EscortTask> {
      return (await send<{ task: EscortTask }>("POST", `/escort/tasks/${id(taskId)}/accept`, token))
        .task
    },

    /** Turns down a task auto-dispatch offered; the next escort is offered it. */
    async declineEscortTask(token: string, taskId: string): Promise<void> {
      await send("POST", `/escort/tasks/${id(taskId)}/decline`, token)
    },

    /** One step on (已出发 → 已到达 → 陪同就医 → 服务完成); skipping or going back is a 409. */
    async progressEscortTask(
      token: string,
      taskId: string,
      progress: EscortProgress
    ): Promise<EscortTask> {
      return (
        await send<{ task: EscortTask }>(
          "POST",
          `/escort/tasks/${id(taskId)}/progress`,
          token,
          withoutEmpty(progress)
        )
      ).task
    },

    /** 报备: tells operations at once; it also shows on the member's timeline. */
    async reportToPlatform(
      token: string,
      taskId: string,
      report: EscortPlatformReport
    ): Promise<EscortTimelineEvent> {
      return (
        await send<{ report: EscortTimelineEvent }>(
          "POST",
          `/escort/tasks/${id(taskId)}/reports`,
          token,
          withoutEmpty(report)
        )
      ).report
    },

    /**
     * During 陪同就医, an SOP step (挂号, 候诊 … as `escortSopStepButtons` names them) done, on
     * the member's timeline at once; 409 outside 陪同就医 or when already recorded.
     */
    async recordEscortSopStep(
      token: string,
      taskId: string,
      done: EscortSopStepDone
    ): Promise<EscortTimelineEvent> {
      return (
        await send<{ event: EscortTimelineEvent }>(
          "POST",
          `/escort/tasks/${id(taskId)}/sop-steps`,
          token,
          withoutEmpty(done)
        )
      ).event
    },

    /**
     * A photo for a step or a 报备, stored with the task's pictures (multipart `file`, the
     * task's image upload route); the answer's id goes with the step or the 报备.
     */
    async uploadEscortTaskPhoto(token: string, taskId: string, file: Blob, name = "photo.jpg") {
      const form = new FormData()
      form.append("file", file, name)
      return (
        await request<{ upload: { id: string } }>(`/escort/tasks/${id(taskId)}/messages/images`, {
          method: "POST",
          body: form,
          token,
          ...noStore,
        })
      ).upload
    },

    /**
     * Where a mini-program uploads that photo itself (Taro.uploadFile has no FormData): the
     * URL and headers, field name `file`.
     */
    escortTaskPhotoUploadTarget(token: string, taskId: string) {
      return {
        url: `${options.baseUrl.replace(/\/$/, "")}/escort/tasks/${id(taskId)}/messages/images`,
        header: {
          "x-publishable-api-key": options.publishableKey,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        name: "file",
      }
    },

    /** Null: no schedule set, available any time. */
    async getEscortSchedule(token: string): Promise<EscortSchedule | null> {
      return (await get<{ schedule: EscortSchedule | null }>("/escort/schedule", token)).schedule
    },

    async putEscortSchedule(token: string, schedule: EscortSchedule): Promise<EscortSchedule> {
      return (await send<{ schedule: EscortSchedule }>("PUT", "/escort/schedule", token, schedule))
        .schedule
    },
  }
}

/** Optional parts left out rather than sent empty (commerce reads null as "none" anyway). */
function withoutEmpty<T extends object>(body: T): T {
  return Object.fromEntries(
    Object.entries(body).filter(
      ([, value]) =>
        value !== undefined &&
        value !== null &&
        value !== "" &&
        !(Array.isArray(value) && value.length === 0)
    )
  ) as T
}

export type EscortAppClient = ReturnType<typeof createEscortAppClient>

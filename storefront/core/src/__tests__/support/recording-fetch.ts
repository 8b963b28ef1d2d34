import type { FetchLike } from "../../http"

/** Records each call and answers with the queued JSON bodies, like the back end would. */
export function recordingFetch(...answers: { status?: number; body: unknown }[]) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = []
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init })
    const answer = answers.shift() ?? { body: {} }
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 })
  }
  return { fetch, calls }
}

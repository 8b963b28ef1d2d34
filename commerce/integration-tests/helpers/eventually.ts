/**
 * Subscribers and queue jobs run in the background (Redis event bus, BullMQ): polls
 * `read` until `check` passes and returns that value. When `timeoutMs` (a minute) is up
 * it throws, naming the condition and the last value read, so a wait that never ends
 * fails the test at the wait instead of letting it carry on.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 60_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (check(value)) return value
    if (Date.now() >= deadline) {
      throw new Error(
        `eventually(): still not true after ${timeoutMs / 1000} s: ${String(check)}; ` +
          `last value read: ${preview(value)}`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function preview(value: unknown) {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text
}

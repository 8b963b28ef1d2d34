/**
 * Subscribers and queue jobs run in the background (Redis event bus, BullMQ): polls
 * `read` until `check` passes or a minute is up, and returns the last value read, so
 * the test's own assertion says what was expected.
 */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean) {
  const deadline = Date.now() + 60_000
  let value = await read()
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    value = await read()
  }
  return value
}

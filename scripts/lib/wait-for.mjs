/** Polls a URL until it answers with an accepted status, or fails with a clear message. */
export async function waitForHttp(
  name,
  url,
  { timeoutMs = 180_000, accept = (status) => status < 500, isAlive = () => true } = {}
) {
  const deadline = Date.now() + timeoutMs
  let lastError = ""
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`${name} 进程已退出，启动失败（见上方日志）`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (accept(response.status)) return
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error.cause?.code || error.message
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`${name} 在 ${timeoutMs / 1000}s 内未就绪 (${url}: ${lastError})`)
}

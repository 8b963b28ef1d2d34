/**
 * The mini-program runtime has no AbortSignal; storefront/core's CMS client gives up on a slow
 * CMS with `AbortSignal.timeout(ms)`. Provided to the weapp build in its place (config/index.ts);
 * taro-fetch aborts the Taro.request when the signal fires.
 */
export class MiniAbortSignal {
  aborted = false
  reason: unknown = undefined
  private listeners: (() => void)[] = []

  addEventListener(type: string, listener: () => void) {
    if (type === "abort") this.listeners.push(listener)
  }

  removeEventListener(type: string, listener: () => void) {
    if (type === "abort") this.listeners = this.listeners.filter((l) => l !== listener)
  }

  abort(reason: unknown = new Error("请求超时")) {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    this.listeners.splice(0).forEach((listener) => listener())
  }

  throwIfAborted() {
    if (this.aborted) throw this.reason
  }

  static timeout(ms: number): MiniAbortSignal {
    const signal = new MiniAbortSignal()
    setTimeout(() => signal.abort(new Error("请求超时")), ms)
    return signal
  }
}

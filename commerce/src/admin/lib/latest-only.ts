/**
 * Wraps a request so that only the latest call's answer arrives: an earlier call's answer (or
 * error) that comes back later is dropped. Switching a list's filter twice quickly must not
 * leave the first filter's rows on screen when its slower answer lands last.
 */
export function latestOnly<A extends unknown[], T>(
  request: (...args: A) => Promise<T>
): (...args: A) => Promise<T> {
  let latest = 0
  return (...args) => {
    const ticket = ++latest
    // A superseded call's promise never settles: nothing waits on it but the dropped update.
    return new Promise<T>((resolve, reject) => {
      request(...args).then(
        (value) => ticket === latest && resolve(value),
        (error) => ticket === latest && reject(error)
      )
    })
  }
}

import type { EscortLocation } from "@health/core"

export type LocationResult = { location: EscortLocation } | { problem: string }

type Geolocation = Pick<globalThis.Geolocation, "getCurrentPosition">

/**
 * The browser's current position for a step or a 报备. A refusal is explained, never thrown:
 * the step can still go without the place.
 */
export function currentLocation(
  geolocation: Geolocation | undefined = typeof navigator === "undefined"
    ? undefined
    : navigator.geolocation
): Promise<LocationResult> {
  if (!geolocation) return Promise.resolve({ problem: "当前浏览器不支持定位" })
  return new Promise((resolve) =>
    geolocation.getCurrentPosition(
      (position) =>
        resolve({
          location: {
            lat: Number(position.coords.latitude.toFixed(6)),
            lng: Number(position.coords.longitude.toFixed(6)),
          },
        }),
      (error) =>
        resolve({
          problem:
            error.code === 1
              ? "未获得定位权限，可在浏览器设置中允许定位"
              : "暂时无法获取位置，请稍后再试",
        }),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 }
    )
  )
}

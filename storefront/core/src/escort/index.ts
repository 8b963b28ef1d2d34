export * from "./types"
export * from "./escort-client"
export * from "./timeline"
export * from "./subscribe"

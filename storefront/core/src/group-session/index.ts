export * from "./types"
export * from "./group-session-client"

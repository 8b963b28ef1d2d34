export * from "./types"
export * from "./assessment-client"
export * from "./assessment-state"

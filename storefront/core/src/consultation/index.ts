export * from "./types"
export * from "./consultation-client"
export * from "./doctor-app-client"
export * from "./subscribe-consultation"

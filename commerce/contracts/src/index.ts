// Relative imports carry .js: the ES build is a "type": "module" folder, where bundlers
// (webpack in Next and Taro) resolve only fully specified paths.
export * from "./appointment.js"
export * from "./appointment-status.js"
export * from "./checkout-metadata.js"
export * from "./cms-content.js"
export * from "./constitution.js"
export * from "./health-archive.js"
export * from "./kit-barcode.js"
export * from "./kit-status.js"
export * from "./mask-personal-data.js"
export * from "./payment-action.js"
export * from "./membership.js"
export * from "./search.js"

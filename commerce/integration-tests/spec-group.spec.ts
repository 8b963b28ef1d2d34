// `npm test` runs most HTTP spec files in groups, one booted app a group (helpers/spec-group.ts).
// HTTP_SPEC_GROUP names the group's files in order, comma-separated, without `.spec.ts`.
import { runSpecFilesTogether } from "./helpers/spec-group"

const names = (process.env.HTTP_SPEC_GROUP ?? "").split(",").filter(Boolean)
if (names.length === 0) throw new Error("HTTP_SPEC_GROUP names no HTTP spec file")
runSpecFilesTogether(names)

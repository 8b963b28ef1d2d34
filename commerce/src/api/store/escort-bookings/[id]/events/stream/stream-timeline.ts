// The timeline stream is shared with consultations: it lives in lib/live now.
export { HEARTBEAT_MS, streamTimeline } from "../../../../../../lib/live/stream-timeline"

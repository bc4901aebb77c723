// How far a "Skicka alla" batch has come, from the states Rust reports; counting only, no money.
import type { DeliveryStateCode, DeliveryStatusView } from "../ipc/delivery";

const settled: DeliveryStateCode[] = ["handed_over", "delivered", "failed", "handled"];

export interface BatchProgress {
  done: number;
  total: number;
  failed: number;
  waiting: number;
  percent: number;
}

/** Progress of the batch `ids` given the latest states (invoices without a state count as not done). */
export function batchProgress(ids: number[], states: DeliveryStatusView[]): BatchProgress {
  const byId = new Map(states.map((state) => [state.invoice_id, state.state]));
  let done = 0;
  let failed = 0;
  let waiting = 0;
  for (const id of ids) {
    const state = byId.get(id);
    if (state && settled.includes(state)) done += 1;
    if (state === "failed") failed += 1;
    if (state === "waiting_for_connection" || state === "paused") waiting += 1;
  }
  const total = ids.length;
  return { done, total, failed, waiting, percent: total === 0 ? 100 : Math.round((done * 100) / total) };
}

/** The chip style of a delivery state. */
export function stateTone(state: DeliveryStateCode): "neutral" | "busy" | "good" | "bad" {
  switch (state) {
    case "delivered":
      return "good";
    case "failed":
    case "paused":
      return "bad";
    case "queued":
    case "waiting_for_connection":
    case "sending":
    case "handed_over":
      return "busy";
    default:
      return "neutral";
  }
}

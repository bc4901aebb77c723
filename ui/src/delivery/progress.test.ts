import { describe, expect, it } from "vitest";
import type { DeliveryStatusView } from "../ipc/delivery";
import { batchProgress, stateTone } from "./progress";

function status(invoice_id: number, state: DeliveryStatusView["state"]): DeliveryStatusView {
  return {
    invoice_id,
    state,
    channel: null,
    label: state,
    detail: null,
    reasons: [],
    attempts: 0,
    next_attempt_at: null,
    can_reroute: false,
    can_retry: false,
    can_mark_handled: false,
    can_send_copy: false,
  };
}

describe("batchProgress", () => {
  it("counts settled, failed and waiting invoices of the batch only", () => {
    const states = [
      status(1, "delivered"),
      status(2, "failed"),
      status(3, "waiting_for_connection"),
      status(4, "handed_over"),
      status(9, "delivered"),
    ];
    expect(batchProgress([1, 2, 3, 4, 5], states)).toEqual({ done: 3, total: 5, failed: 1, waiting: 1, percent: 60 });
  });

  it("an empty batch is complete", () => {
    expect(batchProgress([], []).percent).toBe(100);
  });
});

describe("stateTone", () => {
  it.each([
    ["delivered", "good"],
    ["failed", "bad"],
    ["paused", "bad"],
    ["waiting_for_connection", "busy"],
    ["not_sent", "neutral"],
  ] as const)("%s is %s", (state, tone) => {
    expect(stateTone(state)).toBe(tone);
  });
});

import { describe, expect, it } from "vitest";
import { fieldErrors, isCommand, latestOnly, unplacedMessage } from "./formErrors";
import type { AppError } from "../ipc";

const error: AppError = {
  code: "invalid_input",
  message: "2 uppgifter behöver rättas; se markerade fält.",
  fields: [
    { field: "legal_id", message: "Fel kontrollsiffra" },
    { field: "address.postal_code", message: "Fem siffror" },
    { field: "legal_id", message: "Andra meddelandet" },
  ],
};

describe("field errors", () => {
  it("maps each field to its first message", () => {
    expect(fieldErrors(error)).toEqual({ legal_id: "Fel kontrollsiffra", "address.postal_code": "Fem siffror" });
    expect(fieldErrors(null)).toEqual({});
  });

  it("keeps messages no input shows", () => {
    expect(unplacedMessage(error, ["legal_id", "address.postal_code"])).toBeNull();
    expect(unplacedMessage(error, ["legal_id"])).toBe("Fem siffror");
    expect(unplacedMessage({ code: "internal", message: "Disken är full", fields: [] }, [])).toBe("Disken är full");
    expect(unplacedMessage(null, [])).toBeNull();
  });
});

describe("latestOnly", () => {
  it("marks answers to superseded calls as stale", async () => {
    const resolvers: Array<(value: string) => void> = [];
    const load = latestOnly((text: string) => new Promise<string>((resolve) => resolvers.push(() => resolve(text))));
    const first = load("ö");
    const second = load("öb");
    resolvers[1]?.("öb");
    resolvers[0]?.("ö");
    expect(await second).toEqual({ current: true, value: "öb" });
    expect(await first).toEqual({ current: false, value: "ö" });
  });
});

describe("isCommand", () => {
  const press = (key: string, extra: Partial<KeyboardEvent> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...extra,
  });
  it("accepts Ctrl or ⌘ with the key and nothing else", () => {
    expect(isCommand(press("s", { ctrlKey: true }), "s")).toBe(true);
    expect(isCommand(press("S", { metaKey: true }), "s")).toBe(true);
    expect(isCommand(press("s"), "s")).toBe(false);
    expect(isCommand(press("s", { ctrlKey: true, shiftKey: true }), "s")).toBe(false);
    expect(isCommand(press("n", { ctrlKey: true }), "s")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { backupTime, fileSize } from "./backupFormat";

const backup = { path: "/x/auto.sqlite", file_name: "auto.sqlite", kind: "scheduled" as const, size_bytes: 1, taken_at: null };

describe("backup rows", () => {
  it("shows the file name when the time is unknown", () => {
    expect(backupTime(backup, "sv")).toBe("auto.sqlite");
  });

  it("shows a time in the user's language", () => {
    const text = backupTime({ ...backup, taken_at: "2026-05-04T10:00:00Z" }, "sv");
    expect(text).toMatch(/^2026-05-04 \d\d:\d\d$/);
  });

  it("sizes files", () => {
    const cases: Array<[number, string]> = [
      [10, "1 kB"],
      [200_000, "195 kB"],
      [5 * 1024 * 1024, "5.0 MB"],
    ];
    for (const [bytes, expected] of cases) {
      expect(fileSize(bytes)).toBe(expected);
    }
  });
});

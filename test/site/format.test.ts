import {describe, expect, it} from "vitest";
import {
  formatChange, formatDate, formatNumber, formatRank, formatTick, formatValue, formatYear, MINUS, NBSP, parseSwedishNumber
} from "../../src/components/format.js";

describe("Swedish number formats", () => {
  it("uses a decimal comma, a non-breaking space between thousands and the true minus sign", () => {
    expect(formatNumber(81.44)).toBe("81,4");
    expect(formatNumber(1234567.891, 2)).toBe(`1${NBSP}234${NBSP}567,89`);
    expect(formatNumber(-2.34)).toBe(`${MINUS}2,3`);
    expect(formatNumber(-2.34)).not.toContain("-");
    expect(formatNumber(999, 0)).toBe("999");
    expect(formatNumber(1000, 0)).toBe(`1${NBSP}000`);
  });

  it("rounds half away from zero and never prints −0", () => {
    expect(formatNumber(0.05)).toBe("0,1");
    expect(formatNumber(-0.04)).toBe("0,0");
    expect(formatNumber(2.25, 1)).toBe("2,3");
  });

  it("shows a dash for missing values", () => {
    expect(formatNumber(null)).toBe("–");
    expect(formatNumber(Number.NaN)).toBe("–");
    expect(formatValue(null, "percent")).toBe("–");
  });

  it("formats values with their unit", () => {
    expect(formatValue(81.44, "percent")).toBe(`81,4${NBSP}%`);
    expect(formatValue(312.4, "tkr")).toBe(`312${NBSP}tkr`);
    expect(formatValue(4.25, "per_1000")).toBe(`4,3${NBSP}per 1${NBSP}000 inv.`);
    expect(formatValue(12345, "count")).toBe(`12${NBSP}345`);
    expect(formatValue(-16.94, "percentage_points")).toBe(`${MINUS}16,9${NBSP}procentenheter`);
  });

  it("formats changes with a sign; a change of a percentage is in percentage points", () => {
    expect(formatChange(-2.34, "percent")).toBe(`${MINUS}2,3${NBSP}procentenheter`);
    expect(formatChange(2.34, "percent")).toBe(`+2,3${NBSP}procentenheter`);
    expect(formatChange(0.01, "percent")).toBe(`0,0${NBSP}procentenheter`);
    expect(formatChange(3, "tkr")).toBe(`+3${NBSP}tkr`);
    expect(formatChange(null, "percent")).toBe("–");
  });

  it("never groups years, and formats ranks and dates the Swedish way", () => {
    expect(formatYear(2023)).toBe("2023");
    expect(formatRank(3, 13)).toBe("3 av 13");
    expect(formatDate("2026-11-20")).toBe("2026-11-20");
    // 23:30 UTC on 19 Nov is 00:30 on 20 Nov in Stockholm.
    expect(formatDate("2026-11-19T23:30:00Z")).toBe("2026-11-20");
  });

  it("formats axis ticks with only the decimals needed", () => {
    expect(formatTick(20)).toBe("20");
    expect(formatTick(2.5)).toBe("2,5");
    expect(formatTick(-0.25)).toBe(`${MINUS}0,25`);
    expect(formatTick(10000)).toBe(`10${NBSP}000`);
  });

  it("parses what it prints (used by the browser tests)", () => {
    expect(parseSwedishNumber(`${MINUS}2,3${NBSP}procentenheter`)).toBe(-2.3);
    expect(parseSwedishNumber(`1${NBSP}234${NBSP}tkr`)).toBe(1234);
    expect(parseSwedishNumber(`81,4${NBSP}%`)).toBe(81.4);
    expect(parseSwedishNumber("–")).toBeNull();
    expect(() => parseSwedishNumber("abc")).toThrow(/not a Swedish number/);
  });
});

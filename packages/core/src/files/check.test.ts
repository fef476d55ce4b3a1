import { describe, expect, it } from "vitest";
import { contentMatches, openDocumentHead, SLIDE_TYPES, typeByExtension, UPLOAD_TYPES } from "./check.ts";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe("upload content checks", () => {
  it("reads the type a name gives, among the allowed ones", () => {
    expect(typeByExtension("Rapport.PDF")).toBe(UPLOAD_TYPES.pdf);
    expect(typeByExtension("photo.jpg")).toBe(UPLOAD_TYPES.jpeg);
    expect(typeByExtension("slides.odp")).toBeNull();
    expect(typeByExtension("slides.odp", SLIDE_TYPES)).toBe(SLIDE_TYPES.odp);
    expect(typeByExtension("programme.exe")).toBeNull();
    expect(typeByExtension("sans-extension")).toBeNull();
  });

  it("accepts content that matches its type and refuses a renamed file", () => {
    expect(contentMatches(UPLOAD_TYPES.pdf, text("%PDF-1.7\n"))).toBe(true);
    expect(contentMatches(UPLOAD_TYPES.pdf, text("MZ\x90\x00"))).toBe(false);
    expect(contentMatches(UPLOAD_TYPES.png, bytes(0x89, 0x50, 0x4e, 0x47))).toBe(true);
    expect(contentMatches(UPLOAD_TYPES.jpeg, bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(contentMatches(UPLOAD_TYPES.docx, bytes(0x50, 0x4b, 0x03, 0x04))).toBe(true);
    expect(contentMatches(UPLOAD_TYPES.docx, text("%PDF-1.7"))).toBe(false);
    expect(contentMatches(UPLOAD_TYPES.txt, bytes(0x41, 0x00, 0x42))).toBe(false);
  });

  it("wants an OpenDocument package to say which kind it is", () => {
    expect(contentMatches(SLIDE_TYPES.odp, openDocumentHead(SLIDE_TYPES.odp))).toBe(true);
    // A text document renamed .odp, or any zip renamed .odt, is refused.
    expect(contentMatches(SLIDE_TYPES.odp, openDocumentHead(UPLOAD_TYPES.odt))).toBe(false);
    expect(contentMatches(UPLOAD_TYPES.odt, bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0))).toBe(false);
  });
});

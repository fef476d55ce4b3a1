/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A contrast gate of our own, beside axe: axe leaves text over gradients, images or overlapping
// layers as "needs review" (incomplete), which is how blue-on-blue buttons (1:1) slipped through.
// This computes, in the page, the contrast of the text of every visible link and button from the
// computed colours (alpha-blended down the ancestors' backgrounds; against every colour stop of a
// gradient) and fails under 4.5:1, or 3:1 for large text (WCAG 1.4.3).
import type { Page } from "@playwright/test";

export interface ContrastFailure {
  target: string;
  text: string;
  ratio: number;
  required: number;
  fg: string;
  bg: string;
}

/** Runs in the browser: returns every link/button text below its required contrast. */
function measure(): ContrastFailure[] {
  type RGBA = [number, number, number, number];
  // Any CSS colour (rgb, oklch — Tailwind 4's palette —, lab, color()…) through a canvas, which
  // converts it to sRGB as the screen shows it.
  const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
  const cache = new Map<string, RGBA | null>();
  const parse = (c: string): RGBA | null => {
    if (!c || c === "transparent") return null;
    if (cache.has(c)) return cache.get(c)!;
    const alpha = /\/\s*([\d.]+)(%?)\s*\)$/.exec(c) ?? /^rgba\([^,]+,[^,]+,[^,]+,\s*([\d.]+)\)$/.exec(c);
    const a = alpha ? Number(alpha[1]) / (alpha[2] === "%" ? 100 : 1) : 1;
    // Paint the colour without its alpha, read its sRGB value; the alpha is blended later.
    const opaque = c
      .replace(/\s*\/\s*[\d.]+%?\s*\)$/, ")")
      .replace(/^rgba\(([^,]+,[^,]+,[^,]+),[^)]+\)$/, "rgb($1)");
    const sentinel = "#010203";
    ctx.fillStyle = sentinel;
    ctx.fillStyle = opaque;
    let out: RGBA | null = null;
    if (ctx.fillStyle !== sentinel) {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      out = [r!, g!, b!, a];
    }
    cache.set(c, out);
    return out;
  };
  const colourFunctions = /(?:rgba?|hsla?|oklch|oklab|lab|lch|color)\([^()]*\)/g;
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const lum = ([r, g, b]: RGBA) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const show = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(",")})`;
  const white: RGBA = [255, 255, 255, 1];

  /** The possible backdrops of an element: one colour, or one per stop of a gradient below it. */
  const backdrops = (el: Element): RGBA[] => {
    const layers: RGBA[] = [];
    let base: RGBA[] = [white];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const img = s.backgroundImage;
      if (img && img !== "none") {
        const stops = [...img.matchAll(colourFunctions)]
          .map((m) => parse(m[0]))
          .filter((c): c is RGBA => c !== null);
        // An image (url) with no colour stops: judged against its own fallback colour below.
        if (stops.length > 0) {
          base = stops.map((c) => over(c, white));
          const bg = parse(s.backgroundColor);
          if (bg && bg[3] > 0) base = base.map((b) => over(b, over(bg, white)));
          break;
        }
      }
      const bg = parse(s.backgroundColor);
      if (bg && bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) {
          base = [bg];
          layers.pop();
          break;
        }
      }
    }
    return base.map((b) => layers.reduceRight((acc, l) => over(l, acc), b));
  };

  /** Text for screen readers only (Tailwind's sr-only: a clipped 1 px box), or not laid out. */
  const visuallyHidden = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) {
        if (s.overflow === "hidden" || s.position === "absolute" || e === el) return true;
      }
      if (s.clipPath === "inset(50%)" || /rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(s.clip))
        return true;
    }
    return false;
  };

  const failures: ContrastFailure[] = [];
  const controls = document.querySelectorAll(
    'a[href], button, [role="button"], [role="tab"], [role="menuitem"], input[type="submit"], summary',
  );
  for (const control of controls) {
    if ((control as HTMLButtonElement).disabled || control.getAttribute("aria-disabled") === "true") continue;
    const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
    const parents = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (n.textContent?.trim() && n.parentElement) parents.add(n.parentElement);
    for (const el of parents) {
      if (visuallyHidden(el)) continue; // sr-only text
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const s = getComputedStyle(el);
      const fg = parse(s.color);
      if (!fg || fg[3] === 0) continue;
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      const required = large ? 3 : 4.5;
      for (const bg of backdrops(el)) {
        const value = ratio(over(fg, bg), bg);
        if (value < required) {
          failures.push({
            target: `${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ""}`,
            text: (el.textContent ?? "").trim().slice(0, 60),
            ratio: Math.round(value * 100) / 100,
            required,
            fg: show(over(fg, bg)),
            bg: show(bg),
          });
          break;
        }
      }
    }
  }
  return failures;
}

/** Contrast failures of the links and buttons of the page as it is now. */
export async function contrastFailures(page: Page): Promise<ContrastFailure[]> {
  return page.evaluate(measure);
}

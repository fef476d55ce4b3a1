// Charts drawn on the server with Observable Plot into a DOM of linkedom: the same SVG goes into
// the page, the PDF (pdfmake's svg node) and the e-mail. Accessible (role img, <title>, <desc>;
// the data table sits behind « voir les données » on the page) and readable in greyscale (series
// differ by dash and marker, bars by shade with a dark outline, the target is a dashed rule).
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { ChartSpec } from "./definition.ts";

const INK = "#0f172a";
// Dark and light enough apart to tell in greyscale.
const SHADES = ["#1e3a8a", "#93c5fd", "#475569"];
const DASHES = ["none", "6 3", "2 2"];

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The chart as a standalone SVG string. */
export function chartSvg(spec: ChartSpec, opts: { width?: number; height?: number } = {}): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const series = [...new Set(spec.data.map((d) => d.series ?? ""))];
  const xs = [...new Set(spec.data.map((d) => d.x))];
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: INK })];
  if (spec.kind === "line") {
    series.forEach((s, i) => {
      const data = spec.data.filter((d) => (d.series ?? "") === s);
      marks.push(
        Plot.line(data, { x: "x", y: "y", stroke: INK, strokeWidth: 2, strokeDasharray: DASHES[i % 3] }),
        Plot.dot(data, {
          x: "x",
          y: "y",
          fill: i === 0 ? INK : "white",
          stroke: INK,
          symbol: i === 0 ? "circle" : "square",
          r: 4,
        }),
      );
    });
  } else {
    const bars = spec.data.map((d) => ({ ...d, key: series.length > 1 ? `${d.x} · ${d.series}` : d.x }));
    marks.push(
      Plot.barY(bars, {
        x: "key",
        y: "y",
        fill: (d: { series?: string }) => SHADES[series.indexOf(d.series ?? "") % 3],
        stroke: INK,
        strokeWidth: 0.8,
      }),
      Plot.text(bars, { x: "key", y: "y", text: (d: { y: number }) => String(d.y), dy: -6, fill: INK }),
    );
  }
  if (spec.target) {
    marks.push(
      Plot.ruleY([spec.target.value], { stroke: INK, strokeDasharray: "3 3", strokeWidth: 1.2 }),
      Plot.text([spec.target.value], {
        y: (v: number) => v,
        x: xs.at(-1) ?? "",
        text: () => spec.target!.label,
        dy: -8,
        textAnchor: "end",
        fill: INK,
      }),
    );
  }
  const svg = Plot.plot({
    document,
    width: opts.width ?? 640,
    height: opts.height ?? 260,
    marginBottom: spec.kind === "bar" && series.length > 1 ? 70 : 40,
    marginLeft: 50,
    style: { color: INK, background: "white", fontSize: "11px" },
    x: {
      label: spec.xLabel,
      type: "band",
      ...(spec.kind === "bar" && series.length > 1 ? { tickRotate: -25 } : {}),
    },
    y: { label: spec.yLabel, grid: true, ...(spec.yDomain ? { domain: spec.yDomain } : {}) },
    marks,
  }) as unknown as { outerHTML: string };
  const legend =
    series.length > 1
      ? series
          .map((s, i) =>
            spec.kind === "line"
              ? `${s} : ${i === 0 ? "trait plein, ronds" : "tirets, carrés"}`
              : `${s} : ${i === 0 ? "foncé" : "clair"}`,
          )
          .join(" ; ")
      : "";
  const desc = `${spec.description}${legend ? ` Légende : ${legend}.` : ""}`;
  return (
    svg.outerHTML
      // Plot's stylesheet and currentColor: replaced by plain attributes (PDF renderers, mail clients).
      .replace(/<style>[\s\S]*?<\/style>/, "")
      .replace(/currentColor/g, INK)
      // The chart is one image: its parts carry no ARIA of their own (Plot names its groups).
      .replace(/ aria-(label|description)="[^"]*"/g, "")
      .replace(
        /^<svg /,
        `<svg role="img" aria-labelledby="chart-${spec.id}-title chart-${spec.id}-desc" font-family="Roboto, Helvetica, Arial, sans-serif" `,
      )
      .replace(
        /^(<svg[^>]*>)/,
        `$1<title id="chart-${spec.id}-title">${escape(spec.title)}</title><desc id="chart-${spec.id}-desc">${escape(desc)}</desc>`,
      )
  );
}
